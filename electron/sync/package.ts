// The .ledgerpkg file. Plain text lines, so that a package can be inspected:
//
//   CLPKG1
//   {outer header}                     format, v, encrypted, compression, to (the recipient's code)
//   body
//
// body (plain text, or gzipped and then AES-256-GCM-encrypted for the recipient's X25519 key):
//   {manifest}                         shared/sync/schema.ts manifestSchema, exact bytes signed
//   signature                          Ed25519 over the manifest line, base64
//   [certificates]                     the sender's certificate chain (empty for the New Area)
//   entry line \n entry line …         the payload: feed entries as their exact stored bytes
//
// Reading verifies everything and returns the entries; nothing here touches a store.
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LedgerState } from '../../shared/ledger/collections';
import { collectionSchemas, type CollectionName } from '../../shared/ledger/collections';
import { replicatedCollectionSet } from '../../shared/sync/records';
import {
  certificateSchema,
  entryHeaderSchema,
  entryId,
  entryRecordSchema,
  manifestSchema,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  SYNC_SCHEMA_VERSION,
  type Certificate,
  type EntryHeader,
  type EntryRecord,
  type Manifest,
} from '../../shared/sync/schema';
import { openSealed, sealFor, sha256Hex, signBytes, verifyBytes } from './keys';
import { identityOf, senderKeys, type IdentityRecord } from './office';

const MAGIC = 'CLPKG1';
type Bi = { zh: string; en: string };

interface OuterHeader {
  format: typeof PACKAGE_FORMAT;
  v: number;
  encrypted: boolean;
  /** An encrypted body is gzipped first (JSON lines shrink about tenfold). */
  compression?: 'gzip';
  to: string;
  ephemeral?: string;
  iv?: string;
  tag?: string;
}

const aadOf = (to: string) => `${PACKAGE_FORMAT}:${PACKAGE_VERSION}:${to}`;

export function newPackageId(): string {
  return randomBytes(16).toString('hex');
}

export interface PackageContent {
  manifest: Omit<Manifest, 'format' | 'v' | 'schema' | 'entries' | 'payloadSha256'>;
  lines: string[];
  chain: Certificate[];
}

