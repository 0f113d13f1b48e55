// Rehabilitation plans (后半篇文章): the draft a plan starts from, the list of plans, one plan with
// its check-ins and recent ranks, and the way back up — every condition of `rehab.reascend` with
// its state, computed by the rule's own `reascendState`, so the checklist is all met exactly when
// the rule fires (DECISIONS.md 42).
import type { PlanDraft, PlanFilters, PlanRow, WayBack, WayBackCondition } from '../contract/rehab';
import type { RankEvidence } from '../domain/findings';
import type { Bilingual } from '../domain/primitives';
import { rehabSourceMeasures, type CheckIn, type Measure, type RehabPlan } from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import { evaluateIndex, LedgerIndex } from '../engine';
import { firstDayOf, lastDayOf, monthFromIndex, monthIndex } from '../engine/calendar';
import { joinLabels, measureLabels } from '../engine/labels';
import { reascendState } from '../engine/rules/rehab.reascend';
import { addDays, addMonths } from './dates';
import { policyAt } from './ladder';
import { withPoliciesOf } from './officeScope';
import type { ViewEngine } from './viewEngine';

export class RehabInputError extends Error {
  constructor(
    readonly code: 'VALIDATION' | 'CONFLICT' | 'NOT_FOUND',
    readonly field: string,
    readonly bilingual: Bilingual,
  ) {
    super(bilingual.en);
  }
}

const sourceKinds = new Set<string>(rehabSourceMeasures);

/** The active plan opened from this measure, if any (one open plan per measure). */
export function activePlanFor(state: LedgerState, measureId: string): RehabPlan | undefined {
  for (const p of state.rehabPlans.values()) if (p.measureId === measureId && p.status === 'active') return p;
  return undefined;
}

/** Checks that a plan may be opened from this measure; returns it. */
export function sourceMeasure(state: LedgerState, measureId: string): Measure {
  const m = state.measures.get(measureId);
  if (!m) throw new RehabInputError('NOT_FOUND', 'measureId', { zh: `措施“${measureId}”不存在`, en: `unknown measure "${measureId}"` });
  if (m.subjectType !== 'cadre') {
    throw new RehabInputError('VALIDATION', 'measureId', { zh: '帮扶计划只能针对干部个人的措施', en: "a plan is opened from a cadre's own measure" });
  }
  if (!sourceKinds.has(m.kind)) {
    throw new RehabInputError('VALIDATION', 'measureId', {
      zh: `帮扶计划只能从降职、免职、过渡性安置或调整岗位开启（此为${measureLabels[m.kind].zh}）`,
      en: `a plan is opened from a demotion, removal, transitional placement or position adjustment (this is a ${measureLabels[m.kind].en})`,
    });
  }
  const open = activePlanFor(state, m.id);
  if (open) {
    throw new RehabInputError('CONFLICT', 'measureId', { zh: `该措施已有进行中的帮扶计划“${open.id}”`, en: `plan "${open.id}" is already open for this measure` });
  }
  return m;
}

/**
 * A plan pre-filled from its measure: the start of the measure, reviews every 6 months up to the
 * minimum time before the cadre may rise again (policy.rehab.minMonthsSinceStart), goals in words.
 */
export function planDraftFromMeasure(state: LedgerState, measureId: string): PlanDraft {
  const m = sourceMeasure(state, measureId);
  const cadre = state.cadres.get(m.subjectId);
  const policy = policyAt(withPoliciesOf(state, { type: 'cadre', id: m.subjectId }), m.startsOn.slice(0, 7));
  const scheduledReviews: string[] = [];
  for (let k = 6; k <= Math.max(6, policy.rehab.minMonthsSinceStart); k += 6) scheduledReviews.push(addMonths(m.startsOn, k));
  const label = measureLabels[m.kind].zh;
  return {
    cadreId: m.subjectId,
    measureId: m.id,
    measureKind: m.kind as PlanDraft['measureKind'],
    assignment: 'ruralRevitalization',
    startsOn: m.startsOn,
    post: '',
    place: '',
    fitReason: '',
    mentor: '',
    goals: `${label}后到基层一线锻炼，转变作风、提升能力；定期回访谈话，按期评估，表现突出的按规定重新使用。`,
    training: [],
    scheduledReviews,
    cadrePosition: cadre?.position ?? '',
  };
}

