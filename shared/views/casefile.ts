// The case file of one cadre (干部档案): header facts, bars and impact periods in force, one merged
// timeline newest first, the rank history for the chart and the cadre's current findings.
import type { CaseFile, ImpactPeriodView, PromotionBarView, TimelineEntry } from '../contract/casefile';
import type { FindingRow } from '../contract/findings';
import type { RankEvidence } from '../domain/findings';
import type { Clearance } from '../domain/records';
import type { Revision } from '../domain/revisions';
import { clearanceEffectsForCadre } from './clearance';
import { faultDeductionOf } from './faults';
import { policyAt } from './ladder';
import { planRows, wayBackOf } from './rehab';
import { cadreStatus } from '../domain/status';
import type { LedgerState } from '../ledger/collections';
import { gradesOfCadre } from '../engine/columns/gradeTable';
import { scoresOfCadre } from '../engine/columns/scoreTable';
import { lastDayOf, referenceDate } from './dates';
import { withPoliciesOf } from './officeScope';
import type { ViewEngine } from './viewEngine';

/** Order of collections among entries of the same date (newest first puts the later-listed first). */
const sameDayOrder: Record<TimelineEntry['collection'], number> = {
  scores: 0,
  grades: 1,
  faults: 2,
  sanctions: 3,
  measures: 4,
  rehabPlans: 5,
  checkIns: 6,
  clearances: 7,
};

/** Sort key: scores sit at their month's end, grades at their year's end. */
function sortDate(e: TimelineEntry): string {
  if (e.collection === 'scores') return lastDayOf(e.date);
  if (e.collection === 'grades') return `${e.date}-12-31`;
  return e.date;
}

export class CadreNotFound extends Error {
  constructor(readonly cadreId: string) {
    super(`unknown cadre ${cadreId}`);
  }
}

export interface CaseFileQuery {
  cadreId: string;
  asOf: string;
  today: string;
  /** The cadre's current findings, from listFindings (the service computes them once). */
  findings: FindingRow[];
}

export function buildTimeline(
  state: LedgerState,
  cadreId: string,
  rankByMonth: Map<string, RankEvidence>,
  periodBySanction: Map<string, ImpactPeriodView>,
): TimelineEntry[] {
  const cadre = state.cadres.get(cadreId);
  const clearedBy = new Map<string, Clearance>();
  for (const c of state.clearances.values()) clearedBy.set(c.recordId, c);
  // The record history of this cadre's records (corrections, voids), by collection/id, oldest first.
  const history = new Map<string, Revision[]>();
  for (const r of state.revisions.values()) {
    if (r.cadreId !== cadreId) continue;
    const key = `${r.collection}/${r.recordId}`;
    const list = history.get(key);
    if (list) list.push(r);
    else history.set(key, [r]);
  }
  for (const list of history.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.localeCompare(b.id)));
  const entries: TimelineEntry[] = [];
  const push = (
    collection: TimelineEntry['collection'],
    record: { id: string },
    date: string,
    kind: string,
    extra: Partial<TimelineEntry> = {},
  ) => {
    const clearance = collection === 'clearances' ? undefined : clearedBy.get(record.id);
    const revisions = history.get(`${collection}/${record.id}`) ?? [];
    const corrections = revisions.filter((r) => r.action === 'correct');
    const last = corrections.at(-1);
    const voided = extra.voided;
    entries.push({
      key: `${collection}/${record.id}`,
      collection,
      date,
      kind,
      cleared: clearance !== undefined,
      ...(clearance ? { clearedBy: clearance } : {}),
      standing: voided ? 'voided' : clearance ? (clearance.kind === 'revocation' ? 'revoked' : 'cleared') : 'inForce',
      corrections: corrections.length,
      ...(last ? { lastCorrection: { reason: last.reason, by: last.by, at: last.at, date: last.date } } : {}),
      record: record as Record<string, unknown>,
      ...extra,
    });
  };

  for (const s of scoresOfCadre(state.scores, cadreId)) {
    const r = rankByMonth.get(s.month);
    push('scores', s, s.month, 'score', r && !clearedBy.has(s.id) ? { rank: { rank: r.rank, n: r.n, third: r.third } } : {});
  }
  for (const g of gradesOfCadre(state.grades, cadreId)) push('grades', g, String(g.year), g.grade);
  for (const s of state.sanctions.values()) {
    if (s.cadreId !== cadreId) continue;
    const period = periodBySanction.get(s.id);
    push('sanctions', s, s.decidedOn, s.kind, period ? { period } : {});
  }
  for (const m of state.measures.values()) {
    const own = m.subjectType === 'cadre' && m.subjectId === cadreId;
    // A team measure on the cadre's unit concerns the cadre too (shown as the unit's).
    const team = m.subjectType === 'unit' && cadre !== undefined && m.subjectId === cadre.unitId;
    if (own || team) push('measures', m, m.startsOn, m.kind);
  }
  for (const f of state.faults.values()) if (f.cadreId === cadreId) push('faults', f, f.date, 'fault');
  for (const c of state.clearances.values()) if (c.cadreId === cadreId) push('clearances', c, c.date, c.kind);
  const planIds = new Set<string>();
  for (const p of state.rehabPlans.values()) {
    if (p.cadreId !== cadreId) continue;
    planIds.add(p.id);
    push('rehabPlans', p, p.startsOn, p.status);
  }
  if (planIds.size > 0) {
    for (const c of state.checkIns.values()) if (planIds.has(c.planId)) push('checkIns', c, c.date, 'checkIn');
  }
  // Voided records: gone from the ledger, shown greyed from the version the void kept.
  for (const list of history.values()) {
    const v = list.at(-1)!;
    if (v.action !== 'void' || !v.before) continue;
    if ((state[v.collection as keyof LedgerState] as Map<string, unknown> | undefined)?.has(v.recordId)) continue;
    const collection = v.collection as TimelineEntry['collection'];
    if (!(collection in sameDayOrder)) continue;
    const r = v.before as Record<string, unknown> & { id: string };
    const date = String(r.decidedOn ?? r.startsOn ?? r.date ?? r.month ?? r.year ?? v.date);
    const kind =
      collection === 'scores' ? 'score' : collection === 'grades' ? String(r.grade) : collection === 'faults' ? 'fault' : collection === 'checkIns' ? 'checkIn' : collection === 'rehabPlans' ? String(r.status) : String(r.kind ?? collection);
    push(collection, r, date, kind, { voided: { reason: v.reason, by: v.by, at: v.at, date: v.date, revisionId: v.id } });
  }

  const keyed = entries.map((e) => ({ e, d: sortDate(e) }));
  keyed.sort(
    (a, b) =>
      (a.d < b.d ? 1 : a.d > b.d ? -1 : 0) ||
      sameDayOrder[b.e.collection] - sameDayOrder[a.e.collection] ||
      (a.e.key < b.e.key ? 1 : a.e.key > b.e.key ? -1 : 0),
  );
  return keyed.map((k) => k.e);
}

