import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/default';
import { about, LedgerBuilder, withPolicy } from '../testkit';

const RULE = 'raise.top-third-streak';
const base = () => new LedgerBuilder().peers('G', '2026-01', 14).cadre('A');

describe(RULE, () => {
  it('fires after 6 consecutive top-third months, keyed by the streak start', () => {
    const b = base().pattern('A', '2026-01', 'MTTTTTT');
    const [f, ...rest] = about(b.evaluate('2026-07'), RULE, 'A');
    expect(rest).toHaveLength(0);
    expect(f.key).toBe('raise.top-third-streak|cadre:A|2026-02');
    expect(f.asOf).toBe('2026-07');
    expect(f.suggestion).toEqual({ kind: 'salaryRaise', params: { streakMonths: 6, since: '2026-02' } });
    expect(f.evidence.months).toHaveLength(6);
    expect(f.evidence.months![0]).toEqual({ month: '2026-02', score: 100, rank: 1, n: 9, third: 'top' });
    expect(f.explanation.zh).toContain('连续6个月（2026-02至2026-07）位列同序列前三分之一（2026-02 第1/9名');
    expect(f.explanation.en).toContain('6 consecutive months (2026-02 to 2026-07');
  });

  it('does not fire after only 5 months', () => {
    const b = base().pattern('A', '2026-01', 'MTTTTT');
    expect(about(b.evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
  });

  it('keeps the same key while the streak goes on', () => {
    const b = base().pattern('A', '2026-01', 'MTTTTTTTT');
    const keys = ['2026-07', '2026-08', '2026-09'].map((m) => about(b.evaluate(m), RULE, 'A')[0].key);
    expect(new Set(keys).size).toBe(1);
    expect(about(b.evaluate('2026-09'), RULE, 'A')[0].suggestion.params.streakMonths).toBe(8);
  });

  it('a month without a score breaks the streak', () => {
    const b = base().pattern('A', '2026-01', 'TTT-TTTTTT');
    expect(about(b.evaluate('2026-09'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-10'), RULE, 'A')[0].key).toBe('raise.top-third-streak|cadre:A|2026-05');
  });

  it('a middle month breaks the streak', () => {
    const b = base().pattern('A', '2026-01', 'TTTMTTT');
    expect(about(b.evaluate('2026-07'), RULE, 'A')).toHaveLength(0);
  });

  it('a raise recorded inside the streak suppresses it', () => {
    const b = base().pattern('A', '2026-01', 'MTTTTTT').measure('R1', 'A', 'salaryRaise', '2026-04-10');
    expect(about(b.evaluate('2026-07'), RULE, 'A')).toHaveLength(0);
  });

  it('a raise before the streak began does not', () => {
    const b = base().pattern('A', '2026-01', 'MTTTTTT').measure('R1', 'A', 'salaryRaise', '2026-01-31');
    expect(about(b.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
  });

  it('a raise dated after the as-of month is not seen yet', () => {
    const b = base().pattern('A', '2026-01', 'MTTTTTT').measure('R1', 'A', 'salaryRaise', '2026-08-01');
    expect(about(b.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
  });

  it('a revoked raise does not suppress it', () => {
    const b = base().pattern('A', '2026-01', 'MTTTTTT').measure('R1', 'A', 'salaryRaise', '2026-04-10').clear('X', 'R1', 'A', 'revocation');
    expect(about(b.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
  });

  it('a cleared score breaks the streak like a missing month', () => {
    const b = base().pattern('A', '2026-01', 'MTTTTTT').clear('X', 'A:2026-04', 'A');
    expect(about(b.evaluate('2026-07'), RULE, 'A')).toHaveLength(0);
  });

  it('groups below three ranked cadres have no thirds', () => {
    const b = new LedgerBuilder().peers('S', '2026-01', 6, 1).cadre('A', { peerGroup: 'S' }).pattern('A', '2026-01', 'TTTTTT');
    expect(about(b.evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
  });

  it('streak length is policy data (4 months in force from 2026-01)', () => {
    const short = withPolicy(defaultPolicy, (p) => (p.streaks.raiseTopThirdMonths = 4), 'short', '2026-01');
    const b = base().pattern('A', '2026-01', 'MTTTT');
    expect(about(b.evaluate('2026-05'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-05', { policies: [defaultPolicy, short] }), RULE, 'A')).toHaveLength(1);
    // Stored in the ledger's policies collection: same effect.
    b.policy(defaultPolicy).policy(short);
    expect(about(b.evaluate('2026-05'), RULE, 'A')).toHaveLength(1);
  });

  it('uses the version in force in the as-of month', () => {
    const later = withPolicy(defaultPolicy, (p) => (p.streaks.raiseTopThirdMonths = 4), 'later', '2026-09');
    const b = base().pattern('A', '2026-01', 'MTTTT');
    expect(about(b.evaluate('2026-05', { policies: [defaultPolicy, later] }), RULE, 'A')).toHaveLength(0);
  });
});
