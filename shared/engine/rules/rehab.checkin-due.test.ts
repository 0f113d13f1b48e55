import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'rehab.checkin-due';
const base = (start: string) => new LedgerBuilder().cadre('A').measure('D', 'A', 'demotion', '2026-01-01').plan('R', 'A', 'D', start);

describe(RULE, () => {
  it('fires 60 days after the plan began without a check-in', () => {
    // 2026-01-30 → 2026-03-31 is 60 days.
    const [f] = about(base('2026-01-30').evaluate('2026-03'), RULE, 'A');
    expect(f.key).toBe('rehab.checkin-due|cadre:A|R:2026-01-30');
    expect(f.suggestion).toEqual({ kind: 'checkIn', params: { planId: 'R', lastContact: '2026-01-30', dueOn: '2026-03-31' } });
    expect(f.explanation.zh).toContain('尚无回访谈话');
  });

  it('not at 59 days', () => {
    expect(about(base('2026-01-31').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('a check-in in the last 60 days suppresses it; the next one is due 60 days later', () => {
    const b = base('2026-01-10').checkIn('R', '2026-03-15');
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-05'), RULE, 'A');
    expect(f.key).toBe('rehab.checkin-due|cadre:A|R:2026-03-15');
    expect(f.explanation.zh).toContain('最近一次回访谈话为2026-03-15');
  });

  it('a check-in dated after M is not seen yet', () => {
    expect(about(base('2026-01-10').checkIn('R', '2026-04-02').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
  });

  it('only active plans', () => {
    const b = base('2026-01-10').plan('R', 'A', 'D', '2026-01-10', { status: 'completed' });
    expect(about(b.evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
  });
});
