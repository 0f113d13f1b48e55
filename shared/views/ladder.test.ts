import { describe, expect, it } from 'vitest';
import { nextLadderStep } from './ladder';

describe('the ladder (DOMAIN.md §4.3)', () => {
  it('climbs one step at a time', () => {
    expect(nextLadderStep('reminderTalk')?.kind).toBe('inquiry');
    expect(nextLadderStep('inquiry')?.kind).toBe('admonishment');
    expect(nextLadderStep('admonishment')).toMatchObject({ kind: 'probation', alternatives: ['warning'], months: 3 });
  });
  it('sends a probation or warning that did not help to transitional placement', () => {
    expect(nextLadderStep('probation')?.kind).toBe('transitionalPlacement');
    expect(nextLadderStep('warning')?.kind).toBe('transitionalPlacement');
  });
  it('offers adjustment, demotion or removal after placement, then dismissal', () => {
    expect(nextLadderStep('transitionalPlacement')).toMatchObject({ kind: 'positionAdjustment', alternatives: ['demotion', 'removal'] });
    expect(nextLadderStep('demotion')?.kind).toBe('dismissal');
    expect(nextLadderStep('dismissal')).toBeNull();
    expect(nextLadderStep('salaryRaise')).toBeNull();
  });
});
