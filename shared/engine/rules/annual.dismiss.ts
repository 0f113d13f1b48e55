// annual.dismiss — incompetent for year Y and the years before it, N (policy: 2) in a row →
// dismissal (辞退).
import type { Bilingual } from '../../domain/primitives';
import { gradeOf, gradeRun, gradeValueOf } from '../facts';
import { cadreSubject, makeFinding, type Rule } from '../rule';
import { isAnnualEvaluation } from './annual.excellent-reward';

export function explainDismiss({ year, years }: { year: number; years: number }): Bilingual {
  return {
    zh: `${year - years + 1}至${year}年度连续${years}年考核为不称职，建议予以辞退。`,
    en: `Graded incompetent for ${years} consecutive years (${year - years + 1}–${year}); suggest dismissal.`,
  };
}

export const annualDismiss: Rule = {
  id: 'annual.dismiss',
  title: { zh: '连续两年不称职辞退', en: 'Two incompetent years: dismissal' },
  run(ctx) {
    if (!isAnnualEvaluation(ctx)) return;
    const need = ctx.policy.annual.dismissIncompetentYears;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (gradeValueOf(ctx.index, c, ctx.year) !== 'incompetent') continue;
      if (gradeRun(ctx.index, c, ctx.year, 'incompetent') < need) continue;
      const ids: string[] = [];
      for (let y = ctx.year - need + 1; y <= ctx.year; y++) ids.push(gradeOf(ctx.index, c, y)!.id);
      ctx.emit(
        makeFinding(
          ctx,
          'annual.dismiss',
          cadreSubject(ctx, c),
          String(ctx.year),
          { kind: 'dismissal', params: { year: ctx.year, years: need } },
          { recordIds: ids, years: need },
          explainDismiss,
          { year: ctx.year, years: need },
        ),
      );
    }
  },
};
