// Rule audit (session 16 — B): the sanction rules against a reference written straight from
// DOMAIN.md §3/§4.1a/§4.2 (its own calendar, day-by-day month coverage, the §3 numbers typed in
// again), on random sanctions, measures, releases and clearances of one cadre. Readings DOMAIN.md
// leaves open follow DECISIONS.md: 7 (a missing day ends the period on the next 1st), 8 (the chain
// of stacked periods), 9 (release due), 10 (the largest percent, earliest on a tie), 20 (until).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureKind, SanctionKind } from '../domain/records';
import { about, LedgerBuilder } from './testkit';

// §3 / §4.1a, typed in again (not read from the default policy).
const LENGTH: Record<SanctionKind, number | null> = {
  'admin.warning': 6,
  'admin.demerit': 12,
  'admin.majorDemerit': 18,
  'admin.gradeDemotion': 24,
  'admin.removal': 24,
  'admin.expulsion': null,
  'party.warning': 12,
  'party.seriousWarning': 18,
  'party.removalFromPosts': 24,
  'party.probation1y': 12,
  'party.probation2y': 24,
  'party.expulsion': null,
};
// §4.2 sanction.salary-deduction.
const PERCENT: Record<SanctionKind, number> = {
  'party.warning': 10,
  'admin.warning': 10,
  'party.seriousWarning': 20,
  'admin.demerit': 20,
  'admin.majorDemerit': 30,
  'admin.gradeDemotion': 50,
  'admin.removal': 50,
  'party.removalFromPosts': 50,
  'party.probation1y': 50,
  'party.probation2y': 50,
  'admin.expulsion': 0,
  'party.expulsion': 0,
};
const ADMIN = new Set<SanctionKind>(['admin.warning', 'admin.demerit', 'admin.majorDemerit', 'admin.gradeDemotion', 'admin.removal']);
const MEASURE_BAR: Partial<Record<MeasureKind, number>> = { admonishment: 6, demotion: 12, removal: 12 };

const pad = (n: number) => String(n).padStart(2, '0');
const dim = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function plusMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  const ty = Math.floor(t / 12);
  const tm = (t % 12) + 1;
  if (d <= dim(ty, tm)) return `${ty}-${pad(tm)}-${pad(d)}`;
  const u = t + 1;
  return `${Math.floor(u / 12)}-${pad((u % 12) + 1)}-01`;
}
function daysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: dim(y, m) }, (_, i) => `${month}-${pad(i + 1)}`);
}
const covers = (start: string, end: string, month: string) => daysOf(month).some((d) => start <= d && d < end);
const lastOf = (month: string) => daysOf(month).at(-1)!;

interface S { id: string; kind: SanctionKind; decidedOn: string; releasedOn?: string }
interface M { id: string; kind: MeasureKind; startsOn: string }
interface P { id: string; kind: SanctionKind; start: string; end: string; first?: { date: string } }

function referencePeriods(sanctions: S[]): P[] {
  const sorted = [...sanctions].sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : a.id < b.id ? -1 : 1));
  const out: P[] = [];
  for (const s of sorted) {
    const len = LENGTH[s.kind];
    if (len == null) continue;
    if (!ADMIN.has(s.kind)) {
      out.push({ id: s.id, kind: s.kind, start: s.decidedOn, end: plusMonths(s.decidedOn, len) });
      continue;
    }
    // "a sanction decided inside a running administrative period ends at the old end plus its own
    // length, but no later than 48 months after the first sanction's date"
    const running = out.filter((p) => ADMIN.has(p.kind) && p.start <= s.decidedOn && s.decidedOn < p.end);
    if (!running.length) {
      out.push({ id: s.id, kind: s.kind, start: s.decidedOn, end: plusMonths(s.decidedOn, len), first: { date: s.decidedOn } });
      continue;
    }
    const latest = running.reduce((a, b) => (b.end > a.end ? b : a));
    const first = latest.first!;
    const uncapped = plusMonths(latest.end, len);
    const cap = plusMonths(first.date, 48);
    out.push({ id: s.id, kind: s.kind, start: s.decidedOn, end: uncapped < cap ? uncapped : cap, first });
  }
  return out;
}

