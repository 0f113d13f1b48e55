// Import of the interchange files of DOMAIN.md §5 (the import wizard): preview a file, commit it,
// download an empty template. Files cross the contract as base64 (IPC and the browser host alike).
import { z } from 'zod';
import { bilingualSchema } from '../domain/primitives';
import { importKindSchema } from '../import/columns';
import { command, query } from './define';

/** 50 MB of file as base64, with room to spare; the service applies the exact byte limit. */
const maxBase64Length = 70 * 1024 * 1024;

export const importFileInputSchema = z.object({
  kind: importKindSchema,
  fileName: z.string().trim().min(1).max(260),
  contentBase64: z.string().max(maxBase64Length),
});

export const rejectedRowSchema = z.object({
  /** Row number as seen in Excel, header rows counted. */
  row: z.number().int(),
  /** Column header as written in the file; '' for a problem of the whole row or file. */
  column: z.string(),
  reason: bilingualSchema,
});
export type RejectedRowShape = z.infer<typeof rejectedRowSchema>;

/** At most this many rejected rows cross the contract; `rejectedCount` gives the full number. */
export const maxRejectedListed = 1000;
export const maxSampleRows = 20;

const importCountsSchema = z.object({
  kind: importKindSchema,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** CSV only: how the text was decoded. */
  encoding: z.string().optional(),
  headerRows: z.array(z.number().int()),
  /** Non-empty data rows. */
  total: z.number().int(),
  valid: z.number().int(),
  /** Distinct rejected rows. */
  rejectedRows: z.number().int(),
  /** Problems listed (one row may have several); the list stops at `maxRejectedListed`. */
  rejected: z.array(rejectedRowSchema),
  rejectedCount: z.number().int(),
  unknownColumns: z.array(z.string()),
  /** The file as a whole cannot be imported (no header, missing column …). */
  fatal: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const importPreviewSchema = importCountsSchema.extend({
  /** The first valid rows as records, with what importing them would do. */
  sample: z.array(
    z.object({
      row: z.number().int(),
      status: z.enum(['insert', 'update', 'unchanged']),
      record: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommitResultSchema = importCountsSchema.extend({
  /** False when nothing was written because rows were rejected (and validOnly was not set). */
  committed: z.boolean(),
  revision: z.number().int(),
});
export type ImportCommitResult = z.infer<typeof importCommitResultSchema>;

export const importingContract = {
  /** What importing the file would do; writes nothing. */
  'import.preview': query(importFileInputSchema, importPreviewSchema),
  /**
   * Imports the file as one commit. With a rejected row nothing is written unless `validOnly`;
   * inserted/updated/unchanged count the rows written (or that would have been).
   */
  'import.commit': command(importFileInputSchema.extend({ validOnly: z.boolean().default(false) }), importCommitResultSchema),
  /** An empty .xlsx template with the Chinese and the English header row. */
  'import.template': query(
    z.object({ kind: importKindSchema }),
    z.object({ fileName: z.string(), contentBase64: z.string() }),
  ),
} as const;
