// This office's identity and the offices it trusts, kept in the ledger's `syncMeta` collection
// (so backups carry them; in an encrypted store the private keys are encrypted with the store's
// key like every other record). The certificate ceremony is in docs/SYNC.md.
import { randomBytes } from 'node:crypto';
import { LedgerError } from '../../shared/contract/errors';
import type { LedgerState } from '../../shared/ledger/collections';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { officeNameOf } from '../../shared/views/officeScope';
import {
  certificateBodySchema,
  type Certificate,
  type CertificateBody,
  type OfficeCode,
  type OfficeIdentity,
} from '../../shared/sync/schema';
import { newKeyPair, sha256Hex, signBytes, verifyBytes } from './keys';

export interface IdentityRecord {
  code: OfficeCode;
  name: string;
  signKey: string;
  signPrivate: string;
  boxKey: string;
  boxPrivate: string;
  createdAt: string;
}

export interface OwnFeed {
  feedId: OfficeCode;
  epoch: number;
  /** The last entry's number in this epoch (0: none yet) and its hash (the genesis before the first). */
  seq: number;
  lastHash: string;
  nonce: string;
  /** Where reading the journal continues (journal-source.ts). */
  pos?: { offset: number; nextSeq: number; prev: string };
}

export interface TrustRecord {
  code: OfficeCode;
  name: string;
  signKey: string;
  boxKey: string;
  /** An anchor was trusted by its identity file (the New Area's key, entered once) and may issue certificates. */
  anchor: boolean;
  /** The certificate that made it trusted, when it was not an anchor. */
  certificate?: Certificate;
  trustedAt: string;
}

export const metaId = {
  identity: 'identity',
  feed: 'feed',
  certificate: 'certificate',
  trust: (code: string) => `trust/${code}`,
  head: (feed: string) => `head/${feed}`,
  ack: (code: string) => `ack/${code}`,
  received: (code: string) => `received/${code}`,
  sent: (code: string) => `sent/${code}`,
  pkg: (id: string) => `package/${id}`,
  resolution: (key: string) => `resolution/${key}`,
};

export function metaOf<T>(state: LedgerState, id: string): T | undefined {
  return state.syncMeta.get(id)?.data as T | undefined;
}
export const metaPut = (id: string, data: object): LedgerEvent => put('syncMeta', { id, data: data as Record<string, unknown> });

export function identityOf(state: LedgerState): IdentityRecord | undefined {
  return metaOf<IdentityRecord>(state, metaId.identity);
}

export function requireIdentity(state: LedgerState): IdentityRecord {
  const id = identityOf(state);
  if (!id) {
    throw new LedgerError('NOT_FOUND', {
      zh: '本台账还没有单位身份：请先用 init --office 代码 --office-name 名称 创建（或在“数据交换”中设置）。',
      en: 'This ledger has no office identity yet: create one with init --office CODE --office-name NAME (or in 数据交换).',
    });
  }
  return id;
}

export const feedGenesis = (feedId: string, epoch: number, nonce: string) => sha256Hex(`cadre-ledger:feed:${feedId}:${epoch}:${nonce}`);

export function newEpoch(feedId: OfficeCode, epoch: number): OwnFeed {
  const nonce = randomBytes(16).toString('hex');
  return { feedId, epoch, seq: 0, lastHash: feedGenesis(feedId, epoch, nonce), nonce };
}

/** The events that give a ledger its office identity (a fresh key pair, feed epoch 1). */
export function createIdentityEvents(state: LedgerState, code: OfficeCode, name: string, now: Date): LedgerEvent[] {
  if (identityOf(state)) {
    throw new LedgerError('CONFLICT', { zh: '本台账已有单位身份，不能再创建。', en: 'This ledger already has an office identity.' });
  }
  const sign = newKeyPair('ed25519');
  const box = newKeyPair('x25519');
  const identity: IdentityRecord = {
    code,
    name,
    signKey: sign.publicKey,
    signPrivate: sign.privateKey,
    boxKey: box.publicKey,
    boxPrivate: box.privateKey,
    createdAt: now.toISOString(),
  };
  return [metaPut(metaId.identity, identity), metaPut(metaId.feed, newEpoch(code, 1))];
}

