import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingSchema } from '../domain/findings';
import { emptyLedgerState, type CollectionName, type LedgerState } from '../ledger/collections';
import { generateTownship, townshipState, type TownshipData } from '../demo/township';
import { defaultPolicy } from '../policy/default';
import { lastDayOf } from './calendar';
import { evaluate, impactPeriodsOf, LedgerIndex, promotionBarsOf, rankHistory, ruleIds, rules, unitRanking } from './index';
import { about, LedgerBuilder, withPolicy } from './testkit';

const demo = generateTownship({ endMonth: '2026-05', seed: 3 });
const state = townshipState(demo);
const months = ['2025-06', '2025-12', '2026-03', '2026-05'];

function stateFrom(data: TownshipData, order: (n: number) => number[] = (n) => [...Array(n).keys()]): LedgerState {
  const s = emptyLedgerState();
  for (const [name, records] of Object.entries(data) as Array<[CollectionName, Array<{ id: string }>]>) {
    const map = s[name] as Map<string, unknown>;
    for (const i of order(records.length)) map.set(records[i].id, records[i]);
  }
  return s;
}

describe('evaluate', () => {
  it('has one rule per rule id of §4.2 (20 rows + merit3 + dismiss)', () => {
    expect(ruleIds).toHaveLength(22);
    expect(rules.map((r) => r.id).sort()).toEqual([...ruleIds].sort());
  });

  it('returns valid findings in a stable order with unique keys', () => {
    for (const m of months) {
      const found = evaluate(state, m);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect(findingSchema.safeParse(f).success).toBe(true);
      const sorted = [...found].sort((a, b) =>
        a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.subject.type < b.subject.type ? -1 : a.subject.type > b.subject.type ? 1 : a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : a.key < b.key ? -1 : 1,
      );
      expect(found).toEqual(sorted);
      expect(new Set(found.map((f) => f.key)).size).toBe(found.length);
      for (const f of found) {
        expect(f.asOf).toBe(m);
        expect(f.key.startsWith(`${f.rule}|${f.subject.type}:${f.subject.id}|`)).toBe(true);
        expect(f.explanation.zh.length).toBeGreaterThan(5);
        expect(f.explanation.en.length).toBeGreaterThan(5);
      }
    }
  });

  it('is deterministic: the same ledger in any insertion order gives the same findings', () => {
    const expected = JSON.stringify(evaluate(state, '2026-05'));
    expect(JSON.stringify(evaluate(state, '2026-05'))).toBe(expected);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const shuffled = stateFrom(demo, (n) => {
          const idx = [...Array(n).keys()];
          let x = seed;
          for (let i = n - 1; i > 0; i--) {
            x = (x * 1103515245 + 12345) % 2147483648;
            const j = x % (i + 1);
            [idx[i], idx[j]] = [idx[j], idx[i]];
          }
          return idx;
        });
        return JSON.stringify(evaluate(shuffled, '2026-05')) === expected;
      }),
      { numRuns: 4 },
    );
  });

  it('sees only records dated by the end of the as-of month', () => {
    for (const m of ['2025-09', '2026-02']) {
      const end = lastDayOf(m);
      const year = Number(m.slice(0, 4));
      const cut: TownshipData = {
        ...demo,
        scores: demo.scores.filter((s) => s.month <= m),
        grades: demo.grades.filter((g) => g.year <= year),
        sanctions: demo.sanctions.filter((s) => s.decidedOn <= end).map((s) => (s.releasedOn && s.releasedOn > end ? { ...s, releasedOn: undefined } : s)),
        measures: demo.measures.filter((x) => x.startsOn <= end),
        faults: demo.faults.filter((f) => f.date <= end),
        rehabPlans: demo.rehabPlans.filter((p) => p.startsOn <= end),
        checkIns: demo.checkIns.filter((c) => c.date <= end),
      };
      expect(evaluate(stateFrom(cut), m)).toEqual(evaluate(state, m));
    }
  });

  it('cleared and revoked records never appear as evidence', () => {
    const annulled = new Set(demo.clearances.map((c) => c.recordId));
    expect(annulled.size).toBeGreaterThan(0);
    for (const m of months) for (const f of evaluate(state, m)) for (const id of f.evidence.recordIds) expect(annulled.has(id)).toBe(false);
  });

  it('subjects: only their findings, the same as in the full evaluation', () => {
    const full = evaluate(state, '2026-05');
    const some = [...new Set(full.map((f) => `${f.subject.type}:${f.subject.id}`))].filter((_, i) => i % 5 === 0).map((s) => {
      const [type, id] = s.split(':') as ['cadre' | 'unit', string];
      return { type, id };
    });
    const wanted = new Set(some.map((s) => `${s.type}:${s.id}`));
    expect(evaluate(state, '2026-05', { subjects: some })).toEqual(full.filter((f) => wanted.has(`${f.subject.type}:${f.subject.id}`)));
  });

  it('rules: only the chosen rules', () => {
    const found = evaluate(state, '2026-05', { rules: ['sanction.no-promotion'] });
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(['sanction.no-promotion']));
  });

  it('the explanation (worded on first read) behaves like plain data', () => {
    const [f] = evaluate(state, '2026-05', { rules: ['raise.top-third-streak'] });
    const text = f.explanation;
    expect(text.zh).toContain('连续');
    expect(f.explanation).toBe(text); // worded once
    expect(JSON.parse(JSON.stringify(f)).explanation).toEqual(text);
    expect(structuredClone(f).explanation).toEqual(text);
    expect({ ...f }.explanation).toEqual(text);
    expect(findingSchema.parse(f).explanation).toEqual(text);
    expect(Object.keys(f)).toContain('explanation');
    // Copied before anyone read it: the copy holds the words, not a getter.
    const [g] = evaluate(state, '2026-05', { rules: ['raise.top-third-streak'] });
    const copy = structuredClone(g);
    expect(Object.getOwnPropertyDescriptor(copy, 'explanation')?.value).toEqual(g.explanation);
  });

  it('an empty ledger has nothing to say; a bad month is an error', () => {
    expect(evaluate(emptyLedgerState(), '2026-05')).toEqual([]);
    expect(() => evaluate(state, '2026-5')).toThrow(/YYYY-MM/);
  });

  it('each month is ranked with the policy version in force in that month', () => {
    // 12 in the group: k = 4 with thirds of 3; with a divisor of 4 (from 2026-04) k = 3.
    const b = new LedgerBuilder().peers('G', '2026-01', 6, 11);
    b.cadre('A');
    for (const m of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) b.score('A', m, 67.5); // rank 4 of 12
    const v2 = withPolicy(defaultPolicy, (p) => (p.ranking.thirdsDivisor = 4), 'quarters', '2026-04');
    const history = rankHistory(b.state, 'A', { policies: [defaultPolicy, v2] });
    expect(history.map((e) => [e.month, e.rank, e.n, e.third])).toEqual([
      ['2026-01', 4, 12, 'top'],
      ['2026-02', 4, 12, 'top'],
      ['2026-03', 4, 12, 'top'],
      ['2026-04', 4, 12, 'middle'],
      ['2026-05', 4, 12, 'middle'],
      ['2026-06', 4, 12, 'middle'],
    ]);
    // …so no 6-month top streak under the two versions, one under the default alone.
    expect(about(b.evaluate('2026-06'), 'raise.top-third-streak', 'A')).toHaveLength(1);
    expect(about(b.evaluate('2026-06', { policies: [defaultPolicy, v2] }), 'raise.top-third-streak', 'A')).toHaveLength(0);
  });
});

