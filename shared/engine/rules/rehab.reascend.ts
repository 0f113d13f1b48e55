// rehab.reascend — the cadre's latest demotion, removal or transitional placement (policy: rehab
// measures) started at least N (12) months before the end of M, no promotion bar in M, a
// rehabilitation plan completed or with a positive last review, and top third in at least 4 of
// the last 6 months → eligible to rise again, after a rigorous review. Not suggested once a
// promotion has been recorded since that measure, nor for cadres who have left.
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual } from '../../domain/primitives';
import type { Measure, RehabPlan } from '../../domain/records';
import { monthIndex } from '../calendar';
import { monthRange, rankList } from '../explain';
import { hasExited } from '../facts';
import { measureLabels } from '../labels';
import { kindMask } from '../ledgerIndex';
import { barsInMonth } from '../periods';
import { THIRD_TOP } from '../ranking';
import { cadreMonths, cadreSubject, makeFinding, type Rule } from '../rule';
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

export const rehabReascend: Rule = {
  id: 'rehab.reascend',
  title: { zh: '符合条件可重新使用', en: 'Eligible to rise again' },
  run(ctx) {
    const p = ctx.policy.rehab;
    const { index } = ctx;
    const rehabMask = kindMask(p.measures);
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (!index.plans.count(c) || !index.cadreHas(c, rehabMask)) continue;
      const measures = index.measuresOf(c)!;
      const plans = index.plansOf(c)!;
      let latest: Measure | undefined;
      for (const m of measures) if (p.measures.includes(m.kind)) latest = m;
      if (!latest) continue;
      if (monthIndex(latest.startsOn) > ctx.month - p.minMonthsSinceStart) continue;
      const from = latest.startsOn;
      if (measures.some((m) => m.kind === 'promotion' && m.startsOn >= from)) continue;
      const plan = plans.filter(
        (pl) => (pl.measureId === latest.id || pl.startsOn >= from) && (pl.status === 'completed' || pl.lastReview === 'positive'),
      ).pop();
      if (!plan) continue;
      const windowFrom = ctx.month - p.windowMonths + 1;
      const topMonths = countInWindow(index.thirds, c, windowFrom, ctx.month, THIRD_TOP);
      if (topMonths < p.topThirdMonths) continue;
      if (barsInMonth(index.promotionBarsOf(c), ctx.asOf).length) continue;
      if (hasExited(index, c)) continue;
      const months = cadreMonths(ctx, c, windowFrom, ctx.month);
      ctx.emit(
        makeFinding(
          ctx,
          'rehab.reascend',
          cadreSubject(ctx, c),
          latest.id,
          { kind: 'reascendReview', params: { measureId: latest.id, measureKind: latest.kind, planId: plan.id, rigorousReview: true } },
          { months, recordIds: [latest.id, plan.id], topMonths },
          explainReascend,
          { measure: latest, plan, topMonths, windowMonths: p.windowMonths, months },
        ),
      );
    }
  },
};
