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

  it('is silenced while a placement or stronger measure started within the run (§4.2, DECISIONS.md 13)', () => {
    for (const kind of ['transitionalPlacement', 'positionAdjustment', 'demotion', 'removal', 'rankReassignment', 'dismissal', 'immediateExit'] as const) {
      const b = base().pattern('A', '2026-01', 'BBBBBBB').measure('P', 'A', kind, '2026-06-15');
      expect(about(b.evaluate('2026-07'), RULE, 'A'), kind).toHaveLength(0);
    }
  });

  it('counts again from the month after the placement: six more bottom-third months fire it anew', () => {
    const b = base().peers('G', '2026-01', 12).pattern('A', '2026-01', 'BBBBBBBBBBBB').measure('P', 'A', 'transitionalPlacement', '2026-03-10');
    expect(about(b.evaluate('2026-08'), RULE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-09'), RULE, 'A');
    expect(f.key).toBe('place.bottom-third-long|cadre:A|2026-04');
    expect(f.suggestion.params.streakMonths).toBe(6);
  });

  it('a placement before the run does not silence it', () => {
    const b = base().pattern('A', '2026-02', 'BBBBBB').measure('P', 'A', 'transitionalPlacement', '2026-01-05');
    expect(about(b.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
  });

  it('the acting kinds are policy data: an office may list none', () => {
    const p = withPolicy(defaultPolicy, (x) => (x.actedMeasures.place = []), 'p-place');
    const b = base().pattern('A', '2026-01', 'BBBBBB').measure('P', 'A', 'transitionalPlacement', '2026-04-01');
    expect(about(b.evaluate('2026-06', { policies: [p] }), RULE, 'A')).toHaveLength(1);
  });

  it('a gap month breaks the streak', () => {
    expect(about(base().pattern('A', '2026-01', 'BBB-BBB').evaluate('2026-07'), RULE, 'A')).toHaveLength(0);
  });
});
