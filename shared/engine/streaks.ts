// Streaks and counts over monthly series of thirds (§4.1: a month without a score is in no third,
// so it breaks every streak and never counts as a top-third month). The series are columns of a
// month-major matrix (cadres or units), read in place: no arrays or closures per subject.
import type { ThirdCode } from './ranking';

/** A month-major matrix of third codes: row = month − base, column = subject position. */
export interface ThirdMatrix {
  readonly data: Uint8Array;
  /** Subjects per row. */
  readonly stride: number;
  /** Month index of row 0, and number of rows. */
  readonly base: number;
  readonly span: number;
}

/** The third of subject `s` in month index `month`; THIRD_UNSCORED (0) outside the matrix. */
export function thirdIn(matrix: ThirdMatrix, s: number, month: number): ThirdCode {
  const row = month - matrix.base;
  if (row < 0 || row >= matrix.span) return 0;
  return matrix.data[row * matrix.stride + s] as ThirdCode;
}

/** Length of the run of months equal to `want` that ends at `end` (0 if `end` itself is not). */
export function runEndingAt(matrix: ThirdMatrix, s: number, end: number, want: ThirdCode): number {
  const { data, stride, base } = matrix;
  let row = Math.min(end, matrix.base + matrix.span - 1) - base;
  if (end - base !== row) return 0; // `end` lies past the data: no score in it
  let n = 0;
  for (; row >= 0 && data[row * stride + s] === want; row--) n++;
  return n;
}

/** How many months in [from, to] are `want`. */
export function countInWindow(matrix: ThirdMatrix, s: number, from: number, to: number, want: ThirdCode): number {
  const { data, stride, base } = matrix;
  const lo = Math.max(from - base, 0);
  const hi = Math.min(to - base, matrix.span - 1);
  let n = 0;
  for (let row = lo; row <= hi; row++) if (data[row * stride + s] === want) n++;
  return n;
}

/**
 * A run of `want` ending at `end`, counted only after the last month in which the subject was
 * already acted upon (e.g. a reminder talk): `start` is the first month of the counted run.
 * `actedMonths` are month indexes; acting in a month restarts the count from the next month.
 */
export function runSinceLastAction(
  streakLength: number,
  end: number,
  actedMonths: Iterable<number>,
): { start: number; length: number } {
  let start = end - streakLength + 1;
  for (const a of actedMonths) if (a >= start && a <= end) start = a + 1;
  return { start, length: end - start + 1 };
}
