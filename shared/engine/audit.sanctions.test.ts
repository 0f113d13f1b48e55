// Rule audit (session 16 — B): boundary cases of the sanction rules and the fault deduction, read
// word by word against DOMAIN.md §3, §4.1a and §4.2 (and the readings DECISIONS.md records).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/findings';
import { defaultPolicy } from '../policy/default';
import { about, LedgerBuilder, withPolicy } from './testkit';

const DED = 'sanction.salary-deduction';
const BAR = 'sanction.no-promotion';
const HON = 'sanction.no-honours';
const REL = 'sanction.release-due';
const FAULT = 'deduction.fault';

const base = () => new LedgerBuilder().cadre('A');
/** A clearance dated far in the future: "whatever its date" it removes the record (§4.1a). */
function clearLater(b: LedgerBuilder, recordId: string, kind: 'clearance' | 'revocation' = 'clearance', date = '2035-06-30'): LedgerBuilder {
  b.state.clearances.set(`CL-${recordId}`, { id: `CL-${recordId}`, cadreId: 'A', recordId, date, note: '', kind });
  return b;
}
/** Months (of `months`) in which the rule fires for A. */
function firingMonths(b: LedgerBuilder, rule: string, months: string[]): string[] {
  return months.filter((m) => about(b.evaluate(m), rule, 'A').length > 0);
}
const periodsOf = (f: Finding) => f.evidence.periods as { sanctionId: string; end: string; percent: number }[];

describe('impact periods: "end on the same day-of-month N months later (exclusive)", "covers M if it covers any day of M"', () => {
  it('a period ending on the 1st of M does not cover M; one ending on the last day of M does', () => {
    // Admin warning (6 months) from 2026-01-01 → ends 2026-07-01 exclusive: last day 2026-06-30.
    const first = base().sanction('S1', 'A', 'admin.warning', '2026-01-01');
    expect(firingMonths(first, DED, ['2025-12', '2026-01', '2026-06', '2026-07'])).toEqual(['2026-01', '2026-06']);
    expect(firingMonths(first, BAR, ['2026-06', '2026-07'])).toEqual(['2026-06']);
    expect(about(first.evaluate('2026-06'), REL, 'A')[0].suggestion.params.periodEndedOn).toBe('2026-06-30');
    // From 2026-01-31 → ends 2026-07-31 exclusive: last day 2026-07-30, July still covered.
    const last = base().sanction('S1', 'A', 'admin.warning', '2026-01-31');
    expect(firingMonths(last, DED, ['2026-07', '2026-08'])).toEqual(['2026-07']);
    expect(firingMonths(last, REL, ['2026-06', '2026-07'])).toEqual(['2026-07']);
    expect(about(last.evaluate('2026-07'), REL, 'A')[0].suggestion.params.periodEndedOn).toBe('2026-07-30');
  });

  it('31 Jan + 1 month (a policy with a one-month period): the period covers all of February, not March', () => {
    const p = withPolicy(defaultPolicy, (x) => (x.impactPeriodMonths['party.warning'] = 1), 'one-month');
    const b = base().sanction('S1', 'A', 'party.warning', '2026-01-31');
    const months = ['2026-01', '2026-02', '2026-03'];
    expect(months.filter((m) => about(b.evaluate(m, { policies: [p] }), DED, 'A').length)).toEqual(['2026-01', '2026-02']);
    const [rel] = about(b.evaluate('2026-02', { policies: [p] }), REL, 'A');
    expect(rel.suggestion.params.periodEndedOn).toBe('2026-02-28');
    expect(about(b.evaluate('2026-01', { policies: [p] }), REL, 'A')).toHaveLength(0);
  });

  it('29 Feb + 12 months: ends 2025-03-01 (exclusive), covering February 2025 only to its end', () => {
    const b = base().sanction('S1', 'A', 'party.warning', '2024-02-29');
    expect(firingMonths(b, DED, ['2024-01', '2024-02', '2025-02', '2025-03'])).toEqual(['2024-02', '2025-02']);
    expect(about(b.evaluate('2025-02'), BAR, 'A')[0].suggestion.params.until).toBe('2025-03-01');
    expect(firingMonths(b, REL, ['2025-01', '2025-02', '2025-03'])).toEqual(['2025-02', '2025-03']);
    expect(about(b.evaluate('2025-02'), REL, 'A')[0].suggestion.params.periodEndedOn).toBe('2025-02-28');
  });

  it('every §3 length, at the month it ends and the month after', () => {
    const cases: Array<[string, string, string]> = [
      // kind, last covered month, first month not covered (decided 2026-03-15)
      ['admin.warning', '2026-09', '2026-10'],
      ['admin.demerit', '2027-03', '2027-04'],
      ['admin.majorDemerit', '2027-09', '2027-10'],
      ['admin.gradeDemotion', '2028-03', '2028-04'],
      ['admin.removal', '2028-03', '2028-04'],
      ['party.warning', '2027-03', '2027-04'],
      ['party.seriousWarning', '2027-09', '2027-10'],
      ['party.removalFromPosts', '2028-03', '2028-04'],
      ['party.probation1y', '2027-03', '2027-04'],
      ['party.probation2y', '2028-03', '2028-04'],
    ];
    for (const [kind, lastMonth, after] of cases) {
      const b = base().sanction('S1', 'A', kind as never, '2026-03-15');
      expect(firingMonths(b, DED, [lastMonth, after]), kind).toEqual([lastMonth]);
    }
  });
});

