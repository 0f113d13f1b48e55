import { describe, expect, it } from 'vitest';
import { LedgerError } from '../contract/errors';
import { collectionSchemas } from '../ledger/collections';
import { defaultPolicy, parsePolicy, policyInForce, type PolicyVersion } from './index';

const clone = (): PolicyVersion => structuredClone(defaultPolicy);

function errorOf(input: unknown): LedgerError {
  try {
    parsePolicy(input);
  } catch (e) {
    return e as LedgerError;
  }
  throw new Error('expected parsePolicy to throw');
}

describe('policy documents', () => {
  it('the default policy is valid and is what the policies collection stores', () => {
    expect(parsePolicy(defaultPolicy)).toEqual(defaultPolicy);
    expect(collectionSchemas.policies.parse(defaultPolicy)).toEqual(defaultPolicy);
    expect(defaultPolicy.policyId).toBe('lanzhou-new-area');
    expect(defaultPolicy.effectiveFrom <= '2000-01').toBe(true);
  });

  it('holds the numbers of DOMAIN.md §4', () => {
    const p = defaultPolicy;
    expect(p.streaks).toEqual({ raiseTopThirdMonths: 6, warnBottomThirdMonths: 3, placeBottomThirdMonths: 6, teamBottomThirdMonths: 2 });
    expect(p.ranking).toEqual({ thirdsDivisor: 3, minGroupSize: 3, unitMinScoredCadres: 2 });
    expect(p.stacking.capMonths).toBe(48);
    expect(p.reviewWindows).toEqual({ probationDays: 14, trialDays: 30, checkInDays: 60, placementReviewMonths: 6 });
    expect(p.annual.excellentQuotaPercent).toBe(20);
    expect(p.promotion).toEqual({ requiredGrade: 'excellent', topThirdMonths: 9, windowMonths: 12 });
    expect(p.rehab).toMatchObject({ minMonthsSinceStart: 12, topThirdMonths: 4, windowMonths: 6 });
    expect(p.promotionBars).toEqual({ afterPartyProbationMonths: 24, admonishmentMonths: 6, demotionMonths: 12, removalMonths: 12 });
    expect([p.faults.toleratedFactor, p.faults.unintentionalFactor, p.faults.intentionalFactor]).toEqual([0, 0.5, 1]);
    expect(p.impactPeriodMonths['admin.warning']).toBe(6);
    expect(p.impactPeriodMonths['party.probation2y']).toBe(24);
    expect(p.salaryDeductionPercent['admin.majorDemerit']).toBe(30);
    expect(p.ladder.cadre[p.ladder.cadre.findIndex((s) => s.includes('probation')) + 1]).toEqual(['transitionalPlacement']);
  });

  it('a version stored before placementReviewMonths existed still parses, with the default', () => {
    const old = structuredClone(defaultPolicy) as unknown as { reviewWindows: Record<string, number> };
    delete old.reviewWindows.placementReviewMonths;
    expect(parsePolicy(old).reviewWindows.placementReviewMonths).toBe(6);
    expect(defaultPolicy.actedMeasures.place).toEqual(['transitionalPlacement', 'positionAdjustment', 'demotion', 'removal', 'rankReassignment', 'dismissal', 'immediateExit']);
  });

  it('an invalid threshold is an error naming the field', () => {
    const p = clone();
    p.streaks.raiseTopThirdMonths = 0;
    const e = errorOf(p);
    expect(e).toBeInstanceOf(LedgerError);
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.[0].path).toBe('streaks.raiseTopThirdMonths');
    expect(e.message).toContain('streaks.raiseTopThirdMonths');
    expect(e.bilingual.zh).toContain('streaks.raiseTopThirdMonths');
  });

  it('a missing sanction kind is named', () => {
    const p = clone() as unknown as { impactPeriodMonths: Record<string, unknown> };
    delete p.impactPeriodMonths['admin.removal'];
    expect(errorOf(p).fields?.map((f) => f.path)).toEqual(['impactPeriodMonths.admin.removal']);
  });

  it('an unknown (misspelt) field is rejected, not ignored', () => {
    const p = clone() as unknown as { streaks: Record<string, unknown> };
    p.streaks.raiseTopThirdMonth = 4;
    const e = errorOf(p);
    expect(e.fields?.[0].path).toBe('streaks');
    expect(e.message).toContain('raiseTopThirdMonth');
  });

  it('cross-field checks name the field', () => {
    const p = clone();
    p.promotion.topThirdMonths = 13;
    expect(errorOf(p).fields?.map((f) => f.path)).toEqual(['promotion.topThirdMonths']);
    const q = clone();
    q.ladder.cadre = [['reminderTalk'], ['admonishment']];
    expect(errorOf(q).fields?.map((f) => f.path)).toEqual(['ladder.cadre']);
  });

  it('a bad month and a bad percent', () => {
    const p = clone();
    p.effectiveFrom = '2026-13';
    p.salaryDeductionPercent['admin.demerit'] = 120;
    expect(errorOf(p).fields?.map((f) => f.path).sort()).toEqual(['effectiveFrom', 'salaryDeductionPercent.admin.demerit']);
  });
});

describe('policyInForce', () => {
  const v = (id: string, effectiveFrom: string, version = '1'): PolicyVersion => ({ ...clone(), id, effectiveFrom, version });
  const versions = [v('c', '2027-06'), v('a', '2000-01'), v('b', '2026-01')];

  it('is the newest version with effectiveFrom ≤ month, whatever the input order', () => {
    expect(policyInForce(versions, '2025-12')?.id).toBe('a');
    expect(policyInForce(versions, '2026-01')?.id).toBe('b');
    expect(policyInForce(versions, '2027-05')?.id).toBe('b');
    expect(policyInForce(versions, '2027-06')?.id).toBe('c');
    expect(policyInForce([...versions].reverse(), '2030-01')?.id).toBe('c');
  });

  it('is undefined before the first version', () => {
    expect(policyInForce([v('b', '2026-01')], '2025-12')).toBeUndefined();
  });

  it('on the same effectiveFrom the higher version label wins', () => {
    expect(policyInForce([v('x', '2026-01', '10'), v('y', '2026-01', '9')], '2026-03')?.id).toBe('x');
  });

  it('rejects a bad month', () => {
    expect(() => policyInForce(versions, '2026-1')).toThrow();
  });
});
