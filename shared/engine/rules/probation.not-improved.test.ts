import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/default';
import { addMonthsToMonth } from '../calendar';
import { about, LedgerBuilder, withPolicy } from '../testkit';

const RULE = 'probation.not-improved';
const base = (pattern: string) =>
  new LedgerBuilder()
    .peers('G', '2026-01', 8)
    .cadre('A')
    .pattern('A', '2026-01', pattern)
    .measure('P', 'A', 'probation', '2026-01-01', { endsOn: '2026-03-31' });

describe(RULE, () => {
  it('fires when the probation ended without outcome and the cadre was still bottom third in its last month', () => {
    const [f, ...rest] = about(base('BMB').evaluate('2026-03'), RULE, 'A');
    expect(rest).toHaveLength(0);
    expect(f.key).toBe('probation.not-improved|cadre:A|P');
    expect(f.suggestion).toEqual({ kind: 'transitionalPlacement', params: { alternatives: ['transitionalPlacement'], probationId: 'P' } });
    expect(f.evidence.months).toEqual([{ month: '2026-03', score: 0, rank: 9, n: 9, third: 'bottom' }]);
    expect(f.explanation.zh).toContain('过渡性安置');
  });

  it('not before the probation has ended', () => {
    expect(about(base('BBB').evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
  });

  it('not when the cadre improved in the last month', () => {
    expect(about(base('BBM').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('not when an outcome is recorded', () => {
    const b = base('BBB').measure('P', 'A', 'probation', '2026-01-01', { endsOn: '2026-03-31', outcome: 'notImproved' });
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('not once the next step has been taken', () => {
    const b = base('BBBB').measure('T', 'A', 'transitionalPlacement', '2026-04-05');
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it("a policy whose place.bottom-third-long is also silenced by a probation still escalates: the probation is not its own escalation", () => {
    // actedMeasures.place is the other rule's list (DECISIONS 160); an office may put probation in it.
    const p = withPolicy(defaultPolicy, (x) => (x.actedMeasures.place = ['probation', 'warning', ...x.actedMeasures.place]), 'p2');
    expect(about(base('BBB').evaluate('2026-03', { policies: [p] }), RULE, 'A')).toHaveLength(1);
    // A kind of that list off the ladder (rank reassignment) still stops it.
    const b = base('BBBB').measure('R', 'A', 'rankReassignment', '2026-04-02');
    expect(about(b.evaluate('2026-04', { policies: [p] }), RULE, 'A')).toHaveLength(0);
  });

  it('a probation without end date ends after the policy length', () => {
    const b = new LedgerBuilder().peers('G', '2026-01', 8).cadre('A').pattern('A', '2026-01', 'BBBB').measure('P', 'A', 'probation', '2026-01-15');
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-04'), RULE, 'A')[0].evidence.months![0].month).toBe('2026-04');
  });

  it('the ladder is policy data', () => {
    const p = withPolicy(defaultPolicy, (x) => (x.ladder.cadre = [['reminderTalk'], ['probation'], ['positionAdjustment', 'demotion']]), 'p2');
    const [f] = about(base('BBB').evaluate('2026-03', { policies: [p] }), RULE, 'A');
    expect(f.suggestion.kind).toBe('positionAdjustment');
    expect(f.suggestion.params.alternatives).toEqual(['positionAdjustment', 'demotion']);
  });

  it('a unit probation escalates to the team step when the unit is still in the bottom third', () => {
    const b = new LedgerBuilder();
    [90, 85, 80, 75, 70].forEach((s, i) => {
      for (const k of [1, 2]) {
        b.cadre(`U${i}-${k}`, { unitId: `U${i}` });
        for (let m = 0; m < 3; m++) b.score(`U${i}-${k}`, addMonthsToMonth('2026-01', m), s);
      }
    });
    for (const k of [1, 2]) {
      b.cadre(`T-${k}`, { unitId: 'T' });
      for (let m = 0; m < 3; m++) b.score(`T-${k}`, addMonthsToMonth('2026-01', m), 40);
    }
    b.unitMeasure('UP', 'T', 'probation', '2026-01-01', { endsOn: '2026-03-31' });
    const [f] = about(b.evaluate('2026-03'), RULE, 'T');
    expect(f.subject).toEqual({ type: 'unit', id: 'T' });
    expect(f.suggestion.kind).toBe('transitionalPlacement');
    // Already acted: the team reorganized (班子调整) after the probation began.
    b.unitMeasure('ADJ', 'T', 'positionAdjustment', '2026-03-20');
    expect(about(b.evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
    b.state.measures.delete('ADJ');
    b.unitMeasure('UP', 'T', 'probation', '2026-01-01', { endsOn: '2026-03-31', outcome: 'improved' });
    expect(about(b.evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
  });

  it('a cleared probation never escalates', () => {
    expect(about(base('BBB').clear('C', 'P', 'A').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });
});
