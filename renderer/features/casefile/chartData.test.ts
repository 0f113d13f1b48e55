import { describe, expect, it } from 'vitest';
import { chartPoints, standingOf, streaks } from './chartData';

const r = (month: string, rank: number, n: number, third: 'top' | 'middle' | 'bottom' | 'none') => ({ month, score: 80, rank, n, third });

describe('chart data', () => {
  it('fills gaps between months with empty points', () => {
    const pts = chartPoints([r('2025-11', 1, 3, 'top'), r('2026-02', 3, 3, 'bottom')]);
    expect(pts.map((p) => [p.month, p.standing])).toEqual([
      ['2025-11', 100],
      ['2025-12', null],
      ['2026-01', null],
      ['2026-02', 0],
    ]);
  });
  it('puts the first at 100 and the last at 0', () => {
    expect(standingOf(1, 18)).toBe(100);
    expect(standingOf(18, 18)).toBe(0);
    expect(standingOf(1, 1)).toBe(100);
  });
  it('finds streaks, broken by a missing month or another third', () => {
    const pts = chartPoints([
      r('2026-01', 3, 3, 'bottom'),
      r('2026-02', 3, 3, 'bottom'),
      r('2026-03', 3, 3, 'bottom'),
      r('2026-04', 2, 3, 'middle'),
      r('2026-05', 3, 3, 'bottom'),
      r('2026-06', 3, 3, 'bottom'),
      r('2026-08', 3, 3, 'bottom'),
    ]);
    expect(streaks(pts)).toEqual([{ third: 'bottom', from: '2026-01', to: '2026-03', length: 3 }]);
    expect(streaks(pts, 2)).toHaveLength(2);
  });
});
