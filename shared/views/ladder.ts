// The ladder of DOMAIN.md §4.3, as the tracker uses it when a probation (or any step) is closed as
// "not improved": the next, stronger step, pre-filled for the officer to confirm or change.
import type { MeasureKind } from '../domain/records';

export interface LadderStep {
  /** The measure kind to pre-fill. */
  kind: MeasureKind;
  /** Other kinds the same rung allows (position adjustment / demotion / removal). */
  alternatives: MeasureKind[];
  /** Default length of the step in months, when the ladder gives one (probation: 3). */
  months?: number;
}

/** Rungs in order; a rung may hold several kinds of equal strength. */
export const ladderRungs: MeasureKind[][] = [
  ['reminderTalk'],
  ['inquiry'],
  ['admonishment'],
  ['warning', 'probation'],
  ['transitionalPlacement'],
  ['positionAdjustment', 'demotion', 'removal'],
  ['dismissal'],
];

const stepOfRung: LadderStep[] = [
  { kind: 'reminderTalk', alternatives: [] },
  { kind: 'inquiry', alternatives: [] },
  { kind: 'admonishment', alternatives: [] },
  // "warning + probation (3 months)": the probation carries the review date the tracker follows.
  { kind: 'probation', alternatives: ['warning'], months: 3 },
  { kind: 'transitionalPlacement', alternatives: [] },
  { kind: 'positionAdjustment', alternatives: ['demotion', 'removal'] },
  { kind: 'dismissal', alternatives: [] },
];

export function ladderRungOf(kind: string): number {
  return ladderRungs.findIndex((rung) => (rung as string[]).includes(kind));
}

/** The step after `kind`, or null when `kind` is the top of the ladder or not on it. */
export function nextLadderStep(kind: string): LadderStep | null {
  const rung = ladderRungOf(kind);
  if (rung < 0 || rung + 1 >= stepOfRung.length) return null;
  return stepOfRung[rung + 1];
}
