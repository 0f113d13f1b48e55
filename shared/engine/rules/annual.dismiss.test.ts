import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'annual.dismiss';

describe(RULE, () => {
  it('two consecutive incompetent years: dismissal', () => {
    const [f] = about(new LedgerBuilder().cadre('A').grade('A', 2025, 'incompetent').grade('A', 2026, 'incompetent').evaluate('2026-12'), RULE, 'A');
    expect(f.key).toBe('annual.dismiss|cadre:A|2026');
    expect(f.suggestion).toEqual({ kind: 'dismissal', params: { year: 2026, years: 2 } });
    expect(f.evidence.recordIds).toEqual(['A:2025', 'A:2026']);
  });

  it('one incompetent year is not enough; a gap year breaks it', () => {
    expect(about(new LedgerBuilder().cadre('A').grade('A', 2026, 'incompetent').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    const b = new LedgerBuilder().cadre('A').grade('A', 2024, 'incompetent').grade('A', 2025, 'basic').grade('A', 2026, 'incompetent');
    expect(about(b.evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('a revoked grade does not count', () => {
    const b = new LedgerBuilder().cadre('A').grade('A', 2025, 'incompetent').grade('A', 2026, 'incompetent').clear('C', 'A:2025', 'A', 'revocation');
    expect(about(b.evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });
});
