import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addMonthsToMonth, daysBetween, lastDayOf, previousMonth, referenceDate } from './dates';

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
  it('judges a month on today, its last day (past) or its first day (future)', () => {
    expect(referenceDate('2026-05', '2026-05-20')).toBe('2026-05-20');
    expect(referenceDate('2026-03', '2026-05-20')).toBe('2026-03-31');
    expect(referenceDate('2026-07', '2026-05-20')).toBe('2026-07-01');
  });
});