describe('stacking (administrative only): old end + own length, at most 48 months after the first sanction', () => {
  it('decided on the last day of a running period: stacked; on its end date: a new period of its own', () => {
    // Warning 2026-01-15 → 2026-07-15 (exclusive). Demerit on 2026-07-14 runs to 2026-07-15 + 12.
    const inside = base().sanction('S1', 'A', 'admin.warning', '2026-01-15').sanction('S2', 'A', 'admin.demerit', '2026-07-14');
    const [f] = about(inside.evaluate('2026-08'), DED, 'A');
    expect(periodsOf(f).map((p) => [p.sanctionId, p.end])).toEqual([['S2', '2027-07-15']]);
    // On 2026-07-15 the warning's period is over: the demerit's own 12 months.
    const after = base().sanction('S1', 'A', 'admin.warning', '2026-01-15').sanction('S2', 'A', 'admin.demerit', '2026-07-15');
    expect(periodsOf(about(after.evaluate('2026-08'), DED, 'A')[0]).map((p) => [p.sanctionId, p.end])).toEqual([['S2', '2027-07-15']]);
  });

  it('the cap counts from the chain\'s first sanction: inside the chain it bites, just after it does not', () => {
    // Removal 2026-01-10 → 2028-01-10. A second removal on 2028-01-09 stacks (2030-01-10 = the cap);
    // a warning on 2029-06-01 would end 2030-07-10 but is capped at 2030-01-10.
    const inside = base()
      .sanction('S1', 'A', 'admin.removal', '2026-01-10')
      .sanction('S2', 'A', 'admin.removal', '2028-01-09')
      .sanction('S3', 'A', 'admin.warning', '2029-06-01');
    expect(firingMonths(inside, DED, ['2029-12', '2030-01', '2030-02'])).toEqual(['2029-12', '2030-01']);
    expect(about(inside.evaluate('2030-01'), REL, 'A').map((f) => f.suggestion.params.periodEndedOn)).toEqual(['2028-01-09', '2030-01-09', '2030-01-09']);
    // The second removal one day later starts a chain of its own (cap 2032-01-10): the warning stacks
    // on it uncapped, 2030-01-10 + 6 months.
    const after = base()
      .sanction('S1', 'A', 'admin.removal', '2026-01-10')
      .sanction('S2', 'A', 'admin.removal', '2028-01-10')
      .sanction('S3', 'A', 'admin.warning', '2029-06-01');
    const [f] = about(after.evaluate('2030-03'), DED, 'A');
    expect(periodsOf(f)).toEqual([{ sanctionId: 'S3', kind: 'admin.warning', start: '2029-06-01', end: '2030-07-10', percent: 10 }]);
    expect(firingMonths(after, DED, ['2030-07', '2030-08'])).toEqual(['2030-07']);
  });

  it('three removals in a row hit the 48-month cap', () => {
    const b = base()
      .sanction('S1', 'A', 'admin.removal', '2026-01-10')
      .sanction('S2', 'A', 'admin.removal', '2026-02-01')
      .sanction('S3', 'A', 'admin.removal', '2026-03-01');
    expect(firingMonths(b, DED, ['2029-12', '2030-01', '2030-02'])).toEqual(['2029-12', '2030-01']);
    expect(about(b.evaluate('2029-12'), BAR, 'A')[0].suggestion.params.until).toBe('2030-01-10');
  });

  it('party sanctions neither stack nor are stacked on', () => {
    const b = base().sanction('S1', 'A', 'party.warning', '2026-01-10').sanction('S2', 'A', 'admin.demerit', '2026-03-01');
    const [f] = about(b.evaluate('2026-06'), DED, 'A');
    expect(periodsOf(f).map((p) => [p.sanctionId, p.end])).toEqual([['S1', '2027-01-10'], ['S2', '2027-03-01']]);
    const c = base().sanction('S1', 'A', 'admin.warning', '2026-01-10').sanction('S2', 'A', 'party.warning', '2026-03-01');
    expect(periodsOf(about(c.evaluate('2026-06'), DED, 'A')[0]).map((p) => [p.sanctionId, p.end])).toEqual([['S1', '2026-07-10'], ['S2', '2027-03-01']]);
  });

  it('a sanction inside a cleared or revoked sanction\'s period does not stack on it', () => {
    for (const kind of ['clearance', 'revocation'] as const) {
      const b = clearLater(base().sanction('S1', 'A', 'admin.warning', '2026-01-10').sanction('S2', 'A', 'admin.demerit', '2026-03-01'), 'S1', kind);
      const [f] = about(b.evaluate('2026-06'), DED, 'A');
      expect(periodsOf(f).map((p) => [p.sanctionId, p.end]), kind).toEqual([['S2', '2027-03-01']]);
    }
  });

  it('a sanction recorded after the as-of month does not lengthen the period yet', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10').sanction('S2', 'A', 'admin.demerit', '2026-06-20');
    expect(about(b.evaluate('2026-05'), BAR, 'A')[0].suggestion.params.until).toBe('2026-07-10');
    expect(about(b.evaluate('2026-06'), BAR, 'A')[0].suggestion.params.until).toBe('2027-07-10');
  });
});

