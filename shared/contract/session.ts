// The launch: which ledger is open (the office's or the demo township's), whether it is locked,
// who is working and what day it is on the host.
import { z } from 'zod';
import { loginNameSchema, roleSchema } from '../domain/access';
import { monthSchema } from '../domain/primitives';
import { command, query } from './define';
import { permissions } from './permissions';
import { passwordSchema } from './users';

export const sessionInfoSchema = z.object({
  revision: z.number().int(),
  dataDir: z.string(),
  /** The demo township lives in its own data directory and is labelled as such everywhere. */
  demo: z.boolean(),
  user: z.string(),
  appVersion: z.string(),
  encrypted: z.boolean(),
  /** An encrypted ledger opened without its passphrase: only session.* answers until unlocked. */
  locked: z.boolean(),
  /** Today's date on the host (YYYY-MM-DD): the UI's default as-of month comes from it. */
  today: z.string(),
  /**
   * The latest month with any score (null if none): the month the app opens on ("考核月份 2026-11 ·
   * 最近已录入得分的月份"), since a month without scores has no ranking findings.
   */
  latestScoredMonth: monthSchema.nullable(),
  /** Access (docs/ACCESS.md). Logins are on once the ledger has accounts; else the OS user holds every role. */
  logins: z.boolean(),
  /** This caller is logged in (always, in a single-user ledger that is not locked). */
  signedIn: z.boolean(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  permissions: z.array(z.enum(permissions)),
  /** The account has no password yet, or an administrator reset it: ask for a new one now. */
  mustSetPassword: z.boolean(),
  /** Lock after this many idle minutes (policy: 10). */
  idleLockMinutes: z.number().int().positive(),
  /** Shown once after this launch created an encrypted ledger, until session.confirmRecoveryKey. */
  recoveryKey: z.string().optional(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const sessionContract = {
  'session.info': query(z.object({}), sessionInfoSchema),
  /** Opens an encrypted ledger; a wrong passphrase is UNAUTHORIZED with the field `passphrase`. */
  'session.unlock': command(z.object({ passphrase: z.string().min(1).max(1024) }), sessionInfoSchema),
  /** Switches to the demo township (generated on first use, in its own data directory). */
  'session.openDemo': command(z.object({}), sessionInfoSchema),
  /** Back to the office's own ledger. */
  'session.leaveDemo': command(z.object({}), sessionInfoSchema),
  /** Logs in (and, for an encrypted ledger, unlocks it with this user's key). Five failures lock the account for 15 minutes. */
  'session.login': command(z.object({ name: loginNameSchema, password: z.string().min(1).max(1024) }), sessionInfoSchema),
  'session.logout': command(z.object({}), sessionInfoSchema),
  /** Locks now (idle timer, system suspend): an encrypted ledger forgets its key until a login. */
  'session.lock': command(z.object({}), sessionInfoSchema),
  /** Sets the caller's own password (`current` is required when one is set and not reset). */
  'session.setPassword': command(z.object({ current: z.string().max(1024).optional(), password: passwordSchema }), sessionInfoSchema),
  /** The person confirms the recovery key shown once was written down; it is not shown again. */
  'session.confirmRecoveryKey': command(z.object({}), sessionInfoSchema),
} as const;
