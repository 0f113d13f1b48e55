// rehab.reascend — the cadre's latest demotion, removal or transitional placement (policy: rehab
// measures) started at least N (12) months before the end of M, no promotion bar in M, a
// rehabilitation plan completed or with a positive last review, and top third in at least 4 of
// the last 6 months → eligible to rise again, after a rigorous review. Not suggested once a
// promotion has been recorded since that measure, nor for cadres who have left.
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual, Month } from '../../domain/primitives';
import type { Measure, RehabPlan } from '../../domain/records';
import { monthIndex } from '../calendar';
import { monthRange, rankList } from '../explain';
import { hasExited } from '../facts';
import { measureLabels } from '../labels';
import { kindMask, type LedgerIndex } from '../ledgerIndex';
import { barsInMonth, type PromotionBar } from '../periods';
import { planAsOf } from '../planAsOf';
import type { PolicyVersion } from '../../policy/schema';
import { THIRD_TOP } from '../ranking';
import { cadreSubject, makeFinding, packedCadreMonths, type Rule } from '../rule';
import { countInWindow } from '../streaks';

export interface ReascendFacts {
  measure: Measure;
  plan: RehabPlan;
  topMonths: number;
  windowMonths: number;
  months: readonly RankEvidence[];
}

export function explainReascend(f: ReascendFacts): Bilingual {
  const label = measureLabels[f.measure.kind];
  const plan =
    f.plan.status === 'completed'
      ? { zh: `帮扶计划（${f.plan.id}）已完成`, en: `rehabilitation plan ${f.plan.id} completed` }
      : { zh: `帮扶计划（${f.plan.id}）最近评估为积极`, en: `rehabilitation plan ${f.plan.id} with a positive last review` };
  const tops = f.months.filter((e) => e.third === 'top');
  const range = f.months.length ? monthRange(f.months[0].month, f.months[f.months.length - 1].month) : { zh: '', en: '' };
  const ranks = rankList(tops);
  return {
    zh: `${f.measure.startsOn}${label.zh}（${f.measure.id}）已满规定期限，${plan.zh}，近${f.windowMonths}个月（${range.zh}）中有${f.topMonths}个月位列前三分之一（${ranks.zh}），无不得提拔情形；经严格考察后可重新使用。`,
    en: `${label.en} (${f.measure.id}) since ${f.measure.startsOn} has run its minimum time, ${plan.en}, top third in ${f.topMonths} of the last ${f.windowMonths} months (${range.en}: ${ranks.en}), no promotion bar: eligible to rise again after a rigorous review.`,
  };
}

/**
 * Every condition of the rule for cadre `c` as of month index `month`, in the rule's order. The
 * rule stops at the first condition not met (`full` false); the way back up (shared/views/rehab.ts)
 * asks for all of them (`full` true). One function, so the checklist and the rule cannot disagree.
 */
export interface ReascendState {
  /** The latest measure the cadre may rise again from (policy.rehab.measures). */
  measure?: Measure;
  /** Month index from which the minimum time since the measure is met. */
  minTimeFrom?: number;
  minTimeMet: boolean;
  /** A promotion recorded since the measure (the office has acted: the rule stops). */
  promotion?: Measure;
  /** The qualifying plan (linked or started on/after the measure; completed or last review positive). */
  plan?: RehabPlan;
  /** Every plan for the measure (linked or started on/after it), whatever its state, as it stood at M (planAsOf). */
  plans: RehabPlan[];
  topMonths: number;
  needTopMonths: number;
  windowFrom: number;
  /** Promotion bars covering the month (any of its days). */
  bars: PromotionBar[];
  exited: boolean;
  /** All met: the rule fires. */
  eligible: boolean;
}

export function reascendState(index: LedgerIndex, c: number, month: number, asOf: Month, policy: PolicyVersion, full: boolean): ReascendState {
  const p = policy.rehab;
  const state: ReascendState = {
    minTimeMet: false,
    plans: [],
    topMonths: 0,
    needTopMonths: p.topThirdMonths,
    windowFrom: month - p.windowMonths + 1,
    bars: [],
    exited: false,
    eligible: false,
  };
  const hasPlans = index.plans.count(c) > 0;
  if (!full && !hasPlans) return state;
  if (!index.cadreHas(c, kindMask(p.measures))) {
    if (!full) return state;
  } else {
    for (const m of index.measuresOf(c)!) if (p.measures.includes(m.kind)) state.measure = m;
  }
  const latest = state.measure;
  if (!latest && !full) return state;
  if (latest) {
    state.minTimeFrom = monthIndex(latest.startsOn) + p.minMonthsSinceStart;
    state.minTimeMet = month >= state.minTimeFrom;
    if (!state.minTimeMet && !full) return state;
    const from = latest.startsOn;
    state.promotion = index.measuresOf(c)!.find((m) => m.kind === 'promotion' && m.startsOn >= from);
    if (state.promotion && !full) return state;
    if (hasPlans) {
      for (const pl of index.plansOf(c)!) if (pl.measureId === latest.id || pl.startsOn >= from) state.plans.push(planAsOf(pl, index.cutoffDay));
      state.plan = state.plans.filter((pl) => pl.status === 'completed' || pl.lastReview === 'positive').pop();
    }
    if (!state.plan && !full) return state;
  }
  state.topMonths = countInWindow(index.thirds, c, state.windowFrom, month, THIRD_TOP);
  if (state.topMonths < p.topThirdMonths && !full) return state;
  state.bars = barsInMonth(index.promotionBarsOf(c), asOf);
  if (state.bars.length && !full) return state;
  state.exited = hasExited(index, c);
  state.eligible =
    !!latest && state.minTimeMet && !state.promotion && !!state.plan && state.topMonths >= p.topThirdMonths && !state.bars.length && !state.exited;
  return state;
}

export const rehabReascend: Rule = {
  id: 'rehab.reascend',
  title: { zh: '符合条件可重新使用', en: 'Eligible to rise again' },
  run(ctx) {
    const p = ctx.policy.rehab;
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (!index.plans.count(c)) continue;
      const st = reascendState(index, c, ctx.month, ctx.asOf, ctx.policy, false);
      if (!st.eligible) continue;
      const latest = st.measure!;
      const plan = st.plan!;
      const months = packedCadreMonths(ctx, c, st.windowFrom, ctx.month);
      ctx.emit(
        makeFinding(
          ctx,
          'rehab.reascend',
          cadreSubject(ctx, c),
          latest.id,
          { kind: 'reascendReview', params: { measureId: latest.id, measureKind: latest.kind, planId: plan.id, rigorousReview: true } },
          { months, recordIds: [latest.id, plan.id], topMonths: st.topMonths },
          explainReascend,
          { measure: latest, plan, topMonths: st.topMonths, windowMonths: p.windowMonths, months },
        ),
      );
    }
  },
};
