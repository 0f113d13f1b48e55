// Snapshots: the materialized ledger at one point of the journal, so opening does not replay the
// whole history. Derived data: deleting them loses nothing (the journal is replayed instead).
//
// File snapshots/<seq, 12 digits>.snap, a sequence of frames:
//   'H' + JSON header { v, storeId, seq, hash, recordOffset, recordSeq, endOffset, createdAt, encrypted }
//   chunks:  'C' + JSON { c: collection, r: [records] }         (plain store)
//            'c' + AES-GCM(same JSON), AAD "snapshot:<storeId>:<seq>:<index>" (encrypted store)
//   trailer: 'T' + JSON { chunks, counts, digest }  /  't' + AES-GCM(same), AAD index = chunks
// `digest` is the SHA-256 over the chunks' JSON: verify recomputes it from the journal replayed to
// `seq` and so proves the snapshot says exactly what the journal says.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectionNames, emptyLedgerState, type CollectionName, type LedgerState } from '../../shared/ledger/collections';
import { seal, unseal } from './crypto';
import { encodeFrame, FrameReader } from './frame';
import { atomicWriteFile, fileSource, type StoreFs } from './fsio';

export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_DIR = 'snapshots';
const CHUNK_RECORDS = 2000;

export interface SnapshotHeader {
  v: number;
  storeId: string;
  /** Sequence number of the last event included. */
  seq: number;
  /** Hash of the journal record that ends at `seq` (the chain head the snapshot reflects). */
  hash: string;
  /** Offset of that record in the journal, and the sequence number of its first event. */
  recordOffset: number;
  recordSeq: number;
  /** Journal offset just after that record: replay continues from here. */
  endOffset: number;
  createdAt: string;
  encrypted: boolean;
}

interface Trailer {
  chunks: number;
  counts: Record<string, number>;
  digest: string;
}

export const snapshotFileName = (seq: number) => `${String(seq).padStart(12, '0')}.snap`;

/** Snapshot files, newest first. */
export function listSnapshots(dataDir: string): { seq: number; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(join(dataDir, SNAPSHOT_DIR));
  } catch {
    return [];
  }
  return names
    .filter((n) => /^\d{12}\.snap$/.test(n))
    .map((n) => ({ seq: Number(n.slice(0, 12)), file: join(dataDir, SNAPSHOT_DIR, n) }))
    .sort((a, b) => b.seq - a.seq);
}

/** The state as the deterministic sequence of chunk JSON texts that snapshots store and verify hashes. */
export function* stateChunks(state: LedgerState): Generator<{ collection: CollectionName; json: string; count: number }> {
  for (const c of collectionNames) {
    let batch: unknown[] = [];
    for (const record of (state[c] as Map<string, unknown>).values()) {
      batch.push(record);
      if (batch.length === CHUNK_RECORDS) {
        yield { collection: c, json: JSON.stringify({ c, r: batch }), count: batch.length };
        batch = [];
      }
    }
    if (batch.length) yield { collection: c, json: JSON.stringify({ c, r: batch }), count: batch.length };
  }
}

export function stateDigest(state: LedgerState): string {
  const h = createHash('sha256');
  for (const chunk of stateChunks(state)) h.update(chunk.json);
  return h.digest('hex');
}

const chunkAad = (storeId: string, seq: number, index: number) => `snapshot:${storeId}:${seq}:${index}`;

