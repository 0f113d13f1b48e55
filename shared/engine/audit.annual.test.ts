// Rule audit (session 16 — B): boundary cases of the annual rules, read word by word against
// DOMAIN.md §3 and §4.2 (and the readings DECISIONS.md 23–27 record).
import { describe, expect, it } from 'vitest';
import type { AnnualGradeValue, SanctionKind } from '../domain/records';
import { defaultPolicy } from '../policy/default';
import { about, LedgerBuilder, ofRule, withPolicy } from './testkit';

const REWARD = 'annual.excellent-reward';
const MERIT = 'annual.merit3';
const BONUS = 'annual.bonus-cancel';
const DEMOTE = 'annual.demote';
const DISMISS = 'annual.dismiss';
const CONFLICT = 'annual.grade-conflict';
const QUOTA = 'annual.excellent-quota';
const annualRules = [REWARD, MERIT, BONUS, DEMOTE, DISMISS, CONFLICT, QUOTA];

const withGrades = (grades: Record<number, AnnualGradeValue>) => {
  const b = new LedgerBuilder().cadre('A');
  for (const [y, g] of Object.entries(grades)) b.grade('A', Number(y), g);
  return b;
};
const rulesFor = (b: LedgerBuilder, asOf: string, options = {}) =>
  [...new Set(b.evaluate(asOf, options).filter((f) => annualRules.includes(f.rule)).map((f) => f.rule))].sort();

describe('annual rules run only as of the evaluation month of Y, for the grades of Y', () => {
  it('December by default, never another month', () => {
    const b = withGrades({ 2025: 'incompetent', 2026: 'incompetent' }).sanction('S', 'A', 'party.probation1y', '2026-03-01');
    for (const m of ['2026-01', '2026-06', '2026-11', '2027-01']) expect(rulesFor(b, m), m).toEqual([]);
    expect(rulesFor(b, '2026-12')).toEqual([BONUS, DEMOTE, DISMISS].sort());
  });

  it('a version in force from January that moves the evaluation month moves every annual rule', () => {
    const june = withPolicy(defaultPolicy, (x) => (x.annual.evaluationMonth = 6), 'june', '2026-01');
    const options = { policies: [defaultPolicy, june] };
    const b = withGrades({ 2025: 'excellent', 2026: 'basic' }).cadre('B').grade('B', 2026, 'excellent');
    expect(rulesFor(b, '2025-12', options)).toEqual([REWARD]);
    expect(rulesFor(b, '2026-06', options)).toEqual([BONUS, REWARD].sort());
    expect(rulesFor(b, '2026-12', options)).toEqual([]);
  });

  it('the grade of another year never fires the rules of Y', () => {
    const b = withGrades({ 2025: 'basic', 2027: 'incompetent' });
    expect(rulesFor(b, '2026-12')).toEqual([]);
  });

  it('a revoked grade, whatever the revocation date, does not count', () => {
    const b = withGrades({ 2026: 'basic' });
    b.state.clearances.set('X', { id: 'X', cadreId: 'A', recordId: 'A:2026', date: '2031-01-01', note: '', kind: 'revocation' });
    expect(rulesFor(b, '2026-12')).toEqual([]);
  });
});

describe(`${MERIT}: excellent 3 years running`, () => {
  it('a missing year breaks the run', () => {
    expect(about(withGrades({ 2023: 'excellent', 2024: 'excellent', 2026: 'excellent' }).evaluate('2026-12'), MERIT, 'A')).toHaveLength(0);
    expect(about(withGrades({ 2024: 'excellent', 2026: 'excellent' }).evaluate('2026-12'), MERIT, 'A')).toHaveLength(0);
  });

  it('competent or ungraded in the run breaks it; the third excellent year must be Y', () => {
    expect(about(withGrades({ 2024: 'excellent', 2025: 'competent', 2026: 'excellent' }).evaluate('2026-12'), MERIT, 'A')).toHaveLength(0);
    expect(about(withGrades({ 2023: 'excellent', 2024: 'excellent', 2025: 'excellent', 2026: 'competent' }).evaluate('2026-12'), MERIT, 'A')).toHaveLength(0);
  });

  it('the years of a run are counted backwards from Y (a later grade is not seen)', () => {
    const b = withGrades({ 2024: 'excellent', 2025: 'excellent', 2026: 'excellent', 2027: 'excellent' });
    expect(about(b.evaluate('2026-12'), MERIT, 'A')).toHaveLength(1);
    expect(about(b.evaluate('2027-12'), MERIT, 'A')).toHaveLength(0);
  });

  it('the run length is policy data', () => {
    const two = withPolicy(defaultPolicy, (x) => (x.annual.merit3Years = 2), 'two');
    expect(about(withGrades({ 2025: 'excellent', 2026: 'excellent' }).evaluate('2026-12', { policies: [two] }), MERIT, 'A')).toHaveLength(1);
  });
});

