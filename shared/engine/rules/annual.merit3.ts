// annual.merit3 — excellent in N (policy: 3) consecutive years ending at Y → third-class merit
// (记三等功). Each full run of N years earns one merit: a fourth excellent year does not earn a
// second one, a sixth does.
import type { Bilingual } from '../../domain/primitives';
import { gradeOf, gradeRun, gradeValueOf } from '../facts';
import { cadreSubject, makeFinding, type Rule } from '../rule';
import { isAnnualEvaluation } from './annual.excellent-reward';

export function explainMerit3({ year, years }: { year: number; years: number }): Bilingual {
  return {
    zh: `${year - years + 1}至${year}年度连续${years}年考核为优秀等次，建议记三等功。`,
    en: `Graded excellent for ${years} consecutive years (${year - years + 1}–${year}); suggest a third-class merit.`,
  };
}

export const annualMerit3: Rule = {
  id: 'annual.merit3',
  title: { zh: '连续三年优秀记三等功', en: 'Three excellent years: third-class merit' },
  run(ctx) {
    if (!isAnnualEvaluation(ctx)) return;
    const need = ctx.policy.annual.merit3Years;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (gradeValueOf(ctx.index, c, ctx.year) !== 'excellent') continue;
      const run = gradeRun(ctx.index, c, ctx.year, 'excellent');
      if (run < need || run % need !== 0) continue;
      const ids: string[] = [];
      for (let y = ctx.year - need + 1; y <= ctx.year; y++) ids.push(gradeOf(ctx.index, c, y)!.id);
      ctx.emit(
        makeFinding(
          ctx,
          'annual.merit3',
          cadreSubject(ctx, c),
          String(ctx.year),
          { kind: 'merit3', params: { year: ctx.year, years: need } },
          { recordIds: ids, years: need },
          explainMerit3,
          { year: ctx.year, years: need },
        ),
      );
    }
  },
};
