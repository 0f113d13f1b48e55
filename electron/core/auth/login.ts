// Checking a login, the same way for the app, the browser host and the CLI: a lockout first (even
// the right password is refused during it), then the password; every failure is counted and is an
// audit entry, and the fifth in a row locks the account for 15 minutes (another audit entry).
import { LedgerError } from '../../../shared/contract/errors';
import type { UserRecord } from '../../../shared/domain/access';
import type { LedgerState } from '../../../shared/ledger/collections';
import { wrongLogin } from '../../store/crypto';
import { findUser, auditEntry } from './accounts';
import { LOCKOUT_MS, type LoginAttempts } from './attempts';
import { passwordMatches } from './password';

export function lockedOutError(until: string): LedgerError {
  const t = new Date(until);
  const hhmm = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  return new LedgerError('UNAUTHORIZED', {
    zh: `连续登录失败 5 次，此账户已锁定 ${LOCKOUT_MS / 60000} 分钟（至 ${hhmm}）。可请系统管理员重置密码。`,
    en: `Five failed logins in a row: this account is locked for ${LOCKOUT_MS / 60000} minutes (until ${hhmm}). An administrator can reset its password.`,
  });
}

export function disabledError(): LedgerError {
  return new LedgerError('UNAUTHORIZED', { zh: '此账户已停用，请联系系统管理员。', en: 'This account is disabled: ask the administrator.' });
}

/** Refuses a name that is locked out now (and notes the attempt). */
export async function refuseIfLockedOut(attempts: LoginAttempts, name: string, now: Date, via: string): Promise<void> {
  const until = attempts.lockedUntil(name, now);
  if (!until) return;
  await attempts.queue([auditEntry({ user: name, action: 'session.login', result: 'refused', detail: `locked out until ${until} (${via})` }, now)]);
  throw lockedOutError(until);
}

/** Counts a failed login and throws the error to show (wrong password, or the lockout it began). */
export async function failLogin(attempts: LoginAttempts, name: string, now: Date, via: string): Promise<never> {
  const failed = auditEntry({ user: name, action: 'session.login', result: 'failed', detail: via }, now);
  const lockout = auditEntry({ user: name, action: 'session.lockout', result: 'refused', target: name, detail: `${LOCKOUT_MS / 60000} min` }, now);
  // The lockout entry is queued only if this failure starts one (fail() says so).
  const began = await attempts.fail(name, now, [failed]);
  if (began) {
    await attempts.queue([lockout]);
    throw lockedOutError(began);
  }
  throw wrongLogin();
}

// Unknown names cost the same scrypt as known ones: timing does not tell which accounts exist.
const dummy = {
  kdf: 'scrypt' as const,
  N: 2 ** 17,
  r: 8,
  p: 1,
  salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
  verifier: '00',
  setAt: '1970-01-01T00:00:00.000Z',
};

/** A plain store's login: the account's verifier. Returns the account, or throws (counted). */
export async function checkLogin(
  state: LedgerState,
  attempts: LoginAttempts,
  name: string,
  password: string,
  now: Date,
  via: string,
): Promise<UserRecord> {
  await refuseIfLockedOut(attempts, name, now, via);
  const user = findUser(state, name);
  const credential = user?.credential ?? { ...dummy, N: Number(process.env.LEDGER_TEST_SCRYPT_N) || dummy.N };
  const ok = (await passwordMatches(credential, password)) && !!user?.credential;
  if (!ok || !user) return failLogin(attempts, name, now, via);
  if (user.disabled) throw disabledError();
  await attempts.succeed(name);
  return user;
}

/** An encrypted store was unlocked with this user's key: the account must still exist and be enabled. */
export async function acceptUnwrapped(state: LedgerState, attempts: LoginAttempts, name: string, now: Date, via: string): Promise<UserRecord> {
  const user = findUser(state, name);
  if (!user) return failLogin(attempts, name, now, via);
  if (user.disabled) throw disabledError();
  await attempts.succeed(name);
  return user;
}