function payload(kind: string, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(1 + body.length);
  out[0] = kind.charCodeAt(0);
  out.set(body, 1);
  return out;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * Writes a snapshot of `state` atomically (temp file, fsync, rename). Yields to the event loop
 * between batches so the app stays responsive; the caller keeps `state` unchanged meanwhile (it
 * holds the commit queue).
 */
export async function writeSnapshot(
  fsx: StoreFs,
  dataDir: string,
  state: LedgerState,
  header: SnapshotHeader,
  key: Buffer | undefined,
): Promise<{ file: string; bytes: number }> {
  await fsx.mkdir(join(dataDir, SNAPSHOT_DIR));
  const file = join(dataDir, SNAPSHOT_DIR, snapshotFileName(header.seq));
  async function* frames(): AsyncGenerator<Buffer> {
    yield encodeFrame(payload('H', Buffer.from(JSON.stringify(header))));
    const digest = createHash('sha256');
    const counts: Record<string, number> = {};
    let index = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for (const chunk of stateChunks(state)) {
      digest.update(chunk.json);
      counts[chunk.collection] = (counts[chunk.collection] ?? 0) + chunk.count;
      const body = Buffer.from(chunk.json);
      const frame = key
        ? encodeFrame(payload('c', seal(key, body, chunkAad(header.storeId, header.seq, index))))
        : encodeFrame(payload('C', body));
      index++;
      pending.push(frame);
      pendingBytes += frame.length;
      if (pendingBytes >= 4 << 20) {
        yield Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        await yieldToEventLoop();
      }
    }
    if (pending.length) yield Buffer.concat(pending);
    const trailer: Trailer = { chunks: index, counts, digest: digest.digest('hex') };
    const body = Buffer.from(JSON.stringify(trailer));
    yield key
      ? encodeFrame(payload('t', seal(key, body, chunkAad(header.storeId, header.seq, index))))
      : encodeFrame(payload('T', body));
  }
  const bytes = await atomicWriteFile(fsx, file, frames());
  return { file, bytes };
}

export class SnapshotError extends Error {}

/** ASCII text (most chunks: scores, grades) decodes as latin1, a plain copy, much faster than utf8. */
export function decodeText(buf: Buffer): string {
  return isAscii(buf) ? buf.toString('latin1') : buf.toString('utf8');
}

function parseJson<T>(buf: Buffer, what: string): T {
  try {
    return JSON.parse(decodeText(buf)) as T;
  } catch {
    throw new SnapshotError(`${what} is not valid JSON`);
  }
}

export function readSnapshotHeader(file: string): SnapshotHeader {
  const source = fileSource(file);
  try {
    const f = new FrameReader(source, 0, 1 << 16).next();
    if (!f || !f.ok || f.payload[0] !== 'H'.charCodeAt(0)) throw new SnapshotError('snapshot header is damaged');
    const header = parseJson<SnapshotHeader>(f.payload.subarray(1), 'snapshot header');
    if (header.v !== SNAPSHOT_VERSION) throw new SnapshotError(`snapshot format v${header.v} is not supported`);
    return header;
  } finally {
    source.close();
  }
}

/**
 * Reads and checks a whole snapshot (every frame's checksum, decryption with the right position,
 * the trailer's chunk count and digest). With `build`, also materializes the state.
 */
export function readSnapshot(
  file: string,
  expect: { storeId: string; key?: Buffer },
  build: boolean,
  /** Recompute the content digest (verify does; open relies on the per-frame checksums/GCM tags). */
  checkDigest = true,
): { header: SnapshotHeader; digest: string; state?: LedgerState } {
  const source = fileSource(file);
  try {
    const reader = new FrameReader(source, 0, 4 << 20);
    const first = reader.next();
    if (!first || !first.ok || first.payload[0] !== 0x48) throw new SnapshotError('snapshot header is damaged');
    const header = parseJson<SnapshotHeader>(first.payload.subarray(1), 'snapshot header');
    if (header.v !== SNAPSHOT_VERSION) throw new SnapshotError(`snapshot format v${header.v} is not supported`);
    if (header.storeId !== expect.storeId) throw new SnapshotError('snapshot belongs to another store');
    if (header.encrypted !== !!expect.key) throw new SnapshotError('snapshot encryption does not match the store');
    const state = build ? emptyLedgerState() : undefined;
    const digest = createHash('sha256');
    let index = 0;
    for (;;) {
      const f = reader.next();
      if (!f) throw new SnapshotError('snapshot ends without its trailer (truncated)');
      if (!f.ok) throw new SnapshotError(`snapshot frame at offset ${f.offset} is damaged (${f.reason})`);
      const kind = String.fromCharCode(f.payload[0]);
      let body: Buffer = f.payload.subarray(1);
      if (kind === 'c' || kind === 't') {
        if (!expect.key) throw new SnapshotError('encrypted frame in a plain snapshot');
        try {
          body = unseal(expect.key, body, chunkAad(header.storeId, header.seq, index));
        } catch {
          throw new SnapshotError(`snapshot chunk ${index} does not authenticate`);
        }
      } else if (expect.key) {
        throw new SnapshotError('plain frame in an encrypted snapshot');
      }
      if (kind === 'C' || kind === 'c') {
        if (checkDigest) digest.update(body);
        if (state) {
          const chunk = parseJson<{ c: CollectionName; r: { id: string }[] }>(body, `snapshot chunk ${index}`);
          const map = state[chunk.c] as Map<string, unknown> | undefined;
          if (!map || !Array.isArray(chunk.r)) throw new SnapshotError(`snapshot chunk ${index} is malformed`);
          for (const r of chunk.r) map.set(r.id, r);
        }
        index++;
      } else if (kind === 'T' || kind === 't') {
        const trailer = parseJson<Trailer>(body, 'snapshot trailer');
        const actual = checkDigest ? digest.digest('hex') : trailer.digest;
        if (trailer.chunks !== index || trailer.digest !== actual) {
          throw new SnapshotError('snapshot content does not match its trailer');
        }
        if (reader.next() !== null) throw new SnapshotError('data after the snapshot trailer');
        return { header, digest: actual, state };
      } else {
        throw new SnapshotError(`unknown snapshot frame kind at offset ${f.offset}`);
      }
    }
  } finally {
    source.close();
  }
}
