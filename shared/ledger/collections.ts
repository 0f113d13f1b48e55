// The ledger is a set of named collections of records, each keyed by `id`. Every write to the
// ledger is a `put` or a `remove` event against one collection (see events.ts): one mechanism for
// every record kind, from the UI, the importer and the CLI alike.
import { z } from 'zod';
import {
  annualGradeRecordSchema,
  cadreSchema,
  checkInSchema,
  clearanceSchema,
  faultRecordSchema,
  findingDismissalSchema,
  measureSchema,
  monthlyScoreSchema,
  rehabPlanSchema,
  sanctionSchema,
  unitSchema,
} from '../domain/records';
import { auditEntrySchema, userSchema } from '../domain/access';
import { meetingSchema } from '../domain/meetings';
import { revisionSchema } from '../domain/revisions';
import { policyVersionSchema } from '../policy/schema';
import { ownerSchema, syncEntrySchema, syncHeadsSchema, syncMetaSchema, syncPendingSchema } from '../sync/records';
import { GradeTable } from '../engine/columns/gradeTable';
import { ScoreTable } from '../engine/columns/scoreTable';

export const collectionSchemas = {
  units: unitSchema,
  cadres: cadreSchema,
  scores: monthlyScoreSchema,
  grades: annualGradeRecordSchema,
  sanctions: sanctionSchema,
  measures: measureSchema,
  faults: faultRecordSchema,
  rehabPlans: rehabPlanSchema,
  checkIns: checkInSchema,
  clearances: clearanceSchema,
  dismissals: findingDismissalSchema,
  policies: policyVersionSchema,
  /** History of corrections and voids (shared/domain/revisions.ts). */
  revisions: revisionSchema,
  meetings: meetingSchema,
  /** Accounts and audit entries (shared/domain/access.ts, docs/ACCESS.md). */
  users: userSchema,
  audit: auditEntrySchema,
  /** Sync between offices (shared/sync/records.ts, docs/SYNC.md): owners travel, sync* stay home. */
  owners: ownerSchema,
  syncEntries: syncEntrySchema,
  syncHeads: syncHeadsSchema,
  syncPending: syncPendingSchema,
  syncMeta: syncMetaSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];
export const collectionNameSchema = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);

export type RecordOf<C extends CollectionName> = z.infer<(typeof collectionSchemas)[C]>;

/**
 * What the ledger's code reads and writes on a collection: a Map's surface. Every collection is a
 * Map except `scores` and `grades`, a ScoreTable and a GradeTable (columns, docs/COLUMNS.md) that
 * answer the same calls.
 */
export interface LedgerCollection<T> extends ReadonlyMap<string, T> {
  set(id: string, record: T): this;
  delete(id: string): boolean;
  clear(): void;
}

/**
 * The Map every other collection of a state is: a Map that counts its changes, so that what an
 * evaluation derives from it (the cadre order, per-cadre record lists: engine/keptStructures.ts)
 * can be kept until it changes. Records are never changed in place — a write puts a new record.
 */
export class RecordMap<T> extends Map<string, T> {
  #version = 0;

  // No entries given: Map's constructor would call set() before #version exists.
  constructor() {
    super();
  }

  /** Bumped by every set, every delete that removed something and every clear of a non-empty map. */
  get version(): number {
    return this.#version;
  }

  override set(id: string, record: T): this {
    this.#version++;
    return super.set(id, record);
  }

  override delete(id: string): boolean {
    const removed = super.delete(id);
    if (removed) this.#version++;
    return removed;
  }

  override clear(): void {
    if (this.size) this.#version++;
    super.clear();
  }
}

/** A collection's change count when it keeps one (RecordMap, the column tables), else undefined (a plain Map). */
export function versionOf(collection: ReadonlyMap<string, unknown>): number | undefined {
  const v = (collection as { version?: unknown }).version;
  return typeof v === 'number' ? v : undefined;
}

/** The collections held as columns rather than as a Map of objects. */
type ColumnarCollection = 'scores' | 'grades';

/** The whole ledger in memory: what the store materializes from its journal and snapshots. */
export type LedgerState = {
  readonly [C in CollectionName]: C extends ColumnarCollection ? LedgerCollection<RecordOf<C>> : Map<string, RecordOf<C>>;
};

export function emptyLedgerState(): LedgerState {
  const s = {} as Record<string, LedgerCollection<unknown>>;
  for (const c of collectionNames) s[c] = c === 'scores' ? new ScoreTable() : c === 'grades' ? new GradeTable() : new RecordMap();
  return s as unknown as LedgerState;
}

/** A state from plain maps (tests, generated data): the scores and grades become columns. */
export function ledgerStateOf(maps: { [C in CollectionName]?: ReadonlyMap<string, RecordOf<C>> | Iterable<RecordOf<C>> }): LedgerState {
  const s = emptyLedgerState() as unknown as Record<string, LedgerCollection<unknown>>;
  for (const c of collectionNames) {
    const given = maps[c] as ReadonlyMap<string, { id: string }> | Iterable<{ id: string }> | undefined;
    if (!given) continue;
    const list = typeof (given as ReadonlyMap<string, unknown>).values === 'function' && 'size' in given
      ? (given as ReadonlyMap<string, { id: string }>).values()
      : (given as Iterable<{ id: string }>);
    const target = s[c];
    for (const r of list) target.set(r.id, r);
  }
  return s as unknown as LedgerState;
}
