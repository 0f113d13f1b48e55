import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/default';
import { about, LedgerBuilder, withPolicy } from '../testkit';

const RULE = 'place.bottom-third-long';
const base = () => new LedgerBuilder().peers('G', '2026-01', 12).cadre('A');

describe(RULE, () => {
  it('fires after 6 consecutive bottom-third months', () => {
    const [f] = about(base().pattern('A', '2026-01', 'BBBBBB').evaluate('2026-06'), RULE, 'A');
    expect(f.key).toBe('place.bottom-third-long|cadre:A|2026-01');
    expect(f.suggestion).toEqual({ kind: 'transitionalPlacement', params: { streakMonths: 6, since: '2026-01' } });
    expect(f.evidence.months).toHaveLength(6);
    expect(f.explanation.zh).toContain('建议过渡性安置');
  });

  it('does not fire after 5', () => {
    expect(about(base().pattern('A', '2026-01', 'MBBBBB').evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
  });

  it('a reminder talk does not stop it (only a placement or stronger does)', () => {
    const b = base().pattern('A', '2026-01', 'BBBBBB').measure('T', 'A', 'reminderTalk', '2026-03-01');
    expect(about(b.evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
  });

  it('keeps firing through a recorded placement by default: §4.2 gives the rule no exception', () => {
    const b = base().pattern('A', '2026-01', 'BBBBBBB').measure('P', 'A', 'transitionalPlacement', '2026-06-15');
    const [f] = about(b.evaluate('2026-07'), RULE, 'A');
    expect(f.suggestion.params.streakMonths).toBe(7);
  });

  it('a policy that lists placements as restarting the count suppresses it after one', () => {
    const p = withPolicy(defaultPolicy, (x) => (x.actedMeasures.place = ['transitionalPlacement']), 'p-place');
    const b = base().pattern('A', '2026-01', 'BBBBBB').measure('P', 'A', 'transitionalPlacement', '2026-04-01');
    expect(about(b.evaluate('2026-06', { policies: [p] }), RULE, 'A')).toHaveLength(0);
  });

  it('a gap month breaks the streak', () => {
    expect(about(base().pattern('A', '2026-01', 'BBB-BBB').evaluate('2026-07'), RULE, 'A')).toHaveLength(0);
  });
});
