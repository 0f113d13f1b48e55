import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'annual.demote';

describe(RULE, () => {
  it('an incompetent year: demote one level', () => {
    const [f] = about(new LedgerBuilder().cadre('A').grade('A', 2026, 'incompetent').evaluate('2026-12'), RULE, 'A');
    expect(f.key).toBe('annual.demote|cadre:A|2026');
    expect(f.suggestion).toEqual({ kind: 'demotion', params: { year: 2026, levels: 1 } });
    expect(f.explanation.zh).toContain('不称职');
  });

  it('not for basically competent', () => {
    expect(about(new LedgerBuilder().cadre('A').grade('A', 2026, 'basic').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('mentions the dismissal when the year before was incompetent too', () => {
    const [f] = about(new LedgerBuilder().cadre('A').grade('A', 2025, 'incompetent').grade('A', 2026, 'incompetent').evaluate('2026-12'), RULE, 'A');
    expect(f.explanation.zh).toContain('辞退');
  });
});
