// raise.top-third-streak — top third in each of the N (policy: 6) or more consecutive months
// ending at M, and no salary raise recorded since the streak began → suggest a salary raise.
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual, Month } from '../../domain/primitives';
import type { Measure } from '../../domain/records';
import { firstDayOf, monthFromIndex } from '../calendar';
import { monthRange, rankList } from '../explain';
import { kindMask } from '../ledgerIndex';
import { THIRD_TOP } from '../ranking';

const RAISE = kindMask(['salaryRaise']);
import { cadreSubject, makeFinding, packedCadreMonths, type Rule } from '../rule';
import { runEndingAt, thirdIn } from '../streaks';

export interface RaiseStreakFacts {
  start: Month;
  end: Month;
  length: number;
  months: readonly RankEvidence[];
}

export function explainRaiseStreak(f: RaiseStreakFacts): Bilingual {
  const range = monthRange(f.start, f.end);
  const ranks = rankList(f.months);
  return {
    zh: `连续${f.length}个月（${range.zh}）位列同序列前三分之一（${ranks.zh}），连续期间未记录提高薪酬，建议提高薪酬待遇。`,
    en: `In the top third of the peer group for ${f.length} consecutive months (${range.en}: ${ranks.en}) with no salary raise recorded since the streak began; suggest a salary raise.`,
  };
}

/** A salary raise started on or after `since` (a function of its own: a closure over a loop variable would give every iteration a context to allocate). */
function raisedSince(measures: readonly Measure[], since: string): boolean {
  for (const m of measures) if (m.kind === 'salaryRaise' && m.startsOn >= since) return true;
  return false;
}

export const raiseTopThirdStreak: Rule = {
  id: 'raise.top-third-streak',
  title: { zh: '连续位列前三分之一，建议提高薪酬', en: 'Top-third streak: salary raise' },
  run(ctx) {
    const need = ctx.policy.streaks.raiseTopThirdMonths;
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (thirdIn(index.thirds, c, ctx.month) !== THIRD_TOP) continue;
      const length = runEndingAt(index.thirds, c, ctx.month, THIRD_TOP);
      if (length < need) continue;
      const start = monthFromIndex(ctx.month - length + 1);
      if (index.cadreHas(c, RAISE) && raisedSince(index.measuresOf(c)!, firstDayOf(start))) continue;
      const months = packedCadreMonths(ctx, c, ctx.month - length + 1, ctx.month);
      ctx.emit(
        makeFinding(
          ctx,
          'raise.top-third-streak',
          cadreSubject(ctx, c),
          start,
          { kind: 'salaryRaise', params: { streakMonths: length, since: start } },
          { months, recordIds: [] },
          explainRaiseStreak,
          { start, end: ctx.asOf, length, months },
        ),
      );
    }
  },
};
