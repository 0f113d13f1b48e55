// The annual grades as columns (issue 13, docs/COLUMNS.md), a sibling of the ScoreTable: one
// Uint8Array row per year, one column per cadre "slot", a grade held as its code 1–5 (NO_GRADE = 0:
// none). A New Area's ~230,000 grades (50,000 cadres × 5 years) cost five rows of 50 KB instead of
// ~20 MB of objects in a Map, and the engine reads a cadre's grade as a byte instead of grouping
// record objects by cadre on every evaluation.
//
// To every other reader it is the collection it always was: get / has / set / delete / size /
// forEach / keys / values / entries / iteration, materializing an AnnualGrade object only when one
// is asked for. A record the columns cannot reproduce exactly — its id is not `cadreId:year`, it
// has other fields or another key order, its year or grade is malformed — is kept as the object it
// is, in an overflow map, so what the table gives back is always what was put.
//
// Iteration order: cadres in the order their first grade arrived, each cadre's years ascending,
// then the overflow records. (A Map's insertion order is not kept; nothing depends on it, and the
// snapshot serializes the table in a canonical order of its own: see columns().)
import type { AnnualGrade, AnnualGradeValue } from '../../domain/records';
import { ColumnTable, NO_SLOT } from './columnTable';

export { NO_SLOT };

/** "No grade" in a year row. */
export const NO_GRADE = 0;
/**
 * Grade value ↔ code (1..5), the code stored per cadre and year. Spelled out rather than derived
 * from the order of `annualGrades`: the codes are the snapshot's bytes and must not move.
 */
export const gradeCode: Record<AnnualGradeValue, number> = {
  excellent: 1,
  competent: 2,
  basic: 3,
  incompetent: 4,
  ungraded: 5,
};
/** Code → grade value (index = code; [0], NO_GRADE, is none). */
export const gradeOfCode: readonly (AnnualGradeValue | undefined)[] = (() => {
  const out: (AnnualGradeValue | undefined)[] = [undefined];
  for (const [g, c] of Object.entries(gradeCode)) out[c] = g as AnnualGradeValue;
  return out;
})();
/** The highest code a row may hold. */
const MAX_CODE = gradeOfCode.length - 1;
/** Own-property lookup of a grade value (never Object.prototype's names: 'toString' is no grade). */
const codeOfGrade = new Map<unknown, number>(Object.entries(gradeCode));

/**
 * Years a row can be kept for: 1900 … 2199 (the ceiling is exclusive, as MONTH_CEILING's), wider
 * than yearSchema's 1950–2100 so that a narrower schema never makes a stored row unreadable.
 */
export const YEAR_FLOOR = 1900;
export const YEAR_CEILING = 2200;
const YEARS = YEAR_CEILING - YEAR_FLOOR;
// Slot 0 (NO_SLOT, shared with the ScoreTable) is never a cadre: a reader maps a cadre without
// grades there and finds no grade.

