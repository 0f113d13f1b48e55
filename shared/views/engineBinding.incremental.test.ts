// The view engine with a change feed: a month's findings stay live across revisions (patched with
// the events each revision brought), equal to a fresh evaluation; a write that re-partitions the
// ledger, or a feed that cannot tell, evaluates afresh.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import { addMonthsToMonth } from '../engine/calendar';
import { LedgerBuilder } from '../engine/testkit';
import { applyEvent, put, type LedgerEvent } from '../ledger/events';
import { createViewEngine } from './engineBinding';

function ledger() {
  const b = new LedgerBuilder().unit('U1').unit('U2');
  for (let i = 1; i <= 9; i++) b.cadre(`C${i}`, { peerGroup: 'G', unitId: i <= 4 ? 'U1' : 'U2' });
  for (let m = 0; m < 12; m++) {
    const month = addMonthsToMonth('2025-01', m);
    for (let i = 1; i <= 9; i++) b.score(`C${i}`, month, i === 1 && m >= 6 ? 10 : 50 + i);
  }
  return b.state;
}

/** A store's part: a journal, its revision and its change feed. */
function store() {
  const state = ledger();
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
});
