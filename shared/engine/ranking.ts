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
