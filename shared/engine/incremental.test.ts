// Incremental evaluation equals full evaluation: random small ledgers, random sequences of writes
// of every kind, and after each write the incremental findings (all, and per subject) and the
// patched index's views must be exactly what a fresh evaluate gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/findings';
import { annualGrades, type Subject } from '../domain/records';
import { emptyLedgerState, type LedgerState } from '../ledger/collections';
import { applyEvent, put, remove, type LedgerEvent } from '../ledger/events';
import { defaultPolicy } from '../policy/default';
import { addMonthsToMonth, monthIndex } from './calendar';
import { evaluate, evaluateIndex, impactPeriodsOf, promotionBarsOf, rankHistory, unitRanking } from './index';
import { IncrementalEvaluation } from './incremental';
import { LedgerIndex } from './ledgerIndex';
import { LedgerBuilder, nineInOneGroup, withPolicy } from './testkit';
import { cadreRecord, ledgerWrites } from './testWrites';

// ---- the ledger ------------------------------------------------------------------------------------

/** Cadres: id → [peer group, unit]. C13 is not in the base ledger (a new cadre). */
const CADRES: Record<string, [string, string]> = {
  C1: ['G1', 'U1'], C2: ['G1', 'U1'], C3: ['G1', 'U2'], C4: ['G1', 'U2'], C5: ['G1', 'U3'], C6: ['G1', 'U3'],
  C7: ['G2', 'U1'], C8: ['G2', 'U2'], C9: ['G2', 'U3'], C10: ['G2', 'U3'],
  C11: ['G3', 'U2'], C12: ['G3', 'U4'],
};
const cadreIds = Object.keys(CADRES);
const unitIds = ['U1', 'U2', 'U3', 'U4'];
const FIRST = '2024-07';
const MONTHS = 18; // 2024-07 … 2025-12
const months = Array.from({ length: MONTHS }, (_, i) => addMonthsToMonth(FIRST, i));
const scoreValues = [0, 20, 35, 50, 60, 60, 61.005, 70.25, 80, 80, 95, 100, 1 / 3];
// Writes of every kind (testWrites.ts); they may also land just before the scored range and after
// the as-of month, and name a new cadre (C13).
const {
  measureId,
  scorePut, scoreRemove, sanctionPut, measurePut, gradePut, gradeRemove, faultPut, planPut, checkInPut, clearancePut, cadrePut, removal,
} = ledgerWrites({
  cadres: CADRES,
  newCadres: ['C13'],
  units: unitIds,
  months,
  scoreValues,
  ids: { sanctions: ['S1', 'S2', 'S3', 'XZ01.S4'], measures: ['M1', 'M2', 'M3', 'M4', 'M5', 'XZ01.M6'], faults: ['F1', 'F2', 'XZ01.F3'], plans: ['P1', 'P2', 'XZ01.P3'], clearances: ['K1', 'K2', 'K3'] },
  policyIds: ['PV-2025-07', 'PV-2025-10'],
  gradeCadres: 'known',
  sameDayWeight: 1,
});
const policies = [
  withPolicy(defaultPolicy, (p) => (p.streaks.warnBottomThirdMonths = 2), 'PV-2025-07', '2025-07'),
  withPolicy(defaultPolicy, (p) => {
    p.ranking.minGroupSize = 5;
    p.streaks.teamBottomThirdMonths = 1;
  }, 'PV-2025-10', '2025-10'),
];
const policyPut = fc.constantFrom(...policies).map((p) => put('policies', p));
/** Writes no rule reads, and a void (the record removed, a revision kept). */
const unreadPut = fc.constantFrom<LedgerEvent>(
  put('dismissals', { id: 'D1', findingKey: 'raise.top-third-streak|cadre:C1|2025-06', reason: '已处理', date: '2025-12-01' }),
  put('revisions', { id: 'R1', collection: 'measures', recordId: 'M1', action: 'void', reason: '录入错误', at: '2025-12-01T00:00:00Z', by: 'admin', date: '2025-12-01', before: {}, after: null }),
);

/** One write: mostly scores and measures (the volume), every kind now and then. */
const write: fc.Arbitrary<LedgerEvent> = fc.oneof(
  { arbitrary: scorePut, weight: 8 },
  { arbitrary: scoreRemove, weight: 2 },
  { arbitrary: measurePut, weight: 4 },
  { arbitrary: sanctionPut, weight: 2 },
  { arbitrary: gradePut, weight: 2 },
  { arbitrary: gradeRemove, weight: 1 },
  { arbitrary: faultPut, weight: 1 },
  { arbitrary: planPut, weight: 2 },
  { arbitrary: checkInPut, weight: 2 },
  { arbitrary: clearancePut, weight: 2 },
  { arbitrary: removal, weight: 3 },
  { arbitrary: cadrePut, weight: 1 },
  { arbitrary: policyPut, weight: 1 },
  { arbitrary: unreadPut, weight: 1 },
);
/** A commit: one to three writes. */
const commit = fc.array(write, { minLength: 1, maxLength: 3 });


