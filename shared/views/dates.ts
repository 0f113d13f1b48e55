// Calendar arithmetic for the views (pure, UTC-based so the host's time zone never shifts a day).
// Dates are 'YYYY-MM-DD', months 'YYYY-MM'.

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parse(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function fromUtc(t: number): string {
  const dt = new Date(t);
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(daysInMonth(y, m))}`;
}

export function addMonthsToMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(idx / 12), 4)}-${pad((idx % 12) + 1)}`;
}

export const previousMonth = (month: string) => addMonthsToMonth(month, -1);

/** Same day-of-month n months later; a day past the target month's end is clamped to its last day. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parse(date);
  const target = addMonthsToMonth(`${pad(y, 4)}-${pad(m)}`, n);
  const [ty, tm] = target.split('-').map(Number);
  return `${target}-${pad(Math.min(d, daysInMonth(ty, tm)))}`;
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = parse(date);
  return fromUtc(Date.UTC(y, m - 1, d) + n * 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parse(from);
  const [y2, m2, d2] = parse(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/**
 * The one date a month is judged on (DOMAIN.md §4.1a): the engine evaluates month M as of its last
 * day, so every "按 … 判断", "剩余天数" and "N天内" of a view measures from that same day, whatever
 * today is. (Views used to take today for the current month: a placement the engine called "14天内"
 * from the month's end showed 43 days left from the 1st.)
 */
export function referenceDate(asOf: string): string {
  return lastDayOf(asOf);
}

/**
 * The day a measure recorded now for month M starts on by default: today when today lies in M,
 * else the day of M nearest to today (its last day for a past month, its first for a future one).
 * A date an officer records on, not a date the month is judged on.
 */
export function recordingDate(asOf: string, today: string): string {
  const current = monthOf(today);
  if (asOf === current) return today;
  return asOf < current ? lastDayOf(asOf) : firstDayOf(asOf);
}

export { dayRange, lastDayOfPeriod, periodText } from '../engine/explain';
