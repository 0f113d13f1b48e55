import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addMonthsToMonth, daysBetween, lastDayOf, periodText, previousMonth, recordingDate, referenceDate } from './dates';

describe('view dates', () => {
  it('adds months keeping the day, clamped to the month end', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
  it('steps months across years', () => {
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
    expect(addMonthsToMonth('2025-12', 13)).toBe('2027-01');
  });
  it('counts days, negative backwards, across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
  });
  it('judges a month on its last day', () => {
    // DOMAIN.md §4.1a: a month is judged as of its last day, whatever today is.
    expect(referenceDate('2026-05')).toBe('2026-05-31');
    expect(referenceDate('2026-03')).toBe('2026-03-31');
    expect(referenceDate('2024-02')).toBe('2024-02-29');
  });

  it('a measure recorded now starts today, or on the nearest day of the month being prepared', () => {
    expect(recordingDate('2026-05', '2026-05-20')).toBe('2026-05-20');
    expect(recordingDate('2026-03', '2026-05-20')).toBe('2026-03-31');
    expect(recordingDate('2026-07', '2026-05-20')).toBe('2026-07-01');
  });

  it('shows an end-exclusive period by its last day', () => {
    expect(periodText('2026-06-16', '2026-12-16')).toEqual({ zh: '2026-06-16 至 2026-12-15', en: '2026-06-16 to 2026-12-15' });
    expect(periodText('2024-01-31', '2024-03-01').zh).toBe('2024-01-31 至 2024-02-29');
  });
});
