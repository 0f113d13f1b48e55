// Binds the views' ViewEngine to the rules engine (shared/engine): the findings, rank history,
// periods and bars the case file shows come from the same index and helpers as the rules, so a
// chart can never disagree with a finding.
//
// Building a LedgerIndex is the expensive part (the whole ledger), so an engine made with a
// `version` (the store's revision) keeps the last few indexes, one per as-of month, for as long as
// the same state object is at the same version. Without one (tests), every call builds afresh.
import type { RankEvidence } from '../domain/findings';
import type { LedgerState } from '../ledger/collections';
import {
  evaluateIndex,
  impactPeriodsOf,
  LedgerIndex,
  promotionBarsOf,
  rankHistory,
  unitRanking,
} from '../engine';
import { monthIndex } from '../engine/calendar';
import type { ViewEngine } from './viewEngine';

const KEEP = 3;

export function createViewEngine(version?: () => number): ViewEngine {
  let cachedState: LedgerState | null = null;
  let cachedVersion = -1;
  const cache = new Map<string, LedgerIndex>();

  function indexAt(state: LedgerState, asOf: string): LedgerIndex {
    if (!version) return new LedgerIndex(state, { asOf });
    const v = version();
    if (state !== cachedState || v !== cachedVersion) {
      cache.clear();
      cachedState = state;
      cachedVersion = v;
    }
    let index = cache.get(asOf);
    if (!index) {
      index = new LedgerIndex(state, { asOf });
      if (cache.size >= KEEP) cache.delete(cache.keys().next().value!);
      cache.set(asOf, index);
    }
    return index;
  }

  const evidence = (e: RankEvidence): RankEvidence => ({ month: e.month, score: e.score, rank: e.rank, n: e.n, third: e.third });

  return {
    evaluate: (state, asOf, subject) => evaluateIndex(indexAt(state, asOf), subject ? { subjects: [subject] } : {}),
    rankHistory: (state, cadreId, asOf) => rankHistory(indexAt(state, asOf), cadreId).map(evidence),
    impactPeriods: (state, cadreId, asOf) =>
      impactPeriodsOf(indexAt(state, asOf), cadreId).map((p) => ({ sanctionId: p.sanctionId, kind: p.kind, start: p.start, end: p.end })),
    promotionBars: (state, cadreId, asOf) =>
      promotionBarsOf(indexAt(state, asOf), cadreId, asOf).map((b) => ({
        until: b.until,
        sourceCollection: state.sanctions.has(b.recordId) ? 'sanctions' : 'measures',
        sourceId: b.recordId,
        kind: b.kind,
        reason: b.reason,
      })),
    unitRanking: (state, month) =>
      unitRanking(indexAt(state, month), month).map((u) => ({
        unitId: u.unitId,
        mean: u.mean,
        rank: u.rank,
        n: u.n,
        third: u.third,
        scoredCadres: u.scoredCadres,
      })),
    index: (state, asOf) => indexAt(state, asOf),
    monthRanks(state, month, cadreIds) {
      const index = indexAt(state, month);
      const m = monthIndex(month);
      const out = new Map<string, RankEvidence>();
      for (const id of cadreIds) {
        const c = index.cadreIndex.get(id);
        const e = c === undefined ? undefined : index.rankEvidence(c, m);
        if (e) out.set(id, evidence(e));
      }
      return out;
    },
  };
}

/** Uncached: for tests and one-off calls. */
export const engineForViews: ViewEngine = createViewEngine();
