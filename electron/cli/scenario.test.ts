// Scenario: a small township (fixtures/township/*.csv) imported through the CLI, and the findings
// for three as-of months checked against expectations written out by hand from DOMAIN.md §4.
//
// The township (see the fixture files):
//   units U1 城关镇机关 {A1, A2, B1}, U2 东山村 {A3, B2}, U3 西河农业站 {A4, A5, B3}
//   peer group 乡镇班子 A1–A5 (n = 5: k = 2, top = rank ≤ 2, bottom = rank ≥ 4)
//   peer group 站所干部 B1–B3 (n = 3: k = 1, top = rank 1, bottom = rank 3)
//   scores 2024-01 … 2024-08; B3 has no score in 2024-04, so 站所干部 has n = 2 that month: no
//   thirds for anyone in the group (§4.1).
//
// Ranks worked out by hand (rank/n, t = top, m = middle, b = bottom, – = no thirds):
//   month  A1   A2   A3   A4   A5  | B1   B2   B3
//   01     1t   3m   2t   4b   5b  | 1t   2m   3b
//   02     1t   3m   2t   4b   5b  | 1t   2m   3b
//   03     1t   2t   4b   3m   5b  | 1t   1t   3b    (B1, B2 tie 88: both rank 1)
//   04     1t   2t   3m   4b   5b  | 1–   2–   (none: B3 has no score, n = 2)
//   05     1t   2t   2t   4b   5b  | 1t   2m   2m    (A2, A3 tie 90 at rank 2; B2, B3 tie 83)
//   06     1t   2t   4b   3m   5b  | 1t   2m   3b
//   07     1t   2t   3m   4b   5b  | 1t   2m   3b
//   08     1t   2t   3m   4b   5b  | 1t   2m   3b
//   Unit means (units with ≥ 2 scored cadres; 3 units → bottom = rank 3): U3 is last every month.
//
// Other records: S1 admin.demerit for A4 on 2024-02-15 (impact period 12 months, to 2025-02-15
// exclusive); S2 party.warning for B2 on 2024-03-10, cleared by K1 on 2024-09-01 (never counts,
// whatever the clearance's date); A5: reminder talk 2024-05-06, warning + probation 2024-06-01 to
// 2024-08-31 with no outcome recorded; A1: salary raise 2024-07-01; faults F1 (A3, 2024-08-12,
// tolerated → factor 0) and F2 (B1, 2024-04-20, not intentional but for personal interest → 0.5);
// grades for 2022–2024 (A1 excellent three years running; A3 basic 2024; A5 basic 2023 and
// incompetent 2024; B2 excellent 2024; A4 competent 2024 despite the demerit).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index';
import { cli } from './testing';

const fixtures = resolve(__dirname, '../../fixtures/township');
const importOrder = ['units', 'cadres', 'scores', 'grades', 'sanctions', 'measures', 'faults', 'clearances'];

type Json = Record<string, any>;
interface Expected {
  rule: string;
  subject: string; // 'cadre:A5' | 'unit:U3'
  /** Subset of the finding's suggestion.params. */
  params?: Json;
  /** Subset of the finding's evidence (besides months). */
  evidence?: Json;
  /** Months that must be in evidence.months with this rank/n/third. */
  months?: Array<[month: string, rank: number, n: number, third: 'top' | 'bottom']>;
}

const top5 = (months: string[], rank = 2): Expected['months'] => months.map((m) => [m, rank, 5, 'top']);

/** As of 2024-04. */
const april: Expected[] = [
  // A5 bottom third (5/5) in 02, 03, 04; no measure in those months (§4.2 warn.bottom-third-streak).
  {
    rule: 'warn.bottom-third-streak',
    subject: 'cadre:A5',
    months: [['2024-02', 5, 5, 'bottom'], ['2024-03', 5, 5, 'bottom'], ['2024-04', 5, 5, 'bottom']],
  },
  // U3 is the last of 3 units in 03 and 04, and not under probation.
  { rule: 'team.low-ranking', subject: 'unit:U3' },
  // S1 (demerit, 2024-02-15) covers April: 20 % deduction, promotion bar to 2025-02-15, and no
  // honours in 2024. S2 (B2) is cleared: nothing for B2 although the clearance is dated later.
  { rule: 'sanction.salary-deduction', subject: 'cadre:A4', params: { percent: 20 }, evidence: { recordIds: ['S1'] } },
  { rule: 'sanction.no-promotion', subject: 'cadre:A4', params: { until: '2025-02-15' } },
  { rule: 'sanction.no-honours', subject: 'cadre:A4', params: { year: 2024 }, evidence: { recordIds: ['S1'] } },
  // F2 dated in April: not intentional, but personal interest → not tolerated → factor 0.5.
  { rule: 'deduction.fault', subject: 'cadre:B1', evidence: { recordIds: ['F2'], factor: 0.5 } },
  // Not expected: A4 (bottom 01, 02, 04 but middle in 03); B-group streaks (no thirds in 04, B3 no
  // score); A1 top only 4 months; nothing annual (not December).
];

