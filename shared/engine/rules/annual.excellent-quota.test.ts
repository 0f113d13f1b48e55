import { describe, expect, it } from 'vitest';
import type { AnnualGradeValue } from '../../domain/records';
import { about, LedgerBuilder } from '../testkit';
import { excellentQuota } from './annual.excellent-quota';

const RULE = 'annual.excellent-quota';
function unitWith(grades: AnnualGradeValue[]) {
  const b = new LedgerBuilder();
  grades.forEach((g, i) => b.cadre(`C${i}`, { unitId: 'U1' }).grade(`C${i}`, 2026, g));
  return b;
}
const many = (excellent: number, competent: number, ungraded = 0): AnnualGradeValue[] => [
  ...Array<AnnualGradeValue>(excellent).fill('excellent'),
  ...Array<AnnualGradeValue>(competent).fill('competent'),
  ...Array<AnnualGradeValue>(ungraded).fill('ungraded'),
];

describe(RULE, () => {
  it('quota is 20% of graded cadres rounded down, at least 1', () => {
    expect([1, 4, 5, 9, 10, 14, 15].map((n) => excellentQuota(n, 20, 1))).toEqual([1, 1, 1, 1, 2, 2, 3]);
  });

  it('fires when a unit has more excellent grades than its quota', () => {
    const [f] = about(unitWith(many(3, 7)).evaluate('2026-12'), RULE, 'U1');
    expect(f.subject).toEqual({ type: 'unit', id: 'U1' });
    expect(f.key).toBe('annual.excellent-quota|unit:U1|2026');
    expect(f.suggestion).toEqual({ kind: 'reduceExcellentGrades', params: { year: 2026, quota: 2, excellent: 3, excess: 1 } });
    expect(f.evidence.recordIds).toHaveLength(3);
    expect(f.explanation.zh).toContain('超过20%的比例限额（2人）');
  });

  it('not at the quota', () => {
    expect(about(unitWith(many(2, 8)).evaluate('2026-12'), RULE, 'U1')).toHaveLength(0);
    expect(about(unitWith(many(1, 3)).evaluate('2026-12'), RULE, 'U1')).toHaveLength(0);
  });

  it('ungraded cadres do not count as graded', () => {
    // 2 excellent of 10 graded would fit; with 2 of the 10 ungraded the quota is 1.
    expect(about(unitWith(many(2, 6, 2)).evaluate('2026-12'), RULE, 'U1')).toHaveLength(1);
  });

  it('a revoked excellent grade does not count', () => {
    // 3 excellent of 13 graded (quota 2) → fires; without the revoked grade, 2 of 12 fit.
    expect(about(unitWith(many(3, 10)).evaluate('2026-12'), RULE, 'U1')).toHaveLength(1);
    const b = unitWith(many(3, 10)).clear('X', 'C0:2026', 'C0', 'revocation');
    expect(about(b.evaluate('2026-12'), RULE, 'U1')).toHaveLength(0);
  });
});
