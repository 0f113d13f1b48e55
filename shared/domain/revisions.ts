// Record history (更正 / 作废). The collections hold only what is in force; every correction and
// every void writes, in the same commit, one revision that keeps the version it replaced. So the
// engine never sees a voided record (it is removed from its collection) and the case file can show
// each version with who, when and why. A revocation (撤销) and a name clearing (澄清) are not
// revisions: they are clearance records, because the record stays in the ledger and its effects are
// computed away (DOMAIN.md §4.1a).
import { z } from 'zod';
import { dateSchema, freeText, idSchema } from './primitives';

export const revisionActions = ['create', 'correct', 'void'] as const;
export type RevisionAction = (typeof revisionActions)[number];

export const revisionSchema = z.object({
  id: idSchema,
  /** The collection of the record (a CollectionName; a string here to keep this file below collections.ts). */
  collection: z.string().min(1).max(40),
  recordId: z.string().min(1).max(64),
  /** The cadre the record is about, when it has one: the case file lists its revisions. */
  cadreId: idSchema.optional(),
  action: z.enum(revisionActions),
  /** Why (required for correct and void; the form's reason, 更正/作废原因). */
  reason: freeText(1000).default(''),
  /** When (ISO 8601 instant, from the host's clock) and who (the calling user). */
  at: z.string().min(10).max(40),
  by: z.string().trim().min(1).max(50),
  /** The calendar day it was done (for sorting next to dated records). */
  date: dateSchema,
  /** The version before the change (null for create) and after it (null for void). */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type Revision = z.infer<typeof revisionSchema>;
