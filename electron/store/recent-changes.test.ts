// The change feed (LedgerStore.changesSince): the events after a revision from a bounded ring, in
// the durable store and the memory store alike; undefined whenever it cannot tell.
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/events';
import { openStore } from './index';
import { MemoryStore } from './memory';
import { RecentChanges } from './recent-changes';
import { tempDirs } from './test-dirs';
import { cadrePut, unitPut, who } from './test-helpers';

const dir = tempDirs();
const ids = (events: LedgerEvent[] | undefined) => events?.map((e) => (e.type === 'put' ? (e.record as { id: string }).id : `-${e.id}`));

describe('RecentChanges', () => {
  it('answers the events after a revision, oldest first, and [] at the current one', () => {
    const r = new RecentChanges();
    r.record(0, [unitPut('u1')]);
    r.record(1, [cadrePut('c1'), cadrePut('c2')]);
    r.record(3, [{ type: 'remove', collection: 'cadres', id: 'c1' }]);
    expect(ids(r.since(0, 4))).toEqual(['u1', 'c1', 'c2', '-c1']);
    expect(ids(r.since(1, 4))).toEqual(['c1', 'c2', '-c1']);
    expect(ids(r.since(2, 4))).toEqual(['c2', '-c1']); // inside a commit: its later events
    expect(r.since(4, 4)).toEqual([]);
    expect(r.since(5, 4)).toBeUndefined(); // ahead of the store
    expect(r.since(-1, 4)).toBeUndefined();
    expect(r.since(1, 7)).toBeUndefined(); // commits it did not see
  });

  it('forgets commits beyond its bounds, and everything older than a commit too large to keep', () => {
    const r = new RecentChanges(2, 3);
    r.record(0, [unitPut('u1')]);
    r.record(1, [unitPut('u2')]);
    r.record(2, [unitPut('u3')]);
    expect(r.since(0, 3)).toBeUndefined();
    expect(ids(r.since(1, 3))).toEqual(['u2', 'u3']);
    r.record(3, [unitPut('u4'), unitPut('u5')]); // two commits (3 events) held at most: u2 leaves
    expect(r.since(1, 5)).toBeUndefined();
    expect(ids(r.since(2, 5))).toEqual(['u3', 'u4', 'u5']);
    r.record(5, [unitPut('u6')]); // 2 commits but 3 events: u3 leaves
    expect(r.since(2, 6)).toBeUndefined();
    expect(ids(r.since(3, 6))).toEqual(['u4', 'u5', 'u6']);
    r.record(6, [unitPut('a'), unitPut('b'), unitPut('c'), unitPut('d')]); // larger than the ring
    expect(r.since(6, 10)).toBeUndefined();
    expect(r.since(10, 10)).toEqual([]);
    r.record(10, [unitPut('e')]);
    expect(ids(r.since(10, 11))).toEqual(['e']);
  });

  it('compacts without losing order over many commits', () => {
    const r = new RecentChanges(4, 100);
    for (let i = 0; i < 50; i++) r.record(i, [unitPut(`u${i}`)]);
    expect(ids(r.since(46, 50))).toEqual(['u46', 'u47', 'u48', 'u49']);
    expect(r.since(45, 50)).toBeUndefined();
  });
});

describe('changesSince in the stores', () => {
  it('the memory store', async () => {
    const s = new MemoryStore();
    await s.commit([unitPut('u1')], who);
    await s.commit([cadrePut('c1'), cadrePut('c2')], who);
    expect(ids(s.changesSince(1))).toEqual(['c1', 'c2']);
    expect(s.changesSince(3)).toEqual([]);
    expect(s.changesSince(4)).toBeUndefined();
  });

  it('the durable store: the events as applied to the state; nothing before a reopen', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    await s.commit([unitPut('u1')], who);
    const r = await s.commit([cadrePut('c1'), cadrePut('c2')], who);
    const since = s.changesSince(1)!;
    expect(ids(since)).toEqual(['c1', 'c2']);
    // The very records the state holds (a parsed copy of the journal, not the caller's objects).
    expect((since[0] as { record: unknown }).record).toBe(s.state().cadres.get('c1'));
    expect(s.changesSince(r.revision)).toEqual([]);
    await s.close();
    const again = await openStore(d, { autoBackup: false });
    expect(again.revision).toBe(3);
    expect(again.changesSince(1)).toBeUndefined();
    expect(again.changesSince(3)).toEqual([]);
    await again.commit([{ type: 'remove', collection: 'cadres', id: 'c2' }], who);
    expect(ids(again.changesSince(3))).toEqual(['-c2']);
    await again.close();
  });
});
