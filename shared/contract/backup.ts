// Settings → 备份与恢复: backups live in <dataDir>/backups/ (automatic daily ones, keep 7, plus
// manual, pre-restore and uploaded ones). Browser-friendly: a backup can be downloaded as base64
// and a restore can come from an uploaded file (base64). Restore closes the ledger, checks the
// backup completely, saves the current data as a pre-restore backup, switches, and reopens.
import { z } from 'zod';
import { bilingualSchema } from '../domain/primitives';
import { command, query } from './define';

/** A file name in the backups directory, e.g. auto-2025-03-01T08-00-00-000Z.cbak. */
export const backupNameSchema = z
  .string()
  .regex(/^[\w][\w.-]*\.cbak$/, { message: 'expected a .cbak file name without a path' })
  .max(200);

export const backupKinds = ['auto', 'manual', 'pre-restore', 'uploaded', 'other'] as const;

export const backupEntrySchema = z.object({
  name: backupNameSchema,
  /** auto: daily on start; manual: made from Settings or the CLI; pre-restore: the data a restore replaced. */
  kind: z.enum(backupKinds),
  /** Bytes. */
  size: z.number().int().nonnegative(),
  /** ISO 8601 time the backup was made. */
  createdAt: z.string(),
});
export type BackupEntryRow = z.infer<typeof backupEntrySchema>;

export const verifyProblemSchema = z.object({
  kind: z.string(),
  file: z.string(),
  seq: z.number().int().optional(),
  offset: z.number().int().optional(),
  message: bilingualSchema,
});

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  records: z.number().int(),
  /** Hash of the last journal record: writing it down lets a later verify prove nothing was rewritten. */
  head: z.string(),
  encrypted: z.boolean(),
  snapshots: z.number().int(),
  problems: z.array(verifyProblemSchema),
  /** Every restore the journal records: when, by whom, from which backup, which chain head it replaced. */
  restores: z
    .array(
      z.object({
        seq: z.number().int(),
        at: z.string(),
        user: z.string(),
        from: z.string(),
        replacedHead: z.string(),
        replacedRevision: z.number().int(),
        restoredRevision: z.number().int(),
        safetyBackup: z.string().optional(),
      }),
    )
    .default([]),
});
export type VerifyReportView = z.infer<typeof verifyReportSchema>;

export const backupContract = {
  /** The backups directory, its backups newest first, and how many daily backups are kept. */
  'backup.list': query(
    z.object({}),
    z.object({ directory: z.string(), keepDaily: z.number().int(), backups: z.array(backupEntrySchema) }),
  ),
  /** Makes a backup now (consistent while the app keeps working; verified after writing). */
  'backup.create': command(z.object({}), backupEntrySchema.extend({ revision: z.number().int() })),
  /** A backup's bytes as base64, for the browser to offer as a download. */
  'backup.download': query(
    z.object({ name: backupNameSchema }),
    z.object({ name: backupNameSchema, size: z.number().int(), base64: z.string() }),
  ),
  /**
   * Restores from a backup in the backups directory (`name`) or from an uploaded file (`base64`;
   * it is kept as uploaded-….cbak). `passphrase` is needed only for an encrypted backup of another
   * ledger. The ledger's revision after the restore comes back in the envelope.
   */
  'backup.restore': command(
    z
      .object({
        name: backupNameSchema.optional(),
        base64: z.string().min(1).optional(),
        passphrase: z.string().optional(),
      })
      .refine((v) => (v.name === undefined) !== (v.base64 === undefined), {
        message: 'give either name or base64',
        path: ['name'],
      }),
    z.object({
      revision: z.number().int(),
      restoredFrom: backupNameSchema,
      /** Where the data that was replaced was saved (in the backups directory). */
      safetyBackup: backupNameSchema.optional(),
    }),
  ),
  'backup.delete': command(z.object({ name: backupNameSchema }), z.object({ name: backupNameSchema })),
  /** Checks the open ledger like `cadre-ledger verify` (journal, chain, snapshots, every record). */
  'backup.verify': query(z.object({}), verifyReportSchema),
} as const;
