// Journal records: one frame per commit (all of a commit's events or none of them survive a crash).
//
// A record is the JSON object { v, seq, at, user, command, prev, events }: `seq` is the sequence
// number of its first event (events are numbered without gaps across the whole history), `prev` is
// the SHA-256 of the previous record's JSON (a hash chain from a per-store genesis), so an edit,
// deletion, insertion or reordering of any record breaks the chain even if the attacker recomputes
// the frame checksums. Payload: 'P' + JSON (plain store) or 'E' + seq (6 bytes) + AES-GCM(JSON)
// with "journal:<storeId>:<seq>" as associated data (encrypted store).
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { collectionNames } from '../../shared/ledger/collections';
import type { LedgerEvent } from '../../shared/ledger/events';
import { seal, unseal } from './crypto';
import { encodeFrame, FrameReader, isTornTail, type FrameResult } from './frame';
import type { ByteSource } from './fsio';

export const RECORD_VERSION = 1;
const PLAIN = 0x50; // 'P'
const SEALED = 0x45; // 'E'

export interface JournalRecord {
  v: number;
  seq: number;
  at: string;
  user: string;
  command: string;
  prev: string;
  events: LedgerEvent[];
}

export interface CipherContext {
  storeId: string;
  /** The data key of an encrypted store; undefined for a plain one. */
  key?: Buffer;
}

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
export const genesisHash = (storeId: string) => sha256(`cadre-ledger:genesis:${storeId}`);
export const journalAad = (storeId: string, seq: number) => `journal:${storeId}:${seq}`;

export interface EncodedRecord {
  frame: Buffer;
  json: string;
  hash: string;
}

export function encodeRecord(record: JournalRecord, ctx: CipherContext): EncodedRecord {
  const json = JSON.stringify(record);
  const plain = Buffer.from(json, 'utf8');
  let payload: Buffer;
  if (ctx.key) {
    const sealed = seal(ctx.key, plain, journalAad(ctx.storeId, record.seq));
    payload = Buffer.allocUnsafe(7 + sealed.length);
    payload[0] = SEALED;
    payload.writeUIntLE(record.seq, 1, 6);
    sealed.copy(payload, 7);
  } else {
    payload = Buffer.allocUnsafe(1 + plain.length);
    payload[0] = PLAIN;
    plain.copy(payload, 1);
  }
  return { frame: encodeFrame(payload), json, hash: sha256(plain) };
}

/** A whole frame whose content is not a valid record where it stands: damage or tampering. */
export class RecordError extends Error {
  constructor(
    readonly reason: 'format' | 'decrypt' | 'sequence' | 'chain' | 'version',
    message: string,
  ) {
    super(message);
  }
}

/** Decodes the payload of the record expected to start at event `expectedSeq`. */
export function decodeRecord(
  payload: Buffer,
  ctx: CipherContext,
  /** undefined: accept the sequence number the record claims (verify, after damage). */
  expectedSeq: number | undefined,
): { record: JournalRecord; hash: string } {
  let plain: Buffer;
  if (payload[0] === SEALED) {
    if (!ctx.key) throw new RecordError('format', 'encrypted record in a plain store');
    if (payload.length < 7) throw new RecordError('format', 'record too short');
    const seq = expectedSeq ?? payload.readUIntLE(1, 6);
    try {
      plain = unseal(ctx.key, payload.subarray(7), journalAad(ctx.storeId, seq));
    } catch {
      throw new RecordError('decrypt', `record does not authenticate as event #${seq} of this store`);
    }
  } else if (payload[0] === PLAIN) {
    if (ctx.key) throw new RecordError('format', 'plain record in an encrypted store');
    plain = payload.subarray(1);
  } else {
    throw new RecordError('format', 'unknown record kind');
  }
  let record: JournalRecord;
  try {
    record = JSON.parse(isAscii(plain) ? plain.toString('latin1') : plain.toString('utf8')) as JournalRecord;
  } catch {
    throw new RecordError('format', 'record is not valid JSON');
  }
  if (!record || typeof record !== 'object') throw new RecordError('format', 'record is not an object');
  if (record.v !== RECORD_VERSION) {
    throw new RecordError('version', `record format v${String(record.v)} is not supported (expected v${RECORD_VERSION})`);
  }
  if (
    !Number.isSafeInteger(record.seq) ||
    typeof record.at !== 'string' ||
    typeof record.user !== 'string' ||
    typeof record.command !== 'string' ||
    typeof record.prev !== 'string' ||
    !Array.isArray(record.events) ||
    record.events.length === 0 ||
    !record.events.every(isEventShape)
  ) {
    throw new RecordError('format', 'record is missing fields or has a malformed event');
  }
  return { record, hash: sha256(plain) };
}

const collectionSet = new Set<string>(collectionNames);
export function isEventShape(e: unknown): e is LedgerEvent {
  if (!e || typeof e !== 'object') return false;
  const ev = e as Record<string, unknown>;
  if (typeof ev.collection !== 'string' || !collectionSet.has(ev.collection)) return false;
  if (ev.type === 'put') {
    const r = ev.record as Record<string, unknown> | undefined;
    return !!r && typeof r === 'object' && typeof r.id === 'string' && r.id.length > 0;
  }
  return ev.type === 'remove' && typeof ev.id === 'string' && ev.id.length > 0;
}