/** Writes a signed package; encrypted for `recipientBoxKey` when given. */
export function writePackage(identity: IdentityRecord, content: PackageContent, recipientBoxKey?: string): { bytes: Buffer; manifest: Manifest } {
  const payload = content.lines.join('\n');
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    v: PACKAGE_VERSION,
    schema: SYNC_SCHEMA_VERSION,
    ...content.manifest,
    entries: content.lines.length,
    payloadSha256: sha256Hex(payload),
  };
  const manifestLine = JSON.stringify(manifest);
  const body = Buffer.from(`${manifestLine}\n${signBytes(identity.signPrivate, manifestLine)}\n${JSON.stringify(content.chain)}\n${payload}`, 'utf8');
  const to = manifest.target.code;
  let header: OuterHeader = { format: PACKAGE_FORMAT, v: PACKAGE_VERSION, encrypted: false, to };
  let out: Buffer = body;
  if (recipientBoxKey) {
    const sealed = sealFor(recipientBoxKey, gzipSync(body), aadOf(to));
    header = { ...header, encrypted: true, compression: 'gzip', ephemeral: sealed.ephemeral, iv: sealed.iv, tag: sealed.tag };
    out = sealed.data;
  }
  return { bytes: Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`, 'utf8'), out]), manifest };
}

export interface VerifiedEntry {
  id: string;
  header: EntryHeader;
  record: EntryRecord;
  line: string;
  hash: string;
}

export type ReadResult =
  | { ok: true; manifest: Manifest; signature: string; chain: Certificate[]; entries: VerifiedEntry[]; sourceName: string; manifestLine: string }
  | { ok: false; message: Bi; source?: string };

const refuse = (message: Bi, source?: string): ReadResult => ({ ok: false, message, ...(source ? { source } : {}) });

function splitLines(text: string, n: number): string[] | undefined {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return undefined;
    out.push(text.slice(at, nl));
    at = nl + 1;
  }
  out.push(text.slice(at));
  return out;
}

/**
 * Reads and verifies a package for the office of `state`, on `today`: format, recipient,
 * decryption, the sender's certificate, the signature, the payload hash, every entry's shape and
 * the hash chain of every range. Refuses the whole file at the first problem.
 */
export function readPackage(state: LedgerState, bytes: Buffer, today: string): ReadResult {
  const self = identityOf(state);
  if (!self) return refuse({ zh: '本台账还没有单位身份，不能导入数据包。', en: 'This ledger has no office identity; it cannot import packages.' });
  const notPackage = refuse({ zh: '这不是台账数据包文件（.ledgerpkg），或文件已损坏。', en: 'This is not a ledger package (.ledgerpkg), or the file is damaged.' });
  const firstNl = bytes.indexOf(0x0a);
  if (firstNl < 0 || bytes.subarray(0, firstNl).toString('latin1') !== MAGIC) return notPackage;
  const secondNl = bytes.indexOf(0x0a, firstNl + 1);
  if (secondNl < 0) return notPackage;
  let header: OuterHeader;
  try {
    header = JSON.parse(bytes.subarray(firstNl + 1, secondNl).toString('utf8')) as OuterHeader;
  } catch {
    return notPackage;
  }
  if (header.format !== PACKAGE_FORMAT) return notPackage;
  if (header.v > PACKAGE_VERSION) {
    return refuse({ zh: '此数据包由更新版本的程序生成，请先升级本程序。', en: 'This package was written by a newer version; upgrade this program first.' });
  }
  if (header.to !== self.code) {
    return refuse({
      zh: `此数据包是发给 ${header.to} 的，不是发给本单位（${self.code}）的，已拒绝。`,
      en: `This package is addressed to ${header.to}, not to this office (${self.code}); refused.`,
    });
  }
  let body: Buffer = bytes.subarray(secondNl + 1);
  if (header.encrypted) {
    try {
      body = openSealed(self.boxPrivate, self.boxKey, { ephemeral: header.ephemeral!, iv: header.iv!, tag: header.tag!, data: body }, aadOf(header.to));
    } catch {
      return refuse({
        zh: '数据包无法解密：它不是用本单位的密钥加密的，或文件已被改动，已拒绝。',
        en: 'The package does not decrypt: it was not encrypted for this office, or it was altered; refused.',
      });
    }
  }
  if (header.compression === 'gzip') {
    try {
      body = gunzipSync(body, { maxOutputLength: 512 * 1024 * 1024 });
    } catch {
      return notPackage;
    }
  }
  const parts = splitLines(body.toString('utf8'), 3);
  if (!parts) return notPackage;
  const [manifestLine, signature, chainLine, payload] = parts;
  let manifest: Manifest;
  let chain: Certificate[];
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestLine));
    chain = certificateSchema.array().max(8).parse(JSON.parse(chainLine));
  } catch {
    return notPackage;
  }
  const source = manifest.source.code;
  if (manifest.schema > SYNC_SCHEMA_VERSION) {
    return refuse({ zh: '此数据包的格式比本程序新，请先升级本程序。', en: 'This package uses a newer format; upgrade this program first.' }, source);
  }
  if (manifest.target.code !== self.code) {
    return refuse({ zh: `此数据包是发给 ${manifest.target.code} 的，已拒绝。`, en: `This package is addressed to ${manifest.target.code}; refused.` }, source);
  }
  if (source === self.code) {
    return refuse({ zh: '这是本单位自己导出的数据包，不能导入。', en: 'This package was exported by this office itself; it cannot be imported here.' }, source);
  }
  const sender = senderKeys(state, source, chain, today);
  if (!sender.ok) return refuse(sender.message, source);
  if (!verifyBytes(sender.signKey, manifestLine, signature)) {
    return refuse(
      {
        zh: `数据包的签名与 ${sender.name}（${source}）的密钥不符：文件被改动过，或不是该单位签发的，已拒绝。`,
        en: `The package's signature does not match the key of ${sender.name} (${source}): it was altered or not signed by that office; refused.`,
      },
      source,
    );
  }
  const altered = (what: string, en: string) =>
    refuse({ zh: `数据包内容与签名的清单不符（${what}），文件被改动过，已拒绝。`, en: `The package content does not match its signed manifest (${en}); it was altered; refused.` }, source);
  if (sha256Hex(payload) !== manifest.payloadSha256) return altered('内容校验值不符', 'payload hash mismatch');
  const lines = payload === '' ? [] : payload.split('\n');
  if (lines.length !== manifest.entries) return altered('记录条数不符', 'entry count mismatch');
  const entries: VerifiedEntry[] = [];
  let i = 0;
  for (const range of manifest.ranges) {
    if (range.feedId !== source || range.toSeq < range.fromSeq) return altered('范围不正确', 'bad range');
    let prev = range.prevHash;
    for (let seq = range.fromSeq; seq <= range.toSeq; seq++, i++) {
      const line = lines[i];
      if (line === undefined) return altered('缺少记录', 'missing entries');
      let header: EntryHeader;
      let record: EntryRecord;
      try {
        const raw = JSON.parse(line) as { h: unknown; r: unknown };
        header = entryHeaderSchema.parse(raw.h);
        record = entryRecordSchema.parse(raw.r);
      } catch {
        return altered(`第 ${seq} 号记录格式不正确`, `entry ${seq} is malformed`);
      }
      if (header.f !== range.feedId || header.e !== range.epoch || header.s !== seq) return altered(`第 ${seq} 号记录的位置不对`, `entry ${seq} is out of place`);
      if (header.p !== prev) return altered(`第 ${seq} 号记录与前一条接不上`, `entry ${seq} does not follow the one before it`);
      for (const e of record.events) {
        const ok =
          replicatedCollectionSet.has(e.collection) &&
          (e.type === 'remove' || collectionSchemas[e.collection as CollectionName].safeParse(e.record).success);
        if (!ok) return altered(`第 ${seq} 号记录含有无效数据`, `entry ${seq} holds an invalid record`);
      }
      const hash = sha256Hex(line);
      entries.push({ id: entryId(header.f, header.e, seq), header, record, line, hash });
      prev = hash;
    }
    if (prev !== range.lastHash) return altered('最后一条记录的校验值不符', 'last hash mismatch');
  }
  if (i !== lines.length) return altered('多出记录', 'extra entries');
  return { ok: true, manifest, signature, chain, entries, sourceName: sender.name, manifestLine };
}
