import { describe, expect, it } from 'vitest';
import type { AnnualGradeValue, SanctionKind } from '../../domain/records';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'annual.grade-conflict';
const with1 = (kind: SanctionKind, date: string, grade: AnnualGradeValue, year = 2026) =>
  new LedgerBuilder().cadre('A').sanction('S', 'A', kind, date).grade('A', year, grade);

describe(RULE, () => {
  it('a warning year cannot be excellent', () => {
    const [f] = about(with1('admin.warning', '2026-05-01', 'excellent').evaluate('2026-12'), RULE, 'A');
    expect(f.key).toBe('annual.grade-conflict|cadre:A|2026');
    expect(f.suggestion).toEqual({
      kind: 'correctGrade',
      params: { year: 2026, grade: 'excellent', limit: 'notExcellent', allowed: ['competent', 'basic', 'incompetent', 'ungraded'] },
    });
    expect(f.evidence.recordIds).toEqual(['A:2026', 'S']);
    expect(f.explanation.zh).toContain('不得确定为优秀等次');
    expect(about(with1('party.warning', '2026-05-01', 'competent').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('serious warning or demerit: not graded that year', () => {
    expect(about(with1('party.seriousWarning', '2026-05-01', 'competent').evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
    expect(about(with1('admin.demerit', '2026-05-01', 'ungraded').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    // …but not the next year
    expect(about(with1('admin.demerit', '2025-05-01', 'competent').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('major demerit, grade demotion, removal: not graded that year and the next', () => {
    for (const kind of ['admin.majorDemerit', 'admin.gradeDemotion', 'admin.removal'] as const) {
      const [f] = about(with1(kind, '2025-05-01', 'competent').evaluate('2026-12'), RULE, 'A');
      expect(f?.suggestion.params.limit, kind).toBe('ungraded');
      expect(f.explanation.zh).toContain('影响次年');
    }
  });

  it('removal from party posts or party probation: incompetent that year', () => {
    expect(about(with1('party.probation1y', '2026-05-01', 'competent').evaluate('2026-12'), RULE, 'A')[0].suggestion.params.limit).toBe('incompetent');
    expect(about(with1('party.removalFromPosts', '2026-05-01', 'incompetent').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('admonishment and position adjustment: not excellent', () => {
    const b = new LedgerBuilder().cadre('A').measure('M', 'A', 'admonishment', '2026-03-01').grade('A', 2026, 'excellent');
    expect(about(b.evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
  });

  it('the strictest limit applies', () => {
    const b = new LedgerBuilder().cadre('A').sanction('S1', 'A', 'admin.warning', '2026-02-01').sanction('S2', 'A', 'party.probation1y', '2026-03-01').grade('A', 2026, 'competent');
    const [f] = about(b.evaluate('2026-12'), RULE, 'A');
    expect(f.suggestion.params.limit).toBe('incompetent');
  });

  it('a cleared sanction sets no limit', () => {
    expect(about(with1('admin.warning', '2026-05-01', 'excellent').clear('C', 'S', 'A').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });

  it('no grade recorded: nothing to correct', () => {
    expect(about(new LedgerBuilder().cadre('A').sanction('S', 'A', 'admin.warning', '2026-05-01').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });
});