const dateArb = fc
  .tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 2, 10, 15, 28, 29, 30, 31))
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(Math.min(d, dim(y, m)))}`);
const sanctionArb = fc.record({
  kind: fc.constantFrom(...(Object.keys(LENGTH) as SanctionKind[]), 'admin.warning', 'admin.demerit', 'admin.removal'),
  decidedOn: dateArb,
  release: fc.option(fc.integer({ min: -200, max: 1500 }), { nil: undefined }),
  cleared: fc.constantFrom(false, false, false, true),
});
const measureArb = fc.record({
  kind: fc.constantFrom<MeasureKind>('admonishment', 'demotion', 'removal', 'reminderTalk', 'positionAdjustment'),
  startsOn: dateArb,
  cleared: fc.constantFrom(false, false, false, true),
});
const monthArb = fc.tuple(fc.integer({ min: 2024, max: 2031 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('sanction rules against a reference read from DOMAIN.md', () => {
  it('salary deduction, promotion bar, honours and release due agree on random ledgers', () => {
    fc.assert(
      fc.property(fc.array(sanctionArb, { maxLength: 6 }), fc.array(measureArb, { maxLength: 3 }), fc.array(monthArb, { minLength: 1, maxLength: 4 }), (ss, ms, months) => {
        const b = new LedgerBuilder().cadre('A');
        const sanctions: S[] = [];
        const measures: M[] = [];
        ss.forEach((x, i) => {
          const id = `S${i}`;
          const releasedOn = x.release === undefined ? undefined : addDays(x.decidedOn, Math.max(0, x.release));
          b.sanction(id, 'A', x.kind, x.decidedOn, releasedOn ? { releasedOn } : {});
          if (x.cleared) b.state.clearances.set(`C${id}`, { id: `C${id}`, cadreId: 'A', recordId: id, date: '2029-01-01', note: '', kind: 'clearance' });
          else sanctions.push({ id, kind: x.kind, decidedOn: x.decidedOn, releasedOn });
        });
        ms.forEach((x, i) => {
          const id = `M${i}`;
          b.measure(id, 'A', x.kind, x.startsOn);
          if (x.cleared) b.state.clearances.set(`C${id}`, { id: `C${id}`, cadreId: 'A', recordId: id, date: '2023-01-01', note: '', kind: 'revocation' });
          else measures.push({ id, kind: x.kind, startsOn: x.startsOn });
        });
        for (const month of months) {
          const last = lastOf(month);
          const seenS = sanctions.filter((s) => s.decidedOn <= last);
          const seenM = measures.filter((m) => m.startsOn <= last);
          const periods = referencePeriods(seenS);
          const found = b.evaluate(month);

          // sanction.salary-deduction: the largest percent among the periods covering M.
          const running = periods.filter((p) => covers(p.start, p.end, month));
          const best = running.reduce<P | undefined>((a, p) => (!a || PERCENT[p.kind] > PERCENT[a.kind] ? p : a), undefined);
          const ded = about(found, 'sanction.salary-deduction', 'A');
          expect(ded.map((f) => [f.key.split('|')[2], f.suggestion.params.percent]), `deduction ${month}`).toEqual(best ? [[best.id, PERCENT[best.kind]]] : []);
          if (ded.length) expect([...ded[0].evidence.recordIds].sort(), `deduction ids ${month}`).toEqual(running.map((p) => p.id).sort());

          // sanction.no-promotion: bars covering M, "until" through the bars that follow without a gap.
          const bars = periods.flatMap((p) => {
            const own = { start: p.start, until: p.end };
            return p.kind === 'party.probation1y' || p.kind === 'party.probation2y' ? [own, { start: p.end, until: plusMonths(p.end, 24) }] : [own];
          });
          for (const m of seenM) if (MEASURE_BAR[m.kind]) bars.push({ start: m.startsOn, until: plusMonths(m.startsOn, MEASURE_BAR[m.kind]!) });
          const inForce = bars.filter((x) => covers(x.start, x.until, month));
          let until = inForce.reduce<string | undefined>((u, x) => (!u || x.until > u ? x.until : u), undefined);
          for (let grew = until !== undefined; grew; ) {
            grew = false;
            for (const x of bars) if (x.start <= until! && x.until > until!) (until = x.until), (grew = true);
          }
          expect(about(found, 'sanction.no-promotion', 'A').map((f) => f.suggestion.params.until), `bar ${month}`).toEqual(until ? [until] : []);

          // sanction.no-honours: sanctions and admonishments dated in M's year (up to M).
          const year = month.slice(0, 4);
          const honours = [...seenS.filter((s) => s.decidedOn.startsWith(year)).map((s) => s.id), ...seenM.filter((m) => m.kind === 'admonishment' && m.startsOn.startsWith(year)).map((m) => m.id)];
          const hon = about(found, 'sanction.no-honours', 'A');
          expect(hon.flatMap((f) => f.evidence.recordIds).sort(), `honours ${month}`).toEqual(honours.sort());

          // sanction.release-due: the period's last day on or before M's last day, no release by then.
          const releasedBy = (id: string) => {
            const r = seenS.find((s) => s.id === id)!.releasedOn;
            return r !== undefined && r <= last;
          };
          const due = periods.filter((p) => addDays(p.end, -1) <= last && !releasedBy(p.id)).map((p) => p.id);
          expect(about(found, 'sanction.release-due', 'A').map((f) => f.key.split('|')[2]).sort(), `release ${month}`).toEqual(due.sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
