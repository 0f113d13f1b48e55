// Stale-while-revalidate reads: a query shows its last cached answer at once (from IndexedDB) and
// is fetched again whenever the store revision it was stamped with is not the latest one seen.
// With an encrypted ledger nothing readable may reach the disk (docs/ACCESS.md): the cache then
// lives in memory only, and is dropped when the session locks.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EndpointName, InputOf, OutputOf } from '../../shared/contract';
import { ApiError, callEndpoint } from '../api/client';
import { useRevision } from '../api/revision';
import { db, type CacheRow } from './db';

/** Where cached answers live: IndexedDB, or (encrypted ledger) a Map that dies with the page or the lock. */
interface CacheRows {
  get(key: string): Promise<CacheRow | undefined>;
  put(row: CacheRow): Promise<unknown>;
  clear(): Promise<unknown>;
}
const persistentRows: CacheRows = {
  get: (key) => db.cache.get(key),
  put: (row) => db.cache.put(row),
  clear: () => db.cache.clear(),
};
function memoryRows(): CacheRows {
  const rows = new Map<string, CacheRow>();
  return {
    get: async (key) => rows.get(key),
    put: async (row) => rows.set(row.key, row),
    clear: async () => rows.clear(),
  };
}
let rows: CacheRows = persistentRows;
let persistent = true;

/**
 * An encrypted ledger keeps its reads in memory only: switching wipes what IndexedDB held. Called
 * from session.info before any query runs; again on lock, which forgets the memory too.
 */
export async function setCachePersistence(next: boolean): Promise<void> {
  if (next === persistent) {
    if (!next) await rows.clear();
    return;
  }
  persistent = next;
  await db.cache.clear().catch(() => undefined);
  rows = next ? persistentRows : memoryRows();
}

let scope = readScope();
const SCOPE_KEY = 'cadre-ledger.cacheScope';
function readScope(): string {
  try {
    return localStorage.getItem('cadre-ledger.cacheScope') ?? '';
  } catch {
    return '';
  }
}
/**
 * The cache is per data directory (the demo township has its own): set from session.info. A new
 * scope drops the old entries.
 */
export async function setCacheScope(next: string): Promise<void> {
  if (next === scope) return;
  scope = next;
  try {
    localStorage.setItem(SCOPE_KEY, next);
  } catch {
    // ignore: the cache is only an accelerator
  }
  await resetLedgerView();
}

/**
 * The whole ledger was replaced (restore, demo switch): revisions may repeat, so the cache is
 * dropped before every mounted query is told to fetch again.
 */
export async function resetLedgerView(): Promise<void> {
  await rows.clear().catch(() => undefined);
  useRevision.getState().newEpoch();
}

export const cacheKey = (name: string, input: unknown): string => `${scope}|${name}|${JSON.stringify(input ?? {})}`;

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while a fetch is in flight (data may still be shown from the cache). */
  loading: boolean;
  /** True when `data` came from the cache and has not been confirmed by the store yet. */
  stale: boolean;
  refetch(): Promise<void>;
}

/** Reads one endpoint with the disposable cache in front; refetches when the revision moves. */
export function useQuery<N extends EndpointName>(
  name: N,
  input: InputOf<N>,
  opts: { enabled?: boolean } = {},
): QueryState<OutputOf<N>> {
  const enabled = opts.enabled ?? true;
  const inputKey = JSON.stringify(input ?? {});
  const revision = useRevision((s) => s.revision);
  const epoch = useRevision((s) => s.epoch);
  const [state, setState] = useState<{
    key: string;
    data?: OutputOf<N>;
    error?: ApiError;
    loading: boolean;
    stale: boolean;
    revision?: number;
  }>({ key: '', loading: true, stale: false });
  const seq = useRef(0);
  const key = `${name}|${inputKey}`;

  const fetchNow = useCallback(async () => {
    const my = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const value = await callEndpoint(name, JSON.parse(inputKey) as InputOf<N>);
      const rev = useRevision.getState().revision ?? 0;
      if (my !== seq.current) return;
      setState({ key, data: value, loading: false, stale: false, revision: rev });
      void rows
        .put({ key: cacheKey(name, JSON.parse(inputKey)), revision: rev, json: JSON.stringify(value), storedAt: Date.now() })
        .catch(() => undefined);
    } catch (e) {
      if (my !== seq.current) return;
      setState((s) => ({ ...s, key, loading: false, error: e instanceof ApiError ? e : undefined }));
    }
  }, [name, inputKey, key]);

  // On mount / new input: show the cached value, then confirm it.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState({ key, loading: true, stale: false });
    void rows
      .get(cacheKey(name, JSON.parse(inputKey)))
      .catch(() => undefined)
      .then((row) => {
        if (!live) return;
        const current = useRevision.getState().revision;
        if (row) {
          setState((s) =>
            s.key === key && s.data === undefined
              ? { ...s, data: JSON.parse(row.json) as OutputOf<N>, stale: row.revision !== current, revision: row.revision }
              : s,
          );
        }
        if (!row || current === null || row.revision !== current) void fetchNow();
        else setState((s) => ({ ...s, loading: false, stale: false }));
      });
    return () => {
      live = false;
    };
  }, [key, enabled, fetchNow, name, inputKey, epoch]);

  // A command elsewhere moved the store: refetch what is on screen.
  const shownRevision = state.revision;
  useEffect(() => {
    if (!enabled || revision === null || shownRevision === undefined || state.loading) return;
    if (revision !== shownRevision) void fetchNow();
  }, [revision, shownRevision, enabled, fetchNow, state.loading]);

  const current = state.key === key ? state : { data: undefined, error: undefined, loading: true, stale: false };
  return { data: current.data, error: current.error, loading: current.loading, stale: current.stale, refetch: fetchNow };
}
