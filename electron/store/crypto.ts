// Encryption at rest (chosen at init). A random 256-bit data key encrypts every journal record and
// snapshot chunk with AES-256-GCM (fresh 96-bit IV each time; the store id and the record's
// sequence number as associated data, so a record moved to another place or store is rejected).
// The data key is stored only wrapped: once by a key derived from the passphrase with scrypt
// (N=2^17, r=8, p=1) and once by the recovery key printed at init (256 random bits, so a fast
// HKDF suffices for it).
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { LedgerError } from '../../shared/contract/errors';

export interface WrappedKey {
  iv: string;
  tag: string;
  ct: string;
}

export interface EncryptionMeta {
  cipher: 'aes-256-gcm';
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  byPassphrase: WrappedKey;
  /** HKDF salt for the recovery key's wrapping (independent of the passphrase's, which changes). */
  recoverySalt: string;
  byRecoveryKey: WrappedKey;
  /**
   * One wrapping per user account (docs/ACCESS.md), by login name: the second half of scrypt's
   * 64-byte output for that user's password (the first half is the account's verifier).
   */
  byUser?: Record<string, UserWrap>;
}

export interface LoginKdf {
  N: number;
  r: number;
  p: number;
  salt: string;
}

export interface UserWrap {
  kdf: LoginKdf;
  key: WrappedKey;
}

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const IV = 12;
const TAG = 16;

export function seal(key: Buffer, plaintext: Uint8Array, aad: string): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

/** Throws on a wrong key, a damaged record or a record that does not belong at `aad`. */
export function unseal(key: Buffer, sealed: Uint8Array, aad: string): Buffer {
  if (sealed.length < IV + TAG) throw new Error('sealed data too short');
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, IV));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(buf.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(buf.subarray(IV + TAG)), decipher.final()]);
}

function wrap(kek: Buffer, dataKey: Buffer, aad: string): WrappedKey {
  const s = seal(kek, dataKey, aad);
  return {
    iv: s.subarray(0, IV).toString('base64'),
    tag: s.subarray(IV, IV + TAG).toString('base64'),
    ct: s.subarray(IV + TAG).toString('base64'),
  };
}

function unwrap(kek: Buffer, w: WrappedKey, aad: string): Buffer {
  return unseal(
    kek,
    Buffer.concat([Buffer.from(w.iv, 'base64'), Buffer.from(w.tag, 'base64'), Buffer.from(w.ct, 'base64')]),
    aad,
  );
}

function passphraseKek(passphrase: string, kdf: EncryptionMeta['kdf']): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + (32 << 20) },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

// Recovery keys: 32 random bytes in Crockford base32, groups of four (52 characters).
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

export function parseRecoveryKey(text: string): Buffer | undefined {
  const clean = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (clean.length !== 52 || [...clean].some((c) => !B32.includes(c))) return undefined;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    value = (value << 5) | B32.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(out.slice(0, 32));
}

function recoveryKek(recovery: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', recovery, Buffer.from(salt, 'base64'), 'cadre-ledger recovery key', 32));
}

const keyAad = (storeId: string, purpose: string) => `cadre-ledger:data-key:${purpose}:${storeId}`;

export async function createEncryption(
  storeId: string,
  passphrase: string,
  params: { N: number; r: number; p: number } = SCRYPT_PARAMS,
): Promise<{ meta: EncryptionMeta; dataKey: Buffer; recoveryKey: string }> {
  if (!passphrase) throw emptyPassphrase();
  const dataKey = randomBytes(32);
  const recovery = randomBytes(32);
  const kdf = { name: 'scrypt' as const, ...params, salt: randomBytes(16).toString('base64') };
  const kek = await passphraseKek(passphrase, kdf);
  const recoverySalt = randomBytes(16).toString('base64');
  return {
    dataKey,
    recoveryKey: formatRecoveryKey(recovery),
    meta: {
      cipher: 'aes-256-gcm',
      kdf,
      byPassphrase: wrap(kek, dataKey, keyAad(storeId, 'passphrase')),
      recoverySalt,
      byRecoveryKey: wrap(recoveryKek(recovery, recoverySalt), dataKey, keyAad(storeId, 'recovery')),
    },
  };
}

/** Re-wraps the data key for a new passphrase (the recovery key stays valid). */
export async function rewrapForPassphrase(
  storeId: string,
  meta: EncryptionMeta,
  dataKey: Buffer,
  newPassphrase: string,
): Promise<EncryptionMeta> {
  if (!newPassphrase) throw emptyPassphrase();
  const kdf = { ...meta.kdf, salt: randomBytes(16).toString('base64') };
  const kek = await passphraseKek(newPassphrase, kdf);
  return { ...meta, kdf, byPassphrase: wrap(kek, dataKey, keyAad(storeId, 'passphrase')) };
}

