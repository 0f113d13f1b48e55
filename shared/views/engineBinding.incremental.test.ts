// The view engine with a change feed: a month's findings stay live across revisions (patched with
// the events each revision brought), equal to a fresh evaluation; a write that re-partitions the
// ledger, or a feed that cannot tell, evaluates afresh.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import { addMonthsToMonth } from '../engine/calendar';
import { nineInOneGroup } from '../engine/testkit';
import { applyEvent, put, type LedgerEvent } from '../ledger/events';
import { createViewEngine } from './engineBinding';
import { LedgerBuilder as ViewsLedgerBuilder } from './testing';

/** A store's part: a journal, its revision and its change feed. */
function store() {
  const state = nineInOneGroup();
  const journal: LedgerEvent[] = [];
  let feed = true;
  return {
    state,
    version: () => journal.length,
    changes: (revision: number) => (feed && revision <= journal.length ? journal.slice(revision) : undefined),
    commit(...events: LedgerEvent[]) {
      for (const e of events) {
        applyEvent(state, e);
        journal.push(e);
      }
    },
    forget() {
      feed = false;
    },
  };
}

const json = (x: unknown) => JSON.stringify(x);

describe('view engine with a change feed', () => {
  it('keeps a month live across writes: same index object, findings equal to a fresh evaluation', () => {
    const s = store();
    const engine = createViewEngine(s.version, s.changes);
    expect(json(engine.evaluate(s.state, '2025-12'))).toBe(json(evaluate(s.state, '2025-12')));
    const index = engine.index(s.state, '2025-12', { cadreId: 'C1' });
    s.commit(put('scores', { id: 'C1:2025-12', cadreId: 'C1', month: '2025-12', score: 99 }));
    expect(json(engine.evaluate(s.state, '2025-12'))).toBe(json(evaluate(s.state, '2025-12')));
    expect(json(engine.evaluate(s.state, '2025-12', { type: 'cadre', id: 'C1' }))).toBe(json(evaluate(s.state, '2025-12', { subjects: [{ type: 'cadre', id: 'C1' }] })));
    expect(engine.index(s.state, '2025-12', { cadreId: 'C1' })).toBe(index); // patched, not rebuilt
    expect(engine.rankHistory(s.state, 'C1', '2025-12').at(-1)).toMatchObject({ month: '2025-12', score: 99, rank: 1 });
    s.commit(put('measures', { id: 'M1', subjectType: 'unit', subjectId: 'U2', kind: 'probation', startsOn: '2025-11-01', note: '' }), put('grades', { id: 'C2:2025', cadreId: 'C2', year: 2025, grade: 'excellent' }));
    expect(json(engine.evaluate(s.state, '2025-12'))).toBe(json(evaluate(s.state, '2025-12')));
    expect(engine.index(s.state, '2025-12', { cadreId: 'C1' })).toBe(index);
  });

  it('a write that re-partitions the ledger, or a feed that cannot tell, evaluates afresh', () => {
    const s = store();
    const engine = createViewEngine(s.version, s.changes);
    engine.evaluate(s.state, '2025-12');
    const index = engine.index(s.state, '2025-12', { cadreId: 'C1' });
    s.commit(put('cadres', { id: 'C10', name: '干部C10', unitId: 'U1', peerGroup: 'G', position: '', rankLevel: '', category: 'civilServant', leader: false }));
    expect(json(engine.evaluate(s.state, '2025-12'))).toBe(json(evaluate(s.state, '2025-12')));
    const rebuilt = engine.index(s.state, '2025-12', { cadreId: 'C1' });
    expect(rebuilt).not.toBe(index);
    s.forget();
    s.commit(put('scores', { id: 'C2:2025-12', cadreId: 'C2', month: '2025-12', score: 5 }));
    expect(json(engine.evaluate(s.state, '2025-12'))).toBe(json(evaluate(s.state, '2025-12')));
    expect(engine.index(s.state, '2025-12', { cadreId: 'C1' })).not.toBe(rebuilt);
  });

  it('without a feed it behaves as before: one index per revision', () => {
    const s = store();
    const engine = createViewEngine(s.version);
    engine.evaluate(s.state, '2025-12');
    const index = engine.index(s.state, '2025-12', { cadreId: 'C1' });
    s.commit(put('scores', { id: 'C1:2025-12', cadreId: 'C1', month: '2025-12', score: 99 }));
    expect(json(engine.evaluate(s.state, '2025-12'))).toBe(json(evaluate(s.state, '2025-12')));
    expect(engine.index(s.state, '2025-12', { cadreId: 'C1' })).not.toBe(index);
  });

  it('a ledger of several offices: each partition stays live across record and score writes', () => {
    const b = new ViewsLedgerBuilder()
      .add('syncMeta', { id: 'identity', data: { code: 'XQ', name: '新区党工委办公室' } })
      .add('syncMeta', { id: 'trust/XZ01', data: { code: 'XZ01', name: '青山镇', anchor: false } })
      .add('syncMeta', { id: 'trust/XZ02', data: { code: 'XZ02', name: '绿水镇', anchor: false } })
      .unit('XZ01.U0001', '青山镇党政办')
      .unit('XZ02.U0001', '绿水镇党政办');
    for (const office of ['XZ01', 'XZ02']) {
      for (let i = 1; i <= 6; i++) {
        const id = `${office}.C0000${i}`;
        b.cadre(id, { unitId: `${office}.U0001`, peerGroup: `${office}.乡镇干部` });
        for (let m = 0; m < 6; m++) b.score(id, addMonthsToMonth('2025-07', m), i === 1 ? 10 : 50 + i * (office === 'XZ01' ? 1 : 2));
      }
    }
    const state = b.state;
    const journal: LedgerEvent[] = [];
    const commit = (...events: LedgerEvent[]) => {
      for (const e of events) {
        applyEvent(state, e);
        journal.push(e);
      }
    };
    const engine = createViewEngine(() => journal.length, (revision) => journal.slice(revision));
    // The reference: the same binding without caches (every partition evaluated afresh).
    const fresh = () => createViewEngine();
    expect(engine.offices(state)).toEqual(['XZ01', 'XZ02']);
    expect(json(engine.evaluate(state, '2025-12'))).toBe(json(fresh().evaluate(state, '2025-12')));
    const index = engine.index(state, '2025-12', { cadreId: 'XZ01.C00001' });
    commit(put('scores', { id: 'XZ01.C00001:2025-12', cadreId: 'XZ01.C00001', month: '2025-12', score: 99 }));
    commit(put('measures', { id: 'XZ02.M1', subjectType: 'cadre', subjectId: 'XZ02.C00001', kind: 'reminderTalk', startsOn: '2025-12-02', note: '' }));
    expect(json(engine.evaluate(state, '2025-12'))).toBe(json(fresh().evaluate(state, '2025-12')));
    expect(json(engine.evaluate(state, '2025-12', undefined, 'XZ02'))).toBe(json(fresh().evaluate(state, '2025-12', undefined, 'XZ02')));
    expect(engine.index(state, '2025-12', { cadreId: 'XZ01.C00001' })).toBe(index);
  });
});