describe(`${DED}: "the largest applies"`, () => {
  it('the largest percent of the running periods, keyed by the sanction that sets it', () => {
    const b = base()
      .sanction('S1', 'A', 'admin.majorDemerit', '2026-01-10') // 30%
      .sanction('S2', 'A', 'party.warning', '2026-02-10') // 10%
      .sanction('S3', 'A', 'party.seriousWarning', '2026-03-10'); // 20%
    const found = about(b.evaluate('2026-04'), DED, 'A');
    expect(found).toHaveLength(1);
    expect(found[0].suggestion.params.percent).toBe(30);
    // S1 (stacking kind, alone in its chain) ends 2027-07-10; afterwards the serious warning's 20% applies.
    expect(about(b.evaluate('2027-08'), DED, 'A').map((f) => [f.key, f.suggestion.params.percent])).toEqual([['sanction.salary-deduction|cadre:A|S3', 20]]);
    expect(about(b.evaluate('2027-10'), DED, 'A')).toHaveLength(0);
  });

  it('equal percents: the earliest sanction keys the finding (DECISIONS 10)', () => {
    const b = base().sanction('S2', 'A', 'party.seriousWarning', '2026-01-10').sanction('S1', 'A', 'admin.demerit', '2026-02-10');
    expect(about(b.evaluate('2026-03'), DED, 'A')[0].key).toBe('sanction.salary-deduction|cadre:A|S2');
  });

  it('a period touching only the first day of M still deducts in M', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-02'); // ends 2026-07-02: last day 2026-07-01
    expect(firingMonths(b, DED, ['2026-07', '2026-08'])).toEqual(['2026-07']);
  });

  it('a release recorded early does not end the period (only clearance or revocation does)', () => {
    const b = base().sanction('S1', 'A', 'admin.demerit', '2026-01-10', { releasedOn: '2026-06-01' });
    expect(firingMonths(b, DED, ['2026-07', '2027-01', '2027-02'])).toEqual(['2026-07', '2027-01']);
  });
});

