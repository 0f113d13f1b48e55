// Setting an office up and the certificate ceremony (docs/SYNC.md): create the identity, trust the
// New Area's identity once, have the New Area certify each township's identity, trust the
// certificate that comes back.
import { LedgerError } from '../../shared/contract/errors';
import { certificateSchema, officeCodeSchema, officeIdentitySchema, trustFileSchema, type Certificate, type OfficeIdentity } from '../../shared/sync/schema';
import type { LedgerStore } from '../store/types';
import { extendOwnFeed, noteOrigin } from './feed';
import { fingerprint } from './keys';
import {
  checkCertificate,
  createIdentityEvents,
  identityOf,
  issueCertificate,
  metaId,
  metaOf,
  metaPut,
  publicIdentity,
  requireIdentity,
  type OwnFeed,
  type TrustRecord,
} from './office';

type Bi = { zh: string; en: string };

export async function createOffice(store: LedgerStore, code: string, name: string, now: Date, user = 'sync'): Promise<OfficeIdentity> {
  const parsed = officeCodeSchema.safeParse(code);
  if (!parsed.success) {
    throw new LedgerError('VALIDATION', {
      zh: `单位代码“${code}”不正确：应为 2–12 位大写字母或数字，以字母开头（例如 XQ、XZ01）。`,
      en: `Office code "${code}" is invalid: 2–12 capital letters or digits, starting with a letter (e.g. XQ, XZ01).`,
    });
  }
  if (!name.trim()) throw new LedgerError('VALIDATION', { zh: '单位名称不能为空。', en: 'The office name must not be empty.' });
  await store.commit(createIdentityEvents(store.state(), code, name.trim(), now), { user, command: 'sync.office' });
  noteOrigin(store, metaOf<OwnFeed>(store.state(), metaId.feed)!);
  // Records made before the office had an identity become the first entries of its feed.
  await extendOwnFeed(store);
  return publicIdentity(requireIdentity(store.state()));
}

export function officeIdentity(store: LedgerStore): OfficeIdentity & { fingerprint: string; certificate?: Certificate } {
  const id = requireIdentity(store.state());
  const cert = metaOf<Certificate>(store.state(), metaId.certificate);
  return { ...publicIdentity(id), fingerprint: fingerprint(id.signKey), ...(cert ? { certificate: cert } : {}) };
}

export interface TrustOutcome {
  kind: 'anchor' | 'certificate' | 'own-certificate';
  code: string;
  name: string;
  fingerprint: string;
  validTo?: string;
  message: Bi;
}

/** `office trust FILE`: an identity (trusted as an issuer, e.g. the New Area's) or a certificate. */
export async function trustFile(store: LedgerStore, text: string, today: string, user = 'sync'): Promise<TrustOutcome> {
  const self = requireIdentity(store.state());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = trustFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new LedgerError('VALIDATION', {
      zh: '这不是单位身份文件或证书文件。',
      en: 'This is neither an office identity file nor a certificate.',
    });
  }
  const at = new Date().toISOString();
  if ('format' in parsed.data && parsed.data.format === 'cadre-ledger-office') {
    const idf = parsed.data as OfficeIdentity;
    if (idf.code === self.code) throw new LedgerError('VALIDATION', { zh: '这是本单位自己的身份文件。', en: 'This is this office’s own identity.' });
    const rec: TrustRecord = { code: idf.code, name: idf.name, signKey: idf.signKey, boxKey: idf.boxKey, anchor: true, trustedAt: at };
    await store.commit([metaPut(metaId.trust(idf.code), rec)], { user, command: 'sync.trust' });
    const fp = fingerprint(idf.signKey);
    return {
      kind: 'anchor',
      code: idf.code,
      name: idf.name,
      fingerprint: fp,
      message: {
        zh: `已信任 ${idf.name}（${idf.code}）的身份，指纹 ${fp}。请与对方电话或书面核对指纹。`,
        en: `Trusted the identity of ${idf.name} (${idf.code}), fingerprint ${fp}. Compare the fingerprint with the other office by phone or in writing.`,
      },
    };
  }
  const cert = certificateSchema.parse(parsed.data);
  const check = checkCertificate(store.state(), cert, today);
  if (!check.ok) throw new LedgerError('VALIDATION', check.message);
  const fp = fingerprint(cert.body.signKey);
  if (cert.body.code === self.code) {
    if (cert.body.signKey !== self.signKey || cert.body.boxKey !== self.boxKey) {
      throw new LedgerError('VALIDATION', {
        zh: '这张证书上的密钥不是本单位的密钥（可能是为另一台电脑上的台账签发的），未采用。',
        en: 'This certificate names keys that are not this office’s (it may be for a ledger on another computer); not used.',
      });
    }
    await store.commit([metaPut(metaId.certificate, cert)], { user, command: 'sync.trust' });
    return {
      kind: 'own-certificate',
      code: cert.body.code,
      name: cert.body.name,
      fingerprint: fp,
      validTo: cert.body.validTo,
      message: {
        zh: `已采用 ${cert.body.issuer} 为本单位签发的证书，有效期至 ${cert.body.validTo}。此后导出的数据包都附带此证书。`,
        en: `Installed this office’s certificate from ${cert.body.issuer}, valid to ${cert.body.validTo}. Packages exported from now on carry it.`,
      },
    };
  }
  const rec: TrustRecord = { code: cert.body.code, name: cert.body.name, signKey: cert.body.signKey, boxKey: cert.body.boxKey, anchor: false, certificate: cert, trustedAt: at };
  await store.commit([metaPut(metaId.trust(cert.body.code), rec)], { user, command: 'sync.trust' });
  return {
    kind: 'certificate',
    code: cert.body.code,
    name: cert.body.name,
    fingerprint: fp,
    validTo: cert.body.validTo,
    message: {
      zh: `已信任 ${cert.body.name}（${cert.body.code}），证书由 ${cert.body.issuer} 签发，有效期至 ${cert.body.validTo}。`,
      en: `Trusted ${cert.body.name} (${cert.body.code}), certified by ${cert.body.issuer} until ${cert.body.validTo}.`,
    },
  };
}

/** The New Area certifies a township's identity file: trusts it and returns the certificate to hand back. */
export async function certifyOffice(
  store: LedgerStore,
  identityText: string,
  validity: { from: string; to: string },
  user = 'sync',
): Promise<Certificate> {
  const self = requireIdentity(store.state());
  let subject: OfficeIdentity;
  try {
    subject = officeIdentitySchema.parse(JSON.parse(identityText));
  } catch {
    throw new LedgerError('VALIDATION', { zh: '这不是单位身份文件。', en: 'This is not an office identity file.' });
  }
  if (subject.code === self.code) throw new LedgerError('VALIDATION', { zh: '不能为本单位自己签发证书。', en: 'An office does not certify itself.' });
  const existing = metaOf<TrustRecord>(store.state(), metaId.trust(subject.code));
  if (existing && existing.signKey !== subject.signKey && identityOf(store.state())) {
    // A new key for a known code: allowed (a reinstalled township), but it replaces the old trust.
  }
  const cert = issueCertificate(self, subject, validity.from, validity.to);
  const rec: TrustRecord = { code: subject.code, name: subject.name, signKey: subject.signKey, boxKey: subject.boxKey, anchor: false, certificate: cert, trustedAt: new Date().toISOString() };
  await store.commit([metaPut(metaId.trust(subject.code), rec)], { user, command: 'sync.trust' });
  return cert;
}
