import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'promote.candidate';
const base = (pattern: string, grade: 'excellent' | 'competent' = 'excellent') =>
  new LedgerBuilder().peers('G', '2026-01', 12).cadre('A').pattern('A', '2026-01', pattern).grade('A', 2025, grade);

describe(RULE, () => {
  it('excellent last year and top third in 9 of the last 12 months', () => {
    const [f] = about(base('TTTMTTMTTMTT').evaluate('2026-12'), RULE, 'A');
    expect(f.key).toBe('promote.candidate|cadre:A|2025');
    expect(f.suggestion).toEqual({ kind: 'promotion', params: { lastGradedYear: 2025, topThirdMonths: 9, windowMonths: 12 } });
    expect(f.evidence.months).toHaveLength(12);
    expect(f.evidence.recordIds).toEqual(['A:2025']);
    expect(f.explanation.zh).toContain('近12个月（2026-01至2026-12）中有9个月位列同序列前三分之一');
  });

  it('8 of 12 is not enough; a month without a score is not a top month', () => {
    expect(about(base('TTTMTTMTTMTM').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    expect(about(base('TTTMTTMTTMT-').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('requires excellent in the last graded year (ungraded years skipped)', () => {
    expect(about(base('TTTMTTMTTMTT', 'competent').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    const b = base('TTTMTTMTTMTT').grade('A', 2026, 'ungraded');
    expect(about(b.evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
    const c = base('TTTMTTMTTMTT').grade('A', 2026, 'competent');
    expect(about(c.evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('a promotion bar suppresses it', () => {
    expect(about(base('TTTMTTMTTMTT').sanction('S', 'A', 'admin.warning', '2026-10-01').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    expect(about(base('TTTMTTMTTMTT').measure('M', 'A', 'admonishment', '2026-09-01').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('a cleared sanction is no bar', () => {
    const b = base('TTTMTTMTTMTT').sanction('S', 'A', 'admin.warning', '2026-10-01').clear('C', 'S', 'A');
    expect(about(b.evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
  });

  it('a cadre who has retired is no candidate', () => {
    expect(about(base('TTTMTTMTTMTT').measure('R', 'A', 'retirement', '2026-12-20').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });
});
