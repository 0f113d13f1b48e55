// The rules engine (DOMAIN.md §4): a pure function of the ledger, the policy versions and the
// as-of month. No clock, no I/O; the same input gives the same findings in the same order.
//
// Also the views the case file and the unit table draw from (rank history, impact periods,
// promotion bars, unit ranking): they come from the same index and helpers as the rules, so a
// chart can never disagree with a finding.
import type { Finding, RankEvidence } from '../domain/findings';
import { monthSchema, type Month } from '../domain/primitives';
import type { Subject } from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import type { PolicyVersion } from '../policy/schema';
import { monthFromIndex, monthIndex } from './calendar';
import { LedgerIndex, type LedgerIndexOptions } from './ledgerIndex';
import { coversMonth, type ImpactPeriod, type PromotionBar } from './periods';
import { percentileOf } from './ranking';
import { createContext, ruleIds, type Rule, type RuleId } from './rule';
import { rules } from './rules';

export { rules } from './rules';
export { ruleIds, findingKey, type Rule, type RuleId, type RuleContext } from './rule';
export { LedgerIndex, buildLedgerIndex, type LedgerIndexOptions, type UnitMonthRanking } from './ledgerIndex';
export type { ImpactPeriod, PromotionBar, PromotionBarReason } from './periods';

export interface EvaluateOptions {
  /** Policy versions to use; else the ledger's `policies` collection; else the default policy. */
  policies?: readonly PolicyVersion[];
  /** Only findings about these cadres and units (the ranking still uses everyone). */
  subjects?: readonly Subject[];
  /** Only these rules (all by default). */
  rules?: readonly RuleId[];
}

/** The order of evaluate()'s findings: rule, subject type, subject id, key. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.rule, b.rule) || cmp(a.subject.type, b.subject.type) || cmp(a.subject.id, b.subject.id) || cmp(a.key, b.key)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkMonth(month: string, what: string): void {
  if (!monthSchema.safeParse(month).success) throw new Error(`${what}: expected a month YYYY-MM, got "${month}"`);
}

/**
 * The findings of every rule as of `asOf`, ordered by rule, subject type, subject id and key.
 * Records dated after the last day of `asOf` are not seen; cleared or revoked records never count.
 */
export function evaluate(state: LedgerState, asOf: Month, options: EvaluateOptions = {}): Finding[] {
  checkMonth(asOf, 'evaluate');
  const index = new LedgerIndex(state, { asOf, policies: options.policies });
  return evaluateIndex(index, options);
}

/** `evaluate` on an index already built with an `asOf` (the index fixes the as-of month). */
export function evaluateIndex(index: LedgerIndex, options: Pick<EvaluateOptions, 'subjects' | 'rules'> = {}): Finding[] {
  let cadres: number[];
  let units: number[];
  if (options.subjects) {
    const c = new Set<number>();
    const u = new Set<number>();
    for (const s of options.subjects) {
      // positionOf, not cadreIndex: no 50,000-entry map for an index re-evaluating a few subjects.
      const i = s.type === 'cadre' ? index.positionOf(s.id) : (index.unitIndex.get(s.id) ?? -1);
      if (i >= 0) (s.type === 'cadre' ? c : u).add(i);
    }
    cadres = [...c].sort((a, b) => a - b);
    units = [...u].sort((a, b) => a - b);
  } else {
    cadres = index.cadres.map((_, i) => i);
    units = index.units.map((_, i) => i);
    index.rankAll();
  }
  return evaluatePositions(index, cadres, units, options.rules);
}

/**
 * evaluateIndex for cadre and unit positions (ascending) already known — what an incremental update
 * re-evaluates — with their peer groups ranked. No ids are looked up again.
 */
export function evaluatePositions(index: LedgerIndex, cadres: readonly number[], units: readonly number[], rules?: readonly RuleId[]): Finding[] {
  if (!index.asOf) throw new Error('evaluateIndex: the index must be built with an asOf month');
  const selected: readonly Rule[] = rules ? rulesInFindingOrder.filter((r) => rules.includes(r.id)) : rulesInFindingOrder;
  const out: Finding[] = [];
  for (const i of cadres) index.rankGroup(index.groupOf[i]); // a no-op for a group already ranked
  const ctx = createContext(index, monthIndex(index.asOf), cadres, units, (f) => out.push(f));
  // The rules run in id order and each emits by subject position (id order), so the findings
  // usually come out sorted: each rule's run is checked in one pass and sorted only if it is not.
  for (const rule of selected) {
    const from = out.length;
    rule.run(ctx);
    sortRun(out, from);
  }
  return out;
}

/** The rules by id: the order of their findings. */
const rulesInFindingOrder: readonly Rule[] = [...rules].sort((a, b) => cmp(a.id, b.id));

/** Sorts out[from..] in place (stable, like Array.prototype.sort) unless it is in order already. */
function sortRun(out: Finding[], from: number): void {
  for (let i = from + 1; i < out.length; i++) {
    if (compareFindings(out[i - 1], out[i]) <= 0) continue;
    const sorted = out.slice(from).sort(compareFindings);
    for (let j = 0; j < sorted.length; j++) out[from + j] = sorted[j];
    return;
  }
}

