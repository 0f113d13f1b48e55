// What the app knows about the open ledger: session.info (demo?, user, today, data dir) and
// whether the store is locked. Other features read it with useSession().
import { create } from 'zustand';
import { endpointNames, type EndpointName, type SessionInfo } from '../../../shared/contract';
import { ApiError, callEndpoint } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { setCacheScope } from '../../db/cache';

export type SessionStatus = 'loading' | 'ready' | 'locked' | 'unauthorized' | 'error';

interface SessionState {
  status: SessionStatus;
  info: SessionInfo | null;
  error: ApiError | null;
  load(): Promise<void>;
}

export const useSession = create<SessionState>((set) => ({
  status: 'loading',
  info: null,
  error: null,
  async load() {
    try {
      const info = await callEndpoint('session.info', {});
      await setCacheScope(`${info.demo ? 'demo' : 'main'}:${info.dataDir}`);
      useAsOf.getState().initFromSession(info);
      set({ status: info.locked ? 'locked' : 'ready', info, error: null });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', { zh: String(e), en: String(e) });
      set({
        status: err.code === 'LOCKED' ? 'locked' : err.code === 'UNAUTHORIZED' ? 'unauthorized' : 'error',
        error: err,
      });
    }
  },
}));

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
