import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/default';
import { about, LedgerBuilder, withPolicy } from '../testkit';

const RULE = 'sanction.salary-deduction';
const base = () => new LedgerBuilder().cadre('A');

describe(RULE, () => {
  it('fires in every month the impact period touches, with the kind percent', () => {
    const b = base().sanction('S1', 'A', 'admin.demerit', '2026-03-15');
    expect(about(b.evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-03'), RULE, 'A');
    expect(f.key).toBe('sanction.salary-deduction|cadre:A|S1');
    expect(f.suggestion).toEqual({ kind: 'salaryDeduction', params: { percent: 20, month: '2026-03' } });
    expect(f.evidence.recordIds).toEqual(['S1']);
    expect(f.explanation.zh).toContain('本月绩效工资扣减20%');
    // Ends 2027-03-15 (exclusive): March 2027 is still touched, April is not.
    expect(about(b.evaluate('2027-03'), RULE, 'A')).toHaveLength(1);
    expect(about(b.evaluate('2027-04'), RULE, 'A')).toHaveLength(0);
  });

  it('uses the percents of the policy', () => {
    const cases: Array<[string, number]> = [
      ['party.warning', 10],
      ['admin.warning', 10],
      ['party.seriousWarning', 20],
      ['admin.majorDemerit', 30],
      ['admin.gradeDemotion', 50],
      ['admin.removal', 50],
      ['party.removalFromPosts', 50],
      ['party.probation1y', 50],
      ['party.probation2y', 50],
    ];
    for (const [kind, percent] of cases) {
      const b = base().sanction('S', 'A', kind as never, '2026-01-10');
      expect(about(b.evaluate('2026-02'), RULE, 'A')[0].suggestion.params.percent, kind).toBe(percent);
    }
  });

  it('the largest percent applies when several periods run', () => {
    const b = base().sanction('S1', 'A', 'party.warning', '2026-01-10').sanction('S2', 'A', 'admin.majorDemerit', '2026-02-01');
    const [f, ...rest] = about(b.evaluate('2026-03'), RULE, 'A');
    expect(rest).toHaveLength(0);
    expect(f.suggestion.params.percent).toBe(30);
    expect(f.key).toBe('sanction.salary-deduction|cadre:A|S2');
    expect(f.evidence.recordIds).toEqual(['S1', 'S2']);
  });

  it('a cleared or revoked sanction never deducts', () => {
    expect(about(base().sanction('S1', 'A', 'admin.demerit', '2026-03-15').clear('C', 'S1', 'A').evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
    expect(
      about(base().sanction('S1', 'A', 'admin.demerit', '2026-03-15').clear('C', 'S1', 'A', 'revocation').evaluate('2026-04'), RULE, 'A'),
    ).toHaveLength(0);
  });

  it('expulsion has no impact period', () => {
    expect(about(base().sanction('S1', 'A', 'admin.expulsion', '2026-03-15').evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('a stacked administrative sanction runs from the old end plus its own length', () => {
    // Warning 2026-01-10 → 2026-07-10; demerit inside it → 2026-07-10 + 12 = 2027-07-10.
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10').sanction('S2', 'A', 'admin.demerit', '2026-03-01');
    const [f] = about(b.evaluate('2027-06'), RULE, 'A');
    expect(f.key).toBe('sanction.salary-deduction|cadre:A|S2');
    expect(about(b.evaluate('2027-07'), RULE, 'A')).toHaveLength(1);
    expect(about(b.evaluate('2027-08'), RULE, 'A')).toHaveLength(0);
  });

  it('percent changes by policy version in force in M', () => {
    const v2 = withPolicy(defaultPolicy, (p) => (p.salaryDeductionPercent['admin.demerit'] = 25), 'v2', '2026-06');
    const b = base().sanction('S1', 'A', 'admin.demerit', '2026-03-15');
    expect(about(b.evaluate('2026-05', { policies: [defaultPolicy, v2] }), RULE, 'A')[0].suggestion.params.percent).toBe(20);
    expect(about(b.evaluate('2026-06', { policies: [defaultPolicy, v2] }), RULE, 'A')[0].suggestion.params.percent).toBe(25);
  });
});
