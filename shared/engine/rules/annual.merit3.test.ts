import { describe, expect, it } from 'vitest';
import type { AnnualGradeValue } from '../../domain/records';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'annual.merit3';
const withGrades = (grades: Record<number, AnnualGradeValue>) => {
  const b = new LedgerBuilder().cadre('A');
  for (const [y, g] of Object.entries(grades)) b.grade('A', Number(y), g);
  return b;
};

describe(RULE, () => {
  it('three excellent years running earn a third-class merit', () => {
    const [f] = about(withGrades({ 2024: 'excellent', 2025: 'excellent', 2026: 'excellent' }).evaluate('2026-12'), RULE, 'A');
    expect(f.key).toBe('annual.merit3|cadre:A|2026');
    expect(f.suggestion).toEqual({ kind: 'merit3', params: { year: 2026, years: 3 } });
    expect(f.evidence.recordIds).toEqual(['A:2024', 'A:2025', 'A:2026']);
    expect(f.explanation.zh).toContain('2024至2026年度连续3年考核为优秀等次');
  });

  it('two are not enough', () => {
    expect(about(withGrades({ 2025: 'excellent', 2026: 'excellent' }).evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('a non-excellent year in between breaks the run', () => {
    expect(about(withGrades({ 2024: 'excellent', 2025: 'ungraded', 2026: 'excellent' }).evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('a fourth year earns no second merit; the sixth does', () => {
    const b = withGrades({ 2021: 'excellent', 2022: 'excellent', 2023: 'excellent', 2024: 'excellent', 2025: 'excellent', 2026: 'excellent' });
    expect(about(b.evaluate('2024-12'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
  });

  it('the commendation fires too', () => {
    expect(about(withGrades({ 2024: 'excellent', 2025: 'excellent', 2026: 'excellent' }).evaluate('2026-12'), 'annual.excellent-reward', 'A')).toHaveLength(1);
  });
});
