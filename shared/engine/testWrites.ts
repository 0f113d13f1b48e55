// Test support (like testkit.ts; not used by the engine): fast-check arbitraries of ledger writes
// of every kind over a small world of cadres, units and record ids — what the property tests of
// incremental evaluation and of the kept structures throw at a state.
import fc from 'fast-check';
import { annualGrades, measureKinds, measureOutcomes, sanctionKinds } from '../domain/records';
import { put, remove } from '../ledger/events';
import { addMonthsToMonth } from './calendar';

export interface WriteWorld {
  /** Cadres of the base ledger: id → [peer group, unit]. */
  cadres: Record<string, [string, string]>;
  /** Cadres a write may name that are not in the base ledger (new ones, another office's). */
  newCadres: readonly string[];
  units: readonly string[];
  /** The scored months, oldest first: writes land in them, one month before and one after. */
  months: readonly string[];
  scoreValues: readonly number[];
  ids: { sanctions: readonly string[]; measures: readonly string[]; faults: readonly string[]; plans: readonly string[]; clearances: readonly string[] };
  /** Policy versions a write may remove. */
  policyIds: readonly string[];
  /** Whose grades are written: the base ledger's cadres, or any cadre a write may name. */
  gradeCadres: 'known' | 'any';
  /** Weight of the two fixed days against any day (same-day records are ordered by id). */
  sameDayWeight: number;
}

/** Drops undefined fields (the store's records have no undefined values). */
export function clean<T extends object>(r: T): T {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as T;
}

export function cadreRecord(id: string, peerGroup: string, unitId: string) {
  return { id, name: `干部${id}`, unitId, peerGroup, position: '', rankLevel: '', category: 'civilServant' as const, leader: false };
}

