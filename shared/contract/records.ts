// records.put: one generic write for the ledger's dated records (scores, grades, sanctions,
// measures, faults, rehabilitation plans and check-ins, clearances, finding dismissals). Units and
// cadres go through units.* / cadres.*, policies through their own endpoints.
import { z } from 'zod';
import {
  measureKindSchema,
  annualGradeRecordSchema,
  checkInSchema,
  clearanceSchema,
  faultRecordSchema,
  findingDismissalSchema,
  measureSchema,
  monthlyScoreSchema,
  rehabPlanSchema,
  sanctionSchema,
} from '../domain/records';
import { collectionSchemas } from '../ledger/collections';
import { dateSchema, freeText, idSchema, nameText } from '../domain/primitives';
import { revisionActions, revisionSchema } from '../domain/revisions';
import { command, query } from './define';

/** The collections records.put writes (not units, cadres or policies, which have their own). */
const putCollectionNames = [
  'scores',
  'grades',
  'sanctions',
  'measures',
  'faults',
  'rehabPlans',
  'checkIns',
  'clearances',
  'dismissals',
] as const;
type PutName = (typeof putCollectionNames)[number];

/** The schema of one record of each such collection: the ledger's own, not a second copy. */
export const putRecordSchemas = Object.fromEntries(putCollectionNames.map((c) => [c, collectionSchemas[c]])) as {
  [C in PutName]: (typeof collectionSchemas)[C];
};
export type PutCollection = keyof typeof putRecordSchemas;
export const putCollections = Object.keys(putRecordSchemas) as PutCollection[];

/**
 * Scores, grades and check-ins are keyed by what they are about (cadre+month, cadre+year,
 * plan+date): their id is derived and may be left out. Any other record's id may be left out too;
 * the service assigns the next free number with the collection's prefix.
 */
export const recordIdPrefixes: Record<Exclude<PutCollection, 'scores' | 'grades' | 'checkIns'>, string> = {
  sanctions: 'S',
  measures: 'M',
  faults: 'F',
  rehabPlans: 'R',
  clearances: 'CL',
  dismissals: 'D',
};

/**
 * What every records.put may add besides the record:
 * - `confirmDuplicate`: the officer saw the "identical record" warning (CONFLICT) and saves anyway;
 * - `replace`: overwrite the record with the same id (a derived id — a score of the same month —
 *   or a given one); it is a correction (更正), so `reason` is required and a revision is written.
 */
const putFlags = {
  confirmDuplicate: z.boolean().default(false),
  replace: z.boolean().default(false),
  reason: freeText(1000).optional(),
};

/** A sanction entered from a form needs its 事由 (imports keep the column optional). */
const withoutId = { id: true } as const;
const sanctionEntrySchema = sanctionSchema.partial(withoutId).extend({ reason: freeText(500).min(1) });

// Written out per collection (not mapped) so each input keeps its exact type for the renderer.
export const putRecordInputSchema = z.discriminatedUnion('collection', [
  z.object({ collection: z.literal('scores'), record: monthlyScoreSchema.partial(withoutId), ...putFlags }),
  z.object({ collection: z.literal('grades'), record: annualGradeRecordSchema.partial(withoutId), ...putFlags }),
  z.object({ collection: z.literal('sanctions'), record: sanctionEntrySchema, ...putFlags }),
  z.object({ collection: z.literal('measures'), record: measureSchema.partial(withoutId), ...putFlags }),
  z.object({ collection: z.literal('faults'), record: faultRecordSchema.partial(withoutId), ...putFlags }),
  z.object({ collection: z.literal('rehabPlans'), record: rehabPlanSchema.partial(withoutId), ...putFlags }),
  z.object({ collection: z.literal('checkIns'), record: checkInSchema.partial(withoutId), ...putFlags }),
  z.object({ collection: z.literal('clearances'), record: clearanceSchema.partial(withoutId), ...putFlags }),
  z.object({ collection: z.literal('dismissals'), record: findingDismissalSchema.partial(withoutId), ...putFlags }),
]);
export const putRecordOutputSchema = z.discriminatedUnion('collection', [
  z.object({ collection: z.literal('scores'), record: monthlyScoreSchema }),
  z.object({ collection: z.literal('grades'), record: annualGradeRecordSchema }),
  z.object({ collection: z.literal('sanctions'), record: sanctionSchema }),
  z.object({ collection: z.literal('measures'), record: measureSchema }),
  z.object({ collection: z.literal('faults'), record: faultRecordSchema }),
  z.object({ collection: z.literal('rehabPlans'), record: rehabPlanSchema }),
  z.object({ collection: z.literal('checkIns'), record: checkInSchema }),
  z.object({ collection: z.literal('clearances'), record: clearanceSchema }),
  z.object({ collection: z.literal('dismissals'), record: findingDismissalSchema }),
]);
export type PutRecordInput = z.input<typeof putRecordInputSchema>;
export type PutRecordOutput = z.output<typeof putRecordOutputSchema>;

// ---- history: corrections (更正) and voids (作废) ---------------------------------------------

