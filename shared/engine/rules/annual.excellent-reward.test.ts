import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/default';
import { about, LedgerBuilder, withPolicy } from '../testkit';

const RULE = 'annual.excellent-reward';

describe(RULE, () => {
  it('an excellent year earns a commendation, evaluated as of December', () => {
    const b = new LedgerBuilder().cadre('A').grade('A', 2026, 'excellent');
    const [f] = about(b.evaluate('2026-12'), RULE, 'A');
    expect(f.key).toBe('annual.excellent-reward|cadre:A|2026');
    expect(f.suggestion).toEqual({ kind: 'commendation', params: { year: 2026 } });
    expect(f.evidence.recordIds).toEqual(['A:2026']);
    expect(f.explanation.zh).toBe('2026年度考核确定为优秀等次，建议给予嘉奖。');
  });

  it('not in other months, nor for other grades', () => {
    expect(about(new LedgerBuilder().cadre('A').grade('A', 2026, 'excellent').evaluate('2026-11'), RULE, 'A')).toHaveLength(0);
    expect(about(new LedgerBuilder().cadre('A').grade('A', 2026, 'competent').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('a cleared (revoked) grade does not count', () => {
    const b = new LedgerBuilder().cadre('A').grade('A', 2026, 'excellent').clear('C', 'A:2026', 'A', 'revocation');
    expect(about(b.evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('the evaluation month is policy data', () => {
    const p = withPolicy(defaultPolicy, (x) => (x.annual.evaluationMonth = 1), 'jan');
    const b = new LedgerBuilder().cadre('A').grade('A', 2026, 'excellent');
    expect(about(b.evaluate('2026-01', { policies: [p] }), RULE, 'A')).toHaveLength(1);
  });
});
