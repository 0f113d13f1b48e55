// sanction.salary-deduction — M lies within the impact period of a sanction that is neither
// cleared nor revoked → deduct monthly performance pay by the sanction kind's percent (policy in
// force in M); with several running sanctions the largest percent applies. Keyed by the sanction
// that sets the percent.
import type { Bilingual, IsoDate } from '../../domain/primitives';
import type { SanctionKind } from '../../domain/records';
import { pct, periodText } from '../explain';
import { sanctionLabels } from '../labels';
import { cadreSubject, makeFinding, type Rule } from '../rule';

export interface DeductionFacts {
  percent: number;
  month: string;
  governing: { sanctionId: string; kind: SanctionKind; start: IsoDate; end: IsoDate };
  others: number;
}

export function explainSalaryDeduction(f: DeductionFacts): Bilingual {
  const g = f.governing;
  const label = sanctionLabels[g.kind];
  const period = periodText(g.start, g.end);
  const more = f.others > 0 ? { zh: `（同期另有${f.others}项处分，按最高比例）`, en: ` (${f.others} other running sanction(s); the largest percent applies)` } : { zh: '', en: '' };
  return {
    zh: `${f.month}处于${label.zh}（${g.sanctionId}）影响期内（${period.zh}）${more.zh}，本月绩效工资扣减${pct(f.percent)}。`,
    en: `${f.month} lies within the impact period of the ${label.en} (${g.sanctionId}, ${period.en})${more.en}; deduct ${pct(f.percent)} of this month's performance pay.`,
  };
}

export const sanctionSalaryDeduction: Rule = {
  id: 'sanction.salary-deduction',
  title: { zh: '处分影响期内扣减绩效工资', en: 'Salary deduction during an impact period' },
  run(ctx) {
    const percents = ctx.policy.salaryDeductionPercent;
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (!index.sanctions.count(c)) continue;
      const running = index.impactPeriodsOf(c).filter((p) => p.start <= ctx.lastDay && p.end > ctx.firstDay);
      if (!running.length) continue;
      let best = running[0];
      for (const p of running) if (percents[p.kind] > percents[best.kind]) best = p;
      const percent = percents[best.kind];
      if (percent <= 0) continue;
      ctx.emit(
        makeFinding(
          ctx,
          'sanction.salary-deduction',
          cadreSubject(ctx, c),
          best.sanctionId,
          { kind: 'salaryDeduction', params: { percent, month: ctx.asOf } },
          {
            recordIds: running.map((p) => p.sanctionId),
            periods: running.map((p) => ({ sanctionId: p.sanctionId, kind: p.kind, start: p.start, end: p.end, percent: percents[p.kind] })),
          },
          explainSalaryDeduction,
          { percent, month: ctx.asOf, governing: { sanctionId: best.sanctionId, kind: best.kind, start: best.start, end: best.end }, others: running.length - 1 },
        ),
      );
    }
  },
};
