// probation.review-due — a probation, transitional placement or trial period ends within N days
// (policy: 14) of the last day of M, or has ended without a recorded outcome → put it on the
// review meeting's agenda. Probations without an end date end after the policy's probation length;
// transitional placements without an end date are open-ended and never due.
import type { Bilingual, IsoDate } from '../../domain/primitives';
import type { Measure, MeasureKind, Subject } from '../../domain/records';
import { addDays, daysBetween, monthOf } from '../calendar';
import { dayRange } from '../explain';
import { currentTrial } from '../facts';
import { measureLabels } from '../labels';
import { kindMask } from '../ledgerIndex';
import { scheduledLastDay } from '../periods';

const REVIEWED = kindMask(['probation', 'transitionalPlacement', 'trialPeriod', 'trialExtension']);
import { cadreSubject, makeFinding, unitSubject, type Rule, type RuleContext } from '../rule';

export interface ReviewDueFacts {
  kind: MeasureKind;
  recordId: string;
  start?: IsoDate;
  lastDay: IsoDate;
  overdue: boolean;
  /** The as-of month's last day (the day the month is judged on) and the days from it to lastDay. */
  asOfDay: IsoDate;
  daysLeft: number;
}

export function explainReviewDue(f: ReviewDueFacts): Bilingual {
  const label = measureLabels[f.kind];
  const span = dayRange(f.start, f.lastDay);
  return f.overdue
    ? {
        zh: `${label.zh}（${f.recordId}，${span.zh}）已于${f.lastDay}届满，尚未记录结果，请列入会议评议。`,
        en: `The ${label.en} (${f.recordId}, ${span.en}) ended on ${f.lastDay} without a recorded outcome; put it on the review meeting's agenda.`,
      }
    : {
        zh: `${label.zh}（${f.recordId}，${span.zh}）将于${f.lastDay}届满（按${f.asOfDay}计还有${f.daysLeft}天），请列入会议评议。`,
        en: `The ${label.en} (${f.recordId}, ${span.en}) ends on ${f.lastDay} (${f.daysLeft} days after ${f.asOfDay}); put it on the review meeting's agenda.`,
      };
}

function consider(
  ctx: RuleContext,
  subject: Subject,
  kind: MeasureKind,
  recordId: string,
  start: IsoDate | undefined,
  lastDay: IsoDate,
  dueBy: IsoDate,
): void {
  if (lastDay > dueBy) return;
  const overdue = lastDay <= ctx.lastDay;
  ctx.emit(
    makeFinding(
      ctx,
      'probation.review-due',
      subject,
      recordId,
      { kind: 'reviewMeeting', params: { recordId, measureKind: kind, endsOn: lastDay, overdue } },
      { recordIds: [recordId], endsOn: lastDay, endMonth: monthOf(lastDay) },
      explainReviewDue,
      { kind, recordId, start, lastDay, overdue, asOfDay: ctx.lastDay, daysLeft: daysBetween(ctx.lastDay, lastDay) },
    ),
  );
}

function reviewable(ctx: RuleContext, m: Measure): IsoDate | undefined {
  if (m.outcome) return undefined;
  if (m.kind === 'probation') return scheduledLastDay(m, ctx.index.policyAt(monthOf(m.startsOn)).probation.months);
  if (m.kind === 'transitionalPlacement') return m.endsOn;
  return undefined;
}

export const probationReviewDue: Rule = {
  id: 'probation.review-due',
  title: { zh: '观察期、过渡期或试用期到期评议', en: 'Probation, placement or trial review due' },
  run(ctx) {
    const dueBy = addDays(ctx.lastDay, ctx.policy.reviewWindows.probationDays);
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      const cadre = index.cadres[c];
      if (!cadre.trialEndsOn && !index.cadreHas(c, REVIEWED)) continue;
      const measures = index.measuresOf(c);
      if (measures) {
        for (const m of measures) {
          const lastDay = reviewable(ctx, m);
          if (lastDay) consider(ctx, cadreSubject(ctx, c), m.kind, m.id, m.startsOn, lastDay, dueBy);
        }
      }
      const trial = currentTrial(index, c);
      if (trial && !trial.outcome && trial.lastDay) {
        const kind = trial.source === 'trialExtension' ? 'trialExtension' : 'trialPeriod';
        consider(ctx, cadreSubject(ctx, c), kind, trial.recordId, trial.start, trial.lastDay, dueBy);
      }
    }
    for (let ui = 0; ui < ctx.units.length; ui++) {
      const u = ctx.units[ui];
      const measures = index.unitHas(u, REVIEWED) ? index.unitMeasuresOf(u) : undefined;
      if (!measures) continue;
      for (const m of measures) {
        const lastDay = reviewable(ctx, m);
        if (lastDay) consider(ctx, unitSubject(ctx, u), m.kind, m.id, m.startsOn, lastDay, dueBy);
      }
    }
  },
};
