// The structures kept beside a state (keptStructures.ts): kept while their collections are
// unchanged, made again after any write to them, never changed by an index patching itself, and
// never kept for a state of plain Maps.
import { describe, expect, it } from 'vitest';
import { RecordMap, versionOf, type LedgerState } from '../ledger/collections';
import { applyEvent, put, type LedgerEvent } from '../ledger/events';
import { evaluate } from './index';
import { IncrementalEvaluation } from './incremental';
import { cadreOrderOf } from './keptStructures';
import { kindMask, LedgerIndex } from './ledgerIndex';
import { LedgerBuilder } from './testkit';
import { defaultPolicy } from '../policy/default';

function ledger(): LedgerState {
  const b = new LedgerBuilder();
  for (let i = 1; i <= 6; i++) b.cadre(`C${i}`, { unitId: i <= 3 ? 'U1' : 'U2' });
  for (const m of ['2025-10', '2025-11', '2025-12']) for (let i = 1; i <= 5; i++) b.score(`C${i}`, m, 50 + i * 7);
  b.sanction('S1', 'C1', 'party.warning', '2025-03-01');
  b.measure('M1', 'C2', 'reminderTalk', '2025-06-01');
  b.measure('M2', 'C2', 'salaryRaise', '2025-12-20');
  b.plan('P1', 'C3', 'M1', '2025-07-01');
  b.checkIn('P1', '2025-08-01');
  b.checkIn('P1', '2025-12-15');
  return b.state;
}

const apply = (state: LedgerState, events: LedgerEvent[]) => {
  for (const e of events) applyEvent(state, e);
  return events;
};
const RAISE = kindMask(['salaryRaise']);

describe('RecordMap', () => {
  it('counts every change and nothing else', () => {
    const m = new RecordMap<{ id: string }>();
    expect(m.version).toBe(0);
    m.set('a', { id: 'a' });
    m.set('a', { id: 'a' });
    expect(m.version).toBe(2);
    expect(m.delete('missing')).toBe(false);
    expect(m.version).toBe(2);
    m.delete('a');
    expect(m.version).toBe(3);
    m.clear();
    expect(m.version).toBe(3);
    m.set('b', { id: 'b' });
    m.clear();
    expect(m.version).toBe(5);
    expect(versionOf(new Map())).toBeUndefined();
  });
});

