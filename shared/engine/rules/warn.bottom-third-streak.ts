// warn.bottom-third-streak — bottom third in each of the N (policy: 3) consecutive months ending at
// M, and no reminder talk, warning or stronger measure started in those months → reminder talk.
// Counted from the month after the last such measure, so the key (the counted run's first month)
// stays the same while the situation lasts and changes once the office has acted.
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual, Month } from '../../domain/primitives';
import { monthFromIndex } from '../calendar';
import { monthRange, rankList } from '../explain';
import { unactedBottomRun } from '../facts';
import { kindMask } from '../ledgerIndex';
import { cadreSubject, makeFinding, packedCadreMonths, type Rule } from '../rule';

export interface BottomStreakFacts {
  start: Month;
  end: Month;
  length: number;
  months: readonly RankEvidence[];
}

export function explainBottomStreakWarning(f: BottomStreakFacts): Bilingual {
  const range = monthRange(f.start, f.end);
  const ranks = rankList(f.months);
  return {
    zh: `连续${f.length}个月（${range.zh}）位列同序列后三分之一（${ranks.zh}），期间未进行提醒谈话、警示或更严厉的措施，建议进行提醒谈话。`,
    en: `In the bottom third of the peer group for ${f.length} consecutive months (${range.en}: ${ranks.en}) with no reminder talk, warning or stronger measure in that time; suggest a reminder talk.`,
  };
}

export const warnBottomThirdStreak: Rule = {
  id: 'warn.bottom-third-streak',
  title: { zh: '连续位列后三分之一，建议提醒谈话', en: 'Bottom-third streak: reminder talk' },
  run(ctx) {
    const need = ctx.policy.streaks.warnBottomThirdMonths;
    const acted = ctx.policy.actedMeasures.warn;
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
          'warn.bottom-third-streak',
          cadreSubject(ctx, c),
          start,
          { kind: 'reminderTalk', params: { streakMonths: run.length, since: start } },
          { months, recordIds: [] },
          explainBottomStreakWarning,
          { start, end: ctx.asOf, length: run.length, months },
        ),
      );
    }
  },
};
