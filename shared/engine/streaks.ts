// Streaks and counts over a monthly series of thirds (§4.1: a month without a score is in no third,
// so it breaks every streak and never counts as a top-third month).
import type { ThirdCode } from './ranking';

/** The third of one subject (cadre or unit) in a month index; THIRD_UNSCORED where unknown. */
export type ThirdSeries = (monthIndex: number) => ThirdCode;

/**
 * Length of the run of months equal to `want` that ends at `end` (0 if `end` itself is not `want`).
 * Stops at `floor` (the first month with data), so the loop is bounded by the ledger's span.
 */
export function runEndingAt(series: ThirdSeries, end: number, want: ThirdCode, floor: number): number {
  let n = 0;
  for (let m = end; m >= floor && series(m) === want; m--) n++;
  return n;
}

/** How many months in [from, to] are `want`. */
export function countInWindow(series: ThirdSeries, from: number, to: number, want: ThirdCode): number {
  let n = 0;
  for (let m = from; m <= to; m++) if (series(m) === want) n++;
  return n;
}

/**
 * A streak of `want` ending at `end`, counted only after the last month in which the subject was
 * already acted upon (e.g. a reminder talk): returns the first month of the counted run and its
 * length. `actedMonths` are month indexes; acting in a month resets the count from the next month.
 */
export function runSinceLastAction(
  series: ThirdSeries,
  end: number,
  want: ThirdCode,
  floor: number,
  actedMonths: readonly number[],
): { start: number; length: number; streakStart: number; streakLength: number } {
  const streakLength = runEndingAt(series, end, want, floor);
  const streakStart = end - streakLength + 1;
  let start = streakStart;
  for (const a of actedMonths) if (a >= start && a <= end) start = a + 1;
  return { start, length: end - start + 1, streakStart, streakLength };
}
