// The idle lock (policy: 10 minutes, session.info idleLockMinutes): no key, mouse or touch input
// for that long and the session locks (an encrypted ledger forgets its key in the core). System
// suspend and the screen lock are handled by the Electron main process (powerMonitor).
import { useEffect } from 'react';
import { useSession } from './store';

const inputs = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` after `ms` without input; returns the stop function. */
export function startIdleTimer(ms: number, onIdle: () => void, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  let timer = setTimeout(onIdle, ms);
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  for (const e of inputs) target.addEventListener(e, reset, { passive: true });
  return () => {
    clearTimeout(timer);
    for (const e of inputs) target.removeEventListener(e, reset);
  };
}

export function IdleLock() {
  const minutes = useSession((s) => s.info?.idleLockMinutes);
  const lockable = useSession((s) => !!s.info && (s.info.logins || s.info.encrypted) && !s.info.demo);
  useEffect(() => {
    if (!minutes || !lockable) return;
    return startIdleTimer(minutes * 60_000, () => void useSession.getState().lock());
  }, [minutes, lockable]);
  return null;
}
