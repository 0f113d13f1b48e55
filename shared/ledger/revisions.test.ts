import { describe, expect, it } from 'vitest';
import { emptyLedgerState } from './collections';
import { applyEvent, put } from './events';
import { changedFields, correctEvents, createEvents, revisionsOf, voidEvents } from './revisions';

const stamp = (at: string) => ({ by: 'officer.wang', at, date: at.slice(0, 10) });

describe('record history as events', () => {
  it('create, correct and void each commit the record event and one revision', () => {
    const state = emptyLedgerState();
    applyEvent(state, put('rehabPlans', { id: 'R1', cadreId: 'C1', measureId: 'M1', assignment: 'other', startsOn: '2026-01-01', status: 'active' }));
    const sanction = { id: 'S1', cadreId: 'C1', kind: 'admin.warning' as const, decidedOn: '2026-01-10', reason: '迟到' };
    const created = createEvents(state, 'sanctions', sanction, stamp('2026-02-01T08:00:00.000Z'));
    expect(created.map((e) => [e.type, e.collection])).toEqual([['put', 'sanctions'], ['put', 'revisions']]);
    for (const e of created) applyEvent(state, e);
    const corrected = correctEvents(state, 'sanctions', { ...sanction, decidedOn: '2026-01-12' }, '日期录错', stamp('2026-02-02T08:00:00.000Z'));
    for (const e of corrected) applyEvent(state, e);
    const voided = voidEvents(state, 'sanctions', 'S1', '重复录入', stamp('2026-02-03T08:00:00.000Z'));
    expect(voided[0]).toEqual({ type: 'remove', collection: 'sanctions', id: 'S1' });
    for (const e of voided) applyEvent(state, e);
    expect(state.sanctions.has('S1')).toBe(false);
    const history = revisionsOf(state, 'sanctions', 'S1');
    expect(history.map((r) => [r.id, r.action, r.reason, r.cadreId, r.by])).toEqual([
      ['V000001', 'create', '', 'C1', 'officer.wang'],
      ['V000002', 'correct', '日期录错', 'C1', 'officer.wang'],
      ['V000003', 'void', '重复录入', 'C1', 'officer.wang'],
    ]);
    expect(changedFields(history[1].before, history[1].after)).toEqual(['decidedOn']);
    expect(history[2]).toMatchObject({ before: { decidedOn: '2026-01-12' }, after: null });
    // A check-in's cadre comes from its plan.
    const [, rev] = createEvents(state, 'checkIns', { id: 'R1:2026-02-01', planId: 'R1', date: '2026-02-01', note: '' }, stamp('2026-02-04T08:00:00.000Z'));
    expect((rev as { record: { cadreId?: string } }).record.cadreId).toBe('C1');
  });

  it('refuses to correct or void what is not there', () => {
    const state = emptyLedgerState();
    expect(() => voidEvents(state, 'scores', 'C1:2026-01', 'x', stamp('2026-02-01T00:00:00.000Z'))).toThrow(/no scores record/);
  });
});
