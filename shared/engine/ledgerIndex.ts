// The ledger index: built once per evaluation from the LedgerState, it holds what every rule looks
// up — cadres by position, scores/ranks/thirds as month-major typed-array matrices, per-cadre and
// per-unit lists of records — so no rule ever filters the whole ledger. Records dated after the
// as-of month and records named by a clearance or revocation never enter it.
import type { RankEvidence } from '../domain/findings';
import type { IsoDate, Month } from '../domain/primitives';
import type {
  AnnualGrade,
  AnnualGradeValue,
  Cadre,
  CheckIn,
  Clearance,
  MonthlyScore,
  FaultRecord,
  Measure,
  RehabPlan,
  Sanction,
  Unit,
} from '../domain/records';
import { annualGradeId, measureKinds, type MeasureKind } from '../domain/records';
import { versionOf, type LedgerState } from '../ledger/collections';
import { defaultPolicy } from '../policy/default';
import { sortPolicyVersions } from '../policy/index';
import type { PolicyVersion } from '../policy/schema';
import { lastDayOf, monthFromIndex, monthIndex } from './calendar';
import { impactPeriods, promotionBars, type ImpactPeriod, type PromotionBar } from './periods';
import { competitionRanksByKey, rankInAscending, THIRD_BOTTOM, THIRD_MIDDLE, THIRD_NONE, THIRD_TOP, thirdOf, thirdSize, type ThirdCode } from './ranking';
import { gradeCode, gradeOfCode, GradeTable, NO_GRADE, YEAR_CEILING, YEAR_FLOOR } from './columns/gradeTable';
import { NO_SCORE, NO_SLOT, parseScoreMonth, ScoreTable } from './columns/scoreTable';
import { groupBySubject, Segments, sortRange } from './segments';
import { cadreOrderOf, derivedOf, isKept, type CadreOrder } from './keptStructures';
import type { MonthsPool } from './packedMonths';
import type { ThirdMatrix } from './streaks';

export interface LedgerIndexOptions {
  /** Leave out records dated after this month (and scores of later months). */
  asOf?: Month;
  /** Policy versions; else the `policies` collection; else the default policy. */
  policies?: readonly PolicyVersion[];
  /**
   * This office's code: same-day records are ordered by their global ids (`XZ01.S000001` at every
   * office), so offices holding the same records choose alike (DECISIONS 93). Omitted: plain ids.
   */
  office?: string;
}

