// The monthly scores as columns (issue 13, docs/COLUMNS.md): one typed-array row per month, one
// column per cadre "slot", a score held as 16-bit hundredths (0xFFFF = none) — or, in a month that
// has a score which is not a hundredth, as a float (NaN = none). The store's state holds this table
// as its `scores` collection and the engine's LedgerIndex reads its rows in place, so 1.7M scores
// cost ~4 MB instead of 1.7M objects in a Map, and an evaluation copies nothing.
//
// To every other reader it is the collection it always was: get / has / set / delete / size /
// forEach / keys / values / entries / iteration, materializing a MonthlyScore object only when one
// is asked for. A record the columns cannot reproduce exactly — its id is not `cadreId:month`, it
// has other fields or another key order, its month or score is malformed — is kept as the object
// it is, in an overflow map, so what the table gives back is always what was put.
//
// Iteration order: cadres in the order their first score arrived, each cadre's months ascending,
// then the overflow records. (A Map's insertion order is not kept; nothing depends on it, and the
// snapshot serializes the table in a canonical order of its own: see columns().)
import type { MonthlyScore } from '../../domain/records';
import { ColumnTable, NO_SLOT } from './columnTable';

/** "No score" in a hundredths row. */
export const NO_SCORE = 0xffff;
/** Months a row can be kept for: 1900-01 … 2199-12, as month indexes (year × 12 + month − 1). */
export const MONTH_FLOOR = 1900 * 12;
export const MONTH_CEILING = 2200 * 12;
const MONTHS = MONTH_CEILING - MONTH_FLOOR;
export { NO_SLOT };

