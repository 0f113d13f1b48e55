import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy';
import { nextLadderStep } from './ladder';

describe('the ladder (DOMAIN.md §4.3, policy.ladder)', () => {
  it('climbs one step at a time', () => {
    expect(nextLadderStep('reminderTalk')?.kind).toBe('inquiry');
    expect(nextLadderStep('inquiry')?.kind).toBe('admonishment');
    expect(nextLadderStep('admonishment')).toMatchObject({ kind: 'probation', alternatives: ['warning'], months: 3 });
  });
  it('sends a probation or warning that did not help to transitional placement', () => {
    expect(nextLadderStep('probation')).toEqual({ kind: 'transitionalPlacement', alternatives: [] });
    expect(nextLadderStep('warning')?.kind).toBe('transitionalPlacement');
  });
  it('offers a team the same rung, with the team ladder’s adjustment as the alternative', () => {
    expect(nextLadderStep('probation', 'unit')).toEqual({ kind: 'transitionalPlacement', alternatives: ['positionAdjustment'] });
  });
  it('offers adjustment, demotion or removal after placement, then dismissal', () => {
    expect(nextLadderStep('transitionalPlacement')).toMatchObject({ kind: 'positionAdjustment', alternatives: ['demotion', 'removal'] });
    expect(nextLadderStep('demotion')?.kind).toBe('dismissal');
    expect(nextLadderStep('dismissal')).toBeNull();
    expect(nextLadderStep('salaryRaise')).toBeNull();
  });
  it('follows an office’s own ladder', () => {
    const policy = { ...defaultPolicy, ladder: { cadre: [['reminderTalk'], ['admonishment']], unit: [['probation'], ['positionAdjustment']] } } as typeof defaultPolicy;
    expect(nextLadderStep('reminderTalk', 'cadre', policy)?.kind).toBe('admonishment');
  });
});
