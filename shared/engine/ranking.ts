// §4.1 ranking: competition ranking ("1224": ties share the best rank), thirds with k = ceil(n/d),
// no thirds for small groups, and the unit ranking by mean score. The same functions serve the
// rules, the case file's rank history and the unit table, so they can never disagree.
import type { RankEvidence } from '../domain/findings';
import type { PolicyVersion } from '../policy/schema';

/** Position in the ranking: the codes stored per cadre and month in the ledger index. */
export const THIRD_UNSCORED = 0;
export const THIRD_TOP = 1;
export const THIRD_MIDDLE = 2;
export const THIRD_BOTTOM = 3;
/** Ranked, but the group is too small to have thirds. */
export const THIRD_NONE = 4;
export type ThirdCode = 0 | 1 | 2 | 3 | 4;

export const thirdNames: Record<ThirdCode, RankEvidence['third'] | 'unscored'> = {
  0: 'unscored',
  1: 'top',
  2: 'middle',
  3: 'bottom',
  4: 'none',
};

export type RankingPolicy = PolicyVersion['ranking'];

/** k = ceil(n / divisor): the size of the top and of the bottom third. */
export function thirdSize(n: number, divisor: number): number {
  return Math.ceil(n / divisor);
}

/** Which third a competition rank falls in: top rank ≤ k, bottom rank > n − k, none for small groups. */
export function thirdOf(rank: number, n: number, ranking: RankingPolicy): ThirdCode {
  if (n < ranking.minGroupSize) return THIRD_NONE;
  const k = thirdSize(n, ranking.thirdsDivisor);
  if (rank <= k) return THIRD_TOP;
  if (rank > n - k) return THIRD_BOTTOM;
  return THIRD_MIDDLE;
}

/**
 * Competition ranks of `scores`, highest first, in input order: 95, 90, 90, 80 → 1, 2, 2, 4.
 * rank(s) = 1 + the number of scores strictly greater than s.
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const sorted = Float64Array.from(scores).sort();
  return scores.map((s) => rankInAscending(sorted, sorted.length, s));
}

/**
 * Rank of `s` among the first `n` values of an ascending-sorted array: 1 + count of values > s,
 * found by binary search for the first value greater than s.
 */
export function rankInAscending(sorted: Float64Array | Int32Array, n: number, s: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= s) lo = mid + 1;
    else hi = mid;
  }
  return n - lo + 1;
}

/** Scratch for competitionRanksByKey (grown as needed, reused: typed arrays are costly to make). */
let radix = { keys: new Int32Array(0), ids: new Int32Array(0), keys2: new Int32Array(0), ids2: new Int32Array(0) };
const radixCount = new Int32Array(1 << 11);

/**
 * Competition ranks (highest key first, equal keys share a rank) of the `n` subjects `ids[0..n)`
 * with non-negative integer keys `keys[0..n)`, written to `rankOut[id]`. A least-significant-digit
 * radix sort (three 11-bit passes) and one walk down from the top: no comparisons, no binary
 * search — ranking thousands of units for every month is then a small part of an evaluation.
 */
export function competitionRanksByKey(keys: Int32Array, ids: Int32Array, n: number, rankOut: Int32Array): void {
  if (radix.keys.length < n) radix = { keys: new Int32Array(n), ids: new Int32Array(n), keys2: new Int32Array(n), ids2: new Int32Array(n) };
  let k = radix.keys;
  let d = radix.ids;
  let k2 = radix.keys2;
  let d2 = radix.ids2;
  k.set(keys.subarray(0, n));
  d.set(ids.subarray(0, n));
  for (let shift = 0; shift < 33; shift += 11) {
    radixPass(k, d, k2, d2, n, shift);
    const kt = k;
    k = k2;
    k2 = kt;
    const dt = d;
    d = d2;
    d2 = dt;
  }
  ranksFromAscending(k, d, n, rankOut);
}

// The passes and the walk are functions of their own, so that each is optimized as a whole (see
// unitSums in ledgerIndex.ts).

/** One stable counting pass on the 11-bit digit at `shift`: (k, d) → (k2, d2). */
function radixPass(k: Int32Array, d: Int32Array, k2: Int32Array, d2: Int32Array, n: number, shift: number): void {
  const count = radixCount;
  count.fill(0);
  for (let i = 0; i < n; i++) count[(k[i] >>> shift) & 2047]++;
  let at = 0;
  for (let b = 0; b < 2048; b++) {
    const c = count[b];
    count[b] = at;
    at += c;
  }
  for (let i = 0; i < n; i++) {
    const pos = count[(k[i] >>> shift) & 2047]++;
    k2[pos] = k[i];
    d2[pos] = d[i];
  }
}

/** Keys ascending: walk from the highest; rank = 1 + how many keys are strictly greater. */
function ranksFromAscending(k: Int32Array, d: Int32Array, n: number, rankOut: Int32Array): void {
  let rank = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (i === n - 1 || k[i] !== k[i + 1]) rank = n - i;
    rankOut[d[i]] = rank;
  }
}

/** Percent of the others this rank is ahead of: rank 1 → 100, rank n → 0; a group of one → 100. */
export function percentileOf(rank: number, n: number): number {
  if (n <= 1) return 100;
  return Math.round(((n - rank) / (n - 1)) * 1000) / 10;
}

export interface RankedEntry<T> {
  item: T;
  score: number;
  rank: number;
  n: number;
  third: ThirdCode;
}

/**
 * Ranks arbitrary items by score (competition ranking, thirds by policy). Output sorted by rank,
 * then by `tieKey` so that equal ranks come out in a stable order.
 */
export function rankItems<T>(
  items: readonly T[],
  scoreOf: (item: T) => number,
  tieKey: (item: T) => string,
  ranking: RankingPolicy,
): RankedEntry<T>[] {
  const scores = items.map(scoreOf);
  const ranks = competitionRanks(scores);
  const n = items.length;
  const out = items.map((item, i) => ({ item, score: scores[i], rank: ranks[i], n, third: thirdOf(ranks[i], n, ranking) }));
  out.sort((a, b) => a.rank - b.rank || (tieKey(a.item) < tieKey(b.item) ? -1 : tieKey(a.item) > tieKey(b.item) ? 1 : 0));
  return out;
}
