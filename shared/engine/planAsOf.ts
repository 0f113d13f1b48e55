// A rehabilitation plan as it stood on a day. §4.1a: an evaluation as of M uses the records dated
// on or before M's last day, and a plan carries dated events of its own — its closing (closedOn)
// and its reviews. A plan closed after that day was still active on it, and only the reviews held
// by then give its last review. Without those dates (an imported plan: status and last review as
// columns) the plan is used as recorded, like a measure's outcome (DECISIONS.md 5, 161).
import type { IsoDate } from '../domain/primitives';
import type { RehabPlan } from '../domain/records';

/** The plan as of `day` (the index's cutoff; undefined: as recorded). The same object when nothing lies after it. */
export function planAsOf(plan: RehabPlan, day: IsoDate | undefined): RehabPlan {
  if (day === undefined) return plan;
  const closedLater = plan.closedOn !== undefined && plan.closedOn > day && plan.status !== 'active';
  const reviews = plan.reviews;
  let reviewedLater = false;
  if (reviews) for (let i = 0; i < reviews.length; i++) if (reviews[i].date > day) reviewedLater = true;
  if (!closedLater && !reviewedLater) return plan;
  const out: RehabPlan = { ...plan };
  if (closedLater) {
    out.status = 'active';
    delete out.closedOn;
    delete out.outcome;
  }
  if (reviewedLater) {
    const held = reviews!.filter((r) => r.date <= day);
    // The latest review held by then (the service keeps reviews by date; a same-day pair: the later entry).
    let last: (typeof held)[number] | undefined;
    for (const r of held) if (!last || r.date >= last.date) last = r;
    out.reviews = held;
    if (last) out.lastReview = last.result;
    else delete out.lastReview;
  }
  return out;
}
