// The renderer's own IndexedDB (dexie): form drafts and a disposable read cache. Neither is a
// source of truth: the main-process store is. Losing this database loses nothing but speed and
// unsent drafts.
import Dexie, { type Table } from 'dexie';

export interface DraftRow {
  /** Which form: 'cadre:new', 'cadre:edit:C001', 'unit:new', … */
  formId: string;
  /** The form's values, dates as { $date: 'YYYY-MM-DD' } (see drafts.ts). */
  values: Record<string, unknown>;
  updatedAt: number;
}

export interface CacheRow {
  /** scope | endpoint | JSON input */
  key: string;
  revision: number;
  /**
   * The answer as JSON text: one string clones in and out of IndexedDB far faster than 50,000
   * small objects do.
   */
  json: string;
  storedAt: number;
}

export class RendererDb extends Dexie {
  drafts!: Table<DraftRow, string>;
  cache!: Table<CacheRow, string>;
  constructor(name = 'cadre-ledger') {
    super(name);
    this.version(1).stores({ drafts: 'formId, updatedAt', cache: 'key, storedAt' });
    // v2: cache rows hold JSON text; old rows are dropped (the cache is disposable).
    this.version(2)
      .stores({ drafts: 'formId, updatedAt', cache: 'key, storedAt' })
      .upgrade((tx) => tx.table('cache').clear());
  }
}

export const db = new RendererDb();
