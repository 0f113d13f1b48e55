// The ledger index: built once per evaluation from the LedgerState, it holds what every rule looks
// up — cadres by position, scores/ranks/thirds as typed-array matrices (cadre × month), per-cadre
// and per-unit lists of records — so no rule ever filters the whole ledger. Records dated after
// the as-of month and records named by a clearance or revocation never enter it.
import type { IsoDate, Month } from '../domain/primitives';
import type {
  AnnualGrade,
  Cadre,
  CheckIn,
  Clearance,
  FaultRecord,
  Measure,
  RehabPlan,
  Sanction,
  Unit,
} from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import { defaultPolicy } from '../policy/default';
import { sortPolicyVersions } from '../policy/index';
import type { PolicyVersion } from '../policy/schema';
import { lastDayOf, monthFromIndex, monthIndex } from './calendar';
import { impactPeriods, promotionBars, type ImpactPeriod, type PromotionBar } from './periods';
import {
  rankInAscending,
  thirdOf,
  THIRD_UNSCORED,
  type ThirdCode,
} from './ranking';
import type { ThirdSeries } from './streaks';

export interface LedgerIndexOptions {
  /** Leave out records dated after this month (and scores of later months). */
  asOf?: Month;
  /** Policy versions; else the `policies` collection; else the default policy. */
  policies?: readonly PolicyVersion[];
}

