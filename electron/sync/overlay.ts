// A pending change to the ledger: reads see the state with the change applied, and the change
// comes out as the events of one commit. Import and feed extension build their commit with it.
import type { CollectionName, LedgerState, RecordOf } from '../../shared/ledger/collections';
import type { LedgerEvent } from '../../shared/ledger/events';

const REMOVED = Symbol('removed');

export class Overlay {
  private readonly changes = new Map<CollectionName, Map<string, unknown>>();
  constructor(readonly state: LedgerState) {}

  get<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined {
    const m = this.changes.get(collection);
    if (m?.has(id)) {
      const v = m.get(id);
      return v === REMOVED ? undefined : (v as RecordOf<C>);
    }
    return this.state[collection].get(id) as RecordOf<C> | undefined;
  }

  put<C extends CollectionName>(collection: C, record: RecordOf<C>): void {
    this.map(collection).set((record as { id: string }).id, record);
  }

  remove(collection: CollectionName, id: string): void {
    if (this.get(collection, id) !== undefined || this.changes.get(collection)?.has(id)) this.map(collection).set(id, REMOVED);
  }

  /** Ids of `collection` changed here (put or removed). */
  changed(collection: CollectionName): Iterable<string> {
    return this.changes.get(collection)?.keys() ?? [];
  }

  get size(): number {
    let n = 0;
    for (const m of this.changes.values()) n += m.size;
    return n;
  }

  events(): LedgerEvent[] {
    const out: LedgerEvent[] = [];
    for (const [collection, m] of this.changes) {
      for (const [id, v] of m) {
        if (v === REMOVED) {
          if (this.state[collection].has(id)) out.push({ type: 'remove', collection, id });
        } else out.push({ type: 'put', collection, record: v } as LedgerEvent);
      }
    }
    return out;
  }

  private map(collection: CollectionName): Map<string, unknown> {
    let m = this.changes.get(collection);
    if (!m) this.changes.set(collection, (m = new Map()));
    return m;
  }
}