export function caseFileView(state: LedgerState, engine: ViewEngine, q: CaseFileQuery): CaseFile {
  const cadre = state.cadres.get(q.cadreId);
  if (!cadre) throw new CadreNotFound(q.cadreId);
  const refDate = referenceDate(q.asOf);
  const clearedIds = new Set<string>();
  for (const c of state.clearances.values()) clearedIds.add(c.recordId);

  const rankHistory = engine.rankHistory(state, cadre.id, q.asOf);
  const rankByMonth = new Map(rankHistory.map((r) => [r.month, r]));

  const impactPeriods: ImpactPeriodView[] = engine
    .impactPeriods(state, cadre.id, q.asOf)
    .filter((p) => !clearedIds.has(p.sanctionId))
    .map((p) => ({ ...p, active: p.start <= refDate && refDate < p.end }))
    .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  const periodBySanction = new Map(impactPeriods.map((p) => [p.sanctionId, p]));

  const bars: PromotionBarView[] = engine
    .promotionBars(state, cadre.id, q.asOf)
    .filter((b) => !clearedIds.has(b.sourceId) && b.until > refDate)
    .sort((a, b) => (a.until < b.until ? 1 : a.until > b.until ? -1 : 0));

  let peerGroupSize = 0;
  for (const c of state.cadres.values()) if (c.peerGroup === cadre.peerGroup) peerGroupSize++;

  const ownMeasures = [...state.measures.values()].filter((m) => m.subjectType === 'cadre' && m.subjectId === cadre.id);

  return {
    asOf: q.asOf,
    referenceDate: refDate,
    cadre,
    unit: state.units.get(cadre.unitId) ?? null,
    status: cadreStatus(ownMeasures, clearedIds, refDate),
    peerGroupSize,
    bars,
    impactPeriods,
    timeline: buildTimeline(state, cadre.id, rankByMonth, periodBySanction),
    rankHistory,
    findings: q.findings,
    ...rehabAndFaults(state, engine, cadre.id, q.asOf, clearedIds),
  };
}

/** The case file's parts of issue 9: the way back up, plans, fault deductions, clearance effects. */
function rehabAndFaults(whole: LedgerState, engine: ViewEngine, cadreId: string, asOf: string, clearedIds: Set<string>) {
  // The policy of the cadre's own office (at the New Area: its township's timeline).
  const state = withPoliciesOf(whole, { type: 'cadre', id: cadreId });
  const faults = [...state.faults.values()]
    .filter((f) => f.cadreId === cadreId)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id)))
    .map((f) => faultDeductionOf(f, policyAt(state, f.date.slice(0, 7)), clearedIds.has(f.id)));
  const hasPlanOrMeasure =
    [...state.rehabPlans.values()].some((p) => p.cadreId === cadreId) ||
    [...state.measures.values()].some(
      (m) => m.subjectType === 'cadre' && m.subjectId === cadreId && policyAt(state, asOf).rehab.measures.includes(m.kind) && !clearedIds.has(m.id),
    );
  let wayBack = null;
  let plans: ReturnType<typeof planRows> = [];
  if (hasPlanOrMeasure) {
    const index = engine.index(whole, asOf, { cadreId });
    const wb = wayBackOf(index, cadreId);
    wayBack = wb.measure || wb.planId ? wb : null;
    plans = planRows(state, index, { cadreId });
  }
  return { wayBack, plans, faultDeductions: faults, clearanceEffects: clearanceEffectsForCadre(state, cadreId) };
}

