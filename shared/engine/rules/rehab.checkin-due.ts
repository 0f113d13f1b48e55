// rehab.checkin-due — an active rehabilitation plan has had no check-in (回访谈话) in the last N
// (policy: 60) days before the end of M → a check-in talk is due. A new plan counts from its start:
// the first talk is due N days after it.
import type { Bilingual, IsoDate } from '../../domain/primitives';
import { addDays, daysBetween } from '../calendar';
import { planAsOf } from '../planAsOf';
import { cadreSubject, makeFinding, type Rule } from '../rule';

export interface CheckInFacts {
  planId: string;
  lastContact: IsoDate;
  hadCheckIn: boolean;
  days: number;
  dueOn: IsoDate;
}

export function explainCheckInDue(f: CheckInFacts): Bilingual {
  return f.hadCheckIn
    ? {
        zh: `帮扶计划（${f.planId}）最近一次回访谈话为${f.lastContact}，已超过${f.days}天（${f.dueOn}起应回访），请安排回访谈话。`,
        en: `Rehabilitation plan ${f.planId}: the last check-in was on ${f.lastContact}, more than ${f.days} days ago (due since ${f.dueOn}); arrange a check-in talk.`,
      }
    : {
        zh: `帮扶计划（${f.planId}）自${f.lastContact}开始以来尚无回访谈话，已超过${f.days}天（${f.dueOn}起应回访），请安排回访谈话。`,
        en: `Rehabilitation plan ${f.planId} has had no check-in since it began on ${f.lastContact}, more than ${f.days} days ago (due since ${f.dueOn}); arrange a check-in talk.`,
      };
}

export const rehabCheckinDue: Rule = {
  id: 'rehab.checkin-due',
  title: { zh: '回访谈话到期', en: 'Check-in due' },
  run(ctx) {
    const days = ctx.policy.reviewWindows.checkInDays;
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      const plans = index.plansOf(c);
      if (!plans) continue;
      for (const recorded of plans) {
        // A plan closed after M was still active in M.
        const plan = planAsOf(recorded, index.cutoffDay);
        if (plan.status !== 'active') continue;
        const checkIns = index.checkInsByPlan.get(plan.id);
        const last = checkIns?.[checkIns.length - 1];
        const hadCheckIn = !!last && last.date >= plan.startsOn;
        const lastContact = hadCheckIn ? last.date : plan.startsOn;
        if (daysBetween(lastContact, ctx.lastDay) < days) continue;
        const dueOn = addDays(lastContact, days);
        ctx.emit(
          makeFinding(
            ctx,
            'rehab.checkin-due',
            cadreSubject(ctx, c),
            `${plan.id}:${lastContact}`,
            { kind: 'checkIn', params: { planId: plan.id, lastContact, dueOn } },
            { recordIds: [plan.id, ...(hadCheckIn ? [last.id] : [])], lastContact },
            explainCheckInDue,
            { planId: plan.id, lastContact, hadCheckIn, days, dueOn },
          ),
        );
      }
    }
  },
};
