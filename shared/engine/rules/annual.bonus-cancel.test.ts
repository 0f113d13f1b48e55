import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'annual.bonus-cancel';

describe(RULE, () => {
  it('basically competent: bonus cancelled and admonishment', () => {
    const [f] = about(new LedgerBuilder().cadre('A').grade('A', 2026, 'basic').evaluate('2026-12'), RULE, 'A');
    expect(f.key).toBe('annual.bonus-cancel|cadre:A|2026');
    expect(f.suggestion).toEqual({ kind: 'cancelAnnualBonus', params: { year: 2026, grade: 'basic', admonishment: true } });
    expect(f.explanation.zh).toContain('予以诫勉');
  });

  it('incompetent: bonus cancelled, no admonishment', () => {
    const [f] = about(new LedgerBuilder().cadre('A').grade('A', 2026, 'incompetent').evaluate('2026-12'), RULE, 'A');
    expect(f.suggestion.params).toEqual({ year: 2026, grade: 'incompetent', admonishment: false });
  });

  it('not for competent, not before December', () => {
    expect(about(new LedgerBuilder().cadre('A').grade('A', 2026, 'competent').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    expect(about(new LedgerBuilder().cadre('A').grade('A', 2026, 'basic').evaluate('2026-11'), RULE, 'A')).toHaveLength(0);
  });
});