type Source = LedgerState | LedgerIndex;

function indexOf(source: Source, options: LedgerIndexOptions): LedgerIndex {
  return source instanceof LedgerIndex ? source : new LedgerIndex(source, options);
}

function cadreAt(index: LedgerIndex, cadreId: string): number {
  const c = index.positionOf(cadreId);
  if (c < 0) throw new Error(`unknown cadre "${cadreId}"`);
  return c;
}

export type RankHistoryEntry = RankEvidence & {
  /** Share of the peer group this rank is ahead of: rank 1 → 100, last → 0. */
  percentile: number;
  peerGroup: string;
};

/** Every month the cadre has a score: score, competition rank, group size, third, percentile. */
export function rankHistory(source: Source, cadreId: string, options: { policies?: readonly PolicyVersion[] } = {}): RankHistoryEntry[] {
  const index = indexOf(source, { policies: options.policies });
  const c = cadreAt(index, cadreId);
  const out: RankHistoryEntry[] = [];
  const peerGroup = index.cadres[c].peerGroup;
  for (let m = index.baseMonth; m < index.baseMonth + index.span; m++) {
    const e = index.rankEvidence(c, m);
    if (e) out.push({ ...e, percentile: percentileOf(e.rank, e.n), peerGroup });
  }
  return out;
}

export type ImpactPeriodView = ImpactPeriod & {
  /** The period covers the as-of month (only when an asOf is given). */
  active?: boolean;
  /** The period has ended by the as-of month and no release is recorded. */
  releaseDue?: boolean;
};

/**
 * The cadre's impact periods (cleared/revoked sanctions left out), with stacking applied. With
 * `asOf`, only sanctions decided by then, and each marked active / release due.
 */
export function impactPeriodsOf(
  source: Source,
  cadreId: string,
  asOf?: Month,
  options: { policies?: readonly PolicyVersion[] } = {},
): ImpactPeriodView[] {
  if (asOf) checkMonth(asOf, 'impactPeriodsOf');
  const index = indexOf(source, { asOf, policies: options.policies });
  const c = cadreAt(index, cadreId);
  const month = asOf ?? index.asOf;
  return index.impactPeriodsOf(c).map((p) => {
    if (!month) return { ...p };
    const nextMonthStart = monthFromIndex(monthIndex(month) + 1) + '-01';
    return {
      ...p,
      active: coversMonth(p.start, p.end, month),
      releaseDue: p.end <= nextMonthStart && !(p.releasedOn && p.releasedOn < nextMonthStart),
    };
  });
}

export type PromotionBarView = PromotionBar & { active: boolean };

/** The cadre's promotion bars from records dated by `asOf` (some may start later), each marked active in `asOf`. */
export function promotionBarsOf(
  source: Source,
  cadreId: string,
  asOf: Month,
  options: { policies?: readonly PolicyVersion[] } = {},
): PromotionBarView[] {
  checkMonth(asOf, 'promotionBarsOf');
  const index = indexOf(source, { asOf, policies: options.policies });
  const c = cadreAt(index, cadreId);
  // Every bar known by asOf, including those that start later (after a party probation's period).
  return index.promotionBarsOf(c).map((b) => ({ ...b, active: coversMonth(b.start, b.until, asOf) }));
}

export interface UnitRankingRow {
  unitId: string;
  unitName: string;
  /** Mean score of the unit's scored cadres. */
  mean: number;
  scoredCadres: number;
  rank: number;
  n: number;
  third: RankEvidence['third'];
}

/** Units ranked by their cadres' mean score in `month` (units with too few scored cadres left out). */
export function unitRanking(source: Source, month: Month, options: { policies?: readonly PolicyVersion[] } = {}): UnitRankingRow[] {
  checkMonth(month, 'unitRanking');
  const index = indexOf(source, { policies: options.policies });
  const r = index.unitRanking(monthIndex(month));
  const out: UnitRankingRow[] = [];
  for (let u = 0; u < index.units.length; u++) {
    if (!r.rank[u]) continue;
    const t = r.third[u];
    out.push({
      unitId: index.units[u].id,
      unitName: index.units[u].name,
      mean: r.mean[u],
      scoredCadres: r.scored[u],
      rank: r.rank[u],
      n: r.n,
      third: t === 1 ? 'top' : t === 2 ? 'middle' : t === 3 ? 'bottom' : 'none',
    });
  }
  return out.sort((a, b) => a.rank - b.rank || cmp(a.unitId, b.unitId));
}

/** Rule titles for the UI's filters. */
export const ruleTitles: Record<RuleId, { zh: string; en: string }> = Object.fromEntries(
  rules.map((r) => [r.id, r.title]),
) as Record<RuleId, { zh: string; en: string }>;

// Every rule id of the table has exactly one rule (checked once at load, cheap).
if (rules.length !== ruleIds.length || ruleIds.some((id) => !rules.some((r) => r.id === id))) {
  throw new Error('engine: the rule list does not match ruleIds');
}
