// What the views need from the rules engine. The views take it as a parameter so that they can be
// tested on their own; `engineForViews` (engineBinding.ts) binds it to shared/engine.
import type { Finding, RankEvidence } from '../domain/findings';
import type { Subject } from '../domain/records';
import type { LedgerState } from '../ledger/collections';

export interface ImpactPeriod {
  sanctionId: string;
  kind: string;
  start: string;
  /** Exclusive. */
  end: string;
}

export interface PromotionBar {
  until: string;
  sourceCollection: 'sanctions' | 'measures';
  sourceId: string;
  kind: string;
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
  /** Findings as of `asOf`; with `subject`, only that subject's (the engine may evaluate less). */
  evaluate(state: LedgerState, asOf: string, subject?: Subject): Finding[];
  /** The cadre's monthly rank within the peer group, oldest first (cleared scores left out). */
  rankHistory(state: LedgerState, cadreId: string): RankEvidence[];
  /** Impact periods of the cadre's sanctions that count (not cleared or revoked), with stacking. */
  impactPeriods(state: LedgerState, cadreId: string): ImpactPeriod[];
  /** Promotion bars covering `asOf` (DOMAIN.md §4.1a). */
  promotionBars(state: LedgerState, cadreId: string, asOf: string): PromotionBar[];
  /** Units ranked by mean monthly score in `month`. */
  unitRanking(state: LedgerState, month: string): UnitRankingRow[];
  /** Every cadre's rank within its peer group in `month` (cadres without a score are absent). */
  monthRanking(state: LedgerState, month: string): Map<string, RankEvidence>;
}
