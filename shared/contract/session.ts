import { z } from 'zod';
import { query } from './define';

export const sessionInfoSchema = z.object({
  revision: z.number().int(),
  dataDir: z.string(),
  /** The demo township lives in its own data directory and is labelled as such everywhere. */
  demo: z.boolean(),
  user: z.string(),
  appVersion: z.string(),
  encrypted: z.boolean(),
  /** Today's date on the host (YYYY-MM-DD): the UI's default as-of month comes from it. */
  today: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const sessionContract = {
  'session.info': query(z.object({}), sessionInfoSchema),
} as const;
