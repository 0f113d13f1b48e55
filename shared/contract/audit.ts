// audit.*: the audit trail (审计日志) for the auditor and the administrator: every journal record
// (who, when, which command, which records) with the audit entries (logins, exports, backups,
// restores…) that the core writes beside them, and the state of the hash chain.
import { z } from 'zod';
import { auditResults } from '../domain/access';
import { bilingualSchema } from '../domain/primitives';
import { query } from './define';

export const auditFilterSchema = z.object({
  user: z.string().max(64).optional(),
  /** A prefix of the command / action (e.g. "backup." or "session.login"). */
  action: z.string().max(64).optional(),
  result: z.enum(auditResults).optional(),
  /** Inclusive YYYY-MM-DD bounds on the record's time (host's local day). */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Text that a record id or target must contain. */
  record: z.string().max(64).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditRowSchema = z.object({
  /** The journal sequence number of the record's first event. */
  seq: z.number().int(),
  at: z.string(),
  user: z.string(),
  command: z.string(),
  /** ok, failed or refused (a ledger change that is in the journal succeeded). */
  result: z.enum(auditResults),
  /** The records it touched: "collection/id", at most 20, and how many in all. */
  records: z.array(z.string()),
  recordCount: z.number().int(),
  /** A backup name, an export's kind, a user's login name… */
  target: z.string().optional(),
  detail: z.string().optional(),
  /** A restore: the chain head and revision it replaced. */
  restore: z
    .object({ from: z.string(), replacedHead: z.string(), replacedRevision: z.number().int(), restoredRevision: z.number().int(), safetyBackup: z.string().optional() })
    .optional(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const chainStateSchema = z.object({
  intact: z.boolean(),
  head: z.string(),
  records: z.number().int(),
  /** The first bad record, when the chain is not intact. */
  firstProblem: z.object({ seq: z.number().int().optional(), file: z.string(), message: bilingualSchema }).optional(),
  /** Every restore the journal records (newest last). */
  restores: z.number().int(),
});
export type ChainState = z.infer<typeof chainStateSchema>;

export const auditContract = {
  /** Newest first, at most `limit` rows after the filters; `total` counts all matching rows. */
  'audit.list': query(
    auditFilterSchema.extend({ limit: z.number().int().min(1).max(5000).default(500) }),
    z.object({ rows: z.array(auditRowSchema), total: z.number().int(), chain: chainStateSchema }),
  ),
  /** The filtered trail as an .xlsx (base64); the export itself is an audit entry. */
  'audit.export': query(auditFilterSchema, z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() })),
} as const;