describe('cleared, revoked and later records', () => {
  it('a clearance or revocation dated after the as-of month still removes the record from every rule', () => {
    for (const kind of ['clearance', 'revocation'] as const) {
      const b = clearLater(base().sanction('S1', 'A', 'party.probation1y', '2026-01-10', { releasedOn: '2027-02-01' }), 'S1', kind);
      for (const m of ['2026-01', '2026-06', '2027-01', '2028-06']) {
        const found = b.evaluate(m).filter((f) => f.subject.id === 'A');
        expect(found.map((f) => f.rule), `${kind} ${m}`).toEqual([]);
      }
    }
  });

  it('a clearance dated before the record removes it too', () => {
    const b = clearLater(base().sanction('S1', 'A', 'admin.demerit', '2026-05-10'), 'S1', 'clearance', '2020-01-01');
    expect(b.evaluate('2026-06').filter((f) => f.subject.id === 'A')).toEqual([]);
  });

  it('a sanction decided after the as-of month is invisible to every rule', () => {
    const b = base().sanction('S1', 'A', 'admin.demerit', '2026-06-01').measure('M1', 'A', 'admonishment', '2026-06-30');
    expect(b.evaluate('2026-05').filter((f) => f.subject.id === 'A')).toEqual([]);
    expect(new Set(b.evaluate('2026-06').filter((f) => f.subject.id === 'A').map((f) => f.rule))).toEqual(new Set([DED, BAR, HON]));
  });

  it('cleared measures bar nothing and disqualify from nothing', () => {
    const b = clearLater(base().measure('M1', 'A', 'admonishment', '2026-03-01'), 'M1', 'revocation');
    expect(b.evaluate('2026-04').filter((f) => f.subject.id === 'A')).toEqual([]);
  });
});

