import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'sanction.release-due';
const base = () => new LedgerBuilder().cadre('A');

describe(RULE, () => {
  it('fires once the impact period has ended and no release is recorded', () => {
    // Admin warning 2026-01-10: period ends 2026-07-10 (exclusive), last day 2026-07-09.
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10');
    expect(about(b.evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-07'), RULE, 'A');
    expect(f.key).toBe('sanction.release-due|cadre:A|S1');
    expect(f.suggestion).toEqual({ kind: 'releaseNotice', params: { sanctionId: 'S1', periodEndedOn: '2026-07-09' } });
    expect(f.explanation.zh).toContain('影响期已于2026-07-09届满');
    expect(about(b.evaluate('2027-03'), RULE, 'A')[0].key).toBe(f.key);
  });

  it('a period ending on the 1st ended in the month before', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-01');
    expect(about(b.evaluate('2026-06'), RULE, 'A')[0].suggestion.params.periodEndedOn).toBe('2026-06-30');
    expect(about(b.evaluate('2026-05'), RULE, 'A')).toHaveLength(0);
  });

  it('a recorded release stops it (from the month it is dated)', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10', { releasedOn: '2026-08-03' });
    expect(about(b.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
    expect(about(b.evaluate('2026-08'), RULE, 'A')).toHaveLength(0);
  });

  it('a revoked sanction needs no release', () => {
    expect(about(base().sanction('S1', 'A', 'admin.warning', '2026-01-10').clear('C', 'S1', 'A', 'revocation').evaluate('2026-08'), RULE, 'A')).toHaveLength(0);
  });

  it('a stacked sanction is due at its stacked end', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10').sanction('S2', 'A', 'admin.warning', '2026-05-01');
    // S2 ends 2026-07-10 + 6 months = 2027-01-10.
    expect(about(b.evaluate('2026-07'), RULE, 'A').map((f) => f.key)).toEqual(['sanction.release-due|cadre:A|S1']);
    expect(about(b.evaluate('2027-01'), RULE, 'A').map((f) => f.key)).toEqual([
      'sanction.release-due|cadre:A|S1',
      'sanction.release-due|cadre:A|S2',
    ]);
  });
});
