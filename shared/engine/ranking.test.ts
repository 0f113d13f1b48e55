import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default';
import { competitionRanks, competitionRanksByKey, percentileOf, rankItems, thirdOf, thirdSize, THIRD_BOTTOM, THIRD_MIDDLE, THIRD_NONE, THIRD_TOP } from './ranking';

const ranking = defaultPolicy.ranking;
const scores = fc.array(fc.integer({ min: 0, max: 200 }).map((x) => x / 2), { minLength: 1, maxLength: 60 });

describe('competition ranking', () => {
  it('ranking by integer keys (radix) agrees with ranking by sorted search, for any keys and order', () => {
    const keyed = fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100_000_000 })), { maxLength: 300 });
    fc.assert(
      fc.property(keyed, (values) => {
        const n = values.length;
        // Subjects at scattered positions, as units are among all units.
        const ids = Int32Array.from(values.map((_, i) => 3 * (n - i) + 1));
        const rankOut = new Int32Array(3 * n + 2);
        competitionRanksByKey(Int32Array.from(values), ids, n, rankOut);
        expect(Array.from(ids, (id) => rankOut[id])).toEqual(competitionRanks(values));
      }),
    );
    const out = new Int32Array(4);
    competitionRanksByKey(Int32Array.from([90, 95, 90, 80]), Int32Array.from([0, 1, 2, 3]), 4, out);
    expect(Array.from(out)).toEqual([2, 1, 2, 4]);
  });

  it('ties share the best rank: 95, 90, 90, 80 → 1, 2, 2, 4', () => {
    expect(competitionRanks([95, 90, 90, 80])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([80, 90, 95, 90])).toEqual([4, 2, 1, 2]);
  });

  it('k = ceil(n/3); top rank ≤ k, bottom rank > n − k; n < 3 has no thirds', () => {
    expect([3, 4, 5, 6, 7, 18].map((n) => thirdSize(n, 3))).toEqual([1, 2, 2, 2, 3, 6]);
    expect([1, 2, 3].map((r) => thirdOf(r, 3, ranking))).toEqual([THIRD_TOP, THIRD_MIDDLE, THIRD_BOTTOM]);
    expect([1, 2, 3, 4].map((r) => thirdOf(r, 4, ranking))).toEqual([THIRD_TOP, THIRD_TOP, THIRD_BOTTOM, THIRD_BOTTOM]);
    expect([1, 2].map((r) => thirdOf(r, 2, ranking))).toEqual([THIRD_NONE, THIRD_NONE]);
  });

  it('property: tied scores share a rank, and rank = 1 + number of higher scores', () => {
    fc.assert(
      fc.property(scores, (s) => {
        const r = competitionRanks(s);
        s.forEach((x, i) => {
          expect(r[i]).toBe(1 + s.filter((y) => y > x).length);
          s.forEach((y, j) => {
            if (x === y) expect(r[i]).toBe(r[j]);
            if (x > y) expect(r[i]).toBeLessThan(r[j]);
          });
        });
      }),
    );
  });

  it('property: a rank is between 1 and n', () => {
    fc.assert(fc.property(scores, (s) => competitionRanks(s).every((r) => r >= 1 && r <= s.length)));
  });

  it('property: top and bottom thirds are disjoint for n ≥ 3, and both non-empty', () => {
    fc.assert(
      fc.property(scores.filter((s) => s.length >= 3), (s) => {
        const r = competitionRanks(s);
        const thirds = r.map((x) => thirdOf(x, s.length, ranking));
        // The best score is always top; nobody is outside the thirds in a group of 3 or more.
        expect(thirds.includes(THIRD_TOP)).toBe(true);
        expect(thirds.includes(THIRD_NONE)).toBe(false);
        // No rank can satisfy both rank ≤ k and rank > n − k.
        const k = thirdSize(s.length, 3);
        for (const x of r) expect(x <= k && x > s.length - k).toBe(false);
        // Whoever is top scores strictly more than whoever is bottom.
        s.forEach((a, i) => s.forEach((b, j) => {
          if (thirds[i] === THIRD_TOP && thirds[j] === THIRD_BOTTOM) expect(a).toBeGreaterThan(b);
        }));
      }),
    );
  });

  it('property: permuting the input permutes the ranks and changes nothing else', () => {
    fc.assert(
      fc.property(scores, fc.integer(), (s, seed) => {
        const order = s.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97) || a - b);
        const permuted = order.map((i) => s[i]);
        const r = competitionRanks(s);
        const rp = competitionRanks(permuted);
        order.forEach((i, j) => expect(rp[j]).toBe(r[i]));
      }),
    );
  });

  it('rankItems orders by rank then tie key', () => {
    const out = rankItems([{ id: 'b', s: 90 }, { id: 'a', s: 90 }, { id: 'c', s: 95 }], (x) => x.s, (x) => x.id, ranking);
    expect(out.map((e) => [e.item.id, e.rank, e.third])).toEqual([
      ['c', 1, THIRD_TOP],
      ['a', 2, THIRD_MIDDLE],
      ['b', 2, THIRD_MIDDLE],
    ]);
  });

  it('percentile: first 100, last 0', () => {
    expect([percentileOf(1, 9), percentileOf(9, 9), percentileOf(5, 9), percentileOf(1, 1)]).toEqual([100, 0, 50, 100]);
  });
});