describe(`${BAR}: "every impact period; plus 24 months after a party probation's period; admonishment 6 months; a demotion or removal measure 12 months from its start"`, () => {
  it('party probation 2y: 24 months, then 24 more', () => {
    const b = base().sanction('S1', 'A', 'party.probation2y', '2026-04-30');
    expect(about(b.evaluate('2026-04'), BAR, 'A')[0].suggestion.params.until).toBe('2030-04-30');
    expect(firingMonths(b, BAR, ['2026-03', '2028-04', '2028-05', '2030-04', '2030-05'])).toEqual(['2028-04', '2028-05', '2030-04']);
  });

  it('the 24 months after a party probation follow the probation\'s real end (29 Feb + 12 → 1 Mar)', () => {
    const b = base().sanction('S1', 'A', 'party.probation1y', '2024-02-29');
    // Probation ends 2025-03-01 (exclusive); the bar after it ends 2027-03-01.
    const [f] = about(b.evaluate('2026-06'), BAR, 'A');
    expect(f.evidence.bars).toEqual([{ recordId: 'S1', reason: 'afterPartyProbation', kind: 'party.probation1y', start: '2025-03-01', until: '2027-03-01' }]);
    expect(firingMonths(b, BAR, ['2027-02', '2027-03'])).toEqual(['2027-02']);
  });

  it('a party warning has no bar after its period', () => {
    const b = base().sanction('S1', 'A', 'party.warning', '2026-01-10');
    expect(firingMonths(b, BAR, ['2027-01', '2027-02'])).toEqual(['2027-01']);
  });

  it('admonishment on 31 Aug: 6 months end on 1 Mar (February wholly barred)', () => {
    const b = base().measure('M1', 'A', 'admonishment', '2026-08-31');
    expect(about(b.evaluate('2026-08'), BAR, 'A')[0].suggestion.params.until).toBe('2027-03-01');
    expect(firingMonths(b, BAR, ['2026-07', '2026-08', '2027-02', '2027-03'])).toEqual(['2026-08', '2027-02']);
  });

  it('a demotion or removal bars 12 months from its start even when the measure ended earlier', () => {
    for (const kind of ['demotion', 'removal'] as const) {
      const b = base().measure('M1', 'A', kind, '2028-02-29', { endsOn: '2028-06-30' });
      expect(about(b.evaluate('2028-08'), BAR, 'A')[0]?.suggestion.params.until, kind).toBe('2029-03-01');
      expect(firingMonths(b, BAR, ['2029-02', '2029-03']), kind).toEqual(['2029-02']);
    }
  });

  it('a position adjustment, a transitional placement or a unit\'s admonishment is no bar on the cadre', () => {
    const b = base().measure('M1', 'A', 'positionAdjustment', '2026-02-01').measure('M2', 'A', 'transitionalPlacement', '2026-02-01').unitMeasure('M3', 'U1', 'admonishment', '2026-02-01');
    expect(about(b.evaluate('2026-03'), BAR, 'A')).toHaveLength(0);
  });

  it('bar lengths are policy data of the month the record starts', () => {
    const v2 = withPolicy(defaultPolicy, (x) => (x.promotionBars.admonishmentMonths = 12), 'v2', '2026-06');
    const early = base().measure('M1', 'A', 'admonishment', '2026-05-10');
    const late = base().measure('M1', 'A', 'admonishment', '2026-06-10');
    expect(about(early.evaluate('2026-07', { policies: [defaultPolicy, v2] }), BAR, 'A')[0].suggestion.params.until).toBe('2026-11-10');
    expect(about(late.evaluate('2026-07', { policies: [defaultPolicy, v2] }), BAR, 'A')[0].suggestion.params.until).toBe('2027-06-10');
  });
});

describe(`${HON}: "a sanction or admonishment dated in M's year"`, () => {
  it('31 December counts for its year only', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-12-31');
    expect(firingMonths(b, HON, ['2026-11', '2026-12', '2027-01'])).toEqual(['2026-12']);
  });

  it('1 January starts the year', () => {
    const b = base().measure('M1', 'A', 'admonishment', '2027-01-01');
    expect(firingMonths(b, HON, ['2026-12', '2027-01', '2027-12', '2028-01'])).toEqual(['2027-01', '2027-12']);
  });

  it('every sanction kind counts, an expulsion too; a period running into the next year does not', () => {
    for (const kind of ['party.expulsion', 'admin.expulsion', 'party.probation2y', 'admin.demerit'] as const) {
      const b = base().sanction('S1', 'A', kind, '2026-06-01');
      expect(firingMonths(b, HON, ['2026-06', '2027-03']), kind).toEqual(['2026-06']);
    }
  });
});

