// The ledger collections the sync keeps (docs/SYNC.md). `owners` travels between offices like any
// record; the `sync*` collections are this office's own bookkeeping and never leave it.
import { z } from 'zod';
import { officeCodeSchema } from './schema';

/** Who owns a unit or cadre, when it is not the office that created it (a transfer). */
export const ownerSchema = z.object({
  /** The unit's or cadre's id. */
  id: z.string().min(1).max(80),
  collection: z.enum(['units', 'cadres']),
  office: officeCodeSchema,
  /** Every transfer, oldest first: the history moves with the record. */
  history: z
    .array(z.object({ from: officeCodeSchema, to: officeCodeSchema, on: z.string().max(10), by: z.string().max(50), note: z.string().max(500).default('') }))
    .max(100)
    .default([]),
});
export type Owner = z.infer<typeof ownerSchema>;

/** A feed entry held (this office's own and every other office's), as its exact bytes. */
export const syncEntrySchema = z.object({
  /** `feed/epoch/seq`. */
  id: z.string().min(1).max(80),
  hash: z.string().length(64),
  line: z.string().min(1),
});

/** Every version of one record held, by entry: the input of the merge (shared/sync/merge.ts). */
export const syncHeadsSchema = z.object({
  /** `collection/globalId`. */
  id: z.string().min(1).max(200),
  versions: z.array(z.object({ e: z.string(), o: officeCodeSchema, b: z.array(z.string()), removed: z.boolean().default(false) })),
});

/** Entries not applied: held back for a gap, or quarantined as a fork. */
export const syncPendingSchema = z.object({
  id: z.string().min(1).max(120),
  kind: z.enum(['gap', 'fork']),
  entryId: z.string().max(80),
  office: officeCodeSchema,
  hash: z.string().length(64),
  line: z.string().min(1),
  packageId: z.string().max(40),
  receivedAt: z.string().max(40),
});

/** Small bookkeeping records: identity, own feed, trusted offices, feed heads, package log. */
export const syncMetaSchema = z.object({
  id: z.string().min(1).max(200),
  data: z.record(z.string(), z.unknown()),
});

/** The collections that travel in packages (accounts, audit and sync bookkeeping stay home). */
export const replicatedCollections = [
  'units',
  'cadres',
  'scores',
  'grades',
  'sanctions',
  'measures',
  'faults',
  'rehabPlans',
  'checkIns',
  'clearances',
  'dismissals',
  'policies',
  'revisions',
  'meetings',
  'owners',
] as const;
export const replicatedCollectionSet: ReadonlySet<string> = new Set(replicatedCollections);
