// What the views need from the rules engine. The views take it as a parameter so that they can be
// tested with findings of the test's choosing; engineBinding.ts binds it to shared/engine (one
// ledger index per office and as-of month, reused while the store's revision stays the same).
//
// Office scope (docs/SYNC.md "The New Area's view"): a ledger holding several offices' cadres (the
// New Area) is evaluated per owning office — each township's cadres and units among themselves,
// with that township's policy timeline (views/officeScope.ts). Every method takes the whole
// ledger's state or a partition the engine handed out (`partition`); a township's ledger is one
// partition, the state itself.
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
  /** The owning office: units are ranked among that office's units only. */
  office: string;
  mean: number;
  rank: number;
  n: number;
  third: RankEvidence['third'];
  scoredCadres: number;
}

/** What an index is for: a cadre's or unit's owning office, or an office named directly. */
export type IndexScope = { cadreId: string } | { unitId: string } | { office: string };

export interface ViewEngine {
  /**
   * Findings as of `asOf`, ordered as the engine orders them; with `subject`, only that subject's
   * (the engine evaluates less); with `office`, only that office's cadres and units. Without
   * either, every office's findings together.
   */
  evaluate(state: LedgerState, asOf: string, subject?: Subject, office?: string): Finding[];
  /** The cadre's monthly rank within the peer group up to `asOf`, oldest first. */
  rankHistory(state: LedgerState, cadreId: string, asOf: string): RankEvidence[];
  /** Impact periods of the cadre's sanctions decided by `asOf` that count, with stacking. */
  impactPeriods(state: LedgerState, cadreId: string, asOf: string): ImpactPeriod[];
  /** Promotion bars from records dated by `asOf` (DOMAIN.md §4.1a). */
  promotionBars(state: LedgerState, cadreId: string, asOf: string): PromotionBar[];
  /**
   * Units ranked by mean monthly score in `month`, each office's units among themselves (rows of
   * this office first, then by office code); with `office`, that office's only.
   */
  unitRanking(state: LedgerState, month: string, office?: string): UnitRankingRow[];
  /** These cadres' ranks within their peer groups in `month` (absent without a score). */
  monthRanks(state: LedgerState, month: string, cadreIds: readonly string[]): Map<string, RankEvidence>;
  /**
   * The engine's own index as of `asOf` for a cadre's, unit's or office's partition (cached like
   * the rest), for views that ask a rule's own questions — the way back up states
   * rehab.reascend's conditions from it (shared/views/rehab.ts).
   */
  index(state: LedgerState, asOf: string, scope: IndexScope): LedgerIndex;
  /** The offices the ledger is evaluated for (one partition each), this office first. */
  offices(state: LedgerState): string[];
  /**
   * The ledger as one office sees it (views/officeScope.ts partitionFor): that office's cadres and
   * units, its policy timeline, every other collection shared. A one-office ledger's own office
   * gets the state itself. Views given a partition show that office only.
   */
  partition(state: LedgerState, office: string): LedgerState;
}