export function ledgerWrites(w: WriteWorld) {
  const cadreIds = Object.keys(w.cadres);
  const writeMonths = [addMonthsToMonth(w.months[0], -1), ...w.months, addMonthsToMonth(w.months[w.months.length - 1], 1)];
  const dateMonths = Array.from({ length: 40 }, (_, i) => addMonthsToMonth('2023-01', i)); // … 2026-04
  /** Any day of the range, or one of two days often. */
  const date = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...dateMonths), fc.constantFrom('01', '15', '28')).map(([m, d]) => `${m}-${d}`), weight: 2 },
    { arbitrary: fc.constantFrom('2025-03-01', '2025-06-15'), weight: w.sameDayWeight },
  );
  const cadre = fc.constantFrom(...cadreIds);
  const anyCadre = fc.constantFrom(...cadreIds, ...w.newCadres);
  const unit = fc.constantFrom(...w.units);
  const sanctionId = fc.constantFrom(...w.ids.sanctions);
  const measureId = fc.constantFrom(...w.ids.measures);
  const faultId = fc.constantFrom(...w.ids.faults);
  const planId = fc.constantFrom(...w.ids.plans);
  const clearanceId = fc.constantFrom(...w.ids.clearances);
  const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

  const scorePut = fc.record({ cadreId: anyCadre, month: fc.constantFrom(...writeMonths), score: fc.constantFrom(...w.scoreValues) }).map(
    ({ cadreId, month, score }) => put('scores', { id: `${cadreId}:${month}`, cadreId, month, score }),
  );
  const scoreRemove = fc.record({ cadreId: cadre, month: fc.constantFrom(...writeMonths) }).map(({ cadreId, month }) => remove('scores', `${cadreId}:${month}`));
  const sanctionPut = fc.record({ id: sanctionId, cadreId: anyCadre, kind: fc.constantFrom(...sanctionKinds), decidedOn: date, releasedOn: opt(date) }).map((s) =>
    put('sanctions', clean({ ...s, reason: '' })),
  );
  const measurePut = fc
    .record({
      id: measureId,
      unit: fc.boolean(),
      cadreId: anyCadre,
      unitId: unit,
      kind: fc.constantFrom(...measureKinds),
      startsOn: date,
      endsOn: opt(date),
      outcome: opt(fc.constantFrom(...measureOutcomes)),
      memberIds: opt(fc.subarray(cadreIds, { maxLength: 3 })),
    })
    .map(({ unit: isUnit, cadreId, unitId, memberIds, ...m }) =>
      put('measures', clean({ ...m, subjectType: isUnit ? 'unit' : 'cadre', subjectId: isUnit ? unitId : cadreId, note: '', memberIds: isUnit ? memberIds : undefined })),
    );
  const gradePut = fc.record({ cadreId: w.gradeCadres === 'any' ? anyCadre : cadre, year: fc.constantFrom(2023, 2024, 2025), grade: fc.constantFrom(...annualGrades) }).map((g) =>
    put('grades', { id: `${g.cadreId}:${g.year}`, ...g }),
  );
  const gradeRemove = fc.record({ cadreId: cadre, year: fc.constantFrom(2023, 2024, 2025) }).map((g) => remove('grades', `${g.cadreId}:${g.year}`));
  const faultPut = fc
    .record({ id: faultId, cadreId: anyCadre, date, intentional: fc.boolean(), personalInterest: fc.boolean(), violation: fc.boolean(), tolerated: fc.boolean(), decision: opt(fc.constantFrom('tolerated', 'lightened', 'notTolerated' as const)) })
    .map((f) => put('faults', clean({ ...f, description: '' })));
  const planPut = fc
    .record({ id: planId, cadreId: anyCadre, measureId, startsOn: date, status: fc.constantFrom('active', 'completed', 'closed' as const), lastReview: opt(fc.constantFrom('positive', 'negative' as const)) })
    .map((p) => put('rehabPlans', clean({ ...p, assignment: 'ruralRevitalization' as const })));
  const checkInPut = fc.record({ planId, date }).map(({ planId: p, date: d }) => put('checkIns', { id: `${p}:${d}`, planId: p, date: d, note: '' }));
  const clearanceRecord = fc.oneof(
    sanctionId,
    measureId,
    faultId,
    planId,
    fc.record({ c: cadre, y: fc.constantFrom(2024, 2025) }).map(({ c, y }) => `${c}:${y}`),
    fc.record({ c: cadre, m: fc.constantFrom(...w.months.slice(-8)) }).map(({ c, m }) => `${c}:${m}`),
  );
  const clearancePut = fc.record({ id: clearanceId, cadreId: cadre, recordId: clearanceRecord, kind: fc.constantFrom('clearance', 'revocation' as const), date }).map((k) =>
    put('clearances', { ...k, note: '' }),
  );
  const cadrePut = fc
    .record({ id: anyCadre, move: fc.boolean(), peerGroup: fc.constantFrom('G1', 'G2', 'G3'), unitId: unit, trialEndsOn: opt(date), appointedOn: opt(date) })
    .map(({ id, move, peerGroup, unitId, trialEndsOn, appointedOn }) => {
      const [g, u] = w.cadres[id] ?? ['G2', 'U4'];
      return put('cadres', clean({ ...cadreRecord(id, move ? peerGroup : g, move ? unitId : u), trialEndsOn, appointedOn }));
    });
  /** A record of any per-subject collection removed, or a policy version. */
  const removal = fc.oneof(
    sanctionId.map((id) => remove('sanctions', id)),
    measureId.map((id) => remove('measures', id)),
    faultId.map((id) => remove('faults', id)),
    planId.map((id) => remove('rehabPlans', id)),
    clearanceId.map((id) => remove('clearances', id)),
    fc.record({ p: planId, d: date }).map(({ p, d }) => remove('checkIns', `${p}:${d}`)),
    fc.constantFrom(...w.policyIds).map((id) => remove('policies', id)),
  );
  return {
    removal,
    date,
    sanctionId,
    measureId,
    faultId,
    planId,
    clearanceId,
    scorePut,
    scoreRemove,
    sanctionPut,
    measurePut,
    gradePut,
    gradeRemove,
    faultPut,
    planPut,
    checkInPut,
    clearancePut,
    cadrePut,
  };
}