/** As of 2024-08. */
const august: Expected[] = [
  // A2 top third (2/5) 03 … 08 = 6 months, no raise recorded. (A1 is top 01 … 08 but got a raise on
  // 2024-07-01, after its streak began: no finding.)
  { rule: 'raise.top-third-streak', subject: 'cadre:A2', params: { streakMonths: 6, since: '2024-03' }, months: top5(['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08']) },
  // A5 bottom 03 … 08 (6 months) → transitional placement. (Bottom since 01; the rule asks for the
  // 6 months ending at M.)
  {
    rule: 'place.bottom-third-long',
    subject: 'cadre:A5',
    months: ['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'].map((m) => [m, 5, 5, 'bottom'] as [string, number, number, 'bottom']),
  },
  // A5's warn streak (06–08) is suppressed by the warning + probation started on 2024-06-01.
  // B3 bottom (3/3) in 06, 07, 08 with no measure → reminder talk. (05 was a tie at rank 2: not
  // bottom, so the streak is exactly 3; and the missing 04 score means no 6-month placement.)
  {
    rule: 'warn.bottom-third-streak',
    subject: 'cadre:B3',
    months: [['2024-06', 3, 3, 'bottom'], ['2024-07', 3, 3, 'bottom'], ['2024-08', 3, 3, 'bottom']],
  },
  { rule: 'team.low-ranking', subject: 'unit:U3' },
  // A5's probation ends 2024-08-31 (within 14 days of the last day of August), no outcome; and A5
  // was still bottom third in its last month (08) → escalate one step: transitional placement.
  { rule: 'probation.review-due', subject: 'cadre:A5', params: { recordId: 'M3', endsOn: '2024-08-31' } },
  { rule: 'probation.not-improved', subject: 'cadre:A5', params: { probationId: 'M3' } },
  { rule: 'sanction.salary-deduction', subject: 'cadre:A4', params: { percent: 20 } },
  { rule: 'sanction.no-promotion', subject: 'cadre:A4', params: { until: '2025-02-15' } },
  { rule: 'sanction.no-honours', subject: 'cadre:A4', params: { year: 2024 } },
  // F1 dated in August: not intentional, no personal interest, no violation, tolerated → factor 0
  // (the rule fires for every fault record; the factor is in the evidence).
  { rule: 'deduction.fault', subject: 'cadre:A3', evidence: { recordIds: ['F1'], factor: 0 } },
];

/** As of 2024-12 (annual rules for 2024; no scores after August). */
const december: Expected[] = [
  // The probation ended 2024-08-31 without a recorded outcome: still due for review, and not
  // improved (bottom third in its last month).
  { rule: 'probation.review-due', subject: 'cadre:A5', params: { recordId: 'M3' } },
  { rule: 'probation.not-improved', subject: 'cadre:A5', params: { probationId: 'M3' } },
  // S1's period (to 2025-02-15) still covers December.
  { rule: 'sanction.salary-deduction', subject: 'cadre:A4', params: { percent: 20 } },
  { rule: 'sanction.no-promotion', subject: 'cadre:A4', params: { until: '2025-02-15' } },
  { rule: 'sanction.no-honours', subject: 'cadre:A4', params: { year: 2024 } },
  // Excellent 2024: commendation for A1 and B2; A1 excellent 2022, 2023, 2024 → third-class merit.
  // Quota: U1 has 3 graded cadres (quota max(1, ⌊0.6⌋) = 1) and one excellent; U2 likewise.
  { rule: 'annual.excellent-reward', subject: 'cadre:A1', params: { year: 2024 } },
  { rule: 'annual.merit3', subject: 'cadre:A1', params: { year: 2024, years: 3 } },
  { rule: 'annual.excellent-reward', subject: 'cadre:B2', params: { year: 2024 } },
  // A3 basic → cancel bonus + admonishment; A5 incompetent → cancel bonus, demote one level (2023
  // was basic, not incompetent: no dismissal).
  { rule: 'annual.bonus-cancel', subject: 'cadre:A3', params: { year: 2024, grade: 'basic' } },
  { rule: 'annual.bonus-cancel', subject: 'cadre:A5', params: { year: 2024, grade: 'incompetent' } },
  { rule: 'annual.demote', subject: 'cadre:A5', params: { year: 2024 } },
  // A4 has a demerit in 2024 → ungraded that year; graded competent → correct the grade. (B2's
  // party warning would forbid excellent, but it is cleared.)
  { rule: 'annual.grade-conflict', subject: 'cadre:A4', params: { year: 2024, grade: 'competent', limit: 'ungraded' } },
];

