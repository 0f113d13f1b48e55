// The cadre list's filter index. Built once per list (one data revision) from the rows; after that
// a keystroke filters 50,000 cadres by scanning compact arrays, without touching the row objects:
// - the search text: every row's normalised `name␟number` in one string, scanned with indexOf
//   (the browser's native substring search), each hit mapped to its row by binary search on the
//   rows' start offsets;
// - office, unit, peer group, category, status: one small integer code per row (Uint16Array), compared to
//   the code of the value asked for;
// - the result: a bitset (Uint32Array, a bit per row) per condition, ANDed, then read out in the
//   chosen sort order (a permutation built once per sort key, on first use).
import type { CadreRow } from '../../../shared/contract';
import { cadreCategories } from '../../../shared/domain/records';
import { cadreStatuses } from '../../../shared/domain/status';

export interface CadreFilter {
  /** Matches the name or the cadre number, case-insensitive; several words must all match. */
  q?: string;
  unit?: string;
  peerGroup?: string;
  category?: string;
  status?: string;
  /** The owning office (the header's office scope, not kept in the route query). */
  office?: string;
}

/** The filter as kept in the route query (`/cadres?unit=U1&q=张`). */
export const filterKeys = ['q', 'unit', 'peerGroup', 'category', 'status'] as const;

/** Columns the list sorts by; `-name` is descending. Kept in the route query as `sort`. */
export const sortKeys = ['id', 'name', 'office', 'unit', 'peerGroup', 'category', 'status'] as const;
export type SortKey = (typeof sortKeys)[number];
export interface CadreSort {
  key: SortKey;
  desc: boolean;
}
export function parseSort(s: string | undefined): CadreSort | undefined {
  if (!s) return undefined;
  const desc = s.startsWith('-');
  const key = (desc ? s.slice(1) : s) as SortKey;
  return sortKeys.includes(key) ? { key, desc } : undefined;
}
export const formatSort = (s: CadreSort | undefined): string | undefined => (s ? `${s.desc ? '-' : ''}${s.key}` : undefined);

/**
 * Search text as compared: NFKC (a full-width "Ｃ００１" typed with a Chinese input method is
 * "C001"), lower case, whitespace collapsed.
 */
export const normalise = (s: string): string => s.normalize('NFKC').toLowerCase();
export const searchWords = (q: string | undefined): string[] => normalise(q ?? '').split(/\s+/).filter(Boolean);

const SEP = '\u0000'; // between rows: never typed, so no match spans two rows
const FIELD = '\u001f'; // between a row's name and number: a word matches one or the other

type Coded = 'office' | 'unitId' | 'peerGroup' | 'category' | 'status';
const codedFields: readonly Coded[] = ['office', 'unitId', 'peerGroup', 'category', 'status'];
const fieldOf: Record<Exclude<keyof CadreFilter, 'q'>, Coded> = { office: 'office', unit: 'unitId', peerGroup: 'peerGroup', category: 'category', status: 'status' };

const zhCollator = new Intl.Collator('zh-CN', { numeric: true });

export class CadreIndex {
  readonly size: number;
  private readonly text: string;
  /** Offset of row i's text in `text`; one more entry at the end (text length + 1). */
  private readonly starts: Int32Array;
  private readonly codes = new Map<Coded, { of: Map<string, number>; values: string[]; at: Uint16Array }>();
  private readonly orders = new Map<string, Int32Array>();
  /** Length of a bitset over the rows, in 32-bit words. */
  private readonly words: number;

