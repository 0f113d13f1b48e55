// The launch: which ledger is open (the office's or the demo township's), whether it is locked,
// who is working and what day it is on the host.
import { z } from 'zod';
import { monthSchema } from '../domain/primitives';
import { command, query } from './define';

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
} as const;