/** The base ledger: every cadre scored most months (values from the pool), a few records. */
const baseLedger = fc
  .record({
    scores: fc.array(fc.option(fc.constantFrom(...scoreValues), { freq: 6 }), { minLength: cadreIds.length * MONTHS, maxLength: cadreIds.length * MONTHS }),
    records: fc.array(fc.oneof(measurePut, sanctionPut, gradePut, planPut, checkInPut, faultPut, clearancePut), { maxLength: 10 }),
    grades: fc.array(fc.constantFrom(...annualGrades), { minLength: cadreIds.length * 2, maxLength: cadreIds.length * 2 }),
  })
  .map(({ scores, records, grades }) => {
    const b = new LedgerBuilder();
    for (const u of unitIds) b.unit(u);
    // Bystanders: a group of their own that no write touches, so that a write affects few of the
    // subjects and the findings are spliced rather than evaluated in one pass.
    b.unit('U5');
    for (let i = 1; i <= 14; i++) {
      b.cadre(`Z${i}`, { peerGroup: 'G4', unitId: 'U5' });
      months.forEach((m, k) => b.score(`Z${i}`, m, 40 + ((i * 7 + k * 3) % 50)));
    }
    cadreIds.forEach((id, i) => {
      b.cadre(id, { peerGroup: CADRES[id][0], unitId: CADRES[id][1] });
      months.forEach((m, k) => {
        const s = scores[i * MONTHS + k];
        if (s !== null) b.score(id, m, s);
      });
      b.grade(id, 2024, grades[2 * i]);
      b.grade(id, 2025, grades[2 * i + 1]);
    });
    for (const e of records) applyEvent(b.state, e);
    return b.state;
  });

// ---- the comparison ------------------------------------------------------------------------------

const json = (x: unknown) => JSON.stringify(x);
/** Runs per property: each catches a dropped dependency (checked by removing one at a time); INCREMENTAL_RUNS=n for a deeper run. */
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 200);
const key = (s: Subject) => `${s.type}:${s.id}`;

function subjectsOf(state: LedgerState): Subject[] {
  return [...[...state.cadres.keys()].map((id) => ({ type: 'cadre' as const, id })), ...[...state.units.keys()].map((id) => ({ type: 'unit' as const, id }))];
}

/** Everything the incremental side answers, against a fresh evaluation of the same state. */
function expectSame(inc: IncrementalEvaluation, state: LedgerState, asOf: string, step: string, office?: string): void {
  const full = office ? evaluateIndex(new LedgerIndex(state, { asOf, office })) : evaluate(state, asOf);
  expect(json(inc.findings()), `${step}: all findings`).toBe(json(full));
  const bySubject = new Map<string, Finding[]>();
  for (const f of full) bySubject.set(key(f.subject), [...(bySubject.get(key(f.subject)) ?? []), f]);
  for (const s of subjectsOf(state)) expect(json(inc.findings(s)), `${step}: findings of ${key(s)}`).toBe(json(bySubject.get(key(s)) ?? []));
  // The patched index answers the views as a fresh one does.
  const fresh = new LedgerIndex(state, { asOf, office });
  const index = inc.index;
  for (const id of state.cadres.keys()) {
    expect(json(rankHistory(index, id)), `${step}: rank history of ${id}`).toBe(json(rankHistory(fresh, id)));
    expect(json(impactPeriodsOf(index, id)), `${step}: impact periods of ${id}`).toBe(json(impactPeriodsOf(fresh, id)));
    expect(json(promotionBarsOf(index, id, asOf)), `${step}: bars of ${id}`).toBe(json(promotionBarsOf(fresh, id, asOf)));
  }
  for (let m = monthIndex(asOf) - 3; m <= monthIndex(asOf); m++) {
    const month = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    expect(json(unitRanking(index, month)), `${step}: unit ranking ${month}`).toBe(json(unitRanking(fresh, month)));
  }
}

function runSequence(state: LedgerState, asOf: string, commits: LedgerEvent[][], office?: string): IncrementalEvaluation {
  const inc = new IncrementalEvaluation(state, asOf, { office });
  expectSame(inc, state, asOf, 'initial', office);
  commits.forEach((events, i) => {
    for (const e of events) applyEvent(state, e);
    inc.apply(state, events);
    expectSame(inc, state, asOf, `after commit ${i + 1} ${json(events)}`, office);
  });
  return inc;
}