export function publicIdentity(id: IdentityRecord): OfficeIdentity {
  return { format: 'cadre-ledger-office', v: 1, code: id.code, name: id.name, signKey: id.signKey, boxKey: id.boxKey };
}

const certText = (body: CertificateBody) => JSON.stringify(body);

export function issueCertificate(issuer: IdentityRecord, subject: OfficeIdentity, validFrom: string, validTo: string): Certificate {
  const body: CertificateBody = certificateBodySchema.parse({
    format: 'cadre-ledger-certificate',
    v: 1,
    code: subject.code,
    name: subject.name,
    signKey: subject.signKey,
    boxKey: subject.boxKey,
    issuer: issuer.code,
    issuerKey: issuer.signKey,
    validFrom,
    validTo,
  });
  return { body, signature: signBytes(issuer.signPrivate, certText(body)) };
}

export type CertCheck = { ok: true } | { ok: false; message: { zh: string; en: string } };

/** Checks a certificate against the offices this one trusts as issuers, on `today` (YYYY-MM-DD). */
export function checkCertificate(state: LedgerState, cert: Certificate, today: string): CertCheck {
  const self = identityOf(state);
  const b = cert.body;
  const issuerKey =
    self && b.issuer === self.code ? self.signKey : metaOf<TrustRecord>(state, metaId.trust(b.issuer))?.anchor ? metaOf<TrustRecord>(state, metaId.trust(b.issuer))!.signKey : undefined;
  if (!issuerKey) {
    return {
      ok: false,
      message: {
        zh: `${b.name}（${b.code}）的证书由 ${b.issuer} 签发，但本单位不信任该签发单位。请先信任新区党工委办公室的身份文件。`,
        en: `The certificate of ${b.name} (${b.code}) was issued by ${b.issuer}, which this office does not trust. Trust the New Area office's identity file first.`,
      },
    };
  }
  if (issuerKey !== b.issuerKey || !verifyBytes(issuerKey, certText(b), cert.signature)) {
    return {
      ok: false,
      message: { zh: `${b.name}（${b.code}）的证书签名无效，已拒绝。`, en: `The certificate of ${b.name} (${b.code}) has an invalid signature; refused.` },
    };
  }
  if (today < b.validFrom || today > b.validTo) {
    return {
      ok: false,
      message: {
        zh: `${b.name}（${b.code}）的证书有效期为 ${b.validFrom} 至 ${b.validTo}，今天（${today}）不在有效期内，已拒绝。请新区党工委办公室重新签发证书。`,
        en: `The certificate of ${b.name} (${b.code}) is valid from ${b.validFrom} to ${b.validTo}, not today (${today}); refused. Ask the New Area office for a new certificate.`,
      },
    };
  }
  return { ok: true };
}

/** The keys to accept a package from `code` with, given the certificates it carries. */
export function senderKeys(
  state: LedgerState,
  code: OfficeCode,
  chain: Certificate[],
  today: string,
): { ok: true; name: string; signKey: string } | { ok: false; message: { zh: string; en: string } } {
  const trusted = metaOf<TrustRecord>(state, metaId.trust(code));
  if (trusted?.anchor) return { ok: true, name: trusted.name, signKey: trusted.signKey };
  const cert = chain.find((c) => c.body.code === code) ?? trusted?.certificate;
  if (!cert) {
    return {
      ok: false,
      message: {
        zh: `未知的单位 ${code}：本单位既不信任其身份，包中也没有可验证的证书，已拒绝。`,
        en: `Unknown office ${code}: this office does not trust it and the package carries no certificate it can check; refused.`,
      },
    };
  }
  const check = checkCertificate(state, cert, today);
  if (!check.ok) return check;
  return { ok: true, name: cert.body.name, signKey: cert.body.signKey };
}

/** An office's name: this office's identity, a trusted office's record, else its code (the views' one rule). */
export const officeName = officeNameOf;
