// Whether a month is ready to be evaluated: the ranking rules need that month's scores. The app
// opens on the latest month with scores, and a month without any says so (issue 10).
import { annulledIds } from '../domain/status';
import { latestScoreMonth, scoresInMonth } from '../engine/columns/scoreTable';
import type { LedgerState } from '../ledger/collections';

/** The latest month with any score that is not cleared; null when the ledger has none. */
export function latestScoredMonth(state: LedgerState): string | null {
  const annulled = state.clearances.size > 0 ? annulledIds(state.clearances.values()) : null;
  return latestScoreMonth(state.scores, annulled ?? undefined) ?? null;
}

/** How many of the ledger's (or an office partition's) cadres have a (not cleared) score in `month`. */
export function scoredCadres(state: LedgerState, month: string): number {
  const annulled = state.clearances.size > 0 ? annulledIds(state.clearances.values()) : null;
  const cadres = new Set<string>();
  for (const s of scoresInMonth(state.scores, month)) if (!annulled?.has(s.id) && state.cadres.has(s.cadreId)) cadres.add(s.cadreId);
  return cadres.size;
}