/** The units' standing in one month (team rules). */
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
/** Compares ids as their global forms at office `self` (shared/sync/ids.ts qualifyId); only same-day ties get here. */
function byGlobalId(self: string): (a: string, b: string) => number {
  const own = (id: string) => id.indexOf('.') < 0 || !qualifiedId.test(id);
  return (a, b) => {
    const x = own(a) ? `${self}.${a}` : a;
    const y = own(b) ? `${self}.${b}` : b;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
const qualifiedId = /^[A-Z][A-Z0-9]{1,11}\./;
/**
 * A Map's values as an array. Array.from over the values iterator is a builtin's loop (no
 * iterator result reaches JS); `new Array(size)` filled by forEach was ~15× slower at 229,405
 * grades: V8 gives an array made with a length above 100,000 dictionary (slow) elements.
 */
function valuesOf<T>(map: ReadonlyMap<string, T>): T[] {
  return Array.from(map.values());
}
/** An array of `n` slots (n ≤ like.length) with fast elements, to be overwritten (see valuesOf). */
function slotsLike<T>(like: readonly T[], n: number): T[] {
  return like.slice(0, n);
}
/** 'YYYY-MM' → month index, from the character codes (no slicing, no hashing). */
function parseMonth(t: string): number {
  const y = (t.charCodeAt(0) - 48) * 1000 + (t.charCodeAt(1) - 48) * 100 + (t.charCodeAt(2) - 48) * 10 + (t.charCodeAt(3) - 48);
  return y * 12 + (t.charCodeAt(5) - 48) * 10 + (t.charCodeAt(6) - 48) - 1;
}
/**
 * Scratch for ranking scores in hundredths (0.00–100.00): counts per score (all zero between
 * uses), the third of each score, and per-member buffers grown to the largest group.
 */
const rankCounts = new Int32Array(10_001);
const rankThirds = new Uint8Array(10_001);
let rankScratch = { hundredths: new Uint16Array(0), floats: new Float64Array(0) };
function groupScratch(members: number): typeof rankScratch {
  if (rankScratch.hundredths.length < members) rankScratch = { hundredths: new Uint16Array(members), floats: new Float64Array(members) };
  return rankScratch;
}
const thirdText = ['none', 'top', 'middle', 'bottom', 'none'] as const;
/** Bit of each measure kind in the per-subject kind masks. */
export function kindMask(kinds: readonly MeasureKind[]): number {
  let mask = 0;
  for (const k of kinds) mask |= 1 << measureKinds.indexOf(k);
  return mask;
}
const kindBit = new Map<string, number>(measureKinds.map((k, i) => [k, 1 << i]));
function kindBits(segments: Segments<Measure>, subjects: number): Uint32Array {
  const bits = new Uint32Array(subjects);
  for (let s = 0; s < subjects; s++) {
    for (let i = segments.start[s]; i < segments.start[s + 1]; i++) bits[s] |= kindBit.get(segments.items[i].kind) ?? 0;
  }
  return bits;
}
const barMeasureMask = kindMask(['admonishment', 'demotion', 'removal']);
/** Per cadre position: impact periods and promotion bars once worked out (LedgerIndex.periodMemo). */
interface PeriodMemo {
  periods: (ImpactPeriod[] | undefined)[];
  bars: (PromotionBar[] | undefined)[];
}
/** One empty list for every cadre without periods or bars (most cadres), not a new array each: read-only by contract (not frozen: a frozen array would make the readers polymorphic). */
const noPeriods: readonly ImpactPeriod[] = [];
const noBars: readonly PromotionBar[] = [];

/**
 * The scores as a ScoreTable the index can read in place: the state's own table, unless it holds
 * records the columns could not (overflow: an id that is not `cadreId:month`, extra fields…) that
 * count for a known cadre by the cutoff, or the state's scores are a plain Map (a hand-built
 * state). Then — rarely — a table of their normalized values is built; a record of the overflow
 * wins over the column's record of the same cadre and month.
 */
function scoreTableOf(scores: LedgerState['scores'], cadreIndexOf: () => ReadonlyMap<string, number>, cutoffMonth: number): ScoreTable {
  const normalized = (r: unknown): MonthlyScore | undefined => {
    const x = r as { cadreId?: unknown; month?: unknown; score?: unknown } | null;
    if (!x || typeof x.cadreId !== 'string' || typeof x.score !== 'number' || !cadreIndexOf().has(x.cadreId)) return undefined;
    const m = parseScoreMonth(x.month);
    if (m < 0 || m > cutoffMonth) return undefined;
    const month = x.month as string;
    return { id: `${x.cadreId}:${month}`, cadreId: x.cadreId, month, score: x.score };
  };
  if (scores instanceof ScoreTable) {
    let relevant = false;
    scores.overflowRecords().forEach((r) => (relevant ||= normalized(r) !== undefined));
    if (!relevant) return scores;
  }
  const table = new ScoreTable();
  const overflow: MonthlyScore[] = [];
  scores.forEach((r, id) => {
    const n = normalized(r);
    if (!n) return;
    if (n.id === id && table.has(id) === false) table.set(n.id, n);
    else overflow.push(n);
  });
  for (const n of overflow) table.set(n.id, n);
  return table;
}

/**
 * Per unit: the month's scores summed in hundredths (integers: exact, no division per score) and
 * counted. Cadres are in id order, so a unit's members mostly come one after another: the sum is
 * kept in locals while the unit stays the same (no store and reload of sum[u] per cadre). One loop
 * per row type, so that each reads one kind of typed array (this runs for every month).
 */
function unitSums(
  row16: Uint16Array | undefined,
  row64: Float64Array | undefined,
  unitOf: Int32Array,
  slotOf: Int32Array,
  sum: Float64Array,
  count: Int32Array,
): void {
  sum.fill(0);
  const C = unitOf.length;
  let u = -1;
  let s = 0;
  let n = 0;
  if (row16) {
    for (let c = 0; c < C; c++) {
      const cu = unitOf[c];
      if (cu !== u) {
        if (u >= 0) {
          sum[u] += s;
          count[u] += n;
        }
        u = cu;
        s = 0;
        n = 0;
      }
      const h = row16[slotOf[c]];
      if (h !== NO_SCORE) {
        s += h;
        n++;
      }
    }
  } else {
    for (let c = 0; c < C; c++) {
      const cu = unitOf[c];
      if (cu !== u) {
        if (u >= 0) {
          sum[u] += s;
          count[u] += n;
        }
        u = cu;
        s = 0;
        n = 0;
      }
      const x = row64![slotOf[c]];
      if (x === x) {
        s += x * 100;
        n++;
      }
    }
  }
  if (u >= 0) {
    sum[u] += s;
    count[u] += n;
  }
}

/**
 * Means of the units with enough scored cadres, in millionths of a point, as integers: equal means
 * from different sums compare equal (ties share a rank), and integer keys rank without comparisons
 * (competitionRanksByKey). Returns how many units are ranked (keys/ids[0..n)).
 */
function unitMeans(sum: Float64Array, count: Int32Array, minScored: number, mean: Float64Array, keys: Int32Array, ids: Int32Array): number {
  let n = 0;
  for (let u = 0; u < count.length; u++) {
    if (count[u] >= minScored && count[u] > 0) {
      const k = Math.round((sum[u] / count[u]) * 1e4);
      mean[u] = k / 1e6;
      keys[n] = k;
      ids[n++] = u;
    }
  }
  return n;
}

/** thirdOf for every ranked unit, with the month's cut-offs worked out once. */
function unitThirds(rank: Int32Array, ids: Int32Array, n: number, ranking: PolicyVersion['ranking'], third: Uint8Array): void {
  if (n < ranking.minGroupSize) {
    for (let i = 0; i < n; i++) third[ids[i]] = THIRD_NONE;
    return;
  }
  const k = thirdSize(n, ranking.thirdsDivisor);
  const bottom = n - k;
  for (let i = 0; i < n; i++) {
    const r = rank[ids[i]];
    third[ids[i]] = r <= k ? THIRD_TOP : r > bottom ? THIRD_BOTTOM : THIRD_MIDDLE;
  }
}

/** Each cadre's score column (slotOf) and each peer group member's, slot → position, and the cadres without a slot (id → position). */
function scoreColumns(order: CadreOrder, table: ScoreTable): { slotOf: Int32Array; groupSlots: Int32Array[]; positionOfSlot: Int32Array; unslotted?: Map<string, number> } {
  const slotOf = new Int32Array(order.cadres.length);
  const positionOfSlot = new Int32Array(table.slots).fill(-1);
  const unslotted = slotCadres(order.cadres, table, slotOf, positionOfSlot);
  const groupSlots = order.groupMembers.map((members) => {
    const slots = new Int32Array(members.length);
    for (let i = 0; i < members.length; i++) slots[i] = slotOf[members[i]];
    return slots;
  });
  return { slotOf, groupSlots, positionOfSlot, unslotted };
}

/** Each cadre's score column, and slot → position; returns the cadres without a slot (id → position). */
function slotCadres(cadres: readonly Cadre[], table: ScoreTable, slotOf: Int32Array, positionOfSlot: Int32Array): Map<string, number> | undefined {
  let unslotted: Map<string, number> | undefined;
  // Slots are given in the order cadres first get a score, usually id order: the slot after the
  // last one found is tried before the table's map (slots are never reused, so ids[slot] === id
  // means slotOf(id) === slot).
  let last = 0;
  for (let i = 0; i < cadres.length; i++) {
    const id = cadres[i].id;
    const slot = table.cadreOfSlot(last + 1) === id ? last + 1 : table.slotOf(id);
    if (slot !== 0) last = slot;
    slotOf[i] = slot;
    if (slot !== 0) positionOfSlot[slot] = i;
    else (unslotted ??= new Map()).set(id, i);
  }
  return unslotted;
}

/** The measures of one subject type grouped by subject, each subject's kind bits, and the latest start among them. */
interface MeasureLists {
  segments: Segments<Measure>;
  kinds: Uint32Array;
  latest: string;
}

/**
 * The measures of one subject type grouped by subject (stable, then by start date and id) and
 * each subject's kind bits, in one pass over the collection's values: no callback or map lookup
 * per record beyond the subject's own (measures are the largest per-subject list after grades).
 */
function groupMeasures(all: readonly Measure[], out: Set<string> | undefined, index: LedgerIndex, type: 'cadre' | 'unit', subjects: number): MeasureLists {
  const keys = new Int32Array(all.length);
  const start = new Int32Array(subjects + 1);
  const kinds = new Uint32Array(subjects);
  let latest = '';
  for (let j = 0; j < all.length; j++) {
    const m = all[j];
    const s = m.subjectType !== type || (out !== undefined && out.has(m.id)) ? -1 : type === 'cadre' ? index.positionOf(m.subjectId) : (index.unitIndex.get(m.subjectId) ?? -1);
    keys[j] = s;
    if (s < 0) continue;
    start[s + 1]++;
    kinds[s] |= kindBit.get(m.kind) ?? 0;
    if (m.startsOn > latest) latest = m.startsOn;
  }
  const byId = index.byRecordId;
  return { segments: segmentsByKey(all, keys, start, (x, y) => byString(x.startsOn, y.startsOn) || byId(x.id, y.id)), kinds, latest };
}

/** `lists` without the measures started after `cutoff` (kind bits worked out again). */
function measuresBy(lists: MeasureLists, cutoff: string, subjects: number): MeasureLists {
  if (lists.latest <= cutoff) return lists;
  const segments = lists.segments.filter((m) => m.startsOn <= cutoff);
  return { segments, kinds: kindBits(segments, subjects), latest: lists.latest };
}

/**
 * The records placed by subject (`keys[j]`, -1: left out; `start[s + 1]` holds subject s's count)
 * and each subject's run put in `order` (stable): runs are short and usually in order already, so
 * short ones get an insertion sort. Turns `start` into the runs' offsets.
 */
function segmentsByKey<T>(all: readonly T[], keys: Int32Array, start: Int32Array, order: (x: T, y: T) => number): Segments<T> {
  const subjects = start.length - 1;
  for (let s = 0; s < subjects; s++) start[s + 1] += start[s];
  const next = start.slice(0, subjects);
  const items = slotsLike(all, start[subjects]);
  for (let j = 0; j < all.length; j++) {
    const s = keys[j];
    if (s >= 0) items[next[s]++] = all[j];
  }
  for (let s = 0; s < subjects; s++) {
    const a = start[s];
    const b = start[s + 1];
    if (b - a > 1) sortRange(items, a, b, order);
  }
  return new Segments(items, start);
}

/**
 * The grades as an index reads them (see LedgerIndex.gradeAt): per year in [base, base + span) —
 * years up to the as-of year — one code per cadre position (gradeCode; NO_GRADE: none or cleared),
 * year-major (codes[(year − base) × cadres + c]), and the records, made or kept when first asked
 * for. `byRecord`: read record by record (a plain Map, or a table with overflow records), which an
 * incremental update does not patch.
 */
export interface GradeView {
  base: number;
  span: number;
  codes: Uint8Array;
  records: ((AnnualGrade | undefined)[] | undefined)[];
  byRecord: boolean;
}

/** A code for a grade value outside annualGrades (a record read as it is): a grade, not ungraded. */
const OTHER_GRADE = 255;
const UNGRADED = gradeCode.ungraded;

/** `cadreId:year` → its parts (the id every writer gives a grade: annualGradeId), else undefined. */
function gradeIdParts(id: string): { cadreId: string; year: number } | undefined {
  const i = id.lastIndexOf(':');
  if (i <= 0) return undefined;
  const year = Number(id.slice(i + 1));
  return Number.isInteger(year) && String(year) === id.slice(i + 1) ? { cadreId: id.slice(0, i), year } : undefined;
}

/**
 * Each cadre position's slot in the grade table (NO_SLOT: none). Slots are given in the order
 * cadres first get a grade — a grade sheet is in id order — so the slot after the last one found
 * is tried before the table's map (as slotCadres does for the scores).
 */
function gradeSlots(cadres: readonly Cadre[], table: GradeTable): Int32Array {
  const slots = new Int32Array(cadres.length);
  let last = 0;
  for (let i = 0; i < cadres.length; i++) {
    const id = cadres[i].id;
    const slot = last + 1 < table.slots && table.cadreOfSlot(last + 1) === id ? last + 1 : table.slotOf(id);
    if (slot !== NO_SLOT) last = slot;
    slots[i] = slot;
  }
  return slots;
}

/** One year of the table (codes by slot) into the view's row at `offset` (codes by position). */
function copyGradeRow(row: Uint8Array, slots: Int32Array, codes: Uint8Array, offset: number): void {
  for (let c = 0; c < slots.length; c++) {
    const s = slots[c];
    codes[offset + c] = s === NO_SLOT ? NO_GRADE : row[s];
  }
}

/**
 * The grades read record by record: kept when of a cadre of the index, of a year by the as-of
 * year, not cleared. Two records for one cadre and year (only a hand-made journal has them: every
 * writer gives a grade the id cadreId:year) — the one last in id order counts, for every rule
 * (DECISIONS 190).
 */
function readGradeRecords(grades: ReadonlyMap<string, AnnualGrade>, index: LedgerIndex, upTo: number): GradeView {
  const C = index.cadres.length;
  const kept: { c: number; r: AnnualGrade }[] = [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  grades.forEach((r) => {
    const y = r.year;
    if (!Number.isInteger(y) || y > upTo || y < YEAR_FLOOR || y >= YEAR_CEILING || index.annulled.has(r.id)) return;
    const c = index.positionOf(r.cadreId);
    if (c < 0) return;
    kept.push({ c, r });
    if (y < min) min = y;
    if (y > max) max = y;
  });
  if (!kept.length) return { base: 0, span: 0, codes: new Uint8Array(0), records: [], byRecord: true };
  const span = max - min + 1;
  const codes = new Uint8Array(C * span);
  // A row of records only for a year that has one: the years between (one grade of 1950 and the
  // rest of 2025) cost a byte per cadre in `codes`, not an array slot.
  const records = new Array<(AnnualGrade | undefined)[] | undefined>(span).fill(undefined);
  for (const { c, r } of kept) {
    const y = r.year - min;
    const row = (records[y] ??= new Array<AnnualGrade | undefined>(C).fill(undefined));
    const was = row[c];
    if (was && index.byRecordId(was.id, r.id) > 0) continue;
    row[c] = r;
    codes[y * C + c] = gradeCode[r.grade] ?? OTHER_GRADE;
  }
  return { base: min, span, codes, records, byRecord: true };
}

export class LedgerIndex {
  readonly kind = 'LedgerIndex' as const;
  readonly asOf?: Month;
  /** Last day of the as-of month (records dated after it are left out). */
  readonly cutoffDay?: IsoDate;
  readonly cutoffMonthIndex: number;

  /** Policy versions, oldest first. */
  readonly policies: PolicyVersion[];

  // The cadre order and the score columns come from the state's kept structures (keptStructures.ts):
  // read-only, shared with every index of the state, until an incremental patch copies them (own()).
  readonly cadres: readonly Cadre[];
  readonly units: readonly Unit[];
  readonly unitIndex: ReadonlyMap<string, number>;
  /** Unit position of each cadre, −1 if the cadre's unit is unknown. */
  readonly unitOf: Int32Array;
  readonly unitMembers: readonly (readonly number[])[];
  readonly groupNames: readonly string[];
  readonly groupOf: Int32Array;
  readonly groupMembers: readonly Int32Array[];

  /** Column of each cadre (position) in the scores' rows: its ScoreTable slot, 0 (empty) without scores. */
  readonly scoreSlot: Int32Array;
  /** Per peer group, the score column of each member (groupMembers order). */
  readonly groupSlots: readonly Int32Array[];
  /** Month index of row 0 of the matrices, and the number of rows. */
  readonly baseMonth: number;
  readonly span: number;
  /**
   * Scores per month (row m = month base + m), by column (scoreSlot[cadre]): in hundredths
   * (NO_SCORE without one), or — for a month with a score that is not a hundredth — as numbers (NaN
   * without one). Exactly one of the two is set per month. These are the ScoreTable's own rows
   * (a month with a cleared score: a copy). Read them with scoreAt().
   */
  readonly scoreRows16: (Uint16Array | undefined)[];
  readonly scoreRows64: (Float64Array | undefined)[];
  /** month × cadre competition rank (0 = unranked); 16-bit while groups stay below 65,536. */
  readonly ranks: Uint16Array | Int32Array;
  /** month × cadre third codes (see ranking.ts), as a matrix for the streak helpers. */
  readonly thirds: ThirdMatrix;
  /** month × group: ranked cadres. */
  readonly groupSizes: Int32Array;
  /** 'YYYY-MM' of each row. */
  readonly monthNames: Month[];

  /** Ids named by a clearance or revocation. */
  readonly annulled: Set<string>;
  readonly clearances: Clearance[];
  // Per-subject record lists (below, as getters) are built on first use: a run of a few rules
  // (or the case file of one cadre) does not pay for the collections it never reads. So the index
  // reads the state after construction: use it only while the state is unchanged (one evaluation,
  // or a cache keyed by the store's revision as in views/engineBinding.ts).
  private readonly state: LedgerState;
  private readonly cutoffYear: number;
  /** The cadre order this index reads (kept for the state, or its own). */
  private readonly order: CadreOrder;
  private lists: {
    sanctions?: Segments<Sanction>;
    cadreMeasures?: Segments<Measure>;
    unitMeasures?: Segments<Measure>;
    cadreMeasureKinds?: Uint32Array;
    unitMeasureKinds?: Uint32Array;
    faults?: Segments<FaultRecord>;
    plans?: Segments<RehabPlan>;
    checkInsByPlan?: ReadonlyMap<string, readonly CheckIn[]>;
  } = {};

  private readonly rankedGroups: Uint8Array;
  /** Each cadre's impact periods and promotion bars, worked out when first asked for (periodMemo). */
  private periodMemoValue?: PeriodMemo;
  /** The policy versions as given (options.policies), else undefined: the state's collection. */
  private readonly givenPolicies?: readonly PolicyVersion[];
  private readonly unitRows: (UnitMonthRanking | undefined)[];
  private unitTables?: {
    mean: Float64Array;
    scored: Int32Array;
    rank: Int32Array;
    third: Uint8Array;
    sum: Float64Array;
    keys: Int32Array;
    ids: Int32Array;
  };
  private readonly policyCache = new Map<number, PolicyVersion>();
  /** The score table read, its slot → cadre position (−1: none), and the cadres without a slot (see positionOf). */
  private readonly slotTable: ScoreTable;
  private readonly positionOfSlot: Int32Array;
  private readonly unslotted?: Map<string, number>;
  private cadreIndexMap?: Map<string, number>;
  /** Ties between same-day records of a cadre: by global id (see LedgerIndexOptions.office); rules break ties with it too. */
  readonly byRecordId: (a: string, b: string) => number;
  /** The office whose ids order same-day ties ('' for plain ids): part of what kept lists depend on. */
  private readonly office: string;
  /** Change counts of the policies and clearances when this index read them (keptToken, makePeriodMemo). */
  private readonly policiesVersion: number | undefined;
  private clearancesVersion: number | undefined;

  constructor(state: LedgerState, options: LedgerIndexOptions = {}) {
    this.byRecordId = options.office ? byGlobalId(options.office) : byString;
    this.office = options.office ?? '';
    this.asOf = options.asOf;
    this.cutoffDay = options.asOf ? lastDayOf(options.asOf) : undefined;
    this.cutoffMonthIndex = options.asOf ? monthIndex(options.asOf) : Number.POSITIVE_INFINITY;
    const cutoffYear = options.asOf ? Number(options.asOf.slice(0, 4)) : Number.POSITIVE_INFINITY;

    this.givenPolicies = options.policies && options.policies.length ? options.policies : undefined;
    const given = this.givenPolicies ?? [...state.policies.values()];
    this.policies = given.length ? sortPolicyVersions(given) : [defaultPolicy];

    this.policiesVersion = versionOf(state.policies);
    this.clearancesVersion = versionOf(state.clearances);
    this.annulled = new Set<string>();
    this.clearances = [...state.clearances.values()];
    for (const c of this.clearances) this.annulled.add(c.recordId);
    const annulled = this.annulled;

    // Units and cadres in id order, so that every later loop is independent of insertion order:
    // kept for the state until cadres or units change (keptStructures.ts).
    const order = cadreOrderOf(state);
    this.order = order;
    this.cadres = order.cadres;
    this.units = order.units;
    this.unitIndex = order.unitIndex;
    this.unitMembers = order.unitMembers;
    this.unitOf = order.unitOf;
    this.groupOf = order.groupOf;
    this.groupNames = order.groupNames;
    this.groupMembers = order.groupMembers;
    const C = order.cadres.length;

    // Scores: the state's ScoreTable rows are read in place (docs/COLUMNS.md) — nothing is copied
    // per score. Each cadre position maps to its column ("slot"); a cadre without scores maps to
    // the table's empty slot 0. Only a month holding a cleared score gets a private copy of its
    // row with that score blanked out.
    const table = scoreTableOf(state.scores, () => this.cadreIndex, this.cutoffMonthIndex);
    // Kept while the table gives no new slot (slots are never reused): a score write leaves them.
    const columns = derivedOf(order, 'scoreSlots', table === state.scores ? [table, table.slotEpoch, table.slots] : [undefined], () => scoreColumns(order, table));
    this.scoreSlot = columns.slotOf;
    this.groupSlots = columns.groupSlots;
    this.slotTable = table;
    // The table's map of cadre id → slot exists already: through it (slot → position) an index
    // finds its cadres without a map of its own (cadreIndex is built only when asked for).
    this.positionOfSlot = columns.positionOfSlot;
    this.unslotted = columns.unslotted;
    const slotOf = this.scoreSlot;
    const cutoffMonth = this.cutoffMonthIndex;
    const range = table.monthRange(cutoffMonth);
    let minMonth: number;
    let maxMonth: number;
    if (range) {
      minMonth = range.min;
      maxMonth = range.max;
    } else {
      minMonth = Number.isFinite(cutoffMonth) ? cutoffMonth : 0;
      maxMonth = minMonth - 1;
    }
    this.baseMonth = minMonth;
    this.span = maxMonth - minMonth + 1;
    this.monthNames = [];
    for (let m = 0; m < this.span; m++) this.monthNames.push(monthFromIndex(minMonth + m));
    let gapRow: Uint16Array | undefined;
    this.scoreRows16 = [];
    this.scoreRows64 = [];
    for (let m = 0; m < this.span; m++) {
      const r64 = table.row64(minMonth + m);
      this.scoreRows64.push(r64);
      this.scoreRows16.push(r64 ? undefined : (table.row16(minMonth + m) ?? (gapRow ??= new Uint16Array(table.slots).fill(NO_SCORE))));
    }
    const copied = new Uint8Array(this.span);
    for (const id of annulled) {
      const r = table.get(id);
      if (!r) continue;
      const c = this.positionOf(r.cadreId);
      const m = parseMonth(r.month) - minMonth;
      if (c < 0 || m < 0 || m >= this.span || table.slotOf(r.cadreId) !== slotOf[c]) continue;
      const slot = slotOf[c];
      const fresh = !copied[m];
      copied[m] = 1;
      if (this.scoreRows16[m]) {
        const row = fresh ? (this.scoreRows16[m] = Uint16Array.from(this.scoreRows16[m]!)) : this.scoreRows16[m]!;
        row[slot] = NO_SCORE;
      } else {
        const row = fresh ? (this.scoreRows64[m] = Float64Array.from(this.scoreRows64[m]!)) : this.scoreRows64[m]!;
        row[slot] = Number.NaN;
      }
    }
    let largestGroup = 0;
    for (const g of this.groupMembers) largestGroup = Math.max(largestGroup, g.length);
    this.ranks = largestGroup < 65_536 ? new Uint16Array(C * this.span) : new Int32Array(C * this.span);
    this.thirds = { data: new Uint8Array(C * this.span), stride: C, base: minMonth, span: this.span };
    this.groupSizes = new Int32Array(this.groupNames.length * this.span);
    this.rankedGroups = new Uint8Array(this.groupNames.length);
    this.unitRows = new Array(this.span).fill(undefined);

    this.state = state;
    this.cutoffYear = cutoffYear;
  }

  // ---- record lists, built on first use -----------------------------------------------------------

  /** Ids of `records` named by a clearance: only a collection holding one pays a lookup per record. */
  private annulledIn(records: ReadonlyMap<string, unknown>): Set<string> | undefined {
    let found: Set<string> | undefined;
    for (const id of this.annulled) if (records.has(id)) (found ??= new Set()).add(id);
    return found;
  }

  /** Cadre id → position, built when first asked for (the index itself finds cadres by positionOf). */
  get cadreIndex(): Map<string, number> {
    let map = this.cadreIndexMap;
    if (!map) {
      map = new Map<string, number>();
      for (let i = 0; i < this.cadres.length; i++) map.set(this.cadres[i].id, i);
      this.cadreIndexMap = map;
    }
    return map;
  }

  /** Position of the cadre with this id, −1 if none: by its score slot, else among the cadres that had none. */
  positionOf(cadreId: string): number {
    const slot = this.slotTable.slotOf(cadreId);
    const c = slot < this.positionOfSlot.length ? this.positionOfSlot[slot] : -1;
    return c >= 0 ? c : (this.unslotted?.get(cadreId) ?? -1);
  }

  /**
   * Id → cadre position for records that usually come in cadre order (a grade sheet, an import):
   * tries the last cadre and the next two before the slot map.
   */
  private cadreLookup(): (id: string) => number {
    const { cadres } = this;
    const C = cadres.length;
    let lastId = '';
    let lastPos = -1;
    return (id) => {
      if (id === lastId) return lastPos;
      lastId = id;
      const next = lastPos + 1;
      if (next < C && cadres[next].id === id) return (lastPos = next);
      if (next + 1 < C && cadres[next + 1].id === id) return (lastPos = next + 1);
      return (lastPos = this.positionOf(id));
    };
  }

  private get cutoff(): IsoDate {
    return this.cutoffDay ?? '9999-12-31';
  }

  /**
   * A cadre's dated records — kept when dated by the cutoff and not cleared — by date, then id.
   * Sanctions, faults and rehabilitation plans are grouped alike. Every record of a known cadre is
   * grouped once and kept for the state (keptStructures.ts); an index that leaves some out — dated
   * after its cutoff, or cleared — filters the kept runs, which stay in order.
   */
  private byCadreAndDate<T extends { id: string; cadreId: string }>(name: string, records: ReadonlyMap<string, T>, dateOf: (r: T) => IsoDate): Segments<T> {
    const all = derivedOf(this.order, name, this.keptToken(records), () => {
      const cadreOf = this.cadreLookup();
      const out = this.annulledIn(records);
      let latest = '';
      const subjectOf = (r: T) => {
        if (out?.has(r.id)) return -1;
        const c = cadreOf(r.cadreId);
        if (c >= 0 && dateOf(r) > latest) latest = dateOf(r);
        return c;
      };
      const segments = groupBySubject(records, this.cadres.length, subjectOf, (x, y) => byString(dateOf(x), dateOf(y)) || this.byRecordId(x.id, y.id));
      return { segments, latest };
    });
    if (all.latest > this.cutoff) {
      const cutoff = this.cutoff;
      return all.segments.filter((r) => dateOf(r) <= cutoff);
    }
    if (isKept(all)) this.keptLists.add(all.segments);
    return all.segments;
  }

  /** The lists this index reads that are the state's kept ones (not filtered for its cutoff, not built for it alone). */
  private readonly keptLists = new Set<object>();

  /**
   * What a list kept for the state depends on: its collection (and version), the clearances (a
   * cleared record is left out when the list is made) and the office (same-day ties).
   */
  private keptToken(records: ReadonlyMap<string, unknown>): unknown[] {
    // The clearances as this index read them (annulled), not as they are now: an index read after
    // a clearance was written must not file its lists as current ones.
    return [records, versionOf(records), this.state.clearances, this.clearancesVersion, this.office];
  }

  /** Per cadre, by decision date. */
  get sanctions(): Segments<Sanction> {
    return (this.lists.sanctions ??= this.byCadreAndDate('sanctions', this.state.sanctions, (x) => x.decidedOn));
  }

  private measureLists(): void {
    const records = this.state.measures;
    const all = derivedOf(this.order, 'measures', this.keptToken(records), () => {
      const list = valuesOf(records);
      const out = this.annulledIn(records);
      return {
        cadres: groupMeasures(list, out, this, 'cadre', this.cadres.length),
        units: groupMeasures(list, out, this, 'unit', this.units.length),
      };
    });
    const cadres = measuresBy(all.cadres, this.cutoff, this.cadres.length);
    const units = measuresBy(all.units, this.cutoff, this.units.length);
    if (isKept(all) && cadres === all.cadres) this.keptLists.add(cadres.segments);
    const lists = this.lists;
    lists.cadreMeasures = cadres.segments;
    lists.unitMeasures = units.segments;
    lists.cadreMeasureKinds = cadres.kinds;
    lists.unitMeasureKinds = units.kinds;
  }

  /** Per cadre / per unit, by start date. */
  get cadreMeasures(): Segments<Measure> {
    if (!this.lists.cadreMeasures) this.measureLists();
    return this.lists.cadreMeasures!;
  }

  get unitMeasures(): Segments<Measure> {
    if (!this.lists.unitMeasures) this.measureLists();
    return this.lists.unitMeasures!;
  }

  /** Bit i set when the cadre / unit has a measure of kind measureKinds[i] (see kindMask). */
  get cadreMeasureKinds(): Uint32Array {
    if (!this.lists.cadreMeasureKinds) this.measureLists();
    return this.lists.cadreMeasureKinds!;
  }

  get unitMeasureKinds(): Uint32Array {
    if (!this.lists.unitMeasureKinds) this.measureLists();
    return this.lists.unitMeasureKinds!;
  }

  // ---- annual grades (columns: docs/COLUMNS.md) ---------------------------------------------------

  private gradeView?: GradeView;

  /**
   * The grades, read on first use: the state's GradeTable rows up to the as-of year copied into
   * the index (one byte per cadre and year; cleared grades blanked) — no record is read. A table
   * holding overflow records that count, or a plain Map, is read record by record instead.
   */
  get grades(): Readonly<GradeView> {
    return (this.gradeView ??= this.readGrades());
  }

  private readGrades(): GradeView {
    const grades = this.state.grades;
    if (!(grades instanceof GradeTable) || this.gradeOverflowCounts(grades)) return readGradeRecords(grades, this, this.cutoffYear);
    const C = this.cadres.length;
    const range = grades.yearRange(this.cutoffYear);
    // The years held: from the first with a grade to the as-of year, so that a grade entered for
    // a year not graded yet (the year's sheet, in its December) is a patch, not a rebuild.
    const last = Number.isFinite(this.cutoffYear) ? Math.min(this.cutoffYear, YEAR_CEILING - 1) : range?.max;
    const first = range ? range.min : last;
    if (first === undefined || last === undefined || last < first) return { base: 0, span: 0, codes: new Uint8Array(0), records: [], byRecord: false };
    const span = last - first + 1;
    const codes = new Uint8Array(C * span);
    const slots = derivedOf(this.order, 'gradeSlots', [grades, grades.slotEpoch, grades.slots], () => gradeSlots(this.cadres, grades));
    for (let y = 0; y < span; y++) {
      const row = grades.row(first + y);
      if (row) copyGradeRow(row, slots, codes, y * C);
    }
    // A cleared grade in the columns has the id cadreId:year: its cell is blanked.
    for (const id of this.annulled) {
      const at = gradeIdParts(id);
      if (!at || !grades.has(id)) continue;
      const c = this.positionOf(at.cadreId);
      const y = at.year - first;
      if (c >= 0 && y >= 0 && y < span) codes[y * C + c] = NO_GRADE;
    }
    return { base: first, span, codes, records: new Array<undefined>(span).fill(undefined), byRecord: false };
  }

  /** Whether the table holds a record outside its columns that is not cleared (then grades are read record by record). */
  private gradeOverflowCounts(table: GradeTable): boolean {
    for (const r of table.overflowRecords().values()) if (!this.annulled.has(r.id)) return true;
    return false;
  }

  /** The cadre's grade code for `year` (gradeCode; NO_GRADE: none, cleared, or after the as-of year). */
  gradeCodeAt(c: number, year: number): number {
    const v = this.grades;
    const y = year - v.base;
    return y >= 0 && y < v.span ? v.codes[y * this.cadres.length + c] : NO_GRADE;
  }

  /** The cadre's grade value for `year` — what most rules ask first: no record is made for it. */
  gradeValueAt(c: number, year: number): AnnualGradeValue | undefined {
    const code = this.gradeCodeAt(c, year);
    return code === OTHER_GRADE ? this.gradeAt(c, year)!.grade : gradeOfCode[code];
  }

  /** The cadre's grade record for `year` (made from the columns on first ask, then kept). */
  gradeAt(c: number, year: number): AnnualGrade | undefined {
    const v = this.grades;
    const y = year - v.base;
    if (y < 0 || y >= v.span) return undefined;
    const C = this.cadres.length;
    const code = v.codes[y * C + c];
    if (code === NO_GRADE) return undefined;
    const row = (v.records[y] ??= new Array<AnnualGrade | undefined>(C).fill(undefined));
    let r = row[c];
    if (!r) {
      const cadreId = this.cadres[c].id;
      r = row[c] = { id: annualGradeId(cadreId, year), cadreId, year, grade: gradeOfCode[code]! };
    }
    return r;
  }

  /** The id of the cadre's grade record for `year`, without making the record for a grade held in the columns. */
  gradeIdAt(c: number, year: number): string | undefined {
    const v = this.grades;
    const y = year - v.base;
    if (y < 0 || y >= v.span) return undefined;
    const code = v.codes[y * this.cadres.length + c];
    if (code === NO_GRADE) return undefined;
    if (v.byRecord || code === OTHER_GRADE) return this.gradeAt(c, year)!.id;
    return v.records[y]?.[c]?.id ?? annualGradeId(this.cadres[c].id, year);
  }

  /** "Last graded year" at `year` (§4.1a): the cadre's latest grade of a year ≤ year other than ungraded. */
  lastGradedAt(c: number, year: number): AnnualGrade | undefined {
    const v = this.grades;
    const C = this.cadres.length;
    for (let y = Math.min(year - v.base, v.span - 1); y >= 0; y--) {
      const code = v.codes[y * C + c];
      if (code !== NO_GRADE && code !== UNGRADED) return this.gradeAt(c, v.base + y);
    }
    return undefined;
  }

  /**
   * Re-reads grades `ids` (put, changed, removed, cleared or no longer cleared) into the index's
   * copy of the columns; the cadres they belong to are added to `cadres`. False when a patch cannot
   * express the change: the grades are read record by record (or must be now), or the year lies
   * outside the years the index holds (then only a rebuild can follow).
   */
  private refreshGrades(ids: ReadonlySet<string>, cadres: Set<number>): boolean {
    const view = this.gradeView;
    if (!view) return true; // not read yet: read from the state when asked for
    const table = this.state.grades;
    if (view.byRecord || !(table instanceof GradeTable) || this.gradeOverflowCounts(table)) return false;
    const C = this.cadres.length;
    for (const id of ids) {
      // Not cadreId:year: not a grade in the columns (a record of another collection cleared, or
      // one kept outside the columns — which would have made the grades read record by record).
      const at = gradeIdParts(id);
      if (!at) continue;
      const c = this.positionOf(at.cadreId);
      if (c < 0 || at.year > this.cutoffYear) continue;
      const y = at.year - view.base;
      if (y < 0 || y >= view.span) return false;
      const slot = table.slotOf(at.cadreId);
      view.codes[y * C + c] = this.annulled.has(id) || slot === NO_SLOT ? NO_GRADE : table.codeAt(slot, at.year);
      const row = view.records[y];
      if (row) row[c] = undefined;
      cadres.add(c);
    }
    return true;
  }

  get faults(): Segments<FaultRecord> {
    return (this.lists.faults ??= this.byCadreAndDate('faults', this.state.faults, (f) => f.date));
  }

  get plans(): Segments<RehabPlan> {
    return (this.lists.plans ??= this.byCadreAndDate('plans', this.state.rehabPlans, (p) => p.startsOn));
  }

  /** Check-ins per rehabilitation plan id, by date (kept for the state like the lists above; read-only). */
  get checkInsByPlan(): ReadonlyMap<string, readonly CheckIn[]> {
    return this.lists.checkInsByPlan ?? this.makeCheckInsByPlan();
  }

  private makeCheckInsByPlan(): ReadonlyMap<string, readonly CheckIn[]> {
    const records = this.state.checkIns;
    const all = derivedOf(this.order, 'checkIns', this.keptToken(records), () => {
      const byPlan = new Map<string, CheckIn[]>();
      let latest = '';
      records.forEach((ci) => {
        if (ci.date > latest) latest = ci.date;
        let list = byPlan.get(ci.planId);
        if (!list) byPlan.set(ci.planId, (list = []));
        list.push(ci);
      });
      for (const list of byPlan.values()) if (list.length > 1) list.sort((a, b) => byString(a.date, b.date) || this.byRecordId(a.id, b.id));
      return { byPlan: byPlan as ReadonlyMap<string, readonly CheckIn[]>, latest };
    });
    const cutoff = this.cutoff;
    if (all.latest <= cutoff) return (this.lists.checkInsByPlan = all.byPlan);
    // Each plan's list is by date: those dated by the cutoff are its first ones.
    const byPlan = new Map<string, readonly CheckIn[]>();
    for (const [planId, list] of all.byPlan) {
      let n = 0;
      while (n < list.length && list[n].date <= cutoff) n++;
      if (n) byPlan.set(planId, n === list.length ? list : list.slice(0, n));
    }
    return (this.lists.checkInsByPlan = byPlan);
  }

  // ---- records by subject ------------------------------------------------------------------------

  sanctionsOf(c: number): readonly Sanction[] | undefined {
    return this.sanctions.of(c);
  }

  measuresOf(c: number): readonly Measure[] | undefined {
    return this.cadreMeasures.of(c);
  }

  unitMeasuresOf(u: number): readonly Measure[] | undefined {
    return this.unitMeasures.of(u);
  }

  faultsOf(c: number): readonly FaultRecord[] | undefined {
    return this.faults.of(c);
  }

  plansOf(c: number): readonly RehabPlan[] | undefined {
    return this.plans.of(c);
  }

  /** Whether the cadre has a measure of any kind in `mask` (kindMask). */
  cadreHas(c: number, mask: number): boolean {
    return (this.cadreMeasureKinds[c] & mask) !== 0;
  }

  unitHas(u: number, mask: number): boolean {
    return (this.unitMeasureKinds[u] & mask) !== 0;
  }

  // ---- policy ---------------------------------------------------------------------------------

  /** The version in force in a month index: newest with effectiveFrom ≤ month; before the first version, the first. */
  policyAtIndex(month: number): PolicyVersion {
    // One version (most ledgers): it is in force in every month — no month to work out.
    if (this.policies.length === 1) return this.policies[0];
    let p = this.policyCache.get(month);
    if (p) return p;
    p = this.policies[0];
    for (const v of this.policies) if (monthIndex(v.effectiveFrom) <= month) p = v;
    this.policyCache.set(month, p);
    return p;
  }

  policyAt = (month: Month): PolicyVersion => (this.policies.length === 1 ? this.policies[0] : this.policyAtIndex(monthIndex(month)));

  // ---- ranking --------------------------------------------------------------------------------

  /** Ranks every peer group (evaluate needs them all). */
  rankAll(): void {
    for (let g = 0; g < this.groupNames.length; g++) this.rankGroup(g);
  }

  /** Competition ranks and thirds of one peer group for every month, computed once. */
  rankGroup(g: number): void {
    if (this.rankedGroups[g]) return;
    this.rankedGroups[g] = 1;
    const own = groupScratch(this.groupMembers[g].length);
    for (let m = 0; m < this.span; m++) this.rankGroupMonth(g, m, own);
  }

  /**
   * Ranks and thirds of group `g` in row `m`, written over blank cells (0: unranked). Hundredths
   * are ranked by counting over the range of scores the month has (1 + how many scored higher),
   * the third worked out once per distinct score rather than per cadre; floats by sort + binary
   * search. Also what rerankGroupMonth ranks a month again with.
   */
  private rankGroupMonth(g: number, m: number, own: typeof rankScratch): void {
    const members = this.groupMembers[g];
    const slots = this.groupSlots[g];
    const M = members.length;
    const C = this.cadres.length;
    const G = this.groupNames.length;
    const { ranks } = this;
    const thirds = this.thirds.data;
    const count = rankCounts;
    const thirdOfScore = rankThirds;
    const row = m * C;
    const ranking = this.policyAtIndex(this.baseMonth + m).ranking;
    const row16 = this.scoreRows16[m];
    if (row16) {
      // One gather of the members' scores (kept in member order for the second pass).
      const hs = own.hundredths;
      let n = 0;
      let lo = 10_000;
      let hi = 0;
      for (let i = 0; i < M; i++) {
        const h = row16[slots[i]];
        hs[i] = h;
        if (h === NO_SCORE) continue;
        count[h]++;
        n++;
        if (h < lo) lo = h;
        if (h > hi) hi = h;
      }
      this.groupSizes[m * G + g] = n;
      if (n === 0) return;
      const none = n < ranking.minGroupSize;
      const k = thirdSize(n, ranking.thirdsDivisor);
      let above = 0;
      for (let h = hi; h >= lo; h--) {
        const c = count[h];
        if (c === 0) continue;
        const rank = above + 1;
        count[h] = rank; // now: the rank of score h / 100
        thirdOfScore[h] = none ? THIRD_NONE : rank <= k ? THIRD_TOP : rank > n - k ? THIRD_BOTTOM : THIRD_MIDDLE;
        above += c;
      }
      for (let i = 0; i < M; i++) {
        const h = hs[i];
        if (h === NO_SCORE) continue;
        ranks[row + members[i]] = count[h];
        thirds[row + members[i]] = thirdOfScore[h];
      }
      count.fill(0, lo, hi + 1); // zero again for the next month
      return;
    }
    const scores = this.scoreRows64[m]!;
    const buf = own.floats;
    let n = 0;
    for (let i = 0; i < M; i++) {
      const s = scores[slots[i]];
      if (s === s) buf[n++] = s; // not NaN
    }
    this.groupSizes[m * G + g] = n;
    if (n === 0) return;
    const sorted = buf.subarray(0, n).sort();
    for (let i = 0; i < M; i++) {
      const s = scores[slots[i]];
      if (s !== s) continue;
      const rank = rankInAscending(sorted, n, s);
      ranks[row + members[i]] = rank;
      thirds[row + members[i]] = thirdOf(rank, n, ranking);
    }
  }

  /** The score of cadre `c` in row `m` (month base + m), NaN without one. */
  scoreAt(m: number, c: number): number {
    const row16 = this.scoreRows16[m];
    const slot = this.scoreSlot[c];
    if (row16) {
      const h = row16[slot];
      return h === NO_SCORE ? Number.NaN : h / 100;
    }
    return this.scoreRows64[m]![slot];
  }

  /** Third of cadre `c` in month index `month` (ranks the cadre's group first if needed). */
  thirdAt(c: number, month: number): ThirdCode {
    const m = month - this.baseMonth;
    if (m < 0 || m >= this.span) return 0;
    this.rankGroup(this.groupOf[c]);
    return this.thirds.data[m * this.cadres.length + c] as ThirdCode;
  }

  monthName(month: number): Month {
    const m = month - this.baseMonth;
    return m >= 0 && m < this.span ? this.monthNames[m] : monthFromIndex(month);
  }

  /** Score, rank, group size and third of a cadre in a month, or undefined without a score. */
  rankEvidence(c: number, month: number): RankEvidence | undefined {
    const m = month - this.baseMonth;
    if (m < 0 || m >= this.span) return undefined;
    const at = m * this.cadres.length + c;
    const score = this.scoreAt(m, c);
    if (score !== score) return undefined;
    this.rankGroup(this.groupOf[c]);
    return {
      month: this.monthNames[m],
      score,
      rank: this.ranks[at],
      n: this.groupSizes[m * this.groupNames.length + this.groupOf[c]],
      third: thirdText[this.thirds.data[at]],
    };
  }

  /** rankEvidence pushed into `pool` (packedMonths.ts) rather than made an object; nothing without a score. */
  packRankEvidence(c: number, month: number, pool: MonthsPool): void {
    const m = month - this.baseMonth;
    if (m < 0 || m >= this.span) return;
    const score = this.scoreAt(m, c);
    if (score !== score) return;
    const g = this.groupOf[c];
    this.rankGroup(g);
    const at = m * this.cadres.length + c;
    pool.push(month, score, this.ranks[at], this.groupSizes[m * this.groupNames.length + g], this.thirds.data[at]);
  }

  // ---- unit ranking (team rules) ----------------------------------------------------------------

  /**
   * One month's unit ranking, computed when first asked for: the team rules look back only as far
   * as a unit's run of bottom-third months, rarely more than a few months.
   */
  private unitRankingRow(m: number): UnitMonthRanking {
    const cached = this.unitRows[m];
    if (cached) return cached;
    const U = this.units.length;
    // One allocation for every month's rows, and scratch reused from month to month: typed arrays
    // are costly to create (each is zero-filled memory outside the JS heap, counted towards GC).
    const t = (this.unitTables ??= {
      mean: new Float64Array(U * this.span).fill(Number.NaN),
      scored: new Int32Array(U * this.span),
      rank: new Int32Array(U * this.span),
      third: new Uint8Array(U * this.span),
      sum: new Float64Array(U),
      keys: new Int32Array(U),
      ids: new Int32Array(U),
    });
    const mean = t.mean.subarray(m * U, (m + 1) * U);
    const count = t.scored.subarray(m * U, (m + 1) * U);
    const rank = t.rank.subarray(m * U, (m + 1) * U);
    const third = t.third.subarray(m * U, (m + 1) * U);
    const { sum, keys, ids } = t;
    const ranking = this.policyAtIndex(this.baseMonth + m).ranking;
    // The loops are functions of their own: each is then optimized as a whole, not entered
    // half-way (on-stack replacement) and left again every month at code that had not run yet.
    unitSums(this.scoreRows16[m], this.scoreRows64[m], this.unitOf, this.scoreSlot, sum, count);
    const n = unitMeans(sum, count, ranking.unitMinScoredCadres, mean, keys, ids);
    competitionRanksByKey(keys, ids, n, rank);
    unitThirds(rank, ids, n, ranking, third);
    return (this.unitRows[m] = { month: this.monthNames[m], mean, scored: count, rank, third, n });
  }

  /** Unit ranking of a month: mean score of units with enough scored cadres, competition ranked. */
  unitRanking(month: number): UnitMonthRanking {
    const m = month - this.baseMonth;
    if (m < 0 || m >= this.span) {
      const U = this.units.length;
      return { month: monthFromIndex(month), mean: new Float64Array(U).fill(Number.NaN), scored: new Int32Array(U), rank: new Int32Array(U), third: new Uint8Array(U), n: 0 };
    }
    return this.unitRankingRow(m);
  }

  /** Third of unit `u` among units in month index `month` (0 when not ranked). */
  unitThirdAt(u: number, month: number): ThirdCode {
    const m = month - this.baseMonth;
    return m < 0 || m >= this.span ? 0 : (this.unitRankingRow(m).third[u] as ThirdCode);
  }

  /** Length of the unit's run of months in third `want` ending at `end` (0 if `end` is not). */
  unitRunEndingAt(u: number, end: number, want: ThirdCode): number {
    let n = 0;
    while (this.unitThirdAt(u, end - n) === want) n++;
    return n;
  }

  // ---- periods --------------------------------------------------------------------------------

  /**
   * The per-cadre memo of periods and bars. They follow from the cadre's sanctions and measures
   * and the policy versions alone — not from the as-of month — so while this index reads the
   * state's kept lists (keptStructures.ts) its memo is kept with them, for every index of the
   * state: shared, read-only (forgetPeriods copies it before dropping entries).
   */
  private get periodMemo(): PeriodMemo {
    // The first ask in a function of its own: a closure there would make every ask allocate its context.
    return this.periodMemoValue ?? this.makePeriodMemo();
  }

  private makePeriodMemo(): PeriodMemo {
    const sanctions = this.sanctions;
    const measures = this.cadreMeasures;
    // The policy versions as this index took them (policies), for the same reason as keptToken.
    const policies = this.givenPolicies ? [this.givenPolicies, 0] : [this.state.policies, this.policiesVersion];
    const token = this.keptLists.has(sanctions) && this.keptLists.has(measures) ? [sanctions, measures, ...policies] : [undefined];
    const C = this.cadres.length;
    return (this.periodMemoValue = derivedOf(this.order, 'periods', token, () => ({ periods: new Array(C).fill(undefined), bars: new Array(C).fill(undefined) })));
  }

  /** Drops the periods and bars worked out for `cadres` (their records changed), in a memo of this index's own. */
  private forgetPeriods(cadres: Iterable<number>): void {
    const memo = this.periodMemoValue;
    if (!memo) return;
    const own = isKept(memo) ? (this.periodMemoValue = { periods: memo.periods.slice(), bars: memo.bars.slice() }) : memo;
    for (const c of cadres) {
      own.periods[c] = undefined;
      own.bars[c] = undefined;
    }
  }

  impactPeriodsOf(c: number): ImpactPeriod[] {
    const memo = this.periodMemo;
    let p = memo.periods[c];
    if (!p) {
      const list = this.sanctions.of(c);
      p = list ? impactPeriods(list, this.policyAt, this.byRecordId) : (noPeriods as ImpactPeriod[]);
      memo.periods[c] = p;
    }
    return p;
  }

  promotionBarsOf(c: number): PromotionBar[] {
    const memo = this.periodMemo;
    let b = memo.bars[c];
    if (!b) {
      const barMeasures = this.cadreHas(c, barMeasureMask);
      b = this.sanctions.count(c) || barMeasures ? promotionBars(this.impactPeriodsOf(c), barMeasures ? this.measuresOf(c)! : [], this.policyAt, this.byRecordId) : (noBars as PromotionBar[]);
      memo.bars[c] = b;
    }
    return b;
  }

  // ---- incremental updates (shared/engine/incremental.ts, docs/COLUMNS.md) ------------------------
  // After a write the store has changed the state in place; these methods bring the index up to
  // date with it instead of rebuilding it: a score goes into the index's own copy of its month row
  // and only that peer-group month (and that month's unit ranking) is ranked again; a record's
  // subjects get their lists rebuilt (a new Segments, the other subjects' runs copied as they are)
  // and their cached periods and bars dropped. Each answers what changed, so the caller
  // re-evaluates only the subjects that can have other findings now.

  /** Month rows (by row) this index has copied: the only rows it may write (others are lent). */
  private ownedRows?: Uint8Array;

  /**
   * Re-reads the score of cadre position `c` in month index `month` from `table` — the state's own
   * ScoreTable, which this index was built to read in place — into the index's own copy of the
   * month row (a cleared score stays blank). False when a patch cannot express the change: the
   * month is outside the index's rows, or the cadre's new column lies beyond a row the index holds.
   * Rank again with rerankGroupMonth and unitRerankMonth afterwards.
   */
  patchScore(table: ScoreTable, c: number, month: number): boolean {
    const m = month - this.baseMonth;
    if (m < 0 || m >= this.span) return false;
    const cadreId = this.cadres[c].id;
    const tableSlot = table.slotOf(cadreId);
    const score = this.annulled.has(`${cadreId}:${this.monthNames[m]}`) ? Number.NaN : table.scoreAt(tableSlot, month);
    let slot = this.scoreSlot[c]; // 0: the table's empty slot (no scores when the index was built)
    if (slot === 0) {
      if (score !== score) return true;
      // The cadre's first score: its new column is blank in every row the index holds (they were
      // lent before the column existed) if those rows are long enough to have it.
      for (let k = 0; k < this.span; k++) if ((this.scoreRows16[k] ?? this.scoreRows64[k])!.length <= tableSlot) return false;
      this.ownOrder();
      slot = tableSlot;
      this.scoreSlot[c] = slot;
      const g = this.groupOf[c];
      const members = this.groupMembers[g];
      for (let i = 0; i < members.length; i++) if (members[i] === c) this.groupSlots[g][i] = slot;
    }
    const owned = (this.ownedRows ??= new Uint8Array(this.span));
    const r16 = this.scoreRows16[m];
    if (r16) {
      const h = score !== score ? NO_SCORE : Math.round(score * 100);
      if (score !== score || (h >= 0 && h <= 10_000 && h / 100 === score)) {
        const row = owned[m] ? r16 : (this.scoreRows16[m] = r16.slice());
        row[slot] = h;
      } else {
        // A score that is not a hundredth: the row becomes floats, as the table's does.
        const r64 = new Float64Array(r16.length);
        for (let s = 0; s < r16.length; s++) r64[s] = r16[s] === NO_SCORE ? Number.NaN : r16[s] / 100;
        r64[slot] = score;
        this.scoreRows64[m] = r64;
        this.scoreRows16[m] = undefined;
      }
    } else {
      const r64 = this.scoreRows64[m]!;
      const row = owned[m] ? r64 : (this.scoreRows64[m] = r64.slice());
      row[slot] = score;
    }
    owned[m] = 1;
    return true;
  }

  /**
   * Ranks peer group `g` again in month index `month` from the current rows (after patchScore).
   * Answers the members whose third changed, and those whose rank or group size changed with the
   * third the same (their decisions stand; only findings citing that month change). Nothing when
   * the group was never ranked: it is ranked from the patched rows when first asked for.
   */
  rerankGroupMonth(g: number, month: number): { thirds: number[]; ranks: number[] } {
    const out = { thirds: [] as number[], ranks: [] as number[] };
    const m = month - this.baseMonth;
    if (m < 0 || m >= this.span || !this.rankedGroups[g]) return out;
    const members = this.groupMembers[g];
    const M = members.length;
    const row = m * this.cadres.length;
    const at = m * this.groupNames.length + g;
    const oldN = this.groupSizes[at];
    const { ranks } = this;
    const thirds = this.thirds.data;
    // The month's cells as they were, blanked, then ranked again by the one ranking (rankGroupMonth).
    const was = rerankScratch(M);
    for (let i = 0; i < M; i++) {
      const x = row + members[i];
      was.ranks[i] = ranks[x];
      was.thirds[i] = thirds[x];
      ranks[x] = 0;
      thirds[x] = 0;
    }
    this.rankGroupMonth(g, m, groupScratch(M));
    const n = this.groupSizes[at];
    for (let i = 0; i < M; i++) {
      const x = row + members[i];
      if (thirds[x] !== was.thirds[i]) out.thirds.push(members[i]);
      else if (ranks[x] !== 0 && (ranks[x] !== was.ranks[i] || oldN !== n)) out.ranks.push(members[i]);
    }
    return out;
  }

  /**
   * The unit ranking of month index `month` again, from the current rows. Answers the units whose
   * third changed, and those ranked with another mean, rank or count of ranked units. Nothing when
   * that month's ranking was never computed: then no finding has read it.
   */
  unitRerankMonth(month: number): { thirds: number[]; ranks: number[] } {
    const out = { thirds: [] as number[], ranks: [] as number[] };
    const m = month - this.baseMonth;
    const old = m >= 0 && m < this.span ? this.unitRows[m] : undefined;
    if (!old) return out;
    const was = { mean: old.mean.slice(), rank: old.rank.slice(), third: old.third.slice(), n: old.n };
    old.mean.fill(Number.NaN);
    old.scored.fill(0);
    old.rank.fill(0);
    old.third.fill(0);
    this.unitRows[m] = undefined;
    const now = this.unitRankingRow(m);
    for (let u = 0; u < this.units.length; u++) {
      if (now.third[u] !== was.third[u]) out.thirds.push(u);
      else if ((now.rank[u] || was.rank[u]) && (now.rank[u] !== was.rank[u] || now.n !== was.n || !Object.is(now.mean[u], was.mean[u]))) out.ranks.push(u);
    }
    return out;
  }

  /** Whether the cadre list and score columns are this index's own copies (ownOrder). */
  private ownsOrder = false;

  /**
   * Before a patch changes the cadre list or the score columns: copies of this index's own. The
   * ones it read are the state's kept structures, shared with every other index of the state.
   */
  private ownOrder(): void {
    if (this.ownsOrder) return;
    this.ownsOrder = true;
    const self = this as unknown as { cadres: Cadre[]; scoreSlot: Int32Array; groupSlots: Int32Array[] };
    self.cadres = this.cadres.slice();
    self.scoreSlot = this.scoreSlot.slice();
    self.groupSlots = this.groupSlots.map((slots) => slots.slice());
  }

  /** Replaces a cadre's record whose peer group and unit stay the same (its other fields changed). */
  replaceCadre(c: number, cadre: Cadre): void {
    this.ownOrder();
    (this.cadres as Cadre[])[c] = cadre;
    this.forgetPeriods([c]);
  }

  /**
   * Takes the state's clearances again. Answers the record ids whose cleared state changed: their
   * records are then refreshed like written ones (refreshRecords, patchScore).
   */
  refreshClearances(): Set<string> {
    const before = new Set(this.annulled);
    const list = valuesOf(this.state.clearances);
    this.clearancesVersion = versionOf(this.state.clearances);
    this.clearances.length = 0;
    this.annulled.clear();
    for (const c of list) {
      this.clearances.push(c);
      this.annulled.add(c.recordId);
    }
    const changed = new Set<string>();
    for (const id of before) if (!this.annulled.has(id)) changed.add(id);
    for (const id of this.annulled) if (!before.has(id)) changed.add(id);
    return changed;
  }

  /**
   * Re-reads the records `ids` of a per-subject collection from the state (put, changed, removed,
   * cleared or no longer cleared) into the lists built so far, with the builders' filters and order.
   * Answers the cadre and unit positions that held or now hold one of them; their cached periods
   * and bars are dropped. A list not built yet needs nothing: it is built from the state when read.
   * Undefined when the index cannot be patched for them (grades: see refreshGrades).
   */
  refreshRecords(collection: IncrementalCollection, ids: ReadonlySet<string>): { cadres: Set<number>; units: Set<number> } | undefined {
    const cadres = new Set<number>();
    const units = new Set<number>();
    const cutoff = this.cutoff;
    const kept = (id: string, date: string) => date <= cutoff && !this.annulled.has(id);
    const cadreAt = (id: string) => this.positionOf(id);
    // The builders' orders: by date, then id (same-day ties by global id, see byRecordId).
    const byDate = <T extends { id: string }>(dateOf: (r: T) => string) => (x: T, y: T) => byString(dateOf(x), dateOf(y)) || this.byRecordId(x.id, y.id);
    const lists = this.lists;
    switch (collection) {
      case 'sanctions':
        lists.sanctions = this.resegment('sanctions', lists.sanctions, this.state.sanctions, ids, cadres, (s) => (kept(s.id, s.decidedOn) ? cadreAt(s.cadreId) : -1), byDate((s) => s.decidedOn));
        break;
      case 'faults':
        lists.faults = this.resegment('faults', lists.faults, this.state.faults, ids, cadres, (f) => (kept(f.id, f.date) ? cadreAt(f.cadreId) : -1), byDate((f) => f.date));
        break;
      case 'rehabPlans':
        lists.plans = this.resegment('plans', lists.plans, this.state.rehabPlans, ids, cadres, (p) => (kept(p.id, p.startsOn) ? cadreAt(p.cadreId) : -1), byDate((p) => p.startsOn));
        break;
      case 'grades':
        if (!this.refreshGrades(ids, cadres)) return undefined;
        break;
      case 'measures': {
        const byStart = byDate<Measure>((m) => m.startsOn);
        lists.cadreMeasures = this.resegment('cadreMeasures', lists.cadreMeasures, this.state.measures, ids, cadres, (m) =>
          m.subjectType === 'cadre' && kept(m.id, m.startsOn) ? cadreAt(m.subjectId) : -1, byStart);
        lists.unitMeasures = this.resegment('unitMeasures', lists.unitMeasures, this.state.measures, ids, units, (m) =>
          m.subjectType === 'unit' && kept(m.id, m.startsOn) ? (this.unitIndex.get(m.subjectId) ?? -1) : -1, byStart);
        // The index's own bits: the ones it read may be the state's kept ones (keptStructures.ts).
        const kinds = (was: Uint32Array | undefined, segments: Segments<Measure> | undefined, touched: Set<number>) => {
          if (!was || !segments) return was;
          let bits = was;
          if (!this.ownKinds.has(was)) this.ownKinds.add((bits = was.slice()));
          for (const s of touched) {
            bits[s] = 0;
            for (let i = segments.start[s]; i < segments.start[s + 1]; i++) bits[s] |= kindBit.get(segments.items[i].kind) ?? 0;
          }
          return bits;
        };
        lists.cadreMeasureKinds = kinds(lists.cadreMeasureKinds, lists.cadreMeasures, cadres);
        lists.unitMeasureKinds = kinds(lists.unitMeasureKinds, lists.unitMeasures, units);
        break;
      }
      case 'checkIns':
        this.refreshCheckIns(ids, cadres);
        break;
    }
    this.forgetPeriods(cadres);
    return { cadres, units };
  }

  /** Kind bits this index has made its own copy of (refreshRecords). */
  private readonly ownKinds = new Set<Uint32Array>();

  /** Per list (refreshRecords' names), record id → subject position: built on the list's first refresh. */
  private recordOwners?: Map<string, Map<string, number>>;

  /**
   * `segments` with the records `ids` re-read from `records`: every subject that held one or now
   * holds one (added to `touched`) gets its run rebuilt and sorted; the other runs are copied.
   * Undefined stays undefined (not built yet), but the subjects the records now belong to are
   * still reported.
   */
  private resegment<T extends { id: string }>(
    name: string,
    segments: Segments<T> | undefined,
    records: ReadonlyMap<string, T>,
    ids: ReadonlySet<string>,
    touched: Set<number>,
    subjectOf: (r: T) => number,
    compare: (a: T, b: T) => number,
  ): Segments<T> | undefined {
    const fresh = new Map<number, T[]>();
    const mine = new Set<number>();
    for (const id of ids) {
      const r = records.get(id);
      const s = r ? subjectOf(r) : -1;
      if (s < 0) continue;
      mine.add(s);
      let list = fresh.get(s);
      if (!list) fresh.set(s, (list = []));
      list.push(r!);
    }
    if (!segments) {
      for (const s of mine) touched.add(s);
      return undefined;
    }
    const { items, start } = segments;
    const S = start.length - 1;
    // Where the records were before: the list's owner map (one pass over the list, once).
    const all = (this.recordOwners ??= new Map());
    let owners = all.get(name);
    if (!owners) {
      owners = new Map<string, number>();
      for (let t = 0; t < S; t++) for (let i = start[t]; i < start[t + 1]; i++) owners.set(items[i].id, t);
      all.set(name, owners);
    }
    for (const id of ids) {
      const was = owners.get(id);
      if (was !== undefined) mine.add(was);
      owners.delete(id);
    }
    for (const [t, list] of fresh) for (const r of list) owners.set(r.id, t);
    if (!mine.size) return segments;
    for (const t of mine) touched.add(t);
    const order = [...mine].sort((a, b) => a - b);
    const runs = new Map<number, T[]>();
    let length = items.length;
    for (const t of order) {
      const run: T[] = [];
      for (let i = start[t]; i < start[t + 1]; i++) if (!ids.has(items[i].id)) run.push(items[i]);
      const added = fresh.get(t);
      if (added) for (const r of added) run.push(r);
      if (run.length > 1) run.sort(compare);
      runs.set(t, run);
      length += run.length - (start[t + 1] - start[t]);
    }
    const out = new Array<T>(length);
    const next = new Int32Array(S + 1);
    let o = 0;
    let from = 0;
    const copy = (to: number) => {
      const shift = o - start[from];
      for (let t = from; t < to; t++) next[t] = start[t] + shift;
      for (let i = start[from]; i < start[to]; i++) out[o++] = items[i];
    };
    for (const t of order) {
      copy(t);
      next[t] = o;
      for (const r of runs.get(t)!) out[o++] = r;
      from = t + 1;
    }
    copy(S);
    next[S] = o;
    return new Segments(out, next);
  }

  /** Check-ins `ids` re-read into the per-plan lists; the cadres of the plans involved go to `cadres`. */
  private refreshCheckIns(ids: ReadonlySet<string>, cadres: Set<number>): void {
    const plans = new Set<string>();
    // A new map with new lists, not the old ones changed: those may be the state's kept ones.
    const map = this.lists.checkInsByPlan ? new Map(this.lists.checkInsByPlan) : undefined;
    if (map) {
      this.lists.checkInsByPlan = map;
      for (const [planId, list] of map) {
        const left = list.filter((ci) => !ids.has(ci.id));
        if (left.length === list.length) continue;
        plans.add(planId);
        if (left.length) map.set(planId, left);
        else map.delete(planId);
      }
    }
    const cutoff = this.cutoff;
    for (const id of ids) {
      const ci = this.state.checkIns.get(id);
      if (!ci) continue;
      plans.add(ci.planId);
      if (!map || ci.date > cutoff) continue;
      const list = map.get(ci.planId);
      if (!list) {
        map.set(ci.planId, [ci]);
        continue;
      }
      map.set(ci.planId, [...list, ci].sort((a, b) => byString(a.date, b.date) || this.byRecordId(a.id, b.id)));
    }
    // The plans' cadres, by the state and by the index's lists (a plan moved or removed).
    const planned = this.lists.plans;
    for (const planId of plans) {
      const p = this.state.rehabPlans.get(planId);
      const c = p ? this.positionOf(p.cadreId) : -1;
      if (c >= 0) cadres.add(c);
    }
    if (planned) {
      for (let c = 0; c < this.cadres.length; c++) {
        for (let i = planned.start[c]; i < planned.start[c + 1]; i++) if (plans.has(planned.items[i].id)) cadres.add(c);
      }
    }
  }
}

/** The per-subject collections LedgerIndex.refreshRecords re-reads. */
export type IncrementalCollection = 'sanctions' | 'measures' | 'grades' | 'faults' | 'rehabPlans' | 'checkIns';
/** Scratch for rerankGroupMonth: a group's cells of one month as they were (grown to the largest group). */
let rerankCells = { ranks: new Int32Array(0), thirds: new Uint8Array(0) };
function rerankScratch(members: number): typeof rerankCells {
  if (rerankCells.ranks.length < members) rerankCells = { ranks: new Int32Array(members), thirds: new Uint8Array(members) };
  return rerankCells;
}

export function buildLedgerIndex(state: LedgerState, options: LedgerIndexOptions = {}): LedgerIndex {
  return new LedgerIndex(state, options);
}
