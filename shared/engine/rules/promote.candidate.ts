// promote.candidate — excellent (policy: required grade) in the last graded year, top third in at
// least N (policy: 9) of the last W (12) months M−11…M, and no promotion bar in M → promotion
// candidate. Cadres who have left (dismissal, retirement, exit) are not candidates.
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual } from '../../domain/primitives';
import type { AnnualGrade } from '../../domain/records';
import { monthRange, rankList } from '../explain';
import { hasExited, lastGraded } from '../facts';
import { gradeLabels } from '../labels';
import { barsInMonth } from '../periods';
import { THIRD_TOP } from '../ranking';
import { cadreSubject, makeFinding, packedCadreMonths, type Rule } from '../rule';
import { countInWindow } from '../streaks';

export interface CandidateFacts {
  grade: AnnualGrade;
  topMonths: number;
  windowMonths: number;
  months: readonly RankEvidence[];
}

export function explainPromotionCandidate(f: CandidateFacts): Bilingual {
  const tops = f.months.filter((e) => e.third === 'top');
  const range = f.months.length ? monthRange(f.months[0].month, f.months[f.months.length - 1].month) : { zh: '', en: '' };
  const ranks = rankList(tops);
  return {
    zh: `${f.grade.year}年度考核${gradeLabels[f.grade.grade].zh}；近${f.windowMonths}个月（${range.zh}）中有${f.topMonths}个月位列同序列前三分之一（${ranks.zh}）；无不得提拔情形，可作为提拔人选。`,
    en: `Graded ${gradeLabels[f.grade.grade].en} for ${f.grade.year}; top third of the peer group in ${f.topMonths} of the last ${f.windowMonths} months (${range.en}: ${ranks.en}); no promotion bar: a promotion candidate.`,
  };
}

export const promoteCandidate: Rule = {
  id: 'promote.candidate',
  title: { zh: '提拔人选', en: 'Promotion candidate' },
  run(ctx) {
    const p = ctx.policy.promotion;
    const { index } = ctx;
    const from = ctx.month - p.windowMonths + 1;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      const topMonths = countInWindow(index.thirds, c, from, ctx.month, THIRD_TOP);
      if (topMonths < p.topThirdMonths) continue;
      const grade = lastGraded(index, c, ctx.year);
      if (!grade || grade.grade !== p.requiredGrade) continue;
      if (barsInMonth(index.promotionBarsOf(c), ctx.asOf).length) continue;
      if (hasExited(index, c)) continue;
      const months = packedCadreMonths(ctx, c, from, ctx.month);
      ctx.emit(
        makeFinding(
          ctx,
          'promote.candidate',
          cadreSubject(ctx, c),
          String(grade.year),
          { kind: 'promotion', params: { lastGradedYear: grade.year, topThirdMonths: topMonths, windowMonths: p.windowMonths } },
          { months, recordIds: [grade.id], topMonths },
          explainPromotionCandidate,
          { grade, topMonths, windowMonths: p.windowMonths, months },
        ),
      );
    }
  },
};