describe('incremental evaluation equals full evaluation', () => {
  it('after random sequences of writes of every kind, as of a December (all 22 rules)', () => {
    fc.assert(
      fc.property(baseLedger, fc.array(commit, { minLength: 1, maxLength: 12 }), (state, commits) => {
        runSequence(state, '2025-12', commits);
      }),
      { numRuns: RUNS },
    );
  });

  it('as of a month within the year (no annual rules; records after it are not seen), at an office (same-day ties by global id)', () => {
    fc.assert(
      fc.property(baseLedger, fc.array(commit, { minLength: 1, maxLength: 10 }), (state, commits) => {
        runSequence(state, '2025-08', commits, 'XZ02');
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('score and measure writes only: the fast path, long sequences', () => {
    const fast = fc.oneof({ arbitrary: scorePut, weight: 4 }, { arbitrary: scoreRemove, weight: 1 }, { arbitrary: measurePut, weight: 2 }, { arbitrary: measureId.map((id) => remove('measures', id)), weight: 1 });
    fc.assert(
      fc.property(baseLedger, fc.array(fc.array(fast, { minLength: 1, maxLength: 2 }), { minLength: 5, maxLength: 25 }), (state, commits) => {
        const inc = runSequence(state, '2025-12', commits);
        // Scores inside the range and measures never need a rebuild here unless the range changes.
        expect(inc.rebuilds).toBeLessThanOrEqual(1 + commits.filter((c) => c.some((e) => e.collection === 'scores')).length);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('incremental evaluation, focused', () => {
  function commitTo(state: LedgerState, inc: IncrementalEvaluation, events: LedgerEvent[]) {
    for (const e of events) applyEvent(state, e);
    return inc.apply(state, events);
  }

  it('a score correction re-ranks one peer-group month without a rebuild', () => {
    const state = nineInOneGroup();
    const inc = new IncrementalEvaluation(state, '2025-12');
    expect(inc.findings({ type: 'cadre', id: 'C1' }).map((f) => f.rule)).toContain('warn.bottom-third-streak');
    // C9 stays first of the group: only its own findings can change.
    expect(commitTo(state, inc, [put('scores', { id: 'C9:2025-12', cadreId: 'C9', month: '2025-12', score: 58.5 })])).toEqual({ rebuilt: false, subjects: 1 });
    // C1 from the bottom to the top: the thirds of others move too, still no rebuild.
    const report = commitTo(state, inc, [put('scores', { id: 'C1:2025-12', cadreId: 'C1', month: '2025-12', score: 99 })]);
    expect(report.rebuilt).toBe(false);
    expect(inc.rebuilds).toBe(1);
    expect(inc.findings({ type: 'cadre', id: 'C1' }).map((f) => f.rule)).not.toContain('warn.bottom-third-streak');
    expect(json(inc.findings())).toBe(json(evaluate(state, '2025-12')));
  });

  it('a measure written re-evaluates its cadre only', () => {
    const state = nineInOneGroup();
    const inc = new IncrementalEvaluation(state, '2025-12');
    const report = commitTo(state, inc, [put('measures', { id: 'M1', subjectType: 'cadre', subjectId: 'C1', kind: 'reminderTalk', startsOn: '2025-12-05', note: '' })]);
    expect(report).toEqual({ rebuilt: false, subjects: 1 });
    expect(inc.findings({ type: 'cadre', id: 'C1' }).map((f) => f.rule)).not.toContain('warn.bottom-third-streak');
    expect(json(inc.findings())).toBe(json(evaluate(state, '2025-12')));
  });

  it('a team measure re-evaluates its unit; a score after the as-of month changes nothing', () => {
    const state = nineInOneGroup();
    const inc = new IncrementalEvaluation(state, '2025-06');
    expect(commitTo(state, inc, [put('measures', { id: 'M2', subjectType: 'unit', subjectId: 'U1', kind: 'probation', startsOn: '2025-03-01', note: '', memberIds: ['C2'] })])).toEqual({ rebuilt: false, subjects: 1 });
    expect(commitTo(state, inc, [put('scores', { id: 'C2:2025-12', cadreId: 'C2', month: '2025-12', score: 1 })])).toEqual({ rebuilt: false, subjects: 0 });
    expect(json(inc.findings())).toBe(json(evaluate(state, '2025-06')));
  });

  it('structural writes rebuild: a new cadre, a unit, a policy version, a score in a new month', () => {
    const state = nineInOneGroup();
    const inc = new IncrementalEvaluation(state, '2025-12');
    expect(commitTo(state, inc, [put('cadres', cadreRecord('C10', 'G', 'U2'))]).rebuilt).toBe(true);
    expect(commitTo(state, inc, [put('units', { id: 'U3', name: '单位U3' })]).rebuilt).toBe(true);
    expect(commitTo(state, inc, [put('policies', policies[0])]).rebuilt).toBe(true);
    expect(commitTo(state, inc, [put('scores', { id: 'C1:2024-12', cadreId: 'C1', month: '2024-12', score: 70 })]).rebuilt).toBe(true);
    // A cadre's own fields (not its group or unit) and writes no rule reads do not.
    expect(commitTo(state, inc, [put('cadres', { ...cadreRecord('C3', 'G', 'U1'), trialEndsOn: '2026-01-10' })])).toEqual({ rebuilt: false, subjects: 1 });
    expect(commitTo(state, inc, [put('dismissals', { id: 'D1', findingKey: 'x', reason: 'y', date: '2025-12-01' })])).toEqual({ rebuilt: false, subjects: 0 });
    expect(json(inc.findings())).toBe(json(evaluate(state, '2025-12')));
  });

  it('a clearance of a score blanks it in the patched rows, and its removal brings it back', () => {
    const state = nineInOneGroup();
    const inc = new IncrementalEvaluation(state, '2025-12');
    expect(commitTo(state, inc, [put('clearances', { id: 'K1', cadreId: 'C1', recordId: 'C1:2025-12', date: '2025-12-20', note: '', kind: 'revocation' })]).rebuilt).toBe(false);
    expect(inc.index.rankEvidence(0, monthIndex('2025-12'))).toBeUndefined();
    expect(json(inc.findings())).toBe(json(evaluate(state, '2025-12')));
    commitTo(state, inc, [remove('clearances', 'K1')]);
    expect(inc.index.rankEvidence(0, monthIndex('2025-12'))?.score).toBe(10);
    expect(json(inc.findings())).toBe(json(evaluate(state, '2025-12')));
  });

  it('a rank-only change re-runs only the rules citing the month, and the subject keeps its findings in order', () => {
    // C1 tops the group all year (a raise streak citing 2025-12) and has a sanction whose period
    // ended unreleased (sanction.release-due, a rule after raise.* in the order, kept as it is).
    const b = new LedgerBuilder().unit('U1');
    for (let i = 1; i <= 9; i++) b.cadre(`C${i}`, { peerGroup: 'G' });
    for (let m = 0; m < 12; m++) {
      const month = addMonthsToMonth('2025-01', m);
      for (let i = 1; i <= 9; i++) if (!(i === 9 && m === 11)) b.score(`C${i}`, month, i === 1 ? 100 : 50 + i);
    }
    b.sanction('S1', 'C1', 'admin.warning', '2024-01-10');
    b.peers('H', '2025-01', 12, 14); // bystanders: few of the subjects are affected (the splice path)
    const state = b.state;
    const inc = new IncrementalEvaluation(state, '2025-12');
    expect(inc.findings({ type: 'cadre', id: 'C1' }).map((f) => f.rule)).toEqual(['raise.top-third-streak', 'sanction.release-due']);
    // C9's December score: the group grows to 9 — C1's rank evidence shows n = 9, its third stays.
    commitTo(state, inc, [put('scores', { id: 'C9:2025-12', cadreId: 'C9', month: '2025-12', score: 55 })]);
    expect(inc.rebuilds).toBe(1);
    expect(inc.lastApply.subjects).toBeLessThan(12);
    const c1 = inc.findings({ type: 'cadre', id: 'C1' });
    expect(c1.map((f) => f.rule)).toEqual(['raise.top-third-streak', 'sanction.release-due']);
    expect((c1[0].evidence as { months: { n: number }[] }).months.at(-1)!.n).toBe(9);
    expect(json(c1)).toBe(json(evaluate(state, '2025-12', { subjects: [{ type: 'cadre', id: 'C1' }] })));
    expect(json(inc.findings())).toBe(json(evaluate(state, '2025-12')));
  });

  it('another state object is evaluated afresh; the findings returned are copies', () => {
    const state = nineInOneGroup();
    const inc = new IncrementalEvaluation(state, '2025-12');
    const mine = inc.findings();
    mine.length = 0;
    expect(inc.findings().length).toBeGreaterThan(0);
    const other = emptyLedgerState();
    expect(inc.apply(other, []).rebuilt).toBe(true);
    expect(inc.findings()).toEqual([]);
  });
});