/** One unit's standing among units in a month (team rules). */
export interface UnitMonthRanking {
  month: Month;
  /** Per unit position: mean score (NaN when not ranked), scored cadres, rank (0 = not ranked), third. */
  mean: Float64Array;
  scored: Int32Array;
  rank: Int32Array;
  third: Uint8Array;
  /** Units ranked that month. */
  n: number;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class LedgerIndex {
  readonly kind = 'LedgerIndex' as const;
  readonly asOf?: Month;
  /** Last day of the as-of month (records dated after it are left out). */
  readonly cutoffDay?: IsoDate;
  readonly cutoffMonthIndex: number;

  /** Policy versions, oldest first. */
  readonly policies: PolicyVersion[];

  readonly cadres: Cadre[] = [];
  readonly cadreIndex = new Map<string, number>();
  readonly units: Unit[] = [];
  readonly unitIndex = new Map<string, number>();
  /** Unit position of each cadre, −1 if the cadre's unit is unknown. */
  readonly unitOf: Int32Array;
  readonly unitMembers: number[][] = [];
  readonly groupNames: string[] = [];
  readonly groupOf: Int32Array;
  readonly groupMembers: number[][] = [];

  /** Month index of column 0 of the matrices, and their width. */
  readonly baseMonth: number;
  readonly span: number;
  /** cadre × month: score (NaN = none), competition rank (0 = unranked), third code. */
  readonly scores: Float64Array;
  readonly ranks: Int32Array;
  readonly thirds: Uint8Array;
  /** group × month: ranked cadres. */
  readonly groupSizes: Int32Array;

  /** Ids named by a clearance or revocation. */
  readonly annulled: Set<string>;
  readonly clearances: Clearance[];
  readonly sanctionsByCadre: (Sanction[] | undefined)[];
  readonly measuresByCadre: (Measure[] | undefined)[];
  readonly measuresByUnit: (Measure[] | undefined)[];
  readonly gradesByCadre: (Map<number, AnnualGrade> | undefined)[];
  readonly faultsByCadre: (FaultRecord[] | undefined)[];
  readonly plansByCadre: (RehabPlan[] | undefined)[];
  readonly checkInsByPlan = new Map<string, CheckIn[]>();

  private readonly rankedGroups: Uint8Array;
  private readonly periodCache = new Map<number, ImpactPeriod[]>();
  private readonly barCache = new Map<number, PromotionBar[]>();
  private readonly unitRankCache = new Map<number, UnitMonthRanking>();
  private readonly policyCache = new Map<number, PolicyVersion>();

  constructor(state: LedgerState, options: LedgerIndexOptions = {}) {
    this.asOf = options.asOf;
    this.cutoffDay = options.asOf ? lastDayOf(options.asOf) : undefined;
    this.cutoffMonthIndex = options.asOf ? monthIndex(options.asOf) : Number.POSITIVE_INFINITY;
    const cutoffDay = this.cutoffDay ?? '9999-12-31';
    const cutoffYear = options.asOf ? Number(options.asOf.slice(0, 4)) : Number.POSITIVE_INFINITY;

    const given = options.policies && options.policies.length ? options.policies : [...state.policies.values()];
    this.policies = given.length ? sortPolicyVersions(given) : [defaultPolicy];

    this.annulled = new Set<string>();
    this.clearances = [...state.clearances.values()];
    for (const c of this.clearances) this.annulled.add(c.recordId);
    const annulled = this.annulled;

    // Units and cadres, in id order so that every later loop is deterministic.
    const units = [...state.units.values()].sort((a, b) => byString(a.id, b.id));
    for (const u of units) {
      this.unitIndex.set(u.id, this.units.length);
      this.units.push(u);
      this.unitMembers.push([]);
    }
    const cadres = [...state.cadres.values()].sort((a, b) => byString(a.id, b.id));
    const C = cadres.length;
    this.unitOf = new Int32Array(C);
    this.groupOf = new Int32Array(C);
    const groupIndex = new Map<string, number>();
    for (let i = 0; i < C; i++) {
      const c = cadres[i];
      this.cadreIndex.set(c.id, i);
      this.cadres.push(c);
      const u = this.unitIndex.get(c.unitId);
      this.unitOf[i] = u ?? -1;
      if (u !== undefined) this.unitMembers[u].push(i);
      let g = groupIndex.get(c.peerGroup);
      if (g === undefined) {
        g = this.groupNames.length;
        groupIndex.set(c.peerGroup, g);
        this.groupNames.push(c.peerGroup);
        this.groupMembers.push([]);
      }
      this.groupOf[i] = g;
      this.groupMembers[g].push(i);
    }

    // Scores: one pass into flat arrays (month range unknown yet), then into the matrix.
    const scoreAnnulled = new Set<string>();
    for (const id of annulled) if (state.scores.has(id)) scoreAnnulled.add(id);
    const total = state.scores.size;
    const sc = new Int32Array(total);
    const sm = new Int32Array(total);
    const sv = new Float64Array(total);
    const monthCache = new Map<string, number>();
    let count = 0;
    let minMonth = Number.POSITIVE_INFINITY;
    let maxMonth = Number.NEGATIVE_INFINITY;
    const cutoffMonth = this.cutoffMonthIndex;
    for (const r of state.scores.values()) {
      const c = this.cadreIndex.get(r.cadreId);
      if (c === undefined) continue;
      let m = monthCache.get(r.month);
      if (m === undefined) {
        m = monthIndex(r.month);
        monthCache.set(r.month, m);
      }
      if (m > cutoffMonth) continue;
      if (scoreAnnulled.size !== 0 && scoreAnnulled.has(r.id)) continue;
      sc[count] = c;
      sm[count] = m;
      sv[count] = r.score;
      count++;
      if (m < minMonth) minMonth = m;
      if (m > maxMonth) maxMonth = m;
    }
    if (count === 0) {
      minMonth = Number.isFinite(cutoffMonth) ? cutoffMonth : 0;
      maxMonth = minMonth - 1;
    }
    this.baseMonth = minMonth;
    this.span = maxMonth - minMonth + 1;
    const span = this.span;
    this.scores = new Float64Array(C * span).fill(Number.NaN);
    for (let i = 0; i < count; i++) this.scores[sc[i] * span + (sm[i] - minMonth)] = sv[i];
    this.ranks = new Int32Array(C * span);
    this.thirds = new Uint8Array(C * span);
    this.groupSizes = new Int32Array(this.groupNames.length * span);
    this.rankedGroups = new Uint8Array(this.groupNames.length);

    // Per-subject record lists.
    this.sanctionsByCadre = new Array(C);
    for (const s of state.sanctions.values()) {
      if (s.decidedOn > cutoffDay || annulled.has(s.id)) continue;
      const c = this.cadreIndex.get(s.cadreId);
      if (c !== undefined) (this.sanctionsByCadre[c] ??= []).push(s);
    }
    for (const list of this.sanctionsByCadre) list?.sort((a, b) => byString(a.decidedOn, b.decidedOn) || byString(a.id, b.id));

    this.measuresByCadre = new Array(C);
    this.measuresByUnit = new Array(this.units.length);
    for (const m of state.measures.values()) {
      if (m.startsOn > cutoffDay || annulled.has(m.id)) continue;
      if (m.subjectType === 'cadre') {
        const c = this.cadreIndex.get(m.subjectId);
        if (c !== undefined) (this.measuresByCadre[c] ??= []).push(m);
      } else {
        const u = this.unitIndex.get(m.subjectId);
        if (u !== undefined) (this.measuresByUnit[u] ??= []).push(m);
      }
    }
    const byStart = (a: Measure, b: Measure) => byString(a.startsOn, b.startsOn) || byString(a.id, b.id);
    for (const list of this.measuresByCadre) list?.sort(byStart);
    for (const list of this.measuresByUnit) list?.sort(byStart);

    this.gradesByCadre = new Array(C);
    for (const g of state.grades.values()) {
      if (g.year > cutoffYear || annulled.has(g.id)) continue;
      const c = this.cadreIndex.get(g.cadreId);
      if (c !== undefined) (this.gradesByCadre[c] ??= new Map()).set(g.year, g);
    }

    this.faultsByCadre = new Array(C);
    for (const f of state.faults.values()) {
      if (f.date > cutoffDay || annulled.has(f.id)) continue;
      const c = this.cadreIndex.get(f.cadreId);
      if (c !== undefined) (this.faultsByCadre[c] ??= []).push(f);
    }
    for (const list of this.faultsByCadre) list?.sort((a, b) => byString(a.date, b.date) || byString(a.id, b.id));

    this.plansByCadre = new Array(C);
    for (const p of state.rehabPlans.values()) {
      if (p.startsOn > cutoffDay || annulled.has(p.id)) continue;
      const c = this.cadreIndex.get(p.cadreId);
      if (c !== undefined) (this.plansByCadre[c] ??= []).push(p);
    }
    for (const list of this.plansByCadre) list?.sort((a, b) => byString(a.startsOn, b.startsOn) || byString(a.id, b.id));

    for (const ci of state.checkIns.values()) {
      if (ci.date > cutoffDay) continue;
      let list = this.checkInsByPlan.get(ci.planId);
      if (!list) this.checkInsByPlan.set(ci.planId, (list = []));
      list.push(ci);
    }
    for (const list of this.checkInsByPlan.values()) list.sort((a, b) => byString(a.date, b.date) || byString(a.id, b.id));
  }

  // ---- policy ---------------------------------------------------------------------------------

  /** The version in force in a month index: newest with effectiveFrom ≤ month; before the first version, the first. */
  policyAtIndex(month: number): PolicyVersion {
    let p = this.policyCache.get(month);
    if (p) return p;
    p = this.policies[0];
    for (const v of this.policies) if (monthIndex(v.effectiveFrom) <= month) p = v;
    this.policyCache.set(month, p);
    return p;
  }

  policyAt = (month: Month): PolicyVersion => this.policyAtIndex(monthIndex(month));

  // ---- ranking --------------------------------------------------------------------------------

  /** Ranks every peer group (evaluate needs them all). */
  rankAll(): void {
    for (let g = 0; g < this.groupNames.length; g++) this.rankGroup(g);
  }

  /** Competition ranks and thirds of one peer group for every month, computed once. */
  rankGroup(g: number): void {
    if (this.rankedGroups[g]) return;
    this.rankedGroups[g] = 1;
    const members = this.groupMembers[g];
    const span = this.span;
    const buf = new Float64Array(members.length);
    for (let m = 0; m < span; m++) {
      let n = 0;
      for (const c of members) {
        const s = this.scores[c * span + m];
        if (s === s) buf[n++] = s; // not NaN
      }
      this.groupSizes[g * span + m] = n;
      if (n === 0) continue;
      const sorted = buf.subarray(0, n).sort();
      const ranking = this.policyAtIndex(this.baseMonth + m).ranking;
      for (const c of members) {
        const at = c * span + m;
        const s = this.scores[at];
        if (s !== s) continue;
        const rank = rankInAscending(sorted, n, s);
        this.ranks[at] = rank;
        this.thirds[at] = thirdOf(rank, n, ranking);
      }
    }
  }

  /** Third of cadre `c` in month index `month` (the cadre's peer group must be ranked). */
  thirdAt(c: number, month: number): ThirdCode {
    const m = month - this.baseMonth;
    if (m < 0 || m >= this.span) return THIRD_UNSCORED;
    return this.thirds[c * this.span + m] as ThirdCode;
  }

  cadreSeries(c: number): ThirdSeries {
    this.rankGroup(this.groupOf[c]);
    return (month) => this.thirdAt(c, month);
  }

  /** Score, rank, group size and third of a cadre in a month, or undefined without a score. */
  rankEvidence(c: number, month: number): { month: Month; score: number; rank: number; n: number; third: 'top' | 'middle' | 'bottom' | 'none' } | undefined {
    const m = month - this.baseMonth;
    if (m < 0 || m >= this.span) return undefined;
    const at = c * this.span + m;
    const score = this.scores[at];
    if (score !== score) return undefined;
    this.rankGroup(this.groupOf[c]);
    const third = this.thirds[at];
    return {
      month: monthFromIndex(month),
      score,
      rank: this.ranks[at],
      n: this.groupSizes[this.groupOf[c] * this.span + m],
      third: third === 1 ? 'top' : third === 2 ? 'middle' : third === 3 ? 'bottom' : 'none',
    };
  }

  /** Unit ranking of a month: mean score of units with enough scored cadres, competition ranked. */
  unitRanking(month: number): UnitMonthRanking {
    let r = this.unitRankCache.get(month);
    if (r) return r;
    const U = this.units.length;
    const sum = new Float64Array(U);
    const scored = new Int32Array(U);
    const m = month - this.baseMonth;
    if (m >= 0 && m < this.span) {
      for (let c = 0; c < this.cadres.length; c++) {
        const u = this.unitOf[c];
        if (u < 0) continue;
        const s = this.scores[c * this.span + m];
        if (s !== s) continue;
        sum[u] += s;
        scored[u]++;
      }
    }
    const ranking = this.policyAtIndex(month).ranking;
    const mean = new Float64Array(U).fill(Number.NaN);
    const values: number[] = [];
    for (let u = 0; u < U; u++) {
      if (scored[u] >= ranking.unitMinScoredCadres && scored[u] > 0) {
        // Rounded so that equal means from different sums compare equal (ties share a rank).
        mean[u] = Math.round((sum[u] / scored[u]) * 1e6) / 1e6;
        values.push(mean[u]);
      }
    }
    const sorted = Float64Array.from(values).sort();
    const n = sorted.length;
    const rank = new Int32Array(U);
    const third = new Uint8Array(U);
    for (let u = 0; u < U; u++) {
      if (mean[u] !== mean[u]) continue;
      rank[u] = rankInAscending(sorted, n, mean[u]);
      third[u] = thirdOf(rank[u], n, ranking);
    }
    r = { month: monthFromIndex(month), mean, scored, rank, third, n };
    this.unitRankCache.set(month, r);
    return r;
  }

  unitSeries(u: number): ThirdSeries {
    return (month) => {
      const m = month - this.baseMonth;
      if (m < 0 || m >= this.span) return THIRD_UNSCORED;
      return this.unitRanking(month).third[u] as ThirdCode;
    };
  }

  // ---- periods --------------------------------------------------------------------------------

  impactPeriodsOf(c: number): ImpactPeriod[] {
    let p = this.periodCache.get(c);
    if (!p) {
      const list = this.sanctionsByCadre[c];
      p = list ? impactPeriods(list, this.policyAt) : [];
      this.periodCache.set(c, p);
    }
    return p;
  }

  promotionBarsOf(c: number): PromotionBar[] {
    let b = this.barCache.get(c);
    if (!b) {
      const periods = this.impactPeriodsOf(c);
      const measures = this.measuresByCadre[c];
      b = periods.length || measures ? promotionBars(periods, measures ?? [], this.policyAt) : [];
      this.barCache.set(c, b);
    }
    return b;
  }

  /** First month with any score (for streak loops). */
  get firstMonth(): number {
    return this.baseMonth;
  }
}

export function buildLedgerIndex(state: LedgerState, options: LedgerIndexOptions = {}): LedgerIndex {
  return new LedgerIndex(state, options);
}

export function isLedgerIndex(x: unknown): x is LedgerIndex {
  return x instanceof LedgerIndex;
}
