import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './default';
import { policyChanges } from './diff';
import { numberBounds, policyFieldOf, policyFields, uncoveredPolicyLeaves, policyPathLabel, policyValueText, valueAt, withValue } from './labels';

describe('policy labels', () => {
  it('names every threshold of the document: each leaf belongs to a field', () => {
    expect(uncoveredPolicyLeaves(defaultPolicy)).toEqual([]);
    for (const f of policyFields) expect(valueAt(defaultPolicy, f.keys), f.path).not.toBeUndefined();
  });

  it('reads bounds from the schema', () => {
    expect(numberBounds(policyFieldOf('streaks.raiseTopThirdMonths')!)).toEqual({ min: 1, max: 600, integer: true });
    expect(numberBounds(policyFieldOf('reviewWindows.placementReviewMonths')!)).toEqual({ min: 1, max: 600, integer: true });
    expect(numberBounds(policyFieldOf('salaryDeductionPercent.party.warning')!)).toMatchObject({ min: 0, max: 100, integer: false });
    expect(numberBounds(policyFieldOf('ranking.thirdsDivisor')!)).toEqual({ min: 2, max: 20, integer: true });
  });

  it('says a value and a change as an officer reads them', () => {
    const f = policyFieldOf('streaks.raiseTopThirdMonths')!;
    expect(policyValueText(f, 6)).toEqual({ zh: '6 个月', en: '6 months' });
    expect(policyValueText(policyFieldOf('impactPeriodMonths.party.expulsion'), null).zh).toBe('无期限');
    expect(policyValueText(policyFieldOf('salaryDeductionPercent.admin.warning'), 10).zh).toBe('10%');
    expect(policyValueText(policyFieldOf('ladder.unit'), defaultPolicy.ladder.unit).zh).toBe('观察期、警示 → 过渡性安置、调整岗位');
    const next = withValue(withValue(defaultPolicy, ['gradeLimits', 'sanctions', 'party.warning', 'sameYear'], 'ungraded'), ['streaks', 'raiseTopThirdMonths'], 3);
    const changes = policyChanges(defaultPolicy, next);
    expect(changes.map((c) => c.path)).toEqual(['streaks.raiseTopThirdMonths', 'gradeLimits.sanctions.party.warning.sameYear']);
    expect(policyPathLabel(changes[1].path).zh).toBe('等次限制：党内警告（当年）');
    expect(policyValueText(policyFieldOf(changes[1].path), changes[1].after).zh).toBe('不定等次');
    expect(defaultPolicy.streaks.raiseTopThirdMonths).toBe(6);
  });
});