// ---- the way back up ------------------------------------------------------------------------

/** An index for `asOf` with the cadre's peer group ranked (what the rule sees). */
export function indexFor(state: LedgerState, asOf: string): LedgerIndex {
  return new LedgerIndex(state, { asOf });
}

/** The first month from `from` that no bar covers (a bar covering any day of a month holds it). */
function firstFreeMonth(bars: ReadonlyArray<{ start: string; until: string }>, from: number): number {
  let m = from;
  for (let moved = true; moved; ) {
    moved = false;
    for (const b of bars) {
      if (b.start <= lastDayOf(monthFromIndex(m)) && b.until > firstDayOf(monthFromIndex(m))) {
        const u = b.until;
        m = u.endsWith('-01') ? monthIndex(u.slice(0, 7)) : monthIndex(u.slice(0, 7)) + 1;
        moved = true;
      }
    }
  }
  return m;
}

/** Every condition of `rehab.reascend` for the cadre as of `asOf`, with its state in words. */
export function wayBackOf(index: LedgerIndex, cadreId: string): WayBack {
  const asOf = index.asOf!;
  const month = monthIndex(asOf);
  const c = index.cadreIndex.get(cadreId);
  if (c === undefined) throw new RehabInputError('NOT_FOUND', 'cadreId', { zh: `干部“${cadreId}”不存在`, en: `unknown cadre "${cadreId}"` });
  index.rankGroup(index.groupOf[c]);
  const policy = index.policyAtIndex(month);
  const p = policy.rehab;
  const st = reascendState(index, c, month, asOf, policy, true);
  const m = st.measure;
  const kinds = joinLabels(p.measures.map((k) => measureLabels[k]));
  const kindLabel = m ? measureLabels[m.kind] : kinds;
  const conditions: WayBackCondition[] = [];
  const add = (id: WayBackCondition['id'], label: Bilingual, met: boolean, detail: Bilingual, metFrom?: number) =>
    conditions.push({ id, label, met, detail, ...(metFrom !== undefined && !met ? { metFrom: monthFromIndex(metFrom) } : {}) });

  add(
    'measure',
    { zh: `有${kinds.zh}记录`, en: `a ${kinds.en} on record` },
    !!m,
    m ? { zh: `${m.startsOn}${kindLabel.zh}（${m.id}）`, en: `${kindLabel.en} (${m.id}) on ${m.startsOn}` } : { zh: `无${kinds.zh}记录`, en: `no ${kinds.en} on record` },
  );
  const need = p.minMonthsSinceStart;
  if (m) {
    const left = st.minTimeFrom! - month;
    add(
      'minTime',
      { zh: `距${kindLabel.zh}满${need}个月`, en: `${need} months since the ${kindLabel.en}` },
      st.minTimeMet,
      st.minTimeMet
        ? { zh: `已满（${monthFromIndex(st.minTimeFrom!)}起）`, en: `met (from ${monthFromIndex(st.minTimeFrom!)})` }
        : { zh: `距${kindLabel.zh}满${need}个月还差${left}个月（${monthFromIndex(st.minTimeFrom!)}起）`, en: `${left} more month(s) to ${need} months since the ${kindLabel.en} (from ${monthFromIndex(st.minTimeFrom!)})` },
      st.minTimeFrom,
    );
  } else {
    add('minTime', { zh: `满${need}个月`, en: `${need} months since the measure` }, false, { zh: '无相关措施', en: 'no such measure' });
  }
  const lastNegative = st.plans.some((pl) => pl.lastReview === 'negative');
  add(
    'plan',
    { zh: '帮扶计划已完成或最近评估为积极', en: 'a rehabilitation plan completed or with a positive last review' },
    !!st.plan,
    st.plan
      ? st.plan.status === 'completed'
        ? { zh: `帮扶计划（${st.plan.id}）已完成`, en: `plan ${st.plan.id} completed` }
        : { zh: `帮扶计划（${st.plan.id}）最近评估为积极`, en: `plan ${st.plan.id}: last review positive` }
      : st.plans.length === 0
        ? { zh: '尚无帮扶计划', en: 'no rehabilitation plan yet' }
        : lastNegative
          ? { zh: '帮扶计划未完成，最近评估为消极', en: 'the plan is not completed and its last review was negative' }
          : { zh: '帮扶计划未完成且无积极评估', en: 'the plan is not completed and has no positive review' },
  );
  add(
    'topThird',
    { zh: `近${p.windowMonths}个月中至少${p.topThirdMonths}个月位列前三分之一`, en: `top third in at least ${p.topThirdMonths} of the last ${p.windowMonths} months` },
    st.topMonths >= p.topThirdMonths,
    { zh: `前三分之一 ${st.topMonths}/${p.topThirdMonths} 个月`, en: `top third ${st.topMonths}/${p.topThirdMonths} months` },
  );
  const allBars = index.promotionBarsOf(c);
  const until = st.bars.reduce((u, b) => (b.until > u ? b.until : u), '');
  add(
    'noBar',
    { zh: '无不得提拔情形', en: 'no promotion bar' },
    st.bars.length === 0,
    st.bars.length === 0 ? { zh: '无', en: 'none' } : { zh: `提拔限制至 ${until}`, en: `barred from promotion until ${until}` },
    st.bars.length ? firstFreeMonth(allBars, month) : undefined,
  );
  add(
    'noPromotion',
    { zh: `${kindLabel.zh}后未记录提拔`, en: `no promotion recorded since the ${kindLabel.en}` },
    !st.promotion,
    st.promotion
      ? { zh: `${st.promotion.startsOn}已记录提拔（${st.promotion.id}）`, en: `promoted on ${st.promotion.startsOn} (${st.promotion.id})` }
      : { zh: '未记录', en: 'none recorded' },
  );
  add(
    'inPost',
    { zh: '仍在职（未辞退、退休或退出）', en: 'still in post (not dismissed, retired or exited)' },
    !st.exited,
    st.exited ? { zh: '已离开干部队伍', en: 'has left' } : { zh: '在职', en: 'in post' },
  );

  const earliest = m ? firstFreeMonth(allBars, Math.max(st.minTimeFrom!, monthIndex(m.startsOn))) : undefined;
  return {
    cadreId,
    asOf,
    judgedOn: lastDayOf(asOf),
    measure: m ?? null,
    planId: st.plan?.id ?? st.plans.at(-1)?.id ?? null,
    earliestDate: earliest !== undefined ? firstDayOf(monthFromIndex(earliest)) : null,
    conditions,
    eligible: st.eligible,
  };
}

