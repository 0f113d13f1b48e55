// place.bottom-third-long — bottom third in each of the N (policy: 6) consecutive months ending at
// M, and no transitional placement or stronger measure started in those months → transitional
// placement. The acting kinds are the policy's `actedMeasures.place`; as for the warning, such a
// measure restarts the count from the month after it (DECISIONS.md 13).
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual, Month } from '../../domain/primitives';
import { monthFromIndex } from '../calendar';
import { monthRange, rankList } from '../explain';
import { unactedBottomRun } from '../facts';
import { kindMask } from '../ledgerIndex';
import { cadreSubject, makeFinding, packedCadreMonths, type Rule } from '../rule';

export interface LongBottomFacts {
  start: Month;
  end: Month;
  length: number;
  months: readonly RankEvidence[];
}

export function explainLongBottomPlacement(f: LongBottomFacts): Bilingual {
  const range = monthRange(f.start, f.end);
  const ranks = rankList(f.months);
  return {
    zh: `连续${f.length}个月（${range.zh}）位列同序列后三分之一（${ranks.zh}），建议过渡性安置。`,
    en: `In the bottom third of the peer group for ${f.length} consecutive months (${range.en}: ${ranks.en}); suggest a transitional placement.`,
  };
}

export const placeBottomThirdLong: Rule = {
  id: 'place.bottom-third-long',
  title: { zh: '长期位列后三分之一，建议过渡性安置', en: 'Long bottom-third streak: transitional placement' },
  run(ctx) {
    const need = ctx.policy.streaks.placeBottomThirdMonths;
    const acted = ctx.policy.actedMeasures.place;
    const actedMask = kindMask(acted);
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      const run = unactedBottomRun(index, c, ctx.month, need, acted, actedMask);
      if (!run) continue;
      const start = monthFromIndex(run.start);
      const months = packedCadreMonths(ctx, c, run.start, ctx.month);
      ctx.emit(
        makeFinding(
          ctx,
          'place.bottom-third-long',
          cadreSubject(ctx, c),
          start,
          { kind: 'transitionalPlacement', params: { streakMonths: run.length, since: start } },
          { months, recordIds: [] },
          explainLongBottomPlacement,
          { start, end: ctx.asOf, length: run.length, months },
        ),
      );
    }
  },
};