let dir: string;
let data: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-scenario-'));
  data = join(dir, 'ledger');
  expect((await cli(['--data', data, 'init'])).code).toBe(0);
  for (const kind of importOrder) {
    const out = await cli(['--data', data, 'import', kind, join(fixtures, `${kind}.csv`)]);
    expect(out.stderr, `${kind}: ${out.stderr}`).toBe('');
    expect(out.code, kind).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function findingsAsOf(asOf: string): Promise<Json[]> {
  const out = await cli(['--data', data, 'evaluate', '--as-of', asOf, '--json']);
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout);
}

const label = (f: Json) => `${f.rule} ${f.subject.type}:${f.subject.id}`;

function check(asOf: string, found: Json[], expected: Expected[]) {
  // Exactly the expected findings: nothing missing, nothing extra.
  expect(found.map(label).sort()).toEqual(expected.map((e) => `${e.rule} ${e.subject}`).sort());
  for (const e of expected) {
    const f = found.find((x) => label(x) === `${e.rule} ${e.subject}`)!;
    expect(f.asOf, label(f)).toBe(asOf);
    expect(f.explanation.zh.length, label(f)).toBeGreaterThan(0);
    expect(f.explanation.en.length, label(f)).toBeGreaterThan(0);
    if (e.params) expect(f.suggestion.params, label(f)).toMatchObject(e.params);
    if (e.evidence) expect(f.evidence, label(f)).toMatchObject(e.evidence);
    for (const [month, rank, n, third] of e.months ?? []) {
      const m = (f.evidence.months ?? []).find((x: Json) => x.month === month);
      expect(m, `${label(f)} ${month}`).toMatchObject({ rank, n, third });
    }
  }
}

describe('scenario: a small township imported through the CLI', () => {
  it('imported every fixture row', async () => {
    expect(readdirSync(fixtures).filter((f) => f.endsWith('.csv')).sort()).toEqual(importOrder.map((k) => `${k}.csv`).sort());
    expect((await cli(['--data', data, 'verify'])).code).toBe(0);
    const store = await openStore(data);
    try {
      const sizes = Object.fromEntries(importOrder.map((k) => [k, store.state()[k as 'units'].size]));
      expect(sizes).toEqual({ units: 3, cadres: 8, scores: 63, grades: 17, sanctions: 2, measures: 4, faults: 2, clearances: 1 });
    } finally {
      await store.close();
    }
  });

  it('as of 2024-04', async () => check('2024-04', await findingsAsOf('2024-04'), april));
  it('as of 2024-08', async () => check('2024-08', await findingsAsOf('2024-08'), august));
  it('as of 2024-12', async () => check('2024-12', await findingsAsOf('2024-12'), december));

  it('re-importing every file changes nothing', async () => {
    for (const kind of importOrder) {
      const out = await cli(['--data', data, '--lang', 'en', 'import', kind, join(fixtures, `${kind}.csv`)]);
      expect(out.code, kind).toBe(0);
      expect(out.stdout, kind).toMatch(/0 inserted, 0 updated, \d+ unchanged/);
    }
  });

  it('reports the meeting statistics of the year', async () => {
    const out = await cli(['--data', data, 'report', '--from', '2024-01', '--to', '2024-12', '--json']);
    const items = Object.fromEntries(JSON.parse(out.stdout).items.map((i: Json) => [i.id, i]));
    expect(items.violationCases).toMatchObject({ count: 1, recordIds: ['S1'] }); // S2 cleared
    expect(items.namesCleared).toMatchObject({ count: 1, cadreIds: ['B2'] });
    expect(items.raisesGranted.cadreIds).toEqual(['A1']);
    expect(items.commended.cadreIds).toEqual(['A1', 'B2']);
    expect(items.bonusesCancelled.cadreIds).toEqual(['A3', 'A5']);
    expect(items.remindersInquiries).toMatchObject({ count: 1, recordIds: ['M1'] });
    expect(items.admonishmentsOrgActions).toMatchObject({ count: 2, recordIds: ['M2', 'M3'] });
    // From the findings of the year's months: A1 and A2 had top-third streaks; A4 (sanction) and
    // B1 (fault F2, factor 0.5) had deductions, A3's tolerated fault (factor 0) does not count.
    expect(items.outstandingIdentified.cadreIds).toEqual(['A1', 'A2']);
    expect(items.salaryDeductions.cadreIds).toEqual(['A4', 'B1']);
    expect(items.honoursDisqualified.cadreIds).toEqual(['A4']);
  });
});
