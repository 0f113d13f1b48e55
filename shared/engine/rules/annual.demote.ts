// annual.demote — grade incompetent for year Y → demote by one level. (When the previous year was
// incompetent too, annual.dismiss fires as well; the explanation says so.)
import type { Bilingual } from '../../domain/primitives';
import { gradeRun, gradeOf, gradeValueOf } from '../facts';
import { cadreSubject, makeFinding, type Rule } from '../rule';
import { isAnnualEvaluation } from './annual.excellent-reward';

export function explainDemote({ year, dismissalApplies }: { year: number; dismissalApplies: boolean }): Bilingual {
  return dismissalApplies
    ? {
        zh: `${year}年度考核为不称职，应降低一个职务或职级层次；因连续不称职，另见辞退建议。`,
        en: `Graded incompetent for ${year}: demote by one level; see also the dismissal finding (incompetent in consecutive years).`,
      }
    : {
        zh: `${year}年度考核为不称职，建议降低一个职务或职级层次任职。`,
        en: `Graded incompetent for ${year}; suggest demotion by one level.`,
      };
}

export const annualDemote: Rule = {
  id: 'annual.demote',
  title: { zh: '年度不称职降级', en: 'Incompetent year: demotion' },
  run(ctx) {
    if (!isAnnualEvaluation(ctx)) return;
    const dismissYears = ctx.policy.annual.dismissIncompetentYears;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (gradeValueOf(ctx.index, c, ctx.year) !== 'incompetent') continue;
      const g = gradeOf(ctx.index, c, ctx.year)!;
      const dismissalApplies = gradeRun(ctx.index, c, ctx.year, 'incompetent') >= dismissYears;
      ctx.emit(
        makeFinding(
          ctx,
          'annual.demote',
          cadreSubject(ctx, c),
          String(ctx.year),
          { kind: 'demotion', params: { year: ctx.year, levels: 1 } },
          { recordIds: [g.id], year: ctx.year, grade: g.grade },
          explainDemote,
          { year: ctx.year, dismissalApplies },
        ),
      );
    }
  },
};