/** The cadre's ranks of the last `policy.rehab.windowMonths` months up to the index's month, oldest first. */
export function recentRanks(index: LedgerIndex, cadreId: string): RankEvidence[] {
  const c = index.cadreIndex.get(cadreId);
  if (c === undefined) return [];
  index.rankGroup(index.groupOf[c]);
  const month = monthIndex(index.asOf!);
  const window = index.policyAtIndex(month).rehab.windowMonths;
  const out: RankEvidence[] = [];
  for (let mi = month - window + 1; mi <= month; mi++) {
    const e = index.rankEvidence(c, mi);
    if (e) out.push({ month: e.month, score: e.score, rank: e.rank, n: e.n, third: e.third });
  }
  return out;
}

// ---- plans ----------------------------------------------------------------------------------

/** Check-ins of each plan dated by `lastDay`, oldest first. */
function checkInsByPlan(state: LedgerState, lastDay: string): Map<string, CheckIn[]> {
  const out = new Map<string, CheckIn[]>();
  for (const c of state.checkIns.values()) {
    if (c.date > lastDay) continue;
    const list = out.get(c.planId);
    if (list) list.push(c);
    else out.set(c.planId, [c]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** Rows of the plans (all, or of `cadreId`) as of the index's month, newest start first. */
export function planRows(state: LedgerState, index: LedgerIndex, filters: PlanFilters & { cadreId?: string } = {}): PlanRow[] {
  const asOf = index.asOf!;
  const lastDay = lastDayOf(asOf);
  const checkIns = checkInsByPlan(state, lastDay);
  const plans = [...state.rehabPlans.values()].filter((p) => p.startsOn <= lastDay && (!filters.cadreId || p.cadreId === filters.cadreId));
  const cadres = [...new Set(plans.map((p) => p.cadreId))];
  const findings =
    cadres.length > 0
      ? evaluateIndex(index, { subjects: cadres.map((id) => ({ type: 'cadre' as const, id })), rules: ['rehab.checkin-due', 'rehab.reascend'] })
      : [];
  const overdue = new Map<string, string>();
  const eligible = new Set<string>();
  for (const f of findings) {
    if (f.rule === 'rehab.checkin-due') overdue.set(String(f.suggestion.params.planId), f.key);
    else {
      eligible.add(`m:${f.suggestion.params.measureId}`);
      eligible.add(`p:${f.suggestion.params.planId}`);
    }
  }
  const wayBacks = new Map<string, WayBack>();
  const rows: PlanRow[] = [];
  for (const plan of plans) {
    const cadre = state.cadres.get(plan.cadreId);
    if (!cadre) continue;
    if (filters.unitId && cadre.unitId !== filters.unitId) continue;
    if (filters.status?.length && !filters.status.includes(plan.status)) continue;
    if (filters.assignment?.length && !filters.assignment.includes(plan.assignment)) continue;
    if (filters.mentor && !(plan.mentor ?? '').includes(filters.mentor)) continue;
    const list = (checkIns.get(plan.id) ?? []).filter((c) => c.date >= plan.startsOn);
    const last = list.at(-1)?.date ?? null;
    const policy = index.policyAtIndex(monthIndex(asOf));
    const isEligible = eligible.has(`p:${plan.id}`) || eligible.has(`m:${plan.measureId}`);
    if (filters.overdueOnly && !overdue.has(plan.id)) continue;
    if (filters.eligibleOnly && !isEligible) continue;
    let wb = wayBacks.get(plan.cadreId);
    if (!wb) wayBacks.set(plan.cadreId, (wb = wayBackOf(index, plan.cadreId)));
    rows.push({
      plan,
      cadreName: cadre.name,
      unitId: cadre.unitId,
      unitName: state.units.get(cadre.unitId)?.name ?? null,
      measureKind: state.measures.get(plan.measureId)?.kind ?? null,
      lastCheckIn: last,
      nextCheckIn: plan.status === 'active' ? addDays(last ?? plan.startsOn, policy.reviewWindows.checkInDays) : null,
      checkInOverdue: overdue.has(plan.id),
      checkInFindingKey: overdue.get(plan.id) ?? null,
      checkInCount: list.length,
      eligible: isEligible,
      earliestDate: wb.earliestDate,
    });
  }
  return rows.sort(planOrder);
}

/** Active first, overdue check-ins first, newest start first. */
const planOrder = (a: PlanRow, b: PlanRow) =>
  (a.plan.status === 'active' ? 0 : 1) - (b.plan.status === 'active' ? 0 : 1) ||
  Number(b.checkInOverdue) - Number(a.checkInOverdue) ||
  (a.plan.startsOn < b.plan.startsOn ? 1 : a.plan.startsOn > b.plan.startsOn ? -1 : 0) ||
  a.plan.id.localeCompare(b.plan.id);

/**
 * The plan rows of one office, or of every office the ledger holds: each office's plans as of
 * `asOf` with its own partition's index (its peer groups, its policy timeline).
 */
export function officePlanRows(state: LedgerState, engine: ViewEngine, asOf: string, filters: PlanFilters = {}, office?: string): PlanRow[] {
  const offices = office !== undefined ? [office] : engine.offices(state);
  const rows = offices.flatMap((o) => planRows(engine.partition(state, o), engine.index(state, asOf, { office: o }), filters));
  return offices.length > 1 ? rows.sort(planOrder) : rows;
}

/** Check-ins of a plan, newest first (all, whatever the as-of month: the plan's own record). */
export function checkInsOf(state: LedgerState, planId: string): CheckIn[] {
  return [...state.checkIns.values()].filter((c) => c.planId === planId).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** The plan's reviews in date order and `lastReview` the latest one's result. */
export function withReview(plan: RehabPlan, review: NonNullable<RehabPlan['reviews']>[number]): RehabPlan {
  const reviews = [...(plan.reviews ?? []), review].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...plan, reviews, lastReview: reviews.at(-1)!.result };
}

/** Closing outcome → status: rose again or continued in another form → completed; closed → closed. */
export function statusAfter(outcome: NonNullable<RehabPlan['outcome']>): RehabPlan['status'] {
  return outcome === 'closed' ? 'closed' : 'completed';
}