export interface UnlockSecret {
  passphrase?: string;
  recoveryKey?: string;
  /** A user account's login: its password unwraps the data key through meta.byUser[name]. */
  user?: { name: string; password: string };
}

/**
 * One scrypt per login: 64 bytes, the first half hashed into the account's verifier (what a plain
 * store checks), the second half the key that wraps the store's data key for this user.
 */
export async function deriveLoginKeys(password: string, kdf: LoginKdf): Promise<{ verifier: string; kek: Buffer }> {
  const out = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      64,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + (32 << 20) },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
  return { verifier: createHash('sha256').update(out.subarray(0, 32)).digest('hex'), kek: out.subarray(32) };
}

export function newLoginKdf(params: { N: number; r: number; p: number } = SCRYPT_PARAMS): LoginKdf {
  return { ...params, salt: randomBytes(16).toString('base64') };
}

/** The data key wrapped for one user (its kdf must be the one the kek came from). */
export function wrapForUser(storeId: string, name: string, kdf: LoginKdf, kek: Buffer, dataKey: Buffer): UserWrap {
  return { kdf, key: wrap(kek, dataKey, keyAad(storeId, `user:${name}`)) };
}

export async function unlockDataKey(storeId: string, meta: EncryptionMeta, secret: UnlockSecret): Promise<Buffer> {
  const { passphrase, recoveryKey, user } = secret;
  if (user) {
    const w = meta.byUser && Object.prototype.hasOwnProperty.call(meta.byUser, user.name) ? meta.byUser[user.name] : undefined;
    if (!w) throw wrongLogin();
    const { kek } = await deriveLoginKeys(user.password, w.kdf);
    try {
      return unwrap(kek, w.key, keyAad(storeId, `user:${user.name}`));
    } catch {
      throw wrongLogin();
    }
  }
  if (!passphrase && !recoveryKey) {
    throw new LedgerError('UNAUTHORIZED', {
      zh: '此台账已加密，请提供口令（或恢复密钥）。命令行可设置环境变量 LEDGER_PASSPHRASE。',
      en: 'This ledger is encrypted: a passphrase (or the recovery key) is required. The CLI reads LEDGER_PASSPHRASE.',
    });
  }
  if (passphrase) {
    const kek = await passphraseKek(passphrase, meta.kdf);
    try {
      return unwrap(kek, meta.byPassphrase, keyAad(storeId, 'passphrase'));
    } catch {
      // A recovery key typed into the passphrase field also unlocks.
      const asRecovery = parseRecoveryKey(passphrase);
      if (asRecovery && !recoveryKey) return unlockWithRecovery(storeId, meta, asRecovery);
      if (!recoveryKey) throw wrongSecret();
    }
  }
  const parsed = parseRecoveryKey(recoveryKey!);
  if (!parsed) {
    throw new LedgerError('UNAUTHORIZED', {
      zh: '恢复密钥格式不对：应为 52 个字符（可带连字符）。',
      en: 'The recovery key is malformed: expected 52 characters (dashes allowed).',
    });
  }
  return unlockWithRecovery(storeId, meta, parsed);
}

function unlockWithRecovery(storeId: string, meta: EncryptionMeta, recovery: Buffer): Buffer {
  try {
    return unwrap(recoveryKek(recovery, meta.recoverySalt), meta.byRecoveryKey, keyAad(storeId, 'recovery'));
  } catch {
    throw wrongSecret();
  }
}

function wrongSecret(): LedgerError {
  return new LedgerError('UNAUTHORIZED', {
    zh: '口令或恢复密钥不正确，无法解锁此台账。',
    en: 'Wrong passphrase or recovery key: the ledger cannot be unlocked.',
  });
}

/** The same words for an unknown name and a wrong password: a login does not reveal which accounts exist. */
export function wrongLogin(): LedgerError {
  return new LedgerError('UNAUTHORIZED', { zh: '用户名或密码不正确。', en: 'Wrong user name or password.' }, [
    { path: 'password', message: { zh: '用户名或密码不正确', en: 'wrong user name or password' } },
  ]);
}

function emptyPassphrase(): LedgerError {
  return new LedgerError('VALIDATION', { zh: '口令不能为空。', en: 'The passphrase must not be empty.' });
}
