// The structures kept beside a state (keptStructures.ts) never change a finding: random sequences
// of writes of every kind, interleaved with evaluations at random as-of months and offices (full,
// one subject, with given policy versions), the views' period and rank helpers and live
// incremental evaluations. After every step, what an evaluation of the state gives must be exactly
// what an evaluation of a deep copy of it made of plain Maps gives (a copy has no change counts:
// nothing is kept for it, everything is derived afresh as before the kept structures).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualGrades } from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import { applyEvent, put, remove, type LedgerEvent } from '../ledger/events';
import { defaultPolicy } from '../policy/default';
import type { PolicyVersion } from '../policy/schema';
import { addMonthsToMonth } from './calendar';
import { evaluateIndex, impactPeriodsOf, promotionBarsOf, rankHistory, unitRanking } from './index';
import { IncrementalEvaluation } from './incremental';
import { LedgerIndex } from './ledgerIndex';
import { LedgerBuilder, plainCopy, withPolicy } from './testkit';
import { clean, ledgerWrites } from './testWrites';

// ---- the ledger (as in incremental.test.ts, smaller) ----------------------------------------------

const CADRES: Record<string, [string, string]> = {
  C1: ['G1', 'U1'], C2: ['G1', 'U1'], C3: ['G1', 'U2'], C4: ['G1', 'U2'], C5: ['G1', 'U3'], C6: ['G1', 'U3'],
  C7: ['G2', 'U1'], C8: ['G2', 'U2'], C9: ['G2', 'U3'], C10: ['G2', 'U3'],
};
const cadreIds = Object.keys(CADRES);
const unitIds = ['U1', 'U2', 'U3', 'U4'];
const FIRST = '2024-09';
const MONTHS = 16; // 2024-09 … 2025-12
const months = Array.from({ length: MONTHS }, (_, i) => addMonthsToMonth(FIRST, i));
const asOfMonths = ['2025-03', '2025-06', '2025-08', '2025-11', '2025-12', '2026-01'];
const offices = [undefined, 'XZ01', 'XZ02'];
const scoreValues = [0, 20, 35, 50, 60, 60, 61.005, 70.25, 80, 95, 100, 1 / 3];
const anyCadre = fc.constantFrom(...cadreIds, 'C13', 'XZ01.C14');
const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
// Writes of every kind (testWrites.ts), naming two cadres the base ledger lacks (one another office's).
const {
  clearanceId,
  scorePut, scoreRemove, sanctionPut, measurePut, gradePut, gradeRemove, faultPut, planPut, checkInPut, clearancePut, cadrePut, removal,
} = ledgerWrites({
  cadres: CADRES,
  newCadres: ['C13', 'XZ01.C14'],
  units: unitIds,
  months,
  scoreValues,
  ids: { sanctions: ['S1', 'S2', 'S3', 'XZ01.S4', 'XZ02.S5'], measures: ['M1', 'M2', 'M3', 'M4', 'XZ01.M6', 'XZ02.M7'], faults: ['F1', 'F2', 'XZ01.F3'], plans: ['P1', 'P2', 'XZ01.P3'], clearances: ['K1', 'K2', 'K3'] },
  policyIds: ['PV-2025-07', 'PV-2025-10'],
  gradeCadres: 'any',
  sameDayWeight: 2,
});
const cadreRemove = fc.constantFrom('C13', 'XZ01.C14', 'C10').map((id) => remove('cadres', id));
const unitPut = fc.constantFrom('U4', 'U0', 'U9').map((id) => put('units', { id, name: `单位${id}` }));
const unitRemove = fc.constantFrom('U4', 'U0').map((id) => remove('units', id));
const policies = [
  withPolicy(defaultPolicy, (p) => (p.streaks.warnBottomThirdMonths = 2), 'PV-2025-07', '2025-07'),
  withPolicy(defaultPolicy, (p) => {
    p.ranking.minGroupSize = 5;
    p.streaks.teamBottomThirdMonths = 1;
  }, 'PV-2025-10', '2025-10'),
];
/** Versions given to an evaluation (one array for every call, as a caller holding them would). */
const givenPolicies: readonly PolicyVersion[] = [withPolicy(defaultPolicy, (p) => (p.streaks.warnBottomThirdMonths = 1), 'PV-G', '2024-01')];
const policyPut = fc.constantFrom(...policies).map((p) => put('policies', p));
const write: fc.Arbitrary<LedgerEvent> = fc.oneof(
  { arbitrary: scorePut, weight: 6 },
  { arbitrary: scoreRemove, weight: 2 },
  { arbitrary: measurePut, weight: 4 },
  { arbitrary: sanctionPut, weight: 3 },
  { arbitrary: gradePut, weight: 2 },
  { arbitrary: gradeRemove, weight: 1 },
  { arbitrary: faultPut, weight: 1 },
  { arbitrary: planPut, weight: 2 },
  { arbitrary: checkInPut, weight: 2 },
  { arbitrary: clearancePut, weight: 3 },
  { arbitrary: removal, weight: 3 },
  { arbitrary: cadrePut, weight: 2 },
  { arbitrary: cadreRemove, weight: 1 },
  { arbitrary: unitPut, weight: 1 },
  { arbitrary: unitRemove, weight: 1 },
  { arbitrary: policyPut, weight: 1 },
);

