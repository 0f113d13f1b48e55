import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToDate, daysBetween, lastDayOf, monthFromIndex, monthIndex } from './calendar';

describe('calendar', () => {
  it('month indexes round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: 1949 * 12, max: 2100 * 12 }), (i) => monthIndex(monthFromIndex(i)) === i));
    expect(monthFromIndex(monthIndex('2026-12') + 1)).toBe('2027-01');
  });

  it('last days of months, leap years included', () => {
    expect(['2024-02', '2023-02', '2000-02', '1900-02', '2026-04', '2026-12'].map(lastDayOf)).toEqual([
      '2024-02-29',
      '2023-02-28',
      '2000-02-29',
      '1900-02-28',
      '2026-04-30',
      '2026-12-31',
    ]);
  });

  it('adds months keeping the day; a missing day rolls to the 1st of the next month', () => {
    expect(addMonthsToDate('2026-01-10', 6)).toBe('2026-07-10');
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-03-01'); // no 31 Feb
    expect(addMonthsToDate('2024-01-31', 1)).toBe('2024-03-01');
    expect(addMonthsToDate('2024-01-29', 1)).toBe('2024-02-29'); // leap year has 29 Feb
    expect(addMonthsToDate('2023-01-29', 1)).toBe('2023-03-01');
    expect(addMonthsToDate('2024-02-29', 12)).toBe('2025-03-01');
    expect(addMonthsToDate('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('property: adding months never goes backwards and lands within the target month or its next 1st', () => {
    const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, fc.integer({ min: 0, max: 60 }), (a, b, n) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(addMonthsToDate(x, n) <= addMonthsToDate(y, n)).toBe(true);
        const r = addMonthsToDate(x, n);
        const target = monthFromIndex(monthIndex(x) + n);
        expect(r.slice(0, 7) === target || r === `${monthFromIndex(monthIndex(target) + 1)}-01`).toBe(true);
        expect(r >= x).toBe(true);
      }),
    );
  });

  it('day arithmetic', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-30', '2026-03-31')).toBe(60);
  });
});
