// Who may use the ledger (docs/ACCESS.md): user accounts and the audit entries that record what
// is not itself a ledger change (logins, exports, backups, restores…). Both are ledger
// collections, so they are journaled, hash-chained, backed up and restored with everything else.
import { z } from 'zod';
import { idSchema, nameText } from './primitives';

/** 三员分立: the four roles an organization department separates. */
export const roles = ['admin', 'clerk', 'reviewer', 'auditor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  clerk: { zh: '经办人', en: 'Clerk' },
  reviewer: { zh: '审核人', en: 'Reviewer' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

export const MIN_PASSWORD_LENGTH = 12;

/** A login name: what a person types at the login screen (letters, digits, CJK; no spaces or controls). */
export const loginNameSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}_.@-]+$/u, { message: 'letters, digits, _ . @ - only' });

/** scrypt parameters and the verifier of a password (never the password, never sent out). */
export const credentialSchema = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string().min(1),
  /** SHA-256 of the first half of scrypt's 64-byte output (the second half wraps the store key). */
  verifier: z.string().min(1),
  setAt: z.string(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const userSchema = z.object({
  id: idSchema,
  name: loginNameSchema,
  displayName: nameText(64).min(1), // a person's name: no control, zero-width or bidi characters
  role: roleSchema,
  disabled: z.boolean().default(false),
  /** Absent until the person sets a password (the OS user's account when logins are turned on). */
  credential: credentialSchema.optional(),
  /** An administrator reset the password: the next login must set a new one. */
  mustChangePassword: z.boolean().default(false),
  createdAt: z.string(),
});
export type UserRecord = z.infer<typeof userSchema>;

export const auditResults = ['ok', 'failed', 'refused'] as const;

/** An audit entry: something that matters for accountability but changes no ledger record. */
export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  /** The login name (or, for a failed login, the name that was tried). */
  user: z.string(),
  /** What happened: an endpoint or CLI command name, or login / login.failed / lockout / lock. */
  action: z.string().min(1),
  result: z.enum(auditResults),
  /** Which record or file it concerned (a backup name, an export's kind, a user's login name). */
  target: z.string().optional(),
  detail: z.string().optional(),
  /** A restore: what replaced the ledger and the chain head it replaced (stays visible to verify). */
  restore: z
    .object({
      from: z.string(),
      replacedHead: z.string(),
      replacedRevision: z.number().int(),
      restoredRevision: z.number().int(),
      safetyBackup: z.string().optional(),
    })
    .optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
