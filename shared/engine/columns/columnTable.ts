// What the ScoreTable and the GradeTable share (docs/COLUMNS.md): the cadre slots — slot 0 is
// never a cadre, a slot is never reused — the per-slot counts, the overflow map of records the
// columns cannot give back, the version, and the part of the Map surface that follows from
// entries(). Each table keeps its own rows (months or years) and how a record maps to them.
import type { LedgerCollection } from '../../ledger/collections';

/** Slot 0 is never a cadre: a reader maps a cadre without a column there and finds nothing. */
export const NO_SLOT = 0;

export abstract class ColumnTable<T> implements LedgerCollection<T> {
  /** Cadre id of each slot (slot 0: none). */
  protected ids: string[] = [''];
  protected slotIndex = new Map<string, number>();
  /** Length of every row (slots), doubled as cadres arrive. */
  protected capacity = 64;
  /** Values present per slot. */
  protected slotCount = new Int32Array(64);
  /** Values present in the columns. */
  protected present = 0;
  /** Records the columns cannot reproduce exactly, as they were put. */
  protected overflow = new Map<string, T>();
  /** Bumped by every change: readers holding rows can tell they are stale. */
  protected _version = 0;
  /** Bumped when the slots are given anew (clear, fromColumns): a cadre → slot map kept outside is stale. */
  protected _slotEpoch = 0;

  abstract get(id: string): T | undefined;
  abstract has(id: string): boolean;
  abstract set(id: string, record: T): this;
  abstract delete(id: string): boolean;
  abstract clear(): void;
  abstract forEach(fn: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void;
  abstract values(): MapIterator<T>;
  abstract entries(): MapIterator<[string, T]>;
  abstract get [Symbol.toStringTag](): string;
  /** Makes every row `capacity` slots long (the slot counts are grown by newSlot). */
  protected abstract growRows(capacity: number): void;

  get version(): number {
    return this._version;
  }

  /** Slots are only ever added between two changes of this (see keptStructures.ts). */
  get slotEpoch(): number {
    return this._slotEpoch;
  }

  get size(): number {
    return this.present + this.overflow.size;
  }

  /** Slot of a cadre's column, NO_SLOT if it never had a value in the columns. */
  slotOf(cadreId: string): number {
    return this.slotIndex.get(cadreId) ?? NO_SLOT;
  }

  /** Cadre id of a slot. */
  cadreOfSlot(slot: number): string {
    return this.ids[slot];
  }

  /** Slots in use (1 … slots − 1 are cadres); every row is at least this long. */
  get slots(): number {
    return this.ids.length;
  }

  /** The records the columns cannot hold (usually none). */
  overflowRecords(): ReadonlyMap<string, T> {
    return this.overflow;
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  protected newSlot(cadreId: string): number {
    const slot = this.ids.length;
    if (slot >= this.capacity) {
      const capacity = this.capacity * 2;
      this.growRows(capacity);
      const counts = new Int32Array(capacity);
      counts.set(this.slotCount);
      this.slotCount = counts;
      this.capacity = capacity;
    }
    this.ids.push(cadreId);
    this.slotIndex.set(cadreId, slot);
    return slot;
  }

  /** Empties the slots, the counts and the overflow (clear()); the rows are the table's to empty. */
  protected resetSlots(): void {
    this._version++;
    this._slotEpoch++;
    this.ids = [''];
    this.slotIndex = new Map();
    this.capacity = 64;
    this.slotCount = new Int32Array(64);
    this.present = 0;
    this.overflow = new Map();
  }

  /**
   * The snapshot form's cadre list as slots 1 … n, rows `n + 1` long at least (fromColumns). Throws
   * on an empty or repeated id (`what` names the table in the message).
   */
  protected takeCadres(cadres: readonly string[], what: string): void {
    this._slotEpoch++;
    for (const id of cadres) {
      if (typeof id !== 'string' || !id || this.slotIndex.has(id)) throw new Error(`${what} columns: bad cadre list`);
      this.slotIndex.set(id, this.ids.length);
      this.ids.push(id);
    }
    this.capacity = Math.max(64, cadres.length + 1);
    this.slotCount = new Int32Array(this.capacity);
  }
}