  constructor(readonly rows: readonly CadreRow[]) {
    this.size = rows.length;
    this.words = Math.ceil(rows.length / 32);
    // Normalised in one call over the whole text (NFKC may change a row's length, so the starts
    // are found afterwards, at the separators, which NFKC leaves alone).
    const parts = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) parts[i] = `${rows[i].name}${FIELD}${rows[i].id}`;
    this.text = normalise(parts.join(SEP));
    this.starts = new Int32Array(rows.length + 1);
    for (let i = 1, at = -1; i < rows.length; i++) {
      at = this.text.indexOf(SEP, at + 1);
      this.starts[i] = at + 1;
    }
    this.starts[rows.length] = this.text.length + 1;
    for (const field of codedFields) {
      const of = new Map<string, number>();
      const values: string[] = [];
      const codes = new Uint16Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const v = String(rows[i][field] ?? '');
        let c = of.get(v);
        if (c === undefined) {
          c = values.length;
          of.set(v, c);
          values.push(v);
        }
        codes[i] = c;
      }
      this.codes.set(field, { of, values, at: codes });
    }
  }

  /** Distinct values of a field (peer groups for the filter's options), sorted the Chinese way. */
  distinct(field: Coded): string[] {
    return [...this.codes.get(field)!.values].filter(Boolean).sort(zhCollator.compare);
  }

  /** The row of a text offset: the last start ≤ offset. */
  private rowAt(offset: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private matchWord(word: string, into: Uint32Array, within: Uint32Array | undefined): void {
    const { text, starts } = this;
    let from = 0;
    for (;;) {
      const hit = text.indexOf(word, from);
      if (hit < 0) return;
      const row = this.rowAt(hit);
      if (!within || within[row >> 5] & (1 << (row & 31))) into[row >> 5] |= 1 << (row & 31);
      from = starts[row + 1]; // the next row: a row counts once
    }
  }

  /** The positions (into `rows`) of the rows the filter keeps, in the sort's order. */
  filter(f: CadreFilter, sort?: CadreSort, unitName?: (id: string) => string): Int32Array {
    let keep: Uint32Array | undefined;
    for (const key of ['office', 'unit', 'peerGroup', 'category', 'status'] as const) {
      const value = f[key];
      if (!value) continue;
      const coded = this.codes.get(fieldOf[key])!;
      const code = coded.of.get(value);
      const bits = new Uint32Array(this.words);
      if (code !== undefined) {
        const at = coded.at;
        for (let i = 0; i < this.size; i++) if (at[i] === code && (!keep || keep[i >> 5] & (1 << (i & 31)))) bits[i >> 5] |= 1 << (i & 31);
      }
      keep = bits;
    }
    for (const word of searchWords(f.q)) {
      const bits = new Uint32Array(this.words);
      this.matchWord(word, bits, keep);
      keep = bits;
    }
    const order = sort ? this.order(sort.key, unitName) : undefined;
    if (!keep) {
      if (order) return sort!.desc ? order.slice().reverse() : order;
      const all = new Int32Array(this.size);
      for (let i = 0; i < this.size; i++) all[i] = i;
      return all;
    }
    let n = 0;
    for (let w = 0; w < keep.length; w++) {
      let x = keep[w];
      while (x) {
        x &= x - 1;
        n++;
      }
    }
    const out = new Int32Array(n);
    let k = 0;
    if (order) {
      for (let j = 0; j < this.size; j++) {
        const i = order[j];
        if (keep[i >> 5] & (1 << (i & 31))) out[k++] = i;
      }
      if (sort!.desc) out.reverse();
    } else {
      for (let i = 0; i < this.size; i++) if (keep[i >> 5] & (1 << (i & 31))) out[k++] = i;
    }
    return out;
  }

  /** Rows in ascending order of a column, built on first use and kept with the index. */
  private order(key: SortKey, unitName?: (id: string) => string): Int32Array {
    const cacheKey = key === 'unit' ? `unit:${unitName ? 'named' : 'id'}` : key;
    const cached = this.orders.get(cacheKey);
    if (cached) return cached;
    const value: (r: CadreRow) => string =
      key === 'id' ? (r) => r.id
      : key === 'name' ? (r) => r.name
      : key === 'office' ? (r) => r.office
      : key === 'unit' ? (r) => (unitName ? unitName(r.unitId) : r.unitId)
      : key === 'peerGroup' ? (r) => r.peerGroup
      // Category and status in the order the domain lists them (the filters' order), not by code.
      : key === 'category' ? (r) => String(cadreCategories.indexOf(r.category as never) + 1).padStart(3, '0')
      : (r) => String(cadreStatuses.indexOf(r.status) + 1).padStart(3, '0');
    const keys = this.rows.map(value);
    const order = Int32Array.from(keys.keys());
    // Ties keep the list's order (by number): a stable sort over positions.
    order.sort((a, b) => zhCollator.compare(keys[a], keys[b]) || a - b);
    this.orders.set(cacheKey, order);
    return order;
  }
}

/** One-off filtering without keeping the index (tests, small lists). */
export function filterCadres(rows: readonly CadreRow[], f: CadreFilter): CadreRow[] {
  return [...new CadreIndex(rows).filter(f)].map((i) => rows[i]);
}

/** Distinct peer groups, sorted the Chinese way. */
export function peerGroupsOf(rows: readonly CadreRow[]): string[] {
  return new CadreIndex(rows).distinct('peerGroup');
}
