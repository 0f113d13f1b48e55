import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setTransport, type Transport } from '../api/client';
import { useRevision } from '../api/revision';
import { cacheKey, useQuery } from './cache';
import { db } from './db';

function fakeCore() {
  let units = [{ id: 'U1', name: '党政办', cadreCount: 0 }];
  let revision = 1;
  const calls: string[] = [];
  const transport: Transport = async (name) => {
    calls.push(name);
    useRevision.getState().observe(revision);
    return units as never;
  };
  return {
    transport,
    calls,
    change(next: typeof units) {
      units = next;
      revision += 1;
    },
    get revision() {
      return revision;
    },
  };
}

describe('useQuery', () => {
  it('shows the cached answer at once, then the store’s, and refetches when the revision moves', async () => {
    const core = fakeCore();
    setTransport(core.transport);
    // A cached answer from an earlier window, stamped with an old revision.
    await db.cache.put({ key: cacheKey('units.list', {}), revision: 0, json: JSON.stringify([{ id: 'U0', name: '旧', cadreCount: 0 }]), storedAt: 0 });

    const h = renderHook(() => useQuery('units.list', {}));
    await waitFor(() => expect(h.result.current.data?.[0].id).toBe('U1'));
    expect(h.result.current.stale).toBe(false);
    expect((await db.cache.get(cacheKey('units.list', {})))?.revision).toBe(1);

    // Another command moved the store: the mounted query fetches again.
    core.change([{ id: 'U2', name: '新', cadreCount: 0 }]);
    act(() => useRevision.getState().observe(core.revision));
    await waitFor(() => expect(h.result.current.data?.[0].id).toBe('U2'));
    expect(core.calls.length).toBe(2);
    h.unmount();
  });

  it('does not refetch a cached answer stamped with the current revision', async () => {
    const core = fakeCore();
    setTransport(core.transport);
    act(() => useRevision.getState().observe(5));
    await db.cache.put({ key: cacheKey('cadres.list', {}), revision: 5, json: '[]', storedAt: 0 });
    const h = renderHook(() => useQuery('cadres.list', {}));
    await waitFor(() => expect(h.result.current.loading).toBe(false));
    expect(h.result.current.data).toEqual([]);
    expect(core.calls).toEqual([]);
    h.unmount();
  });
});
