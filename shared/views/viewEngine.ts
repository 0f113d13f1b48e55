// What the views need from the rules engine. The views take it as a parameter so that they can be
// tested with findings of the test's choosing; engineBinding.ts binds it to shared/engine (one
// ledger index per as-of month, reused while the store's revision stays the same).
import type { Finding, RankEvidence } from '../domain/findings';
import type { Subject } from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import type { LedgerIndex } from '../engine/ledgerIndex';

export interface ImpactPeriod {
  sanctionId: string;
  kind: string;
  start: string;
  /** Exclusive. */
  end: string;
}

export interface PromotionBar {
  /** Exclusive: the first day the bar no longer applies. */
  until: string;
  sourceCollection: 'sanctions' | 'measures';
  sourceId: string;
  kind: string;
  /** Why: impactPeriod, afterPartyProbation, admonishment, demotion, removal. */
  reason: string;
}

export interface UnitRankingRow {
  unitId: string;
  mean: number;
  rank: number;
  n: number;
  third: RankEvidence['third'];
  scoredCadres: number;
}

export interface ViewEngine {
  /** Findings as of `asOf`; with `subject`, only that subject's (the engine evaluates less). */
  evaluate(state: LedgerState, asOf: string, subject?: Subject): Finding[];
  /** The cadre's monthly rank within the peer group up to `asOf`, oldest first. */
  rankHistory(state: LedgerState, cadreId: string, asOf: string): RankEvidence[];
  /** Impact periods of the cadre's sanctions decided by `asOf` that count, with stacking. */
  impactPeriods(state: LedgerState, cadreId: string, asOf: string): ImpactPeriod[];
  /** Promotion bars from records dated by `asOf` (DOMAIN.md §4.1a). */
  promotionBars(state: LedgerState, cadreId: string, asOf: string): PromotionBar[];
  /** Units ranked by mean monthly score in `month`. */
  unitRanking(state: LedgerState, month: string): UnitRankingRow[];
  /** These cadres' ranks within their peer groups in `month` (absent without a score). */
  monthRanks(state: LedgerState, month: string, cadreIds: readonly string[]): Map<string, RankEvidence>;
  /**
   * The engine's own index as of `asOf` (cached like the rest), for views that ask a rule's own
   * questions — the way back up states rehab.reascend's conditions from it (shared/views/rehab.ts).
   */
  index(state: LedgerState, asOf: string): LedgerIndex;
}
