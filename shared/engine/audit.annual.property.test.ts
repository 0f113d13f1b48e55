// Rule audit (session 16 — B): the annual rules against a reference written straight from
// DOMAIN.md §3/§4.2 (the grade limits and the quota typed in again), on random grades, sanctions,
// measures and revocations of a few cadres in two units. Readings DOMAIN.md leaves open follow
// DECISIONS.md 23 (as of December of Y, for the grades of Y), 24 (one merit per full run of three)
// and 26 (the strictest limit: incompetent > ungraded > not excellent).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnualGradeValue, MeasureKind, SanctionKind } from '../domain/records';
import { about, LedgerBuilder } from './testkit';

type Limit = 'notExcellent' | 'ungraded' | 'incompetent';
// §3 "Sanctions limit the annual grade of their year".
const SAME_YEAR: Partial<Record<SanctionKind | MeasureKind, Limit>> = {
  'party.warning': 'notExcellent',
  'admin.warning': 'notExcellent',
  admonishment: 'notExcellent',
  positionAdjustment: 'notExcellent',
  'party.seriousWarning': 'ungraded',
  'admin.demerit': 'ungraded',
  'admin.majorDemerit': 'ungraded',
  'admin.gradeDemotion': 'ungraded',
  'admin.removal': 'ungraded',
  'party.removalFromPosts': 'incompetent',
  'party.probation1y': 'incompetent',
  'party.probation2y': 'incompetent',
};
// "… ungraded that year and the next".
const NEXT_YEAR: Partial<Record<SanctionKind, Limit>> = { 'admin.majorDemerit': 'ungraded', 'admin.gradeDemotion': 'ungraded', 'admin.removal': 'ungraded' };
const STRICT: Record<Limit, number> = { notExcellent: 1, ungraded: 2, incompetent: 3 };
const allows = (limit: Limit, g: AnnualGradeValue) => (limit === 'notExcellent' ? g !== 'excellent' : g === limit);

const grades: AnnualGradeValue[] = ['excellent', 'excellent', 'excellent', 'competent', 'basic', 'incompetent', 'incompetent', 'ungraded'];
const kinds: (SanctionKind | MeasureKind)[] = [...Object.keys(SAME_YEAR), 'party.expulsion', 'demotion', 'reminderTalk'] as never;
const pad = (n: number) => String(n).padStart(2, '0');

const cadreArb = fc.record({
  unit: fc.constantFrom('U1', 'U1', 'U1', 'U2'),
  years: fc.array(fc.option(fc.constantFrom(...grades), { nil: undefined }), { minLength: 5, maxLength: 5 }), // 2022…2026
  revoked: fc.option(fc.integer({ min: 2022, max: 2026 }), { nil: undefined }),
  records: fc.array(fc.record({ kind: fc.constantFrom(...kinds), y: fc.integer({ min: 2024, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.constantFrom(1, 15, 28), cleared: fc.boolean() }), { maxLength: 3 }),
});

const isSanction = (k: string): k is SanctionKind => k.startsWith('party.') || k.startsWith('admin.');

describe('annual rules against a reference read from DOMAIN.md', () => {
  it('reward, merit, bonus, demotion, dismissal, grade conflict and quota agree on random ledgers', () => {
    fc.assert(
      fc.property(fc.array(cadreArb, { minLength: 1, maxLength: 24 }), fc.constantFrom('2025-12', '2026-12', '2026-11'), (cs, asOf) => {
        const b = new LedgerBuilder().unit('U1').unit('U2');
        const Y = Number(asOf.slice(0, 4));
        const annual = asOf.endsWith('-12');
        const gradeOf = new Map<string, Map<number, AnnualGradeValue>>();
        const limits = new Map<string, { kind: string; y: number }[]>();
        cs.forEach((c, i) => {
          const id = `C${pad(i)}`;
          b.cadre(id, { unitId: c.unit });
          const mine = new Map<number, AnnualGradeValue>();
          c.years.forEach((g, j) => {
            if (!g) return;
            b.grade(id, 2022 + j, g);
            if (c.revoked === 2022 + j) b.state.clearances.set(`X${id}`, { id: `X${id}`, cadreId: id, recordId: `${id}:${2022 + j}`, date: '2030-01-01', note: '', kind: 'revocation' });
            else if (2022 + j <= Y) mine.set(2022 + j, g);
          });
          gradeOf.set(id, mine);
          const recs: { kind: string; y: number }[] = [];
          c.records.forEach((r, k) => {
            const rid = `${id}R${k}`;
            const date = `${r.y}-${pad(r.m)}-${pad(r.d)}`;
            if (isSanction(r.kind)) b.sanction(rid, id, r.kind, date);
            else b.measure(rid, id, r.kind as MeasureKind, date);
            if (r.cleared) b.clear(`X${rid}`, rid, id);
            else if (date <= `${asOf}-31`) recs.push({ kind: r.kind, y: r.y });
          });
          limits.set(id, recs);
        });
        const found = b.evaluate(asOf);
        const ids = (rule: string) => found.filter((f) => f.rule === rule).map((f) => f.subject.id);
        const expected: Record<string, string[]> = { reward: [], merit: [], bonus: [], demote: [], dismiss: [], conflict: [], quota: [] };
        if (annual) {
          for (const [id, g] of gradeOf) {
            const y = g.get(Y);
            if (y === 'excellent') expected.reward.push(id);
            let run = 0;
            while (g.get(Y - run) === 'excellent') run++;
            if (run >= 3 && run % 3 === 0) expected.merit.push(id);
            if (y === 'basic' || y === 'incompetent') expected.bonus.push(id);
            if (y === 'incompetent') expected.demote.push(id);
            if (y === 'incompetent' && g.get(Y - 1) === 'incompetent') expected.dismiss.push(id);
            if (y) {
              let limit: Limit | undefined;
              for (const r of limits.get(id)!) {
                const l = r.y === Y ? SAME_YEAR[r.kind as SanctionKind] : r.y === Y - 1 ? NEXT_YEAR[r.kind as SanctionKind] : undefined;
                if (l && (!limit || STRICT[l] > STRICT[limit])) limit = l;
              }
              if (limit && !allows(limit, y)) expected.conflict.push(id);
            }
          }
          for (const u of ['U1', 'U2']) {
            const members = cs.map((c, i) => [c.unit, `C${pad(i)}`] as const).filter(([cu]) => cu === u).map(([, id]) => gradeOf.get(id)!.get(Y));
            const graded = members.filter((g) => g && g !== 'ungraded').length;
            const excellent = members.filter((g) => g === 'excellent').length;
            if (excellent > Math.max(1, Math.floor(graded / 5))) expected.quota.push(u);
          }
        }
        expect(ids('annual.excellent-reward'), 'reward').toEqual(expected.reward);
        expect(ids('annual.merit3'), 'merit').toEqual(expected.merit);
        expect(ids('annual.bonus-cancel'), 'bonus').toEqual(expected.bonus);
        expect(ids('annual.demote'), 'demote').toEqual(expected.demote);
        expect(ids('annual.dismiss'), 'dismiss').toEqual(expected.dismiss);
        expect(ids('annual.grade-conflict'), 'conflict').toEqual(expected.conflict);
        expect(ids('annual.excellent-quota'), 'quota').toEqual(expected.quota);
        for (const id of expected.dismiss) expect(about(found, 'annual.demote', id)[0].explanation.zh, id).toContain('辞退');
      }),
      { numRuns: 300 },
    );
  });
});
