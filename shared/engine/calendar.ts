// Calendar arithmetic for the engine. Months travel as 'YYYY-MM' strings and are counted internally
// as month indexes (year × 12 + month − 1) so that "the 6 months ending at M" is integer arithmetic.
// Dates stay 'YYYY-MM-DD' strings (they compare as text); day arithmetic goes through UTC day numbers.
import type { IsoDate, Month } from '../domain/primitives';

/** 'YYYY-MM' → year × 12 + month − 1. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): Month {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

export function addMonthsToMonth(month: Month, n: number): Month {
  return monthFromIndex(monthIndex(month) + n);
}

/** The month a date falls in. */
export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

export function yearOfMonth(month: string): number {
  return Number(month.slice(0, 4));
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : monthLengths[m - 1];
}

export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: Month): IsoDate {
  const d = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return `${month}-${d}`;
}

function dateText(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * The same day-of-month `n` months later (n may be negative). When that day does not exist in the
 * target month (31 Jan + 1 month, 29 Feb + 12 months), the result is the first day of the month
 * after it: as an exclusive period end, the period then covers the whole short target month.
 */
export function addMonthsToDate(date: IsoDate, n: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const target = y * 12 + m - 1 + n;
  const ty = Math.floor(target / 12);
  const tm = target - ty * 12 + 1;
  if (d <= daysInMonth(ty, tm)) return dateText(ty, tm, d);
  const next = target + 1;
  const ny = Math.floor(next / 12);
  return dateText(ny, next - ny * 12 + 1, 1);
}

/** Days since 1970-01-01 (UTC calendar, no time zones involved). */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export function dateFromDayNumber(day: number): IsoDate {
  const dt = new Date(day * 86_400_000);
  return dateText(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return dateFromDayNumber(dayNumber(date) + n);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Whether the half-open day range [start, endExclusive) touches any day of `month`. */
export function rangeCoversMonth(start: IsoDate, endExclusive: IsoDate, month: Month): boolean {
  return start <= lastDayOf(month) && endExclusive > firstDayOf(month);
}

/** Months from `from` to `to` inclusive, as 'YYYY-MM' strings. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from), end = monthIndex(to); i <= end; i++) out.push(monthFromIndex(i));
  return out;
}