/** The year of a canonical id's last five characters `:YYYY` (1900–2199), or −1. */
function idYear(id: string): number {
  const n = id.length;
  if (n < 6 || id.charCodeAt(n - 5) !== 58) return -1;
  let y = 0;
  for (let i = n - 4; i < n; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  return y >= YEAR_FLOOR && y < YEAR_CEILING ? y : -1;
}

/** The keys of a record the columns can hold, in this order and no others. */
const KEYS = ['id', 'cadreId', 'year', 'grade'];
function hasCanonicalKeys(r: object): boolean {
  let i = 0;
  for (const k in r) if (k !== KEYS[i++]) return false;
  return i === 4;
}

/** One year row of the snapshot form: the codes of `cadres` (columns() order) that year. */
export interface GradeColumnRow {
  year: number;
  /** Grade codes (NO_GRADE = none), one per cadre. */
  codes: Uint8Array;
}

export class GradeTable extends ColumnTable<AnnualGrade> {
  /** Per year (year − YEAR_FLOOR): the codes by slot, or undefined (no grade that year ever). */
  private rows: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(YEARS).fill(undefined);
  /** Grades present per year and per slot (presence is a code other than NO_GRADE). */
  private yearCount = new Int32Array(YEARS);
  /** The years with a grade in the columns, ascending (undefined: to be listed again). */
  private years: number[] | undefined;
  // The overflow holds a record by the id it was put under (as a Map would).

  static from(records: Iterable<AnnualGrade> | ReadonlyMap<string, AnnualGrade>): GradeTable {
    if (records instanceof GradeTable) return records;
    const t = new GradeTable();
    if (isMap(records)) records.forEach((r, id) => t.set(id, r));
    else for (const r of records) t.set(r.id, r);
    return t;
  }

  get [Symbol.toStringTag](): string {
    return 'GradeTable';
  }

  // ---- the columns, for the engine ------------------------------------------------------------

  /**
   * The codes of a year (indexed by slot), undefined if the year never had a grade in the columns.
   * The row is the table's own: read it, do not write it, and copy it to keep it past the next
   * change (a write changes it in place; a new cadre may replace it by a longer one).
   */
  row(year: number): Uint8Array | undefined {
    return year >= YEAR_FLOOR && year < YEAR_CEILING ? this.rows[year - YEAR_FLOOR] : undefined;
  }

  /** First and last year with a grade in the columns, at or before `upTo` (undefined: none). */
  yearRange(upTo = Number.POSITIVE_INFINITY): { min: number; max: number } | undefined {
    const count = this.yearCount;
    const hi = Math.min(YEARS - 1, upTo - YEAR_FLOOR);
    let min = -1;
    let max = -1;
    for (let i = 0; i <= hi; i++) {
      if (count[i] === 0) continue;
      if (min < 0) min = i;
      max = i;
    }
    return min < 0 ? undefined : { min: min + YEAR_FLOOR, max: max + YEAR_FLOOR };
  }

  /** Code in a slot and year, NO_GRADE without one (columns only). */
  codeAt(slot: number, year: number): number {
    const r = this.row(year);
    return r === undefined ? NO_GRADE : (r[slot] ?? NO_GRADE);
  }

  /** One cadre's grades, years ascending, then its overflow records, without touching anyone else's. */
  ofCadre(cadreId: string): AnnualGrade[] {
    const out: AnnualGrade[] = [];
    const slot = this.slotOf(cadreId);
    if (slot !== NO_SLOT && this.slotCount[slot] > 0) this.slotRecords(slot, this.gradedYears(), out);
    if (this.overflow.size) this.overflow.forEach((r) => r && (r as { cadreId?: unknown }).cadreId === cadreId && out.push(r));
    return out;
  }

  // ---- the collection ---------------------------------------------------------------------------

  /** (slot, year) of a canonical id `cadreId:YYYY` whose cadre has a slot, or undefined. */
  private locate(id: string): { slot: number; year: number } | undefined {
    if (typeof id !== 'string') return undefined;
    const year = idYear(id);
    if (year < 0) return undefined;
    const slot = this.slotIndex.get(id.slice(0, id.length - 5));
    return slot === undefined ? undefined : { slot, year };
  }

  private materialize(slot: number, year: number, code: number): AnnualGrade {
    const cadreId = this.ids[slot];
    return { id: cadreId + ':' + year, cadreId, year, grade: gradeOfCode[code]! };
  }

  get(id: string): AnnualGrade | undefined {
    const at = this.locate(id);
    if (at) {
      const code = this.codeAt(at.slot, at.year);
      if (code !== NO_GRADE) return this.materialize(at.slot, at.year, code);
    }
    return this.overflow.size ? this.overflow.get(id) : undefined;
  }

  has(id: string): boolean {
    const at = this.locate(id);
    if (at && this.codeAt(at.slot, at.year) !== NO_GRADE) return true;
    return this.overflow.size !== 0 && this.overflow.has(id);
  }

  set(id: string, record: AnnualGrade): this {
    this._version++;
    const r = record as unknown as Record<string, unknown>;
    const year = r && typeof r === 'object' ? r.year : undefined;
    const cadreId = r && typeof r === 'object' ? r.cadreId : undefined;
    const code = r && typeof r === 'object' ? codeOfGrade.get(r.grade) : undefined;
    const canonical =
      code !== undefined &&
      typeof year === 'number' &&
      Number.isInteger(year) &&
      year >= YEAR_FLOOR &&
      year < YEAR_CEILING &&
      typeof cadreId === 'string' &&
      cadreId.length > 0 &&
      r.id === id &&
      id === cadreId + ':' + year &&
      hasCanonicalKeys(r);
    if (!canonical) {
      const at = this.locate(id);
      if (at) this.clear1(at.slot, at.year);
      this.overflow.set(id, record);
      return this;
    }
    if (this.overflow.size) this.overflow.delete(id);
    let slot = this.slotIndex.get(cadreId);
    if (slot === undefined) slot = this.newSlot(cadreId);
    this.write(slot, year, code);
    return this;
  }

  delete(id: string): boolean {
    const at = this.locate(id);
    if (at && this.codeAt(at.slot, at.year) !== NO_GRADE) {
      this._version++;
      this.clear1(at.slot, at.year);
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
    this.rows.fill(undefined);
    this.yearCount.fill(0);
    this.years = undefined;
  }

  forEach(fn: (value: AnnualGrade, key: string, map: ReadonlyMap<string, AnnualGrade>) => void, thisArg?: unknown): void {
    for (const [id, r] of this.entries()) fn.call(thisArg, r, id, this);
  }

  *values(): MapIterator<AnnualGrade> {
    for (const [, r] of this.entries()) yield r;
  }

  /** The grades (one object made per grade as it is reached), then the overflow under the ids they were put by. */
  *entries(): MapIterator<[string, AnnualGrade]> {
    if (this.present) {
      const years = this.gradedYears();
      const out: AnnualGrade[] = [];
      for (let slot = 1; slot < this.ids.length; slot++) {
        if (this.slotCount[slot] === 0) continue;
        out.length = 0;
        this.slotRecords(slot, years, out);
        for (const r of out) yield [r.id, r];
      }
    }
    if (this.overflow.size) yield* [...this.overflow.entries()];
  }

  // ---- the snapshot form --------------------------------------------------------------------------

  /**
   * The columns in a canonical order — cadres that have a grade, by id; years that have one,
   * ascending — so two tables holding the same grades give the same columns whatever their
   * history (snapshot digests). The overflow is not in them (overflowRecords()).
   */
  columns(): { cadres: string[]; rows: GradeColumnRow[] } {
    const used: number[] = [];
    for (let s = 1; s < this.ids.length; s++) if (this.slotCount[s] > 0) used.push(s);
    const ids = this.ids;
    used.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    const n = used.length;
    const rows: GradeColumnRow[] = [];
    for (const year of this.gradedYears()) {
      const r = this.rows[year - YEAR_FLOOR]!;
      const codes = new Uint8Array(n);
      for (let j = 0; j < n; j++) codes[j] = r[used[j]];
      rows.push({ year, codes });
    }
    return { cadres: used.map((s) => ids[s]), rows };
  }

  /**
   * A table from the snapshot form: the rows become the table's rows (copied once into rows of the
   * table's capacity), no record object is made. Throws on a malformed form: a cadre id that is
   * empty or repeated, a year that is not an integer in YEAR_FLOOR … YEAR_CEILING − 1 or repeated,
   * a row whose length is not the cadres', a code that is no grade's.
   */
  static fromColumns(cadres: readonly string[], rows: readonly GradeColumnRow[]): GradeTable {
    const t = new GradeTable();
    const n = cadres.length;
    t.takeCadres(cadres, 'grade');
    for (const { year, codes } of rows) {
      const i = year - YEAR_FLOOR;
      if (!Number.isInteger(year) || !(i >= 0 && i < YEARS) || t.rows[i]) throw new Error('grade columns: bad year');
      if (!(codes instanceof Uint8Array) || codes.length !== n) throw new Error('grade columns: bad row');
      const r = new Uint8Array(t.capacity);
      r.set(codes, 1);
      let count = 0;
      for (let s = 1; s <= n; s++) {
        const c = r[s];
        if (c === NO_GRADE) continue;
        if (c > MAX_CODE) throw new Error('grade columns: bad grade code');
        count++;
        t.slotCount[s]++;
      }
      t.rows[i] = r;
      t.yearCount[i] = count;
      t.present += count;
    }
    return t;
  }

  // ---- internals ----------------------------------------------------------------------------------

  /** The years with a grade in the columns, ascending (kept until a year gains its first or loses its last). */
  private gradedYears(): readonly number[] {
    if (this.years) return this.years;
    const years: number[] = [];
    for (let i = 0; i < YEARS; i++) if (this.yearCount[i] > 0) years.push(i + YEAR_FLOOR);
    return (this.years = years);
  }

  private slotRecords(slot: number, years: readonly number[], out: AnnualGrade[]): void {
    for (const year of years) {
      const code = this.rows[year - YEAR_FLOOR]![slot];
      if (code !== NO_GRADE) out.push(this.materialize(slot, year, code));
    }
  }

  protected growRows(capacity: number): void {
    for (let i = 0; i < YEARS; i++) {
      const old = this.rows[i];
      if (!old) continue;
      const r = new Uint8Array(capacity);
      r.set(old);
      this.rows[i] = r;
    }
  }

  private write(slot: number, year: number, code: number): void {
    const i = year - YEAR_FLOOR;
    const r = (this.rows[i] ??= new Uint8Array(this.capacity));
    if (r[slot] === NO_GRADE) this.counted(slot, i, 1);
    r[slot] = code;
  }

  private clear1(slot: number, year: number): void {
    const i = year - YEAR_FLOOR;
    const r = this.rows[i];
    if (!r || r[slot] === NO_GRADE) return;
    r[slot] = NO_GRADE;
    this.counted(slot, i, -1);
  }

  private counted(slot: number, i: number, d: number): void {
    if (this.yearCount[i] === 0 || this.yearCount[i] + d === 0) this.years = undefined;
    this.yearCount[i] += d;
    this.slotCount[slot] += d;
    this.present += d;
  }
}

function isMap<T>(records: Iterable<T> | ReadonlyMap<string, T>): records is ReadonlyMap<string, T> {
  const m = records as Partial<ReadonlyMap<string, T>>;
  return typeof m.get === 'function' && typeof m.forEach === 'function' && typeof m.values === 'function';
}

/**
 * One cadre's grades without making an object per grade of the ledger (a plain Map — a
 * hand-built state — is filtered as before).
 */
export function gradesOfCadre(grades: ReadonlyMap<string, AnnualGrade>, cadreId: string): AnnualGrade[] {
  if (grades instanceof GradeTable) return grades.ofCadre(cadreId);
  const out: AnnualGrade[] = [];
  grades.forEach((g) => g.cadreId === cadreId && out.push(g));
  return out;
}