const baseLedger = fc
  .record({
    scores: fc.array(fc.option(fc.constantFrom(...scoreValues), { freq: 6 }), { minLength: cadreIds.length * MONTHS, maxLength: cadreIds.length * MONTHS }),
    records: fc.array(fc.oneof(measurePut, sanctionPut, sanctionPut, gradePut, planPut, checkInPut, faultPut, clearancePut), { minLength: 3, maxLength: 12 }),
  })
  .map(({ scores, records }) => {
    const b = new LedgerBuilder();
    for (const u of unitIds) b.unit(u);
    cadreIds.forEach((id, i) => {
      b.cadre(id, { peerGroup: CADRES[id][0], unitId: CADRES[id][1] });
      months.forEach((m, k) => {
        const s = scores[i * MONTHS + k];
        if (s !== null) b.score(id, m, s);
      });
      b.grade(id, 2024, annualGrades[i % annualGrades.length]);
    });
    for (const e of records) applyEvent(b.state, e);
    return b.state;
  });

// ---- the steps --------------------------------------------------------------------------------------

type Step =
  | { type: 'commit'; events: LedgerEvent[] }
  | { type: 'evaluate'; asOf: string; office?: string; given: boolean; subject?: string }
  | { type: 'views'; asOf: string; office?: string; cadreId: string }
  | { type: 'live'; asOf: string; office?: string }
  /** A clearance (or its removal) of a record the state holds now: the k-th of the clearable ones. */
  | { type: 'clear'; k: number; id: string; kind: 'clearance' | 'revocation'; drop: boolean };

const asOf = fc.constantFrom(...asOfMonths);
const office = fc.constantFrom(...offices);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.array(write, { minLength: 1, maxLength: 3 }).map((events) => ({ type: 'commit' as const, events })), weight: 5 },
  { arbitrary: fc.record({ asOf, office, given: fc.boolean(), subject: opt(anyCadre) }).map((s) => ({ type: 'evaluate' as const, ...clean(s) })), weight: 3 },
  { arbitrary: fc.record({ asOf, office, cadreId: anyCadre }).map((s) => ({ type: 'views' as const, ...clean(s) })), weight: 2 },
  { arbitrary: fc.record({ asOf, office }).map((s) => ({ type: 'live' as const, ...clean(s) })), weight: 1 },
  { arbitrary: fc.record({ k: fc.nat(), id: clearanceId, kind: fc.constantFrom('clearance', 'revocation' as const), drop: fc.boolean() }).map((s) => ({ type: 'clear' as const, ...s })), weight: 2 },
);

/** The event a 'clear' step stands for in the state as it is. */
function clearEvent(state: LedgerState, s: Extract<Step, { type: 'clear' }>): LedgerEvent {
  if (s.drop) return remove('clearances', s.id);
  const held: { id: string; cadreId: string }[] = [];
  state.sanctions.forEach((r) => held.push(r));
  state.measures.forEach((r) => held.push({ id: r.id, cadreId: r.subjectId }));
  state.faults.forEach((r) => held.push(r));
  state.rehabPlans.forEach((r) => held.push(r));
  state.grades.forEach((r) => held.push(r));
  if (s.k % 3 === 0) state.scores.forEach((r) => held.push(r));
  const r = held.length ? held[s.k % held.length] : { id: 'S1', cadreId: 'C1' };
  return put('clearances', { id: s.id, cadreId: r.cadreId, recordId: r.id, kind: s.kind, date: '2025-05-01', note: '' });
}

// ---- the comparison -----------------------------------------------------------------------------

const json = (x: unknown) => JSON.stringify(x);


