// users.*: accounts and roles (docs/ACCESS.md). Only an administrator calls these. Password hashes
// never leave the core: a user row says whether a password is set, never what it hashes to.
import { z } from 'zod';
import { loginNameSchema, MIN_PASSWORD_LENGTH, roleSchema } from '../domain/access';
import { nameText } from '../domain/primitives';
import { command, query } from './define';

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(1024);

export const userRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Locked out after five failed logins, until this time (ISO); absent when not locked out. */
  lockedUntil: z.string().optional(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof userRowSchema>;

const byName = z.object({ name: loginNameSchema });

export const usersContract = {
  'users.list': query(z.object({}), z.object({ users: z.array(userRowSchema) })),
  /**
   * Adds an account. The first one turns logins on: the calling OS user becomes an administrator
   * account of its own, which must then set a password (session.setPassword).
   */
  'users.add': command(
    z.object({
      name: loginNameSchema,
      displayName: nameText(64).min(1),
      role: roleSchema,
      password: passwordSchema,
    }),
    userRowSchema,
  ),
  'users.disable': command(byName.extend({ disabled: z.boolean().default(true) }), userRowSchema),
  /** Sets a new password that the person must change at the next login; clears a lockout. */
  'users.reset': command(byName.extend({ password: passwordSchema }), userRowSchema),
  'users.setRole': command(byName.extend({ role: roleSchema }), userRowSchema),
} as const;
