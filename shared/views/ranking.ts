// Peer-group and unit ranking for one month (DOMAIN.md §4.1), for the views that rank a whole
// month at once (the team view's members). Competition ranking, highest first, ties share the best
// rank; k = ceil(n/3); top third rank ≤ k, bottom third rank > n − k; groups under 3 have no thirds.
import type { RankEvidence } from '../domain/findings';
import { annulledIds } from '../domain/status';
import type { LedgerState } from '../ledger/collections';
import type { UnitRankingRow } from './viewEngine';

export function thirdOf(rank: number, n: number): RankEvidence['third'] {
  if (n < 3) return 'none';
  const k = Math.ceil(n / 3);
  if (rank <= k) return 'top';
  if (rank > n - k) return 'bottom';
  return 'middle';
}

/** Competition ranks of `entries` by value, highest first. */
export function competitionRanks<T>(entries: T[], value: (t: T) => number): Array<{ item: T; rank: number }> {
  const sorted = [...entries].sort((a, b) => value(b) - value(a));
  const out: Array<{ item: T; rank: number }> = [];
  sorted.forEach((item, i) => {
    const rank = i > 0 && value(sorted[i - 1]) === value(item) ? out[i - 1].rank : i + 1;
    out.push({ item, rank });
  });
  return out;
}

function scoresOfMonth(state: LedgerState, month: string): Array<{ cadreId: string; score: number }> {
  const annulled = annulledIds(state.clearances.values());
  const out: Array<{ cadreId: string; score: number }> = [];
  for (const s of state.scores.values()) {
    if (s.month === month && !annulled.has(s.id) && state.cadres.has(s.cadreId)) out.push({ cadreId: s.cadreId, score: s.score });
  }
  return out;
}

export function monthRanking(state: LedgerState, month: string): Map<string, RankEvidence> {
  const byGroup = new Map<string, Array<{ cadreId: string; score: number }>>();
  for (const s of scoresOfMonth(state, month)) {
    const group = state.cadres.get(s.cadreId)!.peerGroup;
    const list = byGroup.get(group);
    if (list) list.push(s);
    else byGroup.set(group, [s]);
  }
  const out = new Map<string, RankEvidence>();
  for (const list of byGroup.values()) {
    const n = list.length;
    for (const { item, rank } of competitionRanks(list, (s) => s.score)) {
      out.set(item.cadreId, { month, score: item.score, rank, n, third: thirdOf(rank, n) });
    }
  }
  return out;
}

export function unitRanking(state: LedgerState, month: string): UnitRankingRow[] {
  const byUnit = new Map<string, number[]>();
  for (const s of scoresOfMonth(state, month)) {
    const unitId = state.cadres.get(s.cadreId)!.unitId;
    const list = byUnit.get(unitId);
    if (list) list.push(s.score);
    else byUnit.set(unitId, [s.score]);
  }
  const units = [...byUnit.entries()]
    .filter(([, scores]) => scores.length >= 2)
    .map(([unitId, scores]) => ({ unitId, mean: scores.reduce((a, b) => a + b, 0) / scores.length, scoredCadres: scores.length }));
  const n = units.length;
  return competitionRanks(units, (u) => u.mean).map(({ item, rank }) => ({ ...item, rank, n, third: thirdOf(rank, n) }));
}

/** One cadre's rank in each month it has a score, oldest first. */
export function rankHistory(state: LedgerState, cadreId: string): RankEvidence[] {
  const cadre = state.cadres.get(cadreId);
  if (!cadre) return [];
  const annulled = annulledIds(state.clearances.values());
  const peers = new Set<string>();
  for (const c of state.cadres.values()) if (c.peerGroup === cadre.peerGroup) peers.add(c.id);
  const byMonth = new Map<string, Array<{ cadreId: string; score: number }>>();
  for (const s of state.scores.values()) {
    if (!peers.has(s.cadreId) || annulled.has(s.id)) continue;
    const list = byMonth.get(s.month);
    if (list) list.push(s);
    else byMonth.set(s.month, [s]);
  }
  const out: RankEvidence[] = [];
  for (const [month, list] of byMonth) {
    const own = list.find((s) => s.cadreId === cadreId);
    if (!own) continue;
    const n = list.length;
    const rank = 1 + list.filter((s) => s.score > own.score).length;
    out.push({ month, score: own.score, rank, n, third: thirdOf(rank, n) });
  }
  return out.sort((a, b) => (a.month < b.month ? -1 : 1));
}