function indexOf(state: LedgerState, asOfMonth: string, officeCode?: string, given?: boolean): LedgerIndex {
  return new LedgerIndex(state, { asOf: asOfMonth, office: officeCode, policies: given ? givenPolicies : undefined });
}

/** The full findings of the state and of its plain copy, for one as-of month and office. */
function expectFullSame(state: LedgerState, asOfMonth: string, officeCode: string | undefined, given: boolean, what: string): void {
  const plain = plainCopy(state);
  expect(json(evaluateIndex(indexOf(state, asOfMonth, officeCode, given))), what).toBe(json(evaluateIndex(indexOf(plain, asOfMonth, officeCode, given))));
}

/** The views' helpers on an index of the state (kept structures) against one of the plain copy. */
function expectViewsSame(state: LedgerState, asOfMonth: string, officeCode: string | undefined, cadreId: string, what: string): void {
  const kept = indexOf(state, asOfMonth, officeCode);
  const plain = indexOf(plainCopy(state), asOfMonth, officeCode);
  if (kept.positionOf(cadreId) < 0) {
    expect(plain.positionOf(cadreId), what).toBeLessThan(0);
    return;
  }
  expect(json(impactPeriodsOf(kept, cadreId)), `${what}: periods`).toBe(json(impactPeriodsOf(plain, cadreId)));
  expect(json(promotionBarsOf(kept, cadreId, asOfMonth)), `${what}: bars`).toBe(json(promotionBarsOf(plain, cadreId, asOfMonth)));
  expect(json(rankHistory(kept, cadreId)), `${what}: ranks`).toBe(json(rankHistory(plain, cadreId)));
  expect(json(unitRanking(kept, asOfMonth)), `${what}: unit ranking`).toBe(json(unitRanking(plain, asOfMonth)));
}

function run(state: LedgerState, steps: Step[]): void {
  const live: { inc: IncrementalEvaluation; asOf: string; office?: string }[] = [
    { inc: new IncrementalEvaluation(state, '2025-12'), asOf: '2025-12' },
    { inc: new IncrementalEvaluation(state, '2025-08', { office: 'XZ02' }), asOf: '2025-08', office: 'XZ02' },
  ];
  steps.forEach((s, i) => {
    const what = `step ${i + 1} ${json(s)}`;
    switch (s.type) {
      case 'commit':
      case 'clear': {
        const events = s.type === 'commit' ? s.events : [clearEvent(state, s)];
        for (const e of events) applyEvent(state, e);
        // The live evaluations patch their indexes (copies of what they change, never the kept ones).
        for (const l of live) l.inc.apply(state, events);
        break;
      }
      case 'evaluate': {
        const plain = plainCopy(state);
        const subjects = s.subject ? [{ type: 'cadre' as const, id: s.subject }] : undefined;
        // One subject: the index reads only some of the lists (the rest are built later by others).
        expect(json(evaluateIndex(indexOf(state, s.asOf, s.office, s.given), { subjects })), what).toBe(
          json(evaluateIndex(indexOf(plain, s.asOf, s.office, s.given), { subjects })),
        );
        break;
      }
      case 'views':
        expectViewsSame(state, s.asOf, s.office, s.cadreId, what);
        break;
      case 'live':
        if (live.length < 5) live.push({ inc: new IncrementalEvaluation(state, s.asOf, { office: s.office }), asOf: s.asOf, office: s.office });
        break;
    }
    // After every step: a fresh evaluation (taking whatever is kept now) equals the plain copy's,
    // and every live evaluation equals it too.
    expectFullSame(state, '2025-12', undefined, false, `${what}: full 2025-12`);
    for (const l of live) {
      const plain = plainCopy(state);
      expect(json(l.inc.findings()), `${what}: live ${l.asOf} ${l.office ?? ''}`).toBe(json(evaluateIndex(indexOf(plain, l.asOf, l.office))));
    }
  });
  // Every as-of month and office at the end, with and without given versions.
  for (const m of asOfMonths) for (const o of offices) for (const g of [false, true]) expectFullSame(state, m, o, g, `end: ${m} ${o ?? ''} ${g}`);
}

const RUNS = Number(process.env.KEPT_RUNS ?? 120);

describe('kept structures never change a finding', () => {
  it('random writes interleaved with evaluations, views and live incremental evaluations equal evaluations of a plain copy', () => {
    fc.assert(
      fc.property(baseLedger, fc.array(step, { minLength: 1, maxLength: 14 }), (state, steps) => run(state, steps)),
      { numRuns: RUNS },
    );
  }, 240_000);
});