describe(`${DISMISS} / ${DEMOTE}: incompetent in Y (and Y−1)`, () => {
  it('dismiss needs Y and Y−1; Y−1 missing, ungraded or basic does not do', () => {
    for (const prev of [undefined, 'ungraded', 'basic', 'competent'] as const) {
      const grades: Record<number, AnnualGradeValue> = { 2026: 'incompetent' };
      if (prev) grades[2025] = prev;
      const found = withGrades(grades).evaluate('2026-12');
      expect(about(found, DISMISS, 'A'), String(prev)).toHaveLength(0);
      expect(about(found, DEMOTE, 'A'), String(prev)).toHaveLength(1);
    }
  });

  it('Y−1 incompetent but Y not: no dismissal, no demotion', () => {
    const found = withGrades({ 2025: 'incompetent', 2026: 'basic' }).evaluate('2026-12');
    expect(about(found, DISMISS, 'A')).toHaveLength(0);
    expect(about(found, DEMOTE, 'A')).toHaveLength(0);
    expect(about(found, BONUS, 'A')[0].suggestion.params).toEqual({ year: 2026, grade: 'basic', admonishment: true });
  });

  it('Y−2 and Y incompetent with Y−1 missing: no dismissal', () => {
    expect(about(withGrades({ 2024: 'incompetent', 2026: 'incompetent' }).evaluate('2026-12'), DISMISS, 'A')).toHaveLength(0);
  });

  it('three incompetent years: the dismissal of Y cites Y−1 and Y', () => {
    const [f] = about(withGrades({ 2024: 'incompetent', 2025: 'incompetent', 2026: 'incompetent' }).evaluate('2026-12'), DISMISS, 'A');
    expect(f.evidence.recordIds).toEqual(['A:2025', 'A:2026']);
  });
});

describe(`${BONUS}`, () => {
  it('basic and incompetent only; excellent, competent and ungraded never', () => {
    for (const g of ['excellent', 'competent', 'ungraded'] as const) expect(about(withGrades({ 2026: g }).evaluate('2026-12'), BONUS, 'A'), g).toHaveLength(0);
  });
});

describe(`${QUOTA}: "20% of its graded cadres (rounded down, at least 1)"`, () => {
  function unit(grades: AnnualGradeValue[], unitId = 'U1', prefix = 'C') {
    return (b: LedgerBuilder) => {
      grades.forEach((g, i) => b.cadre(`${prefix}${i}`, { unitId }).grade(`${prefix}${i}`, 2026, g));
      return b;
    };
  }
  const fill = (excellent: number, others: number, other: AnnualGradeValue = 'competent'): AnnualGradeValue[] => [
    ...Array<AnnualGradeValue>(excellent).fill('excellent'),
    ...Array<AnnualGradeValue>(others).fill(other),
  ];
  const quotaOf = (b: LedgerBuilder, unitId = 'U1') => about(b.evaluate('2026-12'), QUOTA, unitId)[0]?.suggestion.params;

  it('at least 1: one excellent among 1–9 graded fits, two do not', () => {
    for (const n of [1, 4, 9]) {
      expect(quotaOf(unit(fill(1, n - 1))(new LedgerBuilder())), `1 of ${n}`).toBeUndefined();
      if (n >= 2) expect(quotaOf(unit(fill(2, n - 2))(new LedgerBuilder())), `2 of ${n}`).toMatchObject({ quota: 1, excellent: 2, excess: 1 });
    }
  });

  it('rounded down: 14 graded → 2, 15 → 3', () => {
    expect(quotaOf(unit(fill(3, 11))(new LedgerBuilder()))).toMatchObject({ quota: 2, excess: 1 });
    expect(quotaOf(unit(fill(3, 12))(new LedgerBuilder()))).toBeUndefined();
  });

  it('ungraded cadres and cadres without a grade are not counted', () => {
    // 2 excellent + 8 competent = 10 graded (quota 2) fits; the same with 5 of the competent
    // ungraded (5 graded, quota 1) does not; cadres without a grade never help.
    expect(quotaOf(unit(fill(2, 8))(new LedgerBuilder()))).toBeUndefined();
    const b = unit([...fill(2, 3), ...fill(0, 5, 'ungraded')])(new LedgerBuilder());
    for (let i = 0; i < 10; i++) b.cadre(`N${i}`, { unitId: 'U1' });
    expect(quotaOf(b)).toMatchObject({ quota: 1, excellent: 2 });
    expect(about(b.evaluate('2026-12'), QUOTA, 'U1')[0].evidence.graded).toBe(5);
  });

  it('basic and incompetent grades are graded; other years and other units are not counted', () => {
    const b = unit([...fill(2, 0), 'basic', 'incompetent', 'competent', 'basic', 'basic', 'competent', 'competent', 'incompetent'])(new LedgerBuilder());
    expect(quotaOf(b)).toBeUndefined(); // 10 graded, quota 2
    // U1: 2 excellent of 5 graded in 2026 (its 2025 grades do not count); U2's 10 graded are U2's.
    const d = unit(fill(2, 3))(new LedgerBuilder());
    for (let i = 0; i < 5; i++) d.grade(`C${i}`, 2025, 'competent');
    unit(fill(0, 10), 'U2', 'D')(d);
    expect(quotaOf(d, 'U1')).toMatchObject({ quota: 1, excellent: 2 });
    expect(quotaOf(d, 'U2')).toBeUndefined();
  });

  it('the percent and minimum are policy data', () => {
    const p = withPolicy(defaultPolicy, (x) => ((x.annual.excellentQuotaPercent = 30), (x.annual.excellentQuotaMinimum = 2)), 'p');
    const b = unit(fill(3, 7))(new LedgerBuilder());
    expect(about(b.evaluate('2026-12', { policies: [p] }), QUOTA, 'U1')).toHaveLength(0); // floor(3) = 3
    const c = unit(fill(2, 2))(new LedgerBuilder());
    expect(about(c.evaluate('2026-12', { policies: [p] }), QUOTA, 'U1')).toHaveLength(0); // max(2, 1) = 2
  });
});

