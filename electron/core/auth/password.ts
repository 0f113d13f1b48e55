// Passwords: scrypt (N=2^17, r=8, p=1; Node 20 has no Argon2id) with a fresh salt per password.
// One derivation gives both the account's verifier and, for an encrypted store, the key that
// wraps the store's data key for this user (electron/store/crypto.ts deriveLoginKeys).
import { timingSafeEqual } from 'node:crypto';
import { MIN_PASSWORD_LENGTH, type Credential } from '../../../shared/domain/access';
import { LedgerError } from '../../../shared/contract/errors';
import { deriveLoginKeys, newLoginKdf, SCRYPT_PARAMS, type LoginKdf } from '../../store/crypto';

export interface NewCredential {
  credential: Credential;
  /** For FileStore.setUserKey (an encrypted store wraps its data key with it). */
  keys: { kdf: LoginKdf; kek: Buffer };
}

/** scrypt cost; tests lower it through LEDGER_TEST_SCRYPT_N (never below 2^10). */
function params() {
  const n = Number(process.env.LEDGER_TEST_SCRYPT_N);
  return Number.isInteger(n) && n >= 1024 && n < SCRYPT_PARAMS.N ? { ...SCRYPT_PARAMS, N: n } : SCRYPT_PARAMS;
}

export function checkPasswordRules(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new LedgerError('VALIDATION', { zh: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符。`, en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.` }, [
      { path: 'password', message: { zh: `至少 ${MIN_PASSWORD_LENGTH} 个字符`, en: `at least ${MIN_PASSWORD_LENGTH} characters` } },
    ]);
  }
}

export async function createCredential(password: string, now: Date): Promise<NewCredential> {
  checkPasswordRules(password);
  const kdf = newLoginKdf(params());
  const { verifier, kek } = await deriveLoginKeys(password, kdf);
  return { credential: { kdf: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt, verifier, setAt: now.toISOString() }, keys: { kdf, kek } };
}

export async function passwordMatches(credential: Credential, password: string): Promise<boolean> {
  const { verifier } = await deriveLoginKeys(password, { N: credential.N, r: credential.r, p: credential.p, salt: credential.salt });
  const a = Buffer.from(verifier, 'hex');
  const b = Buffer.from(credential.verifier, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