describe('views for the case file', () => {
  it('rankHistory agrees with the evidence of the findings', () => {
    const found = evaluate(state, '2026-05').filter((f) => f.subject.type === 'cadre' && f.evidence.months?.length);
    expect(found.length).toBeGreaterThan(0);
    const index = new LedgerIndex(state);
    for (const f of found.slice(0, 50)) {
      const history = new Map(rankHistory(index, f.subject.id).map((e) => [e.month, e]));
      for (const e of f.evidence.months!) expect(history.get(e.month)).toMatchObject(e);
    }
  });

  it('rankHistory: every scored month, with percentile', () => {
    const b = new LedgerBuilder().peers('G', '2026-01', 3).cadre('A').pattern('A', '2026-01', 'T-B');
    expect(rankHistory(b.state, 'A')).toEqual([
      { month: '2026-01', score: 100, rank: 1, n: 9, third: 'top', percentile: 100, peerGroup: 'G' },
      { month: '2026-03', score: 0, rank: 9, n: 9, third: 'bottom', percentile: 0, peerGroup: 'G' },
    ]);
    expect(() => rankHistory(b.state, 'nobody')).toThrow(/unknown cadre/);
  });

  it('impactPeriodsOf: stacked ends, active and release-due flags, cleared ones left out', () => {
    const b = new LedgerBuilder()
      .cadre('A')
      .sanction('S1', 'A', 'admin.warning', '2026-01-10')
      .sanction('S2', 'A', 'admin.demerit', '2026-03-01')
      .sanction('S3', 'A', 'party.warning', '2026-02-01')
      .clear('C', 'S3', 'A');
    expect(impactPeriodsOf(b.state, 'A', '2026-08').map((p) => [p.sanctionId, p.start, p.end, p.stackedOn, p.active, p.releaseDue])).toEqual([
      ['S1', '2026-01-10', '2026-07-10', undefined, false, true],
      ['S2', '2026-03-01', '2027-07-10', 'S1', true, false],
    ]);
    expect(impactPeriodsOf(b.state, 'A', '2026-02').map((p) => p.sanctionId)).toEqual(['S1']);
  });

  it('promotionBarsOf: every bar from records dated by asOf, with active', () => {
    const b = new LedgerBuilder().cadre('A').sanction('S1', 'A', 'party.probation1y', '2026-01-10').measure('M1', 'A', 'admonishment', '2026-02-01');
    const bars = promotionBarsOf(b.state, 'A', '2027-03');
    expect(bars.map((x) => [x.recordId, x.reason, x.until, x.active])).toEqual([
      ['S1', 'impactPeriod', '2027-01-10', false],
      ['M1', 'admonishment', '2026-08-01', false],
      ['S1', 'afterPartyProbation', '2029-01-10', true],
    ]);
  });

  it('unitRanking: units by mean score, units with one scored cadre left out', () => {
    const b = new LedgerBuilder();
    const put = (id: string, unit: string, score: number) => b.cadre(id, { unitId: unit }).score(id, '2026-01', score);
    put('a1', 'UA', 90);
    put('a2', 'UA', 80);
    put('b1', 'UB', 85);
    put('b2', 'UB', 85);
    put('c1', 'UC', 70);
    put('c2', 'UC', 72);
    put('d1', 'UD', 99);
    expect(unitRanking(b.state, '2026-01').map((u) => [u.unitId, u.mean, u.rank, u.n, u.third, u.scoredCadres])).toEqual([
      ['UA', 85, 1, 3, 'top'],
      ['UB', 85, 1, 3, 'top'],
      ['UC', 71, 3, 3, 'bottom'],
    ].map((row) => [...row, 2]));
  });
});
