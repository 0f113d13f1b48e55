// A read that goes to the core at once (no wait for the IndexedDB cache, which costs more than
// the case file's own answer) and again whenever the store revision moves past the answer shown.
// The previous answer for the same input stays on screen while a refetch is in flight.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EndpointName, InputOf, OutputOf } from '../../../shared/contract';
import { ApiError, callEndpoint } from '../../api/client';
import { useRevision } from '../../api/revision';

export interface LiveQuery<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  refetch(): Promise<void>;
}

export function useLiveQuery<N extends EndpointName>(name: N, input: InputOf<N>, opts: { enabled?: boolean } = {}): LiveQuery<OutputOf<N>> {
  const enabled = opts.enabled ?? true;
  const inputKey = JSON.stringify(input ?? {});
  const key = `${name}|${inputKey}`;
  const revision = useRevision((s) => s.revision);
  const epoch = useRevision((s) => s.epoch);
  const [state, setState] = useState<{ key: string; data?: OutputOf<N>; error?: ApiError; loading: boolean; stamp?: number | null; epoch?: number }>({
    key: '',
    loading: true,
  });
  const seq = useRef(0);
  // The first request for a new input starts while rendering, not after the first paint: the
  // route change's own render and paint then overlap with the core's work.
  const early = useRef<{ key: string; promise: Promise<OutputOf<N>> } | null>(null);
  if (enabled && early.current?.key !== key && state.key !== key) {
    const promise = callEndpoint(name, JSON.parse(inputKey) as InputOf<N>);
    promise.catch(() => undefined);
    early.current = { key, promise };
  }

  const fetchNow = useCallback(async () => {
    const my = ++seq.current;
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, loading: true }));
    try {
      const started = early.current?.key === key ? early.current.promise : null;
      early.current = null;
      const value = await (started ?? callEndpoint(name, JSON.parse(inputKey) as InputOf<N>));
      if (my !== seq.current) return;
      const r = useRevision.getState();
      setState({ key, data: value, loading: false, stamp: r.revision, epoch: r.epoch });
    } catch (e) {
      if (my !== seq.current) return;
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', { zh: String(e), en: String(e) });
      setState((s) => ({ ...s, key, loading: false, error: err }));
    }
  }, [name, inputKey, key]);

  // New input: fetch at once.
  useEffect(() => {
    if (enabled) void fetchNow();
  }, [enabled, fetchNow]);

  // The store moved (a command here or elsewhere): fetch again.
  const { stamp, loading } = state;
  const stampEpoch = state.epoch;
  useEffect(() => {
    if (!enabled || loading || stamp === undefined) return;
    if ((revision !== null && revision !== stamp) || epoch !== stampEpoch) void fetchNow();
  }, [enabled, loading, stamp, stampEpoch, revision, epoch, fetchNow]);

  const current = state.key === key ? state : { data: undefined, error: undefined, loading: true };
  return { data: current.data, error: current.error, loading: current.loading, refetch: fetchNow };
}