describe('kept structures', () => {
  it('keeps the cadre order and the lists while the collections are unchanged', () => {
    const state = ledger();
    const a = new LedgerIndex(state, { asOf: '2025-12' });
    const b = new LedgerIndex(state, { asOf: '2025-12' });
    expect(b.cadres).toBe(a.cadres);
    expect(b.scoreSlot).toBe(a.scoreSlot);
    expect(b.sanctions).toBe(a.sanctions);
    expect(b.cadreMeasures).toBe(a.cadreMeasures);
    expect(b.checkInsByPlan).toBe(a.checkInsByPlan);
    // Another office orders same-day ties otherwise: its lists are its own.
    expect(new LedgerIndex(state, { asOf: '2025-12', office: 'XZ01' }).sanctions).not.toBe(a.sanctions);
  });

  it('makes them again after a write to their collection, and only theirs', () => {
    const state = ledger();
    const a = new LedgerIndex(state, { asOf: '2025-12' });
    const sanctions = a.sanctions;
    const measures = a.cadreMeasures;
    state.sanctions.set('S2', { id: 'S2', cadreId: 'C4', kind: 'admin.demerit', decidedOn: '2025-05-01', reason: '' });
    const b = new LedgerIndex(state, { asOf: '2025-12' });
    expect(b.sanctions).not.toBe(sanctions);
    expect(b.sanctionsOf(3)?.map((s) => s.id)).toEqual(['S2']);
    expect(b.cadreMeasures).toBe(measures);
    expect(b.cadres).toBe(a.cadres);
    state.cadres.set('C7', { ...state.cadres.get('C6')!, id: 'C7' });
    const c = new LedgerIndex(state, { asOf: '2025-12' });
    expect(c.cadres).not.toBe(a.cadres);
    expect(c.cadres.map((x) => x.id)).toContain('C7');
    expect(c.cadreMeasures).not.toBe(measures); // positions may have moved
  });

  it('leaves out a record cleared after the lists were kept', () => {
    const state = ledger();
    expect(new LedgerIndex(state, { asOf: '2025-12' }).sanctionsOf(0)?.length).toBe(1);
    state.clearances.set('K1', { id: 'K1', cadreId: 'C1', recordId: 'S1', date: '2025-12-01', note: '', kind: 'clearance' });
    expect(new LedgerIndex(state, { asOf: '2025-12' }).sanctionsOf(0)).toBeUndefined();
  });

  it('never files what an index read after a clearance or policy write as current', () => {
    const state = ledger();
    const old = new LedgerIndex(state, { asOf: '2025-12' });
    apply(state, [put('clearances', { id: 'K1', cadreId: 'C1', recordId: 'S1', kind: 'clearance', date: '2025-04-01', note: '' })]);
    expect(old.sanctionsOf(0)?.map((x) => x.id)).toEqual(['S1']); // the old index keeps its view
    expect(new LedgerIndex(state, { asOf: '2025-12' }).sanctionsOf(0)).toBeUndefined();
    const stale = new LedgerIndex(state, { asOf: '2025-12' });
    void stale.sanctions;
    void stale.cadreMeasures;
    const shorter = { ...defaultPolicy, id: 'P-short', effectiveFrom: '2020-01', impactPeriodMonths: { ...defaultPolicy.impactPeriodMonths, 'admin.demerit': 3 } };
    apply(state, [put('sanctions', { id: 'S2', cadreId: 'C2', kind: 'admin.demerit', decidedOn: '2025-03-01', reason: '' })]);
    const before = new LedgerIndex(state, { asOf: '2025-12' });
    void before.sanctions;
    void before.cadreMeasures;
    apply(state, [put('policies', shorter)]);
    expect(before.impactPeriodsOf(1)[0].end).toBe('2026-03-01'); // its own policies: 12 months
    expect(new LedgerIndex(state, { asOf: '2025-12' }).impactPeriodsOf(1)[0].end).toBe('2025-06-01');
  });

  it('gives an earlier as-of month only what was dated by then', () => {
    const state = ledger();
    const december = new LedgerIndex(state, { asOf: '2025-12' });
    expect(december.cadreHas(1, RAISE)).toBe(true);
    expect(december.checkInsByPlan.get('P1')?.length).toBe(2);
    const november = new LedgerIndex(state, { asOf: '2025-11' });
    expect(november.measuresOf(1)?.map((m) => m.id)).toEqual(['M1']);
    expect(november.cadreHas(1, RAISE)).toBe(false);
    expect(november.checkInsByPlan.get('P1')?.map((c) => c.date)).toEqual(['2025-08-01']);
    // …and the December lists are untouched by the November view.
    expect(new LedgerIndex(state, { asOf: '2025-12' }).measuresOf(1)?.map((m) => m.id)).toEqual(['M1', 'M2']);
  });

  it('are never changed by an index patching itself after a write', () => {
    const state = ledger();
    const other = new LedgerIndex(state, { asOf: '2025-12' });
    const inc = new IncrementalEvaluation(state, '2025-12');
    const cadres = other.cadres.slice();
    const slots = other.scoreSlot.slice();
    const kinds = other.cadreMeasureKinds.slice();
    const checkIns = other.checkInsByPlan.get('P1')!.slice();
    const events = apply(state, [
      put('cadres', { ...state.cadres.get('C2')!, position: '副镇长' }), // a field other than unit and peer group: replaced in place
      put('scores', { id: 'C6:2025-12', cadreId: 'C6', month: '2025-12', score: 90 }), // C6's first score: a new column
      put('measures', { id: 'M3', subjectType: 'cadre', subjectId: 'C5', kind: 'salaryRaise', startsOn: '2025-12-01', note: '' }),
      put('checkIns', { id: 'P1:2025-12-30', planId: 'P1', date: '2025-12-30', note: '' }),
    ]);
    expect(inc.apply(state, events).rebuilt).toBe(false);
    expect(other.cadres).toEqual(cadres);
    expect(Array.from(other.scoreSlot)).toEqual(Array.from(slots));
    expect(Array.from(other.cadreMeasureKinds)).toEqual(Array.from(kinds));
    expect(other.checkInsByPlan.get('P1')).toEqual(checkIns);
    expect(inc.index.cadres[1].position).toBe('副镇长');
    expect(inc.index.cadreHas(4, RAISE)).toBe(true);
    expect(JSON.stringify(inc.findings())).toBe(JSON.stringify(evaluate(state, '2025-12')));
  });

  it('keeps impact periods and promotion bars with the lists they follow from', () => {
    const state = ledger();
    const a = new LedgerIndex(state, { asOf: '2025-12' });
    const periods = a.impactPeriodsOf(0);
    expect(periods.map((p) => p.sanctionId)).toEqual(['S1']);
    expect(new LedgerIndex(state, { asOf: '2025-12' }).impactPeriodsOf(0)).toBe(periods);
    // An earlier as-of month reads filtered lists: periods of its own.
    expect(new LedgerIndex(state, { asOf: '2025-11' }).impactPeriodsOf(0)).not.toBe(periods);
    // Other policy versions give other lengths: not shared.
    const stricter = { ...defaultPolicy, id: 'P2', impactPeriodMonths: { ...defaultPolicy.impactPeriodMonths, 'party.warning': 24 } };
    const b = new LedgerIndex(state, { asOf: '2025-12', policies: [stricter] });
    expect(b.impactPeriodsOf(0)[0].end).toBe('2027-03-01');
    expect(periods[0].end).toBe('2026-03-01');
    // An index patched after a sanction write drops its periods in a memo of its own.
    const inc = new IncrementalEvaluation(state, '2025-12');
    inc.index.impactPeriodsOf(0);
    const events = apply(state, [put('sanctions', { id: 'S3', cadreId: 'C1', kind: 'admin.demerit', decidedOn: '2025-09-01', reason: '' })]);
    expect(inc.apply(state, events).rebuilt).toBe(false);
    expect(inc.index.impactPeriodsOf(0).map((p) => p.sanctionId)).toEqual(['S1', 'S3']);
    expect(a.impactPeriodsOf(0)).toBe(periods);
    expect(periods.map((p) => p.sanctionId)).toEqual(['S1']);
  });

  it('are built afresh for a state of plain Maps (no change count to keep them by)', () => {
    const kept = ledger();
    const plain = { ...kept, cadres: new Map(kept.cadres), sanctions: new Map(kept.sanctions) } as LedgerState;
    expect(cadreOrderOf(plain)).not.toBe(cadreOrderOf(plain));
    expect(cadreOrderOf(plain).kept).toBe(false);
    expect(new LedgerIndex(plain, { asOf: '2025-12' }).sanctionsOf(0)?.map((s) => s.id)).toEqual(['S1']);
    plain.sanctions.set('S2', { id: 'S2', cadreId: 'C1', kind: 'admin.demerit', decidedOn: '2025-05-01', reason: '' });
    expect(new LedgerIndex(plain, { asOf: '2025-12' }).sanctionsOf(0)?.map((s) => s.id)).toEqual(['S1', 'S2']);
  });
});