export interface ScanPosition {
  offset: number;
  /** Accept the first record's own sequence number and chain link (verify resumes after damage). */
  relaxed?: boolean;
  /** Sequence number the next record must start at. */
  nextSeq: number;
  /** Hash the next record's `prev` must equal. */
  prev: string;
}

export interface ScannedRecord {
  record: JournalRecord;
  hash: string;
  offset: number;
  end: number;
  /** Sequence number of the record's last event. */
  lastSeq: number;
}

export interface JournalDamage {
  offset: number;
  /** The sequence number the damaged record was expected to start at. */
  seq: number;
  /** torn: an incomplete last record (an interrupted, never acknowledged commit). */
  kind: 'torn' | 'corrupt';
  detail: string;
  /** For a whole frame whose record is invalid: where that frame ends. */
  frameEnd?: number;
  reason: 'frame' | RecordError['reason'] | 'unknown';
}

export interface ScanResult {
  /** Where the last whole, valid record ends (where the next commit goes). */
  end: number;
  nextSeq: number;
  prev: string;
  /** Start offset of the last valid record (-1 if none was read). */
  lastRecordOffset: number;
  records: number;
  damage?: JournalDamage;
}

function frameDetail(r: Extract<FrameResult, { ok: false }>): string {
  switch (r.reason) {
    case 'truncated':
      return 'frame runs past the end of the file';
    case 'magic':
      return 'no frame marker';
    case 'length':
      return 'impossible frame length';
    case 'checksum':
      return 'checksum mismatch';
  }
}

/**
 * Reads records from `start` to the end of `source`, checking framing, checksums, decryption,
 * sequence numbers and the hash chain; calls `onRecord` for each valid record and stops at the
 * first damage, which it classifies: `torn` if no whole frame follows the damage (an interrupted
 * append), else `corrupt` (damage in the middle: never skipped).
 */
export function scanJournal(
  source: ByteSource,
  ctx: CipherContext,
  start: ScanPosition,
  onRecord?: (r: ScannedRecord) => void,
): ScanResult {
  const reader = new FrameReader(source, start.offset);
  let { nextSeq, prev } = start;
  let relaxed = !!start.relaxed;
  let end = start.offset;
  let lastRecordOffset = -1;
  let records = 0;
  // What was read up to the first damage, and the damage itself.
  const stoppedAt = (damage: ScanResult['damage']): ScanResult => ({ end, nextSeq, prev, lastRecordOffset, records, damage });
  for (;;) {
    const f = reader.next();
    if (!f) break;
    if (!f.ok) {
      const torn = isTornTail(source, f);
      return stoppedAt({ offset: f.offset, seq: nextSeq, kind: torn ? 'torn' : 'corrupt', detail: frameDetail(f), reason: 'frame' });
    }
    let decoded: { record: JournalRecord; hash: string };
    try {
      decoded = decodeRecord(f.payload, ctx, relaxed ? undefined : nextSeq);
      if (relaxed) {
        nextSeq = decoded.record.seq;
        prev = decoded.record.prev;
        relaxed = false;
      }
      if (decoded.record.seq !== nextSeq) {
        throw new RecordError('sequence', `record starts at event ${decoded.record.seq}, expected ${nextSeq}`);
      }
      if (decoded.record.prev !== prev) {
        throw new RecordError('chain', `hash chain broken: record does not follow the one before it`);
      }
    } catch (e) {
      const detail = e instanceof RecordError ? e.message : String(e);
      const reason = e instanceof RecordError ? e.reason : 'unknown';
      return stoppedAt({ offset: f.offset, seq: nextSeq, kind: 'corrupt', detail, frameEnd: f.end, reason });
    }
    const lastSeq = nextSeq + decoded.record.events.length - 1;
    onRecord?.({ record: decoded.record, hash: decoded.hash, offset: f.offset, end: f.end, lastSeq });
    lastRecordOffset = f.offset;
    nextSeq = lastSeq + 1;
    prev = decoded.hash;
    end = f.end;
    records++;
  }
  return { end, nextSeq, prev, lastRecordOffset, records };
}

/** Reads the single record at `offset` (a snapshot's anchor), or undefined if it is not valid there. */
export function readRecordAt(
  source: ByteSource,
  ctx: CipherContext,
  offset: number,
  expectedSeq: number,
): ScannedRecord | undefined {
  const f = new FrameReader(source, offset, 1 << 16).next();
  if (!f || !f.ok) return undefined;
  try {
    const { record, hash } = decodeRecord(f.payload, ctx, expectedSeq);
    if (record.seq !== expectedSeq) return undefined;
    return { record, hash, offset, end: f.end, lastSeq: record.seq + record.events.length - 1 };
  } catch {
    return undefined;
  }
}
