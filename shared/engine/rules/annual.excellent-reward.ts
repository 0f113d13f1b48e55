// annual.excellent-reward — grade excellent for year Y (annual rules run as of the policy's
// evaluation month of Y, December by default) → commendation (嘉奖).
import type { Bilingual } from '../../domain/primitives';
import { gradeIdOf, gradeValueOf } from '../facts';
import { cadreSubject, makeFinding, type Rule, type RuleContext } from '../rule';

/** Annual rules for year Y are evaluated only as of the evaluation month of Y. */
export function isAnnualEvaluation(ctx: RuleContext): boolean {
  return Number(ctx.asOf.slice(5, 7)) === ctx.policy.annual.evaluationMonth;
}

export function explainExcellentReward({ year }: { year: number }): Bilingual {
  return {
    zh: `${year}年度考核确定为优秀等次，建议给予嘉奖。`,
    en: `Graded excellent for ${year}; suggest a commendation.`,
  };
}

export const annualExcellentReward: Rule = {
  id: 'annual.excellent-reward',
  title: { zh: '年度优秀给予嘉奖', en: 'Excellent year: commendation' },
  run(ctx) {
    if (!isAnnualEvaluation(ctx)) return;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (gradeValueOf(ctx.index, c, ctx.year) !== 'excellent') continue;
      const id = gradeIdOf(ctx.index, c, ctx.year)!;
      ctx.emit(
        makeFinding(
          ctx,
          'annual.excellent-reward',
          cadreSubject(ctx, c),
          String(ctx.year),
          { kind: 'commendation', params: { year: ctx.year } },
          { recordIds: [id], year: ctx.year, grade: 'excellent' },
          explainExcellentReward,
          { year: ctx.year },
        ),
      );
    }
  },
};