/** 'YYYY-MM' (years 1900–2199, months 01–12) → month index, or −1. */
export function parseScoreMonth(t: unknown): number {
  if (typeof t !== 'string' || t.length !== 7 || t.charCodeAt(4) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const a = t.charCodeAt(5) - 48;
  const b = t.charCodeAt(6) - 48;
  if (a < 0 || a > 1 || b < 0 || b > 9) return -1;
  const mm = a * 10 + b;
  if (mm < 1 || mm > 12) return -1;
  const m = y * 12 + mm - 1;
  return m >= MONTH_FLOOR && m < MONTH_CEILING ? m : -1;
}

const monthNames: (string | undefined)[] = new Array<string | undefined>(MONTHS).fill(undefined);
/** Month index → 'YYYY-MM' (cached: every materialized record needs one). */
export function scoreMonthName(m: number): string {
  const slot = m - MONTH_FLOOR;
  let s = monthNames[slot];
  if (s === undefined) {
    const y = Math.floor(m / 12);
    const mm = (m % 12) + 1;
    s = monthNames[slot] = `${y}-${mm < 10 ? '0' : ''}${mm}`;
  }
  return s;
}

/** The keys of a record the columns can hold, in this order and no others. */
const KEYS = ['id', 'cadreId', 'month', 'score'];
function hasCanonicalKeys(r: object): boolean {
  let i = 0;
  for (const k in r) if (k !== KEYS[i++]) return false;
  return i === 4;
}

/** One month row of the snapshot form: the scores of `cadres` (columns() order) that month. */
export interface ScoreColumnRow {
  month: number;
  /** Hundredths (NO_SCORE = none), or floats (NaN = none) when a score is not a hundredth. */
  values: Uint16Array | Float64Array;
}

export class ScoreTable extends ColumnTable<MonthlyScore> {
  /** Per month (index − MONTH_FLOOR): exactly one of the two rows, or neither (no score ever). */
  private rows16: (Uint16Array | undefined)[] = new Array<Uint16Array | undefined>(MONTHS).fill(undefined);
  private rows64: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(MONTHS).fill(undefined);
  /** Scores present per month and per slot (presence is the row's NO_SCORE / NaN). */
  private monthCount = new Int32Array(MONTHS);
  /**
   * Rows handed out by row16/row64 (to a LedgerIndex): the reader keeps a consistent view, so the
   * next write to such a month copies its row first (copy-on-write, one row: ~100 KB at 50,000
   * cadres) instead of changing what the reader holds.
   */
  private lent = new Uint8Array(MONTHS);

  static from(records: Iterable<MonthlyScore> | ReadonlyMap<string, MonthlyScore>): ScoreTable {
    const t = new ScoreTable();
    if (records instanceof ScoreTable) return records;
    const list = 'values' in records && typeof (records as ReadonlyMap<string, MonthlyScore>).values === 'function'
      ? (records as ReadonlyMap<string, MonthlyScore>).values()
      : (records as Iterable<MonthlyScore>);
    for (const r of list) t.set(r.id, r);
    return t;
  }

  get [Symbol.toStringTag](): string {
    return 'ScoreTable';
  }

  // ---- the columns, for the engine (slotOf, cadreOfSlot, slots: ColumnTable) ------------------

  /**
   * The hundredths row of a month index (indexed by slot), if the month is held that way. The row
   * is lent: it never changes afterwards (a later write copies it), so read it as long as needed.
   */
  row16(month: number): Uint16Array | undefined {
    if (month < MONTH_FLOOR || month >= MONTH_CEILING) return undefined;
    const r = this.rows16[month - MONTH_FLOOR];
    if (r) this.lent[month - MONTH_FLOOR] = 1;
    return r;
  }

  /** The float row of a month index, if the month has a score that is not a hundredth (lent as row16). */
  row64(month: number): Float64Array | undefined {
    if (month < MONTH_FLOOR || month >= MONTH_CEILING) return undefined;
    const r = this.rows64[month - MONTH_FLOOR];
    if (r) this.lent[month - MONTH_FLOOR] = 1;
    return r;
  }

  /** Makes month row i the table's own again before a change (a copy if it was lent). */
  private own(i: number): void {
    if (!this.lent[i]) return;
    this.lent[i] = 0;
    const r16 = this.rows16[i];
    if (r16) this.rows16[i] = r16.slice();
    const r64 = this.rows64[i];
    if (r64) this.rows64[i] = r64.slice();
  }

  /** Scores held in the columns in a month index. */
  countIn(month: number): number {
    return month >= MONTH_FLOOR && month < MONTH_CEILING ? this.monthCount[month - MONTH_FLOOR] : 0;
  }

  /** First and last month index with a score in the columns, at or before `upTo` (undefined: none). */
  monthRange(upTo = Number.POSITIVE_INFINITY): { min: number; max: number } | undefined {
    const count = this.monthCount;
    const hi = Math.min(MONTHS - 1, upTo - MONTH_FLOOR);
    let min = -1;
    let max = -1;
    for (let i = 0; i <= hi; i++) {
      if (count[i] === 0) continue;
      if (min < 0) min = i;
      max = i;
    }
    return min < 0 ? undefined : { min: min + MONTH_FLOOR, max: max + MONTH_FLOOR };
  }

  /** Score in a slot and month index, NaN without one (columns only). */
  scoreAt(slot: number, month: number): number {
    if (month < MONTH_FLOOR || month >= MONTH_CEILING) return Number.NaN;
    const r16 = this.rows16[month - MONTH_FLOOR];
    if (r16) {
      const h = r16[slot];
      return h === NO_SCORE ? Number.NaN : h / 100;
    }
    const r64 = this.rows64[month - MONTH_FLOOR];
    return r64 ? r64[slot] : Number.NaN;
  }

  /** One cadre's scores, months ascending (the case file's), without touching anyone else's. */
  ofCadre(cadreId: string): MonthlyScore[] {
    const out: MonthlyScore[] = [];
    const slot = this.slotOf(cadreId);
    if (slot !== NO_SLOT && this.slotCount[slot] > 0) this.slotRecords(slot, out);
    if (this.overflow.size) this.overflow.forEach((r) => r && (r as { cadreId?: unknown }).cadreId === cadreId && out.push(r));
    return out;
  }

  /** One month's scores ('YYYY-MM'), in slot order, then the overflow's. */
  ofMonth(month: string): MonthlyScore[] {
    const out: MonthlyScore[] = [];
    const m = parseScoreMonth(month);
    if (m >= 0 && this.monthCount[m - MONTH_FLOOR] > 0) {
      for (let slot = 1; slot < this.ids.length; slot++) {
        const s = this.scoreAt(slot, m);
        if (s === s) out.push(this.materialize(slot, m, s));
      }
    }
    if (this.overflow.size) this.overflow.forEach((r) => r && (r as { month?: unknown }).month === month && out.push(r));
    return out;
  }

  /**
   * The latest 'YYYY-MM' with a score whose id is not in `except` (cleared scores), overflow
   * records included, or undefined: months are walked from the newest, objects made only for the
   * ids excepted.
   */
  latestMonth(except?: ReadonlySet<string>): string | undefined {
    let latest: string | undefined;
    this.overflow.forEach((r) => {
      const m = (r as { month?: unknown }).month;
      if (typeof m === 'string' && !except?.has(r.id) && (latest === undefined || m > latest)) latest = m;
    });
    let exceptPerMonth: Map<number, number> | undefined;
    if (except?.size) {
      exceptPerMonth = new Map();
      for (const id of except) {
        const at = this.locate(id);
        if (at && this.isPresent(at.slot, at.month)) exceptPerMonth.set(at.month, (exceptPerMonth.get(at.month) ?? 0) + 1);
      }
    }
    for (let i = MONTHS - 1; i >= 0; i--) {
      const n = this.monthCount[i] - (exceptPerMonth?.get(i + MONTH_FLOOR) ?? 0);
      if (n <= 0) continue;
      const name = scoreMonthName(i + MONTH_FLOOR);
      return latest === undefined || name > latest ? name : latest;
    }
    return latest;
  }

  // ---- the collection ---------------------------------------------------------------------------

  /** (slot, month index) of a canonical id `cadreId:YYYY-MM` already in use, or undefined. */
  private locate(id: string): { slot: number; month: number } | undefined {
    if (typeof id !== 'string' || id.length < 9 || id.charCodeAt(id.length - 8) !== 58) return undefined;
    const month = parseScoreMonth(id.slice(id.length - 7));
    if (month < 0) return undefined;
    const slot = this.slotIndex.get(id.slice(0, id.length - 8));
    return slot === undefined ? undefined : { slot, month };
  }

  private isPresent(slot: number, month: number): boolean {
    const r16 = this.rows16[month - MONTH_FLOOR];
    if (r16) return r16[slot] !== NO_SCORE;
    const r64 = this.rows64[month - MONTH_FLOOR];
    return r64 !== undefined && r64[slot] === r64[slot];
  }

  private materialize(slot: number, month: number, score: number): MonthlyScore {
    const cadreId = this.ids[slot];
    const name = scoreMonthName(month);
    return { id: cadreId + ':' + name, cadreId, month: name, score };
  }

  get(id: string): MonthlyScore | undefined {
    const at = this.locate(id);
    if (at) {
      const s = this.scoreAt(at.slot, at.month);
      if (s === s) return this.materialize(at.slot, at.month, s);
    }
    return this.overflow.size ? this.overflow.get(id) : undefined;
  }

  has(id: string): boolean {
    const at = this.locate(id);
    if (at && this.isPresent(at.slot, at.month)) return true;
    return this.overflow.size !== 0 && this.overflow.has(id);
  }

  set(id: string, record: MonthlyScore): this {
    this._version++;
    const r = record as unknown as Record<string, unknown>;
    const month = r && typeof r === 'object' ? parseScoreMonth(r.month) : -1;
    const cadreId = month >= 0 ? r.cadreId : undefined;
    const score = month >= 0 ? r.score : undefined;
    const canonical =
      typeof cadreId === 'string' &&
      cadreId.length > 0 &&
      typeof score === 'number' &&
      Number.isFinite(score) &&
      !Object.is(score, -0) &&
      r.id === id &&
      id.length === cadreId.length + 8 &&
      id.charCodeAt(cadreId.length) === 58 &&
      id.startsWith(cadreId) &&
      id.endsWith(r.month as string) &&
      hasCanonicalKeys(r);
    if (!canonical) {
      const at = this.locate(id);
      if (at) this.clear1(at.slot, at.month);
      this.overflow.set(id, record);
      return this;
    }
    if (this.overflow.size) this.overflow.delete(id);
    let slot = this.slotIndex.get(cadreId);
    if (slot === undefined) slot = this.newSlot(cadreId);
    this.write(slot, month, score);
    return this;
  }

  delete(id: string): boolean {
    const at = this.locate(id);
    if (at && this.isPresent(at.slot, at.month)) {
      this._version++;
      this.clear1(at.slot, at.month);
      return true;
    }
    if (this.overflow.size && this.overflow.delete(id)) {
      this._version++;
      return true;
    }
    return false;
  }

  clear(): void {
    this.resetSlots();
    this.rows16.fill(undefined);
    this.rows64.fill(undefined);
    this.monthCount.fill(0);
    this.lent.fill(0);
  }

  forEach(fn: (value: MonthlyScore, key: string, map: ReadonlyMap<string, MonthlyScore>) => void, thisArg?: unknown): void {
    for (const r of this.values()) fn.call(thisArg, r, r.id, this);
  }

  *values(): MapIterator<MonthlyScore> {
    const range = this.monthRange();
    if (range) {
      const out: MonthlyScore[] = [];
      for (let slot = 1; slot < this.ids.length; slot++) {
        if (this.slotCount[slot] === 0) continue;
        out.length = 0;
        this.slotRecords(slot, out, range.min, range.max);
        yield* out;
      }
    }
    if (this.overflow.size) yield* [...this.overflow.values()];
  }

  *entries(): MapIterator<[string, MonthlyScore]> {
    for (const r of this.values()) yield [r.id, r];
  }

  // ---- the snapshot form --------------------------------------------------------------------------

  /**
   * The columns in a canonical order — cadres that have a score, by id; months that have one,
   * ascending; a month as hundredths unless one of its scores is not a hundredth — so two tables
   * holding the same scores give the same columns whatever their history (snapshot digests).
   */
  columns(): { cadres: string[]; rows: ScoreColumnRow[] } {
    const used: number[] = [];
    for (let s = 1; s < this.ids.length; s++) if (this.slotCount[s] > 0) used.push(s);
    const ids = this.ids;
    used.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    const n = used.length;
    const rows: ScoreColumnRow[] = [];
    for (let i = 0; i < MONTHS; i++) {
      if (this.monthCount[i] === 0) continue;
      const r16 = this.rows16[i];
      if (r16) {
        const values = new Uint16Array(n);
        for (let j = 0; j < n; j++) values[j] = r16[used[j]];
        rows.push({ month: i + MONTH_FLOOR, values });
        continue;
      }
      const r64 = this.rows64[i]!;
      let hundredths = true;
      for (let j = 0; j < n && hundredths; j++) {
        const v = r64[used[j]];
        if (v === v && !isHundredth(v)) hundredths = false;
      }
      if (hundredths) {
        const values = new Uint16Array(n);
        for (let j = 0; j < n; j++) {
          const v = r64[used[j]];
          values[j] = v === v ? Math.round(v * 100) : NO_SCORE;
        }
        rows.push({ month: i + MONTH_FLOOR, values });
      } else {
        const values = new Float64Array(n);
        for (let j = 0; j < n; j++) {
          const v = r64[used[j]];
          values[j] = v === v ? v : Number.NaN;
        }
        rows.push({ month: i + MONTH_FLOOR, values });
      }
    }
    return { cadres: used.map((s) => ids[s]), rows };
  }

  /**
   * A table from the snapshot form: the rows become the table's rows (copied once into rows of the
   * table's capacity), no record object is made. Throws on a malformed form.
   */
  static fromColumns(cadres: readonly string[], rows: readonly ScoreColumnRow[]): ScoreTable {
    const t = new ScoreTable();
    const n = cadres.length;
    t.takeCadres(cadres, 'score');
    for (const row of rows) {
      const i = row.month - MONTH_FLOOR;
      if (!(i >= 0 && i < MONTHS) || t.rows16[i] || t.rows64[i] || row.values.length !== n) throw new Error('score columns: bad row');
      let count = 0;
      if (row.values instanceof Uint16Array) {
        const r = new Uint16Array(t.capacity).fill(NO_SCORE);
        r.set(row.values, 1);
        for (let s = 1; s <= n; s++) {
          const h = r[s];
          if (h === NO_SCORE) continue;
          if (h > 10_000) throw new Error('score columns: bad score');
          count++;
          t.slotCount[s]++;
        }
        t.rows16[i] = r;
      } else {
        const r = new Float64Array(t.capacity).fill(Number.NaN);
        r.set(row.values, 1);
        for (let s = 1; s <= n; s++) {
          const v = r[s];
          if (v !== v) continue;
          if (!Number.isFinite(v)) throw new Error('score columns: bad score');
          count++;
          t.slotCount[s]++;
        }
        t.rows64[i] = r;
      }
      t.monthCount[i] = count;
      t.present += count;
    }
    return t;
  }

  // ---- internals ----------------------------------------------------------------------------------

  private slotRecords(slot: number, out: MonthlyScore[], from = MONTH_FLOOR, to = MONTH_CEILING - 1): void {
    for (let m = from; m <= to; m++) {
      const s = this.scoreAt(slot, m);
      if (s === s) out.push(this.materialize(slot, m, s));
    }
  }

  protected growRows(capacity: number): void {
    for (let i = 0; i < MONTHS; i++) {
      const r16 = this.rows16[i];
      if (r16) {
        const r = new Uint16Array(capacity).fill(NO_SCORE);
        r.set(r16);
        this.rows16[i] = r;
      }
      const r64 = this.rows64[i];
      if (r64) {
        const r = new Float64Array(capacity).fill(Number.NaN);
        r.set(r64);
        this.rows64[i] = r;
      }
    }
    this.lent.fill(0); // every row is a new one
  }

  private write(slot: number, month: number, score: number): void {
    const i = month - MONTH_FLOOR;
    this.own(i);
    let r16 = this.rows16[i];
    let r64 = this.rows64[i];
    if (!r16 && !r64) r16 = this.rows16[i] = new Uint16Array(this.capacity).fill(NO_SCORE);
    if (r16) {
      if (isHundredth(score)) {
        if (r16[slot] === NO_SCORE) this.counted(slot, i, 1);
        r16[slot] = Math.round(score * 100);
        return;
      }
      // The month's first score that is not a hundredth: the whole row becomes floats.
      r64 = new Float64Array(this.capacity);
      for (let s = 0; s < this.capacity; s++) r64[s] = r16[s] === NO_SCORE ? Number.NaN : r16[s] / 100;
      this.rows64[i] = r64;
      this.rows16[i] = undefined;
    }
    if (r64![slot] !== r64![slot]) this.counted(slot, i, 1);
    r64![slot] = score;
  }

  private clear1(slot: number, month: number): void {
    const i = month - MONTH_FLOOR;
    if (!this.isPresent(slot, month)) return;
    this.own(i);
    const r16 = this.rows16[i];
    if (r16) {
      if (r16[slot] === NO_SCORE) return;
      r16[slot] = NO_SCORE;
    } else {
      const r64 = this.rows64[i];
      if (!r64 || r64[slot] !== r64[slot]) return;
      r64[slot] = Number.NaN;
    }
    this.counted(slot, i, -1);
  }

  private counted(slot: number, i: number, d: number): void {
    this.monthCount[i] += d;
    this.slotCount[slot] += d;
    this.present += d;
  }
}

/** A score 0.00–100.00 that 16-bit hundredths give back exactly. */
function isHundredth(score: number): boolean {
  const h = Math.round(score * 100);
  return h >= 0 && h <= 10_000 && h / 100 === score;
}

// Readers that want one cadre's or one month's scores, or the latest month, without making an
// object per score of the ledger (a plain Map — a hand-built state — is filtered as before).

/** One cadre's scores. */
export function scoresOfCadre(scores: ReadonlyMap<string, MonthlyScore>, cadreId: string): MonthlyScore[] {
  if (scores instanceof ScoreTable) return scores.ofCadre(cadreId);
  const out: MonthlyScore[] = [];
  scores.forEach((s) => s.cadreId === cadreId && out.push(s));
  return out;
}

/** The scores of one month ('YYYY-MM'). */
export function scoresInMonth(scores: ReadonlyMap<string, MonthlyScore>, month: string): MonthlyScore[] {
  if (scores instanceof ScoreTable) return scores.ofMonth(month);
  const out: MonthlyScore[] = [];
  scores.forEach((s) => s.month === month && out.push(s));
  return out;
}

/** The latest month with a score not in `except`, or undefined. */
export function latestScoreMonth(scores: ReadonlyMap<string, MonthlyScore>, except?: ReadonlySet<string>): string | undefined {
  if (scores instanceof ScoreTable) return scores.latestMonth(except);
  let latest: string | undefined;
  scores.forEach((s) => {
    if ((latest === undefined || s.month > latest) && !except?.has(s.id)) latest = s.month;
  });
  return latest;
}
