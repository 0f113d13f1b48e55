// Property test: the store against a simple in-memory model, under random sequences of commits,
// reopenings, snapshots, torn appends (a crash mid-write) and snapshot deletions.
import fc from 'fast-check';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/events';
import { encodeRecord } from './journal';
import { openStore, type FileStore } from './index';
import { tempDir, who } from './test-helpers';

type Model = { revision: number; data: Map<string, Map<string, unknown>> };

function applyToModel(model: Model, events: LedgerEvent[]): void {
  for (const e of events) {
    const map = model.data.get(e.collection) ?? new Map();
    model.data.set(e.collection, map);
    if (e.type === 'put') map.set((e.record as { id: string }).id, JSON.parse(JSON.stringify(e.record)));
    else map.delete(e.id);
    model.revision++;
  }
}

function view(store: FileStore): Record<string, [string, unknown][]> {
  const out: Record<string, [string, unknown][]> = {};
  for (const [c, map] of Object.entries(store.state())) {
    if (map.size) out[c] = [...(map as Map<string, unknown>).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  }
  return out;
}
function modelView(model: Model): Record<string, [string, unknown][]> {
  const out: Record<string, [string, unknown][]> = {};
  for (const [c, map] of model.data) if (map.size) out[c] = [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return out;
}

const id = fc.constantFrom('a', 'b', 'c', 'd', '甲', '乙');
const event: fc.Arbitrary<LedgerEvent> = fc.oneof(
  // Names as the unit schema accepts them (verify checks every record against its schema).
  fc.record({ id, name: fc.string({ minLength: 1, maxLength: 12 }).filter((n) => n.trim() === n && n.length > 0) }).map((record) => ({ type: 'put', collection: 'units', record }) as LedgerEvent),
  fc
    .record({ cadreId: id, month: fc.constantFrom('2024-01', '2024-02', '2024-03'), score: fc.integer({ min: 0, max: 100 }) })
    .map((r) => ({ type: 'put', collection: 'scores', record: { id: `${r.cadreId}:${r.month}`, ...r } }) as LedgerEvent),
  fc.record({ collection: fc.constantFrom('units' as const, 'scores' as const), id }).map((r) => ({ type: 'remove', ...r }) as LedgerEvent),
);

type Action =
  | { kind: 'commit'; events: LedgerEvent[] }
  | { kind: 'reopen' }
  | { kind: 'snapshot' }
  | { kind: 'torn'; events: LedgerEvent[]; keep: number }
  | { kind: 'dropSnapshots' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.array(event, { minLength: 1, maxLength: 5 }).map((events) => ({ kind: 'commit' as const, events })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'snapshot' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'dropSnapshots' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ events: fc.array(event, { minLength: 1, maxLength: 3 }), keep: fc.double({ min: 0.01, max: 0.99, noNaN: true }) })
      .map((r) => ({ kind: 'torn' as const, ...r })),
  },
);

describe('store vs. in-memory model (fast-check)', () => {
  it('always holds exactly what the model holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const t = tempDir('prop-');
        const model: Model = { revision: 0, data: new Map() };
        let store = await openStore(t.dir, { create: true, autoBackup: false, snapshotEvery: 4, snapshotOnClose: 3 });
        const reopen = async () => {
          await store.close();
          store = await openStore(t.dir, { autoBackup: false, snapshotEvery: 4, snapshotOnClose: 3 });
        };
        try {
          for (const a of actions) {
            if (a.kind === 'commit') {
              const { revision } = await store.commit(a.events, who);
              applyToModel(model, a.events);
              expect(revision).toBe(model.revision);
            } else if (a.kind === 'reopen') await reopen();
            else if (a.kind === 'snapshot') await store.snapshot();
            else if (a.kind === 'dropSnapshots') {
              await store.close();
              rmSync(join(t.dir, 'snapshots'), { recursive: true, force: true });
              store = await openStore(t.dir, { autoBackup: false, snapshotEvery: 4, snapshotOnClose: 3 });
            } else {
              // A crash in the middle of an append: part of a frame after the last record.
              await store.whenIdle();
              await store.close();
              rmSync(join(t.dir, 'head.json'), { force: true }); // the crash means no clean close
              const frame = encodeRecord(
                { v: 1, seq: model.revision + 1, at: '', user: 'x', command: 'x', prev: store.headHash, events: a.events },
                { storeId: store.storeId },
              ).frame;
              appendFileSync(join(t.dir, 'journal.log'), frame.subarray(0, Math.max(1, Math.floor(frame.length * a.keep))));
              store = await openStore(t.dir, { autoBackup: false, snapshotEvery: 4, snapshotOnClose: 3 });
              expect(store.warnings.map((w) => w.code)).toContain('torn-tail');
            }
            expect(store.revision).toBe(model.revision);
            expect(view(store)).toEqual(modelView(model));
          }
          await reopen();
          expect(store.revision).toBe(model.revision);
          expect(view(store)).toEqual(modelView(model));
          expect((await store.verify()).ok).toBe(true);
        } finally {
          await store.close();
          t.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