describe(`${CONFLICT}: §3 limits, the strictest applies, next-year limits`, () => {
  const conflict = (kind: SanctionKind | undefined, date: string, grade: AnnualGradeValue, extra: (b: LedgerBuilder) => LedgerBuilder = (b) => b) => {
    const b = new LedgerBuilder().cadre('A').grade('A', 2026, grade);
    if (kind) b.sanction('S', 'A', kind, date);
    return about(extra(b).evaluate('2026-12'), CONFLICT, 'A')[0]?.suggestion.params.limit;
  };

  it('each kind, each grade, the year of the decision', () => {
    const table: Array<[SanctionKind, string | undefined, Partial<Record<AnnualGradeValue, boolean>>]> = [
      ['party.warning', 'notExcellent', { excellent: true, competent: false, basic: false, incompetent: false, ungraded: false }],
      ['admin.warning', 'notExcellent', { excellent: true, competent: false, ungraded: false }],
      ['party.seriousWarning', 'ungraded', { excellent: true, competent: true, basic: true, incompetent: true, ungraded: false }],
      ['admin.demerit', 'ungraded', { excellent: true, competent: true, basic: true, incompetent: true, ungraded: false }],
      ['admin.majorDemerit', 'ungraded', { competent: true, ungraded: false }],
      ['admin.gradeDemotion', 'ungraded', { competent: true, ungraded: false }],
      ['admin.removal', 'ungraded', { competent: true, ungraded: false }],
      ['party.removalFromPosts', 'incompetent', { excellent: true, competent: true, basic: true, ungraded: true, incompetent: false }],
      ['party.probation1y', 'incompetent', { competent: true, ungraded: true, incompetent: false }],
      ['party.probation2y', 'incompetent', { basic: true, incompetent: false }],
      ['party.expulsion', undefined, { excellent: false, competent: false }],
      ['admin.expulsion', undefined, { excellent: false }],
    ];
    for (const [kind, limit, grades] of table)
      for (const [grade, fires] of Object.entries(grades)) {
        expect(conflict(kind, '2026-06-30', grade as AnnualGradeValue), `${kind} ${grade}`).toBe(fires ? limit : undefined);
      }
  });

  it('decided on 31 December limits that year; on 1 January the next', () => {
    expect(conflict('admin.demerit', '2026-12-31', 'competent')).toBe('ungraded');
    expect(conflict('admin.demerit', '2027-01-01', 'competent')).toBeUndefined();
    expect(conflict('admin.demerit', '2025-12-31', 'competent')).toBeUndefined();
  });

  it('next-year limits: major demerit, grade demotion, removal of Y−1 (not Y−2); others only their year', () => {
    for (const kind of ['admin.majorDemerit', 'admin.gradeDemotion', 'admin.removal'] as const) {
      expect(conflict(kind, '2025-01-01', 'competent'), kind).toBe('ungraded');
      expect(conflict(kind, '2025-12-31', 'ungraded'), kind).toBeUndefined();
      expect(conflict(kind, '2024-12-31', 'competent'), kind).toBeUndefined();
    }
    for (const kind of ['party.warning', 'admin.warning', 'party.seriousWarning', 'admin.demerit', 'party.removalFromPosts', 'party.probation2y'] as const)
      expect(conflict(kind, '2025-06-01', 'excellent'), kind).toBeUndefined();
  });

  it('strictest order: incompetent > ungraded > not excellent, across years and measures', () => {
    // A demerit (ungraded) and a removal from party posts (incompetent) in Y: only incompetent is right.
    expect(conflict('admin.demerit', '2026-02-01', 'ungraded', (b) => b.sanction('S2', 'A', 'party.removalFromPosts', '2026-03-01'))).toBe('incompetent');
    expect(conflict('admin.demerit', '2026-02-01', 'incompetent', (b) => b.sanction('S2', 'A', 'party.removalFromPosts', '2026-03-01'))).toBeUndefined();
    // A warning in Y (not excellent) and a major demerit of Y−1 (ungraded the next year): ungraded.
    expect(conflict('admin.warning', '2026-02-01', 'competent', (b) => b.sanction('S2', 'A', 'admin.majorDemerit', '2025-03-01'))).toBe('ungraded');
    expect(conflict('admin.warning', '2026-02-01', 'ungraded', (b) => b.sanction('S2', 'A', 'admin.majorDemerit', '2025-03-01'))).toBeUndefined();
    // An admonishment (not excellent) beside a serious warning (ungraded).
    expect(conflict('party.seriousWarning', '2026-02-01', 'competent', (b) => b.measure('M', 'A', 'admonishment', '2026-05-01'))).toBe('ungraded');
  });

  it('admonishment and position adjustment limit their year only; other measures not at all', () => {
    expect(conflict(undefined, '', 'excellent', (b) => b.measure('M', 'A', 'positionAdjustment', '2026-12-31'))).toBe('notExcellent');
    expect(conflict(undefined, '', 'excellent', (b) => b.measure('M', 'A', 'admonishment', '2025-12-31'))).toBeUndefined();
    expect(conflict(undefined, '', 'excellent', (b) => b.measure('M', 'A', 'demotion', '2026-03-01'))).toBeUndefined();
    expect(conflict(undefined, '', 'competent', (b) => b.measure('M', 'A', 'admonishment', '2026-03-01'))).toBeUndefined();
  });

  it('cleared or revoked sanctions and measures set no limit, whatever the clearance date', () => {
    const later = (recordId: string) => (b: LedgerBuilder) => {
      b.state.clearances.set(`X${recordId}`, { id: `X${recordId}`, cadreId: 'A', recordId, date: '2032-01-01', note: '', kind: 'revocation' });
      return b;
    };
    expect(conflict('party.probation1y', '2026-03-01', 'competent', later('S'))).toBeUndefined();
    expect(conflict(undefined, '', 'excellent', (b) => later('M')(b.measure('M', 'A', 'admonishment', '2026-03-01')))).toBeUndefined();
  });

  it('the limits of the version in force at the decision', () => {
    const v2 = withPolicy(defaultPolicy, (x) => (x.gradeLimits.sanctions['admin.demerit'] = { sameYear: 'notExcellent' }), 'v2', '2026-07');
    const at = (date: string) => {
      const b = new LedgerBuilder().cadre('A').grade('A', 2026, 'competent').sanction('S', 'A', 'admin.demerit', date);
      return about(b.evaluate('2026-12', { policies: [defaultPolicy, v2] }), CONFLICT, 'A').length;
    };
    expect([at('2026-06-30'), at('2026-07-01')]).toEqual([1, 0]);
  });

  it('evidence: the grade and every source that contradicts it', () => {
    const b = new LedgerBuilder().cadre('A').grade('A', 2026, 'excellent').sanction('S1', 'A', 'admin.warning', '2026-02-01').sanction('S2', 'A', 'party.probation1y', '2026-03-01').measure('M', 'A', 'admonishment', '2026-04-01');
    const [f] = ofRule(b.evaluate('2026-12'), CONFLICT);
    expect(f.evidence.recordIds).toEqual(['A:2026', 'S1', 'S2', 'M']);
    expect(f.suggestion.params.allowed).toEqual(['incompetent']);
  });
});
