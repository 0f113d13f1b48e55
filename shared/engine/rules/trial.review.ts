// trial.review — a trial period (试用期) without an outcome ends in M or within N days (policy: 30)
// after M → confirm or extend; flagged `poor` when the cadre was in the bottom third in at least 3
// of the trial's last 6 months (those up to M), or the last annual grade is basic or worse.
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual, IsoDate } from '../../domain/primitives';
import type { AnnualGrade } from '../../domain/records';
import { addDays, monthIndex } from '../calendar';
import { currentTrial, gradeOrder, lastGraded } from '../facts';
import { gradeLabels } from '../labels';
import { kindMask } from '../ledgerIndex';

const TRIAL = kindMask(['trialPeriod', 'trialExtension']);
import { cadreMonths, cadreSubject, makeFinding, type Rule } from '../rule';

export interface TrialReviewFacts {
  lastDay: IsoDate;
  poor: boolean;
  bottomMonths: number;
  windowMonths: number;
  lastGrade?: AnnualGrade;
  gradePoor: boolean;
}

export function explainTrialReview(f: TrialReviewFacts): Bilingual {
  const grade = f.lastGrade ? { zh: `${f.lastGrade.year}年度考核${gradeLabels[f.lastGrade.grade].zh}`, en: `${f.lastGrade.year} annual grade ${gradeLabels[f.lastGrade.grade].en}` } : undefined;
  const facts = {
    zh: `试用期最后${f.windowMonths}个月中有${f.bottomMonths}个月位列后三分之一${grade ? `，${grade.zh}` : ''}`,
    en: `${f.bottomMonths} of the trial's last ${f.windowMonths} months in the bottom third${grade ? `, ${grade.en}` : ''}`,
  };
  return f.poor
    ? {
        zh: `试用期将于${f.lastDay}届满；${facts.zh}，表现欠佳，建议延长试用期或不予正式任职。`,
        en: `The trial period ends on ${f.lastDay}; ${facts.en}: performance is poor, consider extending the trial or not confirming.`,
      }
    : {
        zh: `试用期将于${f.lastDay}届满；${facts.zh}，建议考核后正式任职。`,
        en: `The trial period ends on ${f.lastDay}; ${facts.en}: suggest confirming the appointment after review.`,
      };
}

export const trialReview: Rule = {
  id: 'trial.review',
  title: { zh: '试用期满考核', en: 'Trial period review' },
  run(ctx) {
    const p = ctx.policy.trial;
    const dueBy = addDays(ctx.lastDay, ctx.policy.reviewWindows.trialDays);
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (!index.cadres[c].trialEndsOn && !index.cadreHas(c, TRIAL)) continue;
      const trial = currentTrial(index, c);
      if (!trial || trial.outcome || !trial.lastDay) continue;
      const lastDay = trial.lastDay;
      if (lastDay < ctx.firstDay || lastDay > dueBy) continue;
      const endMonth = monthIndex(trial.lastDay);
      const windowEnd = Math.min(endMonth, ctx.month);
      const months: RankEvidence[] = cadreMonths(ctx, c, endMonth - p.poorWindowMonths + 1, windowEnd);
      const bottomMonths = months.filter((e) => e.third === 'bottom').length;
      const lastGrade = lastGraded(index, c, ctx.year);
      const gradePoor =
        !!lastGrade && lastGrade.grade !== 'ungraded' && gradeOrder[lastGrade.grade] >= gradeOrder[p.poorGradeAtOrBelow];
      const poor = bottomMonths >= p.poorBottomThirdMonths || gradePoor;
      ctx.emit(
        makeFinding(
          ctx,
          'trial.review',
          cadreSubject(ctx, c),
          trial.recordId,
          { kind: 'trialReview', params: { endsOn: trial.lastDay, poor, recommended: poor ? 'extend' : 'confirm' } },
          {
            months,
            recordIds: [trial.recordId, ...(lastGrade ? [lastGrade.id] : [])],
            bottomMonths,
            ...(lastGrade ? { lastGrade: { year: lastGrade.year, grade: lastGrade.grade } } : {}),
          },
          explainTrialReview,
          { lastDay, poor, bottomMonths, windowMonths: p.poorWindowMonths, lastGrade, gradePoor },
        ),
      );
    }
  },
};
