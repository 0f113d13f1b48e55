// team.low-ranking — the unit is in the bottom third of units (mean score of its cadres) in each
// of the N (policy: 2) months ending at M, and not already under probation in M → team warning and
// a probation of the policy's length.
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual, Month } from '../../domain/primitives';
import { monthFromIndex } from '../calendar';
import { monthRange } from '../explain';
import { kindMask } from '../ledgerIndex';
import { measureActiveIn } from '../periods';

const PROBATION = kindMask(['probation']);
import { THIRD_BOTTOM } from '../ranking';
import { makeFinding, packedUnitMonths, unitSubject, type Rule } from '../rule';

export interface TeamLowFacts {
  start: Month;
  end: Month;
  length: number;
  months: readonly RankEvidence[];
  probationMonths: number;
}

export function explainTeamLowRanking(f: TeamLowFacts): Bilingual {
  const range = monthRange(f.start, f.end);
  const zhRanks = f.months.map((e) => `${e.month} 平均${Math.round(e.score * 100) / 100}分 第${e.rank}/${e.n}名`).join('、');
  const enRanks = f.months.map((e) => `${e.month} mean ${Math.round(e.score * 100) / 100}, rank ${e.rank}/${e.n}`).join('; ');
  return {
    zh: `单位班子连续${f.length}个月（${range.zh}）平均得分位列各单位后三分之一（${zhRanks}），且未处于观察期，建议对班子进行警示并设${f.probationMonths}个月观察期。`,
    en: `The unit's mean score was in the bottom third of units for ${f.length} consecutive months (${range.en}: ${enRanks}) and the unit is not under probation; suggest a team warning and a ${f.probationMonths}-month probation.`,
  };
}

export const teamLowRanking: Rule = {
  id: 'team.low-ranking',
  title: { zh: '班子排名靠后，建议警示并设观察期', en: 'Low-ranking team: warning and probation' },
  run(ctx) {
    const need = ctx.policy.streaks.teamBottomThirdMonths;
    const probationMonths = ctx.policy.probation.months;
    const { index } = ctx;
    const now = index.unitRanking(ctx.month);
    for (let ui = 0; ui < ctx.units.length; ui++) {
      const u = ctx.units[ui];
      if (now.third[u] !== THIRD_BOTTOM) continue;
      const length = index.unitRunEndingAt(u, ctx.month, THIRD_BOTTOM);
      if (length < need) continue;
      const onProbation = index.unitHas(u, PROBATION) && index.unitMeasuresOf(u)!.some((m) => m.kind === 'probation' && measureActiveIn(m, ctx.asOf));
      if (onProbation) continue;
      const start = monthFromIndex(ctx.month - length + 1);
      const months = packedUnitMonths(ctx, u, ctx.month - length + 1, ctx.month);
      ctx.emit(
        makeFinding(
          ctx,
          'team.low-ranking',
          unitSubject(ctx, u),
          start,
          { kind: 'probation', params: { months: probationMonths, withWarning: true, since: start } },
          { months, recordIds: [] },
          explainTeamLowRanking,
          { start, end: ctx.asOf, length, months, probationMonths },
        ),
      );
    }
  },
};
