// Records grouped by subject (cadre or unit position) without one array per subject: all records
// in one array, subject s's in items[start[s] .. start[s + 1]), each group sorted. With 50,000
// cadres this replaces ~100,000 small arrays by a handful of big ones — allocation is what costs.

export class Segments<T> {
  private cache?: (readonly T[] | undefined)[];

  constructor(
    readonly items: readonly T[],
    /** length = subjects + 1 */
    readonly start: Int32Array,
  ) {}

  count(s: number): number {
    return this.start[s + 1] - this.start[s];
  }

  /** The records for which `keep` holds, each subject's run in the order it had. */
  filter(keep: (item: T) => boolean): Segments<T> {
    const S = this.start.length - 1;
    const start = new Int32Array(S + 1);
    const items: T[] = [];
    for (let s = 0; s < S; s++) {
      for (let i = this.start[s]; i < this.start[s + 1]; i++) if (keep(this.items[i])) items.push(this.items[i]);
      start[s + 1] = items.length;
    }
    return new Segments(items, start);
  }

  /** Subject s's records (a cached copy; undefined when it has none). */
  of(s: number): readonly T[] | undefined {
    if (this.start[s + 1] === this.start[s]) return undefined;
    // A dense array of the subjects' length: a sparse one would fall back to a dictionary.
    const cache = (this.cache ??= new Array(this.start.length - 1).fill(undefined));
    let list = cache[s];
    if (!list) cache[s] = list = this.items.slice(this.start[s], this.start[s + 1]);
    return list;
  }
}

/**
 * Groups the records of a collection by `subjectOf` (−1 leaves a record out), stable, then sorts
 * each group with `compare`. Iterates with forEach (no iterator result per record).
 */
export function groupBySubject<T>(
  records: ReadonlyMap<string, T>,
  subjects: number,
  subjectOf: (record: T) => number,
  compare: (a: T, b: T) => number,
): Segments<T> {
  // Two passes in the Map's (stable) order: the first finds each record's subject, the second
  // puts it in place — no intermediate array of the kept records.
  const keys = new Int32Array(records.size);
  const start = new Int32Array(subjects + 1);
  let j = 0;
  records.forEach((r) => {
    const s = subjectOf(r);
    keys[j++] = s;
    if (s >= 0) start[s + 1]++;
  });
  for (let s = 0; s < subjects; s++) start[s + 1] += start[s];
  const next = start.slice(0, subjects);
  const items = new Array<T>(start[subjects]);
  j = 0;
  records.forEach((r) => {
    const s = keys[j++];
    if (s >= 0) items[next[s]++] = r;
  });
  for (let s = 0; s < subjects; s++) {
    const a = start[s];
    const b = start[s + 1];
    if (b - a > 1) sortRange(items, a, b, compare);
  }
  return new Segments(items, start);
}

/** Insertion sort of items[a, b): groups are short, and this allocates nothing (a long group: Array sort). */
export function sortRange<T>(items: T[], a: number, b: number, compare: (x: T, y: T) => number): void {
  if (b - a > 48) {
    const sorted = items.slice(a, b).sort(compare);
    for (let i = 0; i < sorted.length; i++) items[a + i] = sorted[i];
    return;
  }
  for (let i = a + 1; i < b; i++) {
    const x = items[i];
    let j = i - 1;
    while (j >= a && compare(items[j], x) > 0) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = x;
  }
}
