// Accounts in the ledger (the `users` collection) and the identity a call runs as.
import { randomBytes } from 'node:crypto';
import type { UserRow } from '../../../shared/contract/users';
import { roles, type AuditEntry, type Role, type UserRecord } from '../../../shared/domain/access';
import type { LedgerState } from '../../../shared/ledger/collections';
import { put } from '../../../shared/ledger/events';
import type { LedgerStore } from '../../store/types';
import type { LoginAttempts } from './attempts';

/** Who a call runs as. `roles` is empty for someone not logged in. */
export interface Identity {
  name: string;
  displayName: string;
  roles: readonly Role[];
  /** The account's id; absent for the OS user of a single-user ledger. */
  userId?: string;
}

/** A single-user ledger (no accounts): the OS user is its administrator and holds every role. */
export const singleUser = (osUser: string): Identity => ({ name: osUser, displayName: osUser, roles });

export const anonymous: Identity = { name: '', displayName: '', roles: [] };

export function usersOf(state: LedgerState): UserRecord[] {
  return [...state.users.values()];
}

/** Logins are on once the ledger has any account. */
export function loginsOn(state: LedgerState): boolean {
  return state.users.size > 0;
}

export function findUser(state: LedgerState, name: string): UserRecord | undefined {
  const wanted = name.normalize('NFC');
  for (const u of state.users.values()) if (u.name === wanted) return u;
  return undefined;
}

export function identityOf(user: UserRecord): Identity {
  return { name: user.name, displayName: user.displayName, roles: [user.role], userId: user.id };
}

export function nextUserId(state: LedgerState): string {
  let n = state.users.size + 1;
  while (state.users.has(`U${String(n).padStart(4, '0')}`)) n++;
  return `U${String(n).padStart(4, '0')}`;
}

export function userRow(user: UserRecord, attempts: LoginAttempts, now: Date): UserRow {
  const lockedUntil = attempts.lockedUntil(user.name, now);
  return {
    id: user.id,
    name: user.name,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabled,
    hasPassword: !!user.credential,
    mustChangePassword: user.mustChangePassword,
    ...(lockedUntil ? { lockedUntil } : {}),
    createdAt: user.createdAt,
  };
}

/** A new audit entry (ids are random: entries may be made in several processes, offline). */
export function auditEntry(fields: Omit<AuditEntry, 'id' | 'at'>, now: Date): AuditEntry {
  return { id: `A${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`, at: now.toISOString(), ...fields };
}

/** Journals audit entries (and any that waited in logins.json) as one commit per entry. */
export async function recordAudit(store: LedgerStore, attempts: LoginAttempts | undefined, entries: AuditEntry[]): Promise<void> {
  const waiting = attempts?.pending() ?? [];
  const all = [...waiting, ...entries];
  const written = new Set<string>();
  for (const e of all) {
    if (store.state().audit.has(e.id)) {
      written.add(e.id);
      continue;
    }
    await store.commit([put('audit', e)], { user: e.user, command: e.action });
    written.add(e.id);
  }
  if (attempts && waiting.length) await attempts.drop(written);
}
