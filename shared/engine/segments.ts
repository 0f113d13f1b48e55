// Records grouped by subject (cadre or unit position) without one array per subject: all records
// in one array, subject s's in items[start[s] .. start[s + 1]), each group sorted. With 50,000
// cadres this replaces ~100,000 small arrays by a handful of big ones — allocation is what costs.

export class Segments<T> {
  private readonly cache: (readonly T[] | undefined)[] = [];

  constructor(
    readonly items: readonly T[],
    /** length = subjects + 1 */
    readonly start: Int32Array,
  ) {}

  count(s: number): number {
    return this.start[s + 1] - this.start[s];
  }

  /** Subject s's records (a cached copy; undefined when it has none). */
  of(s: number): readonly T[] | undefined {
    if (this.start[s + 1] === this.start[s]) return undefined;
    let list = this.cache[s];
    if (!list) this.cache[s] = list = this.items.slice(this.start[s], this.start[s + 1]);
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
  const kept = new Array<T>(records.size);
  const keys = new Int32Array(records.size);
  const start = new Int32Array(subjects + 1);
  let n = 0;
  records.forEach((r) => {
    const s = subjectOf(r);
    if (s < 0) return;
    keys[n] = s;
    kept[n++] = r;
    start[s + 1]++;
  });
  for (let s = 0; s < subjects; s++) start[s + 1] += start[s];
  const next = start.slice(0, subjects);
  const items = new Array<T>(n);
  for (let i = 0; i < n; i++) items[next[keys[i]]++] = kept[i];
  for (let s = 0; s < subjects; s++) {
    const a = start[s];
    const b = start[s + 1];
    if (b - a > 1) sortRange(items, a, b, compare);
  }
  return new Segments(items, start);
}

/** Insertion sort of items[a, b): groups are short, and this allocates nothing. */
function sortRange<T>(items: T[], a: number, b: number, compare: (x: T, y: T) => number): void {
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
