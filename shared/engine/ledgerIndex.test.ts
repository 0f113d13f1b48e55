import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default';
import { monthIndex } from './calendar';
import { LedgerIndex } from './ledgerIndex';
import { competitionRanks, thirdOf } from './ranking';
import { LedgerBuilder } from './testkit';

function indexWith(scores: number[]): LedgerIndex {
  const b = new LedgerBuilder();
  scores.forEach((s, i) => b.cadre(`C${String(i).padStart(5, '0')}`).score(`C${String(i).padStart(5, '0')}`, '2026-01', s));
  const index = new LedgerIndex(b.state);
  index.rankAll();
  return index;
}

describe('ledger index ranking', () => {
  // Both paths: scores in hundredths are ranked by counting, any other number by sorting.
  const hundredths = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100);
  const anyScore = fc.double({ min: 0, max: 100, noNaN: true });

  for (const [name, score] of [
    ['hundredths (counting)', hundredths],
    ['arbitrary numbers (sorting)', fc.oneof(hundredths, anyScore)],
  ] as const) {
    it(`property: ranks and thirds equal the reference competition ranking — ${name}`, () => {
      fc.assert(
        fc.property(fc.array(score, { minLength: 1, maxLength: 40 }), (scores) => {
          const index = indexWith(scores);
          const expected = competitionRanks(scores);
          const month = monthIndex('2026-01');
          scores.forEach((_, i) => {
            const e = index.rankEvidence(i, month)!;
            expect(e.rank).toBe(expected[i]);
            expect(e.n).toBe(scores.length);
            const third = thirdOf(expected[i], scores.length, defaultPolicy.ranking);
            expect(e.third).toBe(['none', 'top', 'middle', 'bottom', 'none'][third]);
          });
        }),
      );
    });
  }

  it('property: a large group (counting ranks) agrees with the reference too', () => {
    fc.assert(
      fc.property(fc.array(hundredths, { minLength: 1024, maxLength: 1300 }), (scores) => {
        const index = indexWith(scores);
        const expected = competitionRanks(scores);
        const month = monthIndex('2026-01');
        scores.forEach((_, i) => expect(index.rankEvidence(i, month)!.rank).toBe(expected[i]));
      }),
      { numRuns: 5 },
    );
  });

  it('a month without any score is a gap row; cadres without a score that month are unranked', () => {
    const b = new LedgerBuilder().peers('G', '2026-01', 1, 3).cadre('A').score('A', '2026-03', 70).peers('G', '2026-03', 1, 3);
    const index = new LedgerIndex(b.state);
    expect(index.span).toBe(3);
    expect(index.rankEvidence(index.cadreIndex.get('A')!, monthIndex('2026-02'))).toBeUndefined();
    expect(index.rankEvidence(index.cadreIndex.get('A')!, monthIndex('2026-01'))).toBeUndefined();
    expect(index.rankEvidence(index.cadreIndex.get('A')!, monthIndex('2026-03'))).toMatchObject({ rank: 1, n: 4 });
  });

  it('scores of unknown cadres and months after asOf are left out', () => {
    const b = new LedgerBuilder().cadre('A').score('A', '2026-01', 80).score('A', '2026-02', 80).score('ghost', '2026-01', 90);
    const index = new LedgerIndex(b.state, { asOf: '2026-01' });
    expect(index.span).toBe(1);
    expect(index.rankEvidence(0, monthIndex('2026-01'))).toMatchObject({ rank: 1, n: 1, third: 'none' });
  });

  it('unit means are the same whether a month holds hundredths or other numbers', () => {
    const build = (third: number) => {
      const b = new LedgerBuilder();
      const put = (id: string, unit: string, score: number) => b.cadre(id, { unitId: unit }).score(id, '2026-01', score);
      put('a1', 'UA', 90);
      put('a2', 'UA', 80.5);
      put('b1', 'UB', 70);
      put('b2', 'UB', third);
      put('c1', 'UC', 60);
      put('c2', 'UC', 61);
      const index = new LedgerIndex(b.state);
      const r = index.unitRanking(monthIndex('2026-01'));
      return [...r.mean].map((x) => Math.round(x * 1000) / 1000);
    };
    expect(build(71)).toEqual([85.25, 70.5, 60.5]);
    expect(build(71.0001)).toEqual([85.25, 70.5, 60.5]);
  });
});
