// The review date (复核日期) of a transitional placement entered without one: its start plus the
// policy's reviewWindows.placementReviewMonths. One rule for records.put, records.correct,
// records.measureDefaults (the form shows it before saving) and a measure made from a finding.
import { maxYear } from '../domain/primitives';
import type { Measure } from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import { addMonths } from './dates';
import { policyAt } from './ladder';

/**
 * The measure with its default review date. None when the date would fall after the last year a
 * ledger plans for (2100): the tracker then lists the placement as 无复核日期, to be set by hand.
 */
export function withPlacementReview<M extends Pick<Measure, 'kind' | 'startsOn' | 'reviewOn'>>(state: LedgerState, m: M): M {
  if (m.kind !== 'transitionalPlacement' || m.reviewOn || !m.startsOn) return m;
  const months = policyAt(state, m.startsOn.slice(0, 7)).reviewWindows.placementReviewMonths ?? 6;
  const reviewOn = addMonths(m.startsOn, months);
  return Number(reviewOn.slice(0, 4)) > maxYear ? m : { ...m, reviewOn };
}
