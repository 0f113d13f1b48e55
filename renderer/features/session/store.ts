// What the app knows about the open ledger: session.info (demo?, user, roles, today, data dir) and
// whether the store is locked or the session must log in. Other features read it with
// useSession(), and ask `useCan()(permission)` whether to offer an action (the core still refuses).
import { create } from 'zustand';
import { endpointNames, type EndpointName, type SessionInfo } from '../../../shared/contract';
import type { Permission } from '../../../shared/contract/permissions';
import { ApiError, callEndpoint, onSessionLost } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { setCacheScope, setCachePersistence } from '../../db/cache';
import { forgetDraftKey, protectDrafts } from '../../db/drafts';

/** locked: an encrypted ledger without accounts waits for its passphrase; login: someone must log in. */
export type SessionStatus = 'loading' | 'ready' | 'locked' | 'login' | 'unauthorized' | 'error';

interface SessionState {
  status: SessionStatus;
  info: SessionInfo | null;
  error: ApiError | null;
  /** The last name that logged in here (the lock screen offers it again); memory only. */
  lastName: string;
  load(): Promise<void>;
  /** Applies a session.info answer (login, lock, set password return one). */
  apply(info: SessionInfo): Promise<void>;
  /** Locks now (idle timer, the lock button). */
  lock(): Promise<void>;
}

function statusOf(info: SessionInfo): SessionStatus {
  if (info.locked) return info.logins ? 'login' : 'locked';
  return info.signedIn ? 'ready' : 'login';
}

// Drafts get a new key at each sign-in of an encrypted ledger (and lose it at each lock).
let draftsKeyedFor: string | null = null;

export const useSession = create<SessionState>((set, get) => ({
  status: 'loading',
  info: null,
  error: null,
  lastName: '',
  async load() {
    try {
      await get().apply(await callEndpoint('session.info', {}));
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', { zh: String(e), en: String(e) });
      set({
        status: err.code === 'LOCKED' ? 'locked' : err.code === 'UNAUTHORIZED' ? 'unauthorized' : 'error',
        error: err,
      });
    }
  },
  async apply(info) {
    const status = statusOf(info);
    // Before any query runs: an encrypted ledger keeps nothing readable in IndexedDB.
    const sealed = info.encrypted && !info.demo;
    await setCachePersistence(!sealed);
    if (status === 'ready') {
      await setCacheScope(`${info.demo ? 'demo' : 'main'}:${info.dataDir}`);
      const who = `${info.dataDir}|${info.user}`;
      if (sealed && draftsKeyedFor !== who) await protectDrafts(true);
      else if (!sealed) await protectDrafts(false);
      draftsKeyedFor = sealed ? who : null;
      useAsOf.getState().initFromSession(info);
    } else {
      forgetDraftKey();
      draftsKeyedFor = null;
    }
    set({ status, info, error: null, ...(info.signedIn && info.logins ? { lastName: info.user } : {}) });
  },
  async lock() {
    try {
      await get().apply(await callEndpoint('session.lock', {}));
    } catch {
      await get().load();
    }
  },
}));

// A call refused for want of a session (locked elsewhere, idle, suspend): back to the login screen.
onSessionLost(() => {
  if (useSession.getState().status === 'ready') void useSession.getState().load();
});

/** Whether the signed-in user's roles hold `permission` (to hide what they cannot do). */
export function useCan(): (permission: Permission) => boolean {
  const permissions = useSession((s) => s.info?.permissions);
  return (p) => !!permissions?.includes(p);
}

/** Endpoints that other issues add; the UI offers their buttons only once the contract has them. */
export function hasEndpoint(name: string): name is EndpointName {
  return (endpointNames as string[]).includes(name);
}

/** Calls an endpoint that may not be in the contract yet (typed loosely on purpose). */
export function callOptional(name: string, input: unknown): Promise<unknown> {
  if (!hasEndpoint(name)) {
    return Promise.reject(
      new ApiError('UNKNOWN_COMMAND', { zh: `此版本尚不支持：${name}`, en: `Not available in this version: ${name}` }),
    );
  }
  return callEndpoint(name, input as never);
}
