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

/** The whole ledger in memory: what the store materializes from its journal and snapshots. */
export type LedgerState = { readonly [C in CollectionName]: Map<string, RecordOf<C>> };

export function emptyLedgerState(): LedgerState {
  const s = {} as { [C in CollectionName]: Map<string, RecordOf<C>> };
  for (const c of collectionNames) (s as Record<string, Map<string, unknown>>)[c] = new Map();
  return s;
}
