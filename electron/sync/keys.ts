// Office keys with Node's crypto: Ed25519 to sign packages and certificates, X25519 + HKDF +
// AES-256-GCM to encrypt a package for its recipient. Public keys travel as raw 32 bytes in base64.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

export interface KeyPairText {
  /** Raw public key, base64. */
  publicKey: string;
  /** PKCS#8 DER, base64 (kept in the ledger: encrypted with the store when the store is). */
  privateKey: string;
}

const b64url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromUrl = (u: string) => Buffer.from(u, 'base64url').toString('base64');

function rawPublic(key: KeyObject): string {
  return fromUrl(key.export({ format: 'jwk' }).x as string);
}

export function newKeyPair(kind: 'ed25519' | 'x25519'): KeyPairText {
  const { publicKey, privateKey } = kind === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  return { publicKey: rawPublic(publicKey), privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') };
}

const publicCache = new Map<string, KeyObject>();
export function publicKeyObject(raw: string, kind: 'Ed25519' | 'X25519'): KeyObject {
  const k = `${kind}:${raw}`;
  let key = publicCache.get(k);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: kind, x: b64url(raw) }, format: 'jwk' });
    publicCache.set(k, key);
  }
  return key;
}

export const privateKeyObject = (pkcs8: string) => createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' });

export function signBytes(privateKey: string, data: Uint8Array | string): string {
  return sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, privateKeyObject(privateKey)).toString('base64');
}

export function verifyBytes(publicKey: string, data: Uint8Array | string, signature: string): boolean {
  try {
    return verify(
      null,
      typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
      publicKeyObject(publicKey, 'Ed25519'),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

export const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** A key's fingerprint for reading aloud over the phone: SHA-256, first 16 bytes, groups of 4 hex digits. */
export function fingerprint(publicKey: string): string {
  const h = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32).toUpperCase();
  return h.match(/.{4}/g)!.join('-');
}

const BOX_INFO = 'cadre-ledger package v1';

function boxKey(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  const salt = Buffer.concat([Buffer.from(ephemeral, 'base64'), Buffer.from(recipient, 'base64')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, BOX_INFO, 32));
}

export interface Sealed {
  ephemeral: string;
  iv: string;
  tag: string;
  data: Buffer;
}

/** Encrypts for the holder of the X25519 key `recipient` (an ephemeral key pair per package). */
export function sealFor(recipient: string, plaintext: Buffer, aad: string): Sealed {
  const eph = generateKeyPairSync('x25519');
  const ephemeral = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyObject(recipient, 'X25519') });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', boxKey(shared, ephemeral, recipient), iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ephemeral, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data };
}

/** Throws when the package was not encrypted for this key or was altered. */
export function openSealed(privateKey: string, publicKey: string, sealed: Sealed, aad: string): Buffer {
  const shared = diffieHellman({ privateKey: privateKeyObject(privateKey), publicKey: publicKeyObject(sealed.ephemeral, 'X25519') });
  const decipher = createDecipheriv('aes-256-gcm', boxKey(shared, sealed.ephemeral, publicKey), Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(sealed.data), decipher.final()]);
}
