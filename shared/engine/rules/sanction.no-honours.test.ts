import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'sanction.no-honours';
const base = () => new LedgerBuilder().cadre('A');

describe(RULE, () => {
  it('a sanction dated in the year disqualifies from honours for the rest of that year', () => {
    const b = base().sanction('S1', 'A', 'party.warning', '2026-03-05');
    expect(about(b.evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-03'), RULE, 'A');
    expect(f.key).toBe('sanction.no-honours|cadre:A|2026');
    expect(f.suggestion).toEqual({ kind: 'honoursDisqualification', params: { year: 2026 } });
    expect(f.explanation.zh).toContain('取消本年度评优评先资格');
    expect(about(b.evaluate('2026-12'), RULE, 'A')[0].key).toBe(f.key);
    expect(about(b.evaluate('2027-01'), RULE, 'A')).toHaveLength(0);
  });

  it('an admonishment counts, a reminder talk does not', () => {
    expect(about(base().measure('M', 'A', 'admonishment', '2026-05-01').evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
    expect(about(base().measure('M', 'A', 'reminderTalk', '2026-05-01').evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
  });

  it('one finding listing every record of the year', () => {
    const b = base().sanction('S1', 'A', 'party.warning', '2026-03-05').measure('M', 'A', 'admonishment', '2026-01-20');
    const found = about(b.evaluate('2026-06'), RULE, 'A');
    expect(found).toHaveLength(1);
    expect(found[0].evidence.recordIds).toEqual(['M', 'S1']);
  });

  it('a cleared sanction does not disqualify', () => {
    expect(about(base().sanction('S1', 'A', 'party.warning', '2026-03-05').clear('C', 'S1', 'A').evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
  });
});