describe(`${REL}: "an impact period ended in or before M and no release is recorded"`, () => {
  it('a release dated before the end is a release recorded', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10', { releasedOn: '2026-05-20' });
    expect(firingMonths(b, REL, ['2026-06', '2026-07', '2026-12'])).toEqual([]);
  });

  it('a release dated after M is not seen as of M', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10', { releasedOn: '2026-09-01' });
    expect(firingMonths(b, REL, ['2026-06', '2026-07', '2026-08', '2026-09'])).toEqual(['2026-07', '2026-08']);
  });

  it('a release dated on the last day of M counts in M', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10', { releasedOn: '2026-07-31' });
    expect(firingMonths(b, REL, ['2026-07'])).toEqual([]);
  });

  it('a cleared sanction needs no release, whatever the clearance date', () => {
    const b = clearLater(base().sanction('S1', 'A', 'admin.warning', '2026-01-10'), 'S1');
    expect(firingMonths(b, REL, ['2026-07', '2027-07'])).toEqual([]);
  });

  it('an expulsion has no period to release', () => {
    expect(firingMonths(base().sanction('S1', 'A', 'party.expulsion', '2026-01-10'), REL, ['2027-07', '2030-07'])).toEqual([]);
  });

  it('the stacked sanction is released at its own stacked end, the first at its own end (DECISIONS 8)', () => {
    const b = base().sanction('S1', 'A', 'admin.demerit', '2026-01-10', { releasedOn: '2027-02-03' }).sanction('S2', 'A', 'admin.warning', '2026-03-01');
    expect(about(b.evaluate('2027-01'), REL, 'A').map((f) => f.key)).toEqual(['sanction.release-due|cadre:A|S1']);
    expect(about(b.evaluate('2027-02'), REL, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2027-07'), REL, 'A').map((f) => f.suggestion.params.periodEndedOn)).toEqual(['2027-07-09']);
  });
});

describe(`${FAULT}: the factor table`, () => {
  const flags = (intentional: boolean, personalInterest: boolean, violation: boolean, tolerated: boolean) => ({ intentional, personalInterest, violation, tolerated });
  it('0 only with all three "not" AND a tolerance decision; 0.5 if otherwise not intentional; 1.0 if intentional', () => {
    const b = base();
    let i = 0;
    const expected: Record<string, number> = {};
    for (const intentional of [false, true])
      for (const personalInterest of [false, true])
        for (const violation of [false, true])
          for (const tolerated of [false, true]) {
            const id = `F${++i}`;
            b.fault(id, 'A', `2026-05-${String(i).padStart(2, '0')}`, flags(intentional, personalInterest, violation, tolerated));
            expected[id] = intentional ? 1 : !personalInterest && !violation && tolerated ? 0 : 0.5;
          }
    const found = about(b.evaluate('2026-05'), FAULT, 'A');
    expect(Object.fromEntries(found.map((f) => [f.evidence.recordIds[0], f.evidence.factor]))).toEqual(expected);
  });

  it('a fault on the last day of M fires in M only; one dated after M is not seen', () => {
    const b = base().fault('F1', 'A', '2026-05-31', { intentional: true }).fault('F2', 'A', '2026-06-01');
    expect(about(b.evaluate('2026-05'), FAULT, 'A').map((f) => f.key)).toEqual(['deduction.fault|cadre:A|F1']);
    expect(about(b.evaluate('2026-06'), FAULT, 'A').map((f) => f.key)).toEqual(['deduction.fault|cadre:A|F2']);
    expect(about(b.evaluate('2026-04'), FAULT, 'A')).toHaveLength(0);
  });

  it('a cleared or revoked fault never deducts, whatever the clearance date', () => {
    for (const kind of ['clearance', 'revocation'] as const) {
      const b = clearLater(base().fault('F1', 'A', '2026-05-10', { intentional: true }), 'F1', kind);
      expect(about(b.evaluate('2026-05'), FAULT, 'A'), kind).toHaveLength(0);
    }
  });

  it('a tolerance decision on a fault for personal interest is no tolerance (0.5); on an intentional one, 1.0', () => {
    const b = base().fault('F1', 'A', '2026-05-10', { personalInterest: true, decision: 'tolerated' }).fault('F2', 'A', '2026-05-11', { intentional: true, decision: 'tolerated' });
    expect(about(b.evaluate('2026-05'), FAULT, 'A').map((f) => f.evidence.factor)).toEqual([0.5, 1]);
  });
});
