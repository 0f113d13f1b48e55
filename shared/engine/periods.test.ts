import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sanction, SanctionKind } from '../domain/records';
import { defaultPolicy } from '../policy/default';
import { addMonthsToDate, monthFromIndex, monthIndex } from './calendar';
import { coversMonth, impactPeriods, measureActiveIn, promotionBars, scheduledLastDay } from './periods';

const policyAt = () => defaultPolicy;
let n = 0;
const s = (kind: SanctionKind, decidedOn: string): Sanction => ({ id: `S${++n}`, cadreId: 'A', kind, decidedOn, reason: '' });

describe('impact periods', () => {
  it('lengths of §3 from the decision date, exclusive end on the same day-of-month', () => {
    const kinds: Array<[SanctionKind, string]> = [
      ['admin.warning', '2026-09-15'],
      ['admin.demerit', '2027-03-15'],
      ['admin.majorDemerit', '2027-09-15'],
      ['admin.gradeDemotion', '2028-03-15'],
      ['admin.removal', '2028-03-15'],
      ['party.warning', '2027-03-15'],
      ['party.seriousWarning', '2027-09-15'],
      ['party.removalFromPosts', '2028-03-15'],
      ['party.probation1y', '2027-03-15'],
      ['party.probation2y', '2028-03-15'],
    ];
    for (const [kind, end] of kinds) expect(impactPeriods([s(kind, '2026-03-15')], policyAt)[0].end, kind).toBe(end);
    expect(impactPeriods([s('admin.expulsion', '2026-03-15'), s('party.expulsion', '2026-03-15')], policyAt)).toEqual([]);
  });

  it('month ends and leap days: a missing day ends the period on the next 1st', () => {
    expect(impactPeriods([s('admin.warning', '2025-08-31')], policyAt)[0].end).toBe('2026-03-01');
    expect(impactPeriods([s('party.warning', '2024-02-29')], policyAt)[0].end).toBe('2025-03-01');
    // …and it covers all of February 2026 but not March.
    const p = impactPeriods([s('admin.warning', '2025-08-31')], policyAt)[0];
    expect(coversMonth(p.start, p.end, '2026-02')).toBe(true);
    expect(coversMonth(p.start, p.end, '2026-03')).toBe(false);
  });

  it('a period covers a month if it touches any of its days', () => {
    expect(coversMonth('2026-03-31', '2026-04-01', '2026-03')).toBe(true);
    expect(coversMonth('2026-03-31', '2026-04-01', '2026-04')).toBe(false);
    expect(coversMonth('2026-01-10', '2026-07-10', '2026-07')).toBe(true);
    expect(coversMonth('2026-01-10', '2026-07-01', '2026-07')).toBe(false);
  });

  it('stacking: a sanction inside a running administrative period ends at old end + own length', () => {
    const [a, b] = impactPeriods([s('admin.demerit', '2026-01-10'), s('admin.majorDemerit', '2026-06-01')], policyAt);
    expect(a.end).toBe('2027-01-10');
    expect(b.end).toBe('2028-07-10');
    expect(b.stackedOn).toBe(a.sanctionId);
  });

  it('stacking is capped 48 months after the first sanction', () => {
    const list = [s('admin.removal', '2026-01-10'), s('admin.removal', '2026-02-01'), s('admin.removal', '2026-03-01')];
    const periods = impactPeriods(list, policyAt);
    expect(periods.map((p) => p.end)).toEqual(['2028-01-10', '2030-01-10', '2030-01-10']);
    expect(periods[2].capped).toBe(true);
  });

  it('party sanctions do not stack', () => {
    const [, b] = impactPeriods([s('party.warning', '2026-01-10'), s('party.warning', '2026-06-01')], policyAt);
    expect(b.end).toBe('2027-06-01');
    expect(b.stackedOn).toBeUndefined();
  });

  it('a sanction after the running period ended starts a new chain', () => {
    const [, b] = impactPeriods([s('admin.warning', '2026-01-10'), s('admin.warning', '2026-07-10')], policyAt);
    expect(b.end).toBe('2027-01-10');
    expect(b.stackedOn).toBeUndefined();
  });

  it('property: stacked periods never exceed the cap and never end before their own length', () => {
    const adminKinds: SanctionKind[] = ['admin.warning', 'admin.demerit', 'admin.majorDemerit', 'admin.gradeDemotion', 'admin.removal'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...adminKinds), fc.integer({ min: 0, max: 40 * 30 })), { minLength: 1, maxLength: 8 }),
        (items) => {
          const list = items.map(([kind, day], i) => ({ id: `X${i}`, cadreId: 'A', kind, reason: '', decidedOn: new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10) }));
          const periods = impactPeriods(list, policyAt);
          const sorted = [...list].sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : a.id < b.id ? -1 : 1));
          periods.forEach((p, i) => {
            const first = p.stackedOn ? sorted.find((x) => x.id === p.stackedOn)! : sorted[i];
            expect(p.end <= addMonthsToDate(first.decidedOn, 48)).toBe(true);
            const own = addMonthsToDate(p.start, p.months);
            expect(p.end >= own || p.capped).toBe(true);
          });
        },
      ),
    );
  });
});

describe('promotion bars and measures', () => {
  it('bars: impact periods, 24 months after party probation, admonishment 6, demotion/removal 12', () => {
    const periods = impactPeriods([s('party.probation2y', '2026-01-10')], policyAt);
    const bars = promotionBars(
      periods,
      [
        { id: 'M1', subjectType: 'cadre', subjectId: 'A', kind: 'admonishment', startsOn: '2026-02-01', note: '' },
        { id: 'M2', subjectType: 'cadre', subjectId: 'A', kind: 'demotion', startsOn: '2026-03-01', note: '' },
        { id: 'M3', subjectType: 'cadre', subjectId: 'A', kind: 'reminderTalk', startsOn: '2026-03-01', note: '' },
      ],
      policyAt,
    );
    expect(bars.map((b) => [b.recordId, b.reason, b.start, b.until])).toEqual([
      [periods[0].sanctionId, 'impactPeriod', '2026-01-10', '2028-01-10'],
      ['M1', 'admonishment', '2026-02-01', '2026-08-01'],
      ['M2', 'demotion', '2026-03-01', '2027-03-01'],
      [periods[0].sanctionId, 'afterPartyProbation', '2028-01-10', '2030-01-10'],
    ]);
  });

  it('a measure is active from its start to its end date inclusive, or open-ended', () => {
    const m = { startsOn: '2026-02-15', endsOn: '2026-04-01' };
    expect(['2026-01', '2026-02', '2026-04', '2026-05'].map((x) => measureActiveIn(m, x))).toEqual([false, true, true, false]);
    expect(measureActiveIn({ startsOn: '2020-01-01' }, '2030-01')).toBe(true);
  });

  it('scheduled last day of a measure without an end date', () => {
    expect(scheduledLastDay({ startsOn: '2026-01-10' }, 3)).toBe('2026-04-09');
    expect(scheduledLastDay({ startsOn: '2025-11-30' }, 3)).toBe('2026-02-28');
    expect(scheduledLastDay({ startsOn: '2026-01-10', endsOn: '2026-02-01' }, 3)).toBe('2026-02-01');
  });

  it('property: every month between start and end is covered, none outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 48 }), (day, months) => {
        const start = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
        const end = addMonthsToDate(start, months);
        const first = monthIndex(start);
        const last = monthIndex(end) - (end.endsWith('-01') ? 1 : 0);
        for (let m = first - 2; m <= last + 2; m++) expect(coversMonth(start, end, monthFromIndex(m))).toBe(m >= first && m <= last);
      }),
    );
  });
});