/** The record kinds that can be corrected and voided (every dated record an officer enters). */
export const revisableCollections = [
  'scores',
  'grades',
  'sanctions',
  'measures',
  'faults',
  'rehabPlans',
  'checkIns',
  'clearances',
] as const;
export type RevisableCollection = (typeof revisableCollections)[number];
export const revisableCollectionSchema = z.enum(revisableCollections);

const reasonSchema = freeText(1000).min(1);

/** The corrected version, whole (the id stays; for scores, grades and check-ins so do their keys). */
export const correctRecordInputSchema = z.discriminatedUnion('collection', [
  z.object({ collection: z.literal('scores'), id: z.string().min(1).max(64), record: monthlyScoreSchema.partial(withoutId), reason: reasonSchema }),
  z.object({ collection: z.literal('grades'), id: z.string().min(1).max(64), record: annualGradeRecordSchema.partial(withoutId), reason: reasonSchema }),
  z.object({ collection: z.literal('sanctions'), id: idSchema, record: sanctionEntrySchema, reason: reasonSchema }),
  z.object({ collection: z.literal('measures'), id: idSchema, record: measureSchema.partial(withoutId), reason: reasonSchema }),
  z.object({ collection: z.literal('faults'), id: idSchema, record: faultRecordSchema.partial(withoutId), reason: reasonSchema }),
  z.object({ collection: z.literal('rehabPlans'), id: idSchema, record: rehabPlanSchema.partial(withoutId), reason: reasonSchema }),
  z.object({ collection: z.literal('checkIns'), id: z.string().min(1).max(64), record: checkInSchema.partial(withoutId), reason: reasonSchema }),
  z.object({ collection: z.literal('clearances'), id: idSchema, record: clearanceSchema.partial(withoutId), reason: reasonSchema }),
]);
export type CorrectRecordInput = z.input<typeof correctRecordInputSchema>;

/** One version of a record in its history (oldest first), with who, when and why. */
export const recordVersionSchema = z.object({
  revisionId: z.string(),
  action: z.enum(revisionActions),
  at: z.string(),
  by: z.string(),
  date: dateSchema,
  reason: z.string(),
  /** The record as it was before this change (null for create) and after it (null for void). */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** Fields whose value differs between before and after (empty for create and void). */
  changed: z.array(z.string()),
});
export type RecordVersion = z.infer<typeof recordVersionSchema>;

export const recordHistorySchema = z.object({
  collection: revisableCollectionSchema,
  id: z.string(),
  /** The record in force, or null when it was voided (or never existed in this ledger). */
  current: z.record(z.string(), z.unknown()).nullable(),
  voided: z.boolean(),
  /** Oldest first. A record that was imported, and never corrected, has none. */
  versions: z.array(recordVersionSchema),
});
export type RecordHistory = z.infer<typeof recordHistorySchema>;

export const revisionResultSchema = z.object({
  collection: revisableCollectionSchema,
  id: z.string(),
  /** The record now in force (null after a void). */
  record: z.record(z.string(), z.unknown()).nullable(),
  revision: revisionSchema,
  /** Records voided with it (a plan's check-ins), each with its own revision. */
  alsoVoided: z.array(z.object({ collection: revisableCollectionSchema, id: z.string() })),
});
export type RevisionResult = z.infer<typeof revisionResultSchema>;

export const recordsContract = {
  /**
   * Creates one record (validated, references checked, one journaled commit with a `create`
   * revision). An identical record (same cadre/subject, kind and date; or an existing derived id)
   * answers CONFLICT unless `confirmDuplicate` (or, for the same id, `replace` with a reason).
   */
  'records.put': command(putRecordInputSchema, putRecordOutputSchema),
  /** 更正: replaces the record with the corrected version; the revision keeps before/after, who, when, why. */
  'records.correct': command(correctRecordInputSchema, revisionResultSchema),
  /** 作废: removes the record from the ledger (it counts for nothing); the revision keeps it. */
  'records.void': command(
    z.object({ collection: revisableCollectionSchema, id: z.string().min(1).max(64), reason: reasonSchema }),
    revisionResultSchema,
  ),
  /**
   * What the core fills in a measure left without it, so a form can show it before saving (one
   * mechanism with records.put): a transitional placement's review date from policy.
   */
  'records.measureDefaults': query(
    z.object({ kind: measureKindSchema, startsOn: dateSchema }),
    z.object({ reviewOn: dateSchema.nullable() }),
  ),
  /** Every version of one record with who, when and why (also of a voided one). */
  'records.history': query(z.object({ collection: revisableCollectionSchema, id: z.string().min(1).max(64) }), recordHistorySchema),
  /**
   * 解除: records the release of a sanction (from the `sanction.release-due` finding: its
   * suggestion.params carry sanctionId and periodEndedOn). Not before the decision; once only.
   */
  'sanctions.release': command(
    z.object({
      sanctionId: idSchema,
      releasedOn: dateSchema,
      documentNo: nameText(100).min(1),
      /** The finding it was recorded from (checked to be about this sanction when given). */
      findingKey: z.string().min(1).max(300).optional(),
    }),
    sanctionSchema,
  ),
} as const;
