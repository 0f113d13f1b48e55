import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'warn.bottom-third-streak';
const base = () => new LedgerBuilder().peers('G', '2026-01', 12).cadre('A');

describe(RULE, () => {
  it('fires after 3 consecutive bottom-third months and suggests a reminder talk', () => {
    const b = base().pattern('A', '2026-01', 'MBBB');
    const [f, ...rest] = about(b.evaluate('2026-04'), RULE, 'A');
    expect(rest).toHaveLength(0);
    expect(f.key).toBe('warn.bottom-third-streak|cadre:A|2026-02');
    expect(f.suggestion.kind).toBe('reminderTalk');
    expect(f.evidence.months!.map((e) => [e.month, e.rank, e.n, e.third])).toEqual([
      ['2026-02', 9, 9, 'bottom'],
      ['2026-03', 9, 9, 'bottom'],
      ['2026-04', 9, 9, 'bottom'],
    ]);
    expect(f.explanation.zh).toContain('连续3个月（2026-02至2026-04）位列同序列后三分之一');
  });

  it('does not fire after 2 months', () => {
    expect(about(base().pattern('A', '2026-01', 'MMBB').evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('does not fire when the as-of month itself is not bottom', () => {
    expect(about(base().pattern('A', '2026-01', 'BBBM').evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('a reminder talk in those months suppresses it', () => {
    const b = base().pattern('A', '2026-01', 'MBBB').measure('T1', 'A', 'reminderTalk', '2026-03-05');
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('a stronger measure (admonishment, probation) suppresses it too', () => {
    for (const kind of ['admonishment', 'probation', 'warning', 'transitionalPlacement'] as const) {
      const b = base().pattern('A', '2026-01', 'MBBB').measure('T1', 'A', kind, '2026-02-05');
      expect(about(b.evaluate('2026-04'), RULE, 'A'), kind).toHaveLength(0);
    }
  });

  it('a weaker or unrelated measure does not', () => {
    const b = base().pattern('A', '2026-01', 'MBBB').measure('T1', 'A', 'commendation', '2026-03-05');
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
  });

  it('a talk before the streak does not suppress it', () => {
    const b = base().pattern('A', '2026-01', 'MBBB').measure('T1', 'A', 'reminderTalk', '2026-01-20');
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
  });

  it('after a talk the count restarts: fires again 3 months later with a new key', () => {
    const b = base().pattern('A', '2026-01', 'MBBBBBB').measure('T1', 'A', 'reminderTalk', '2026-04-10');
    expect(about(b.evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-07'), RULE, 'A');
    expect(f.key).toBe('warn.bottom-third-streak|cadre:A|2026-05');
  });

  it('a cleared reminder talk never counts', () => {
    const b = base().pattern('A', '2026-01', 'MBBB').measure('T1', 'A', 'reminderTalk', '2026-03-05').clear('C', 'T1', 'A');
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
  });
});
