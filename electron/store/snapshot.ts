// Snapshots: the materialized ledger at one point of the journal, so opening does not replay the
// whole history. Derived data: deleting them loses nothing (the journal is replayed instead).
//
// File snapshots/<seq, 12 digits>.snap, a sequence of frames:
//   'H' + JSON header { v, storeId, seq, hash, recordOffset, recordSeq, endOffset, createdAt, encrypted }
//   chunks:  'C' + JSON { c: collection, r: [records] }         (plain store)
//            'c' + AES-GCM(same JSON), AAD "snapshot:<storeId>:<seq>:<index>" (encrypted store)
//   v2: the scores as columns (docs/COLUMNS.md), binary chunks
//            'S' + u32 LE n + JSON meta (n bytes) + data   /  's' + AES-GCM(same), same AAD
//            meta { c: 'scores', cadres: [ids] }                 the columns' cadres, by id
//            meta { c: 'scores', month, type: 'u16' | 'f64' }   one month: per cadre, hundredths
//                 (0xFFFF = none) or float64 (NaN = none), little-endian, after the meta
//            then any score record the columns cannot hold as an ordinary 'C' chunk
//   v3: the grades' 'C' chunks in a canonical order (cadres by id, years ascending, then the
//       records the grade columns cannot hold), not in the order they were put
//   trailer: 'T' + JSON { chunks, counts, digest }  /  't' + AES-GCM(same), AAD index = chunks
// `digest` is the SHA-256 over the chunks' bodies: verify recomputes it from the journal replayed
// to `seq` and so proves the snapshot says exactly what the journal says. A v1 snapshot (every
// score a JSON record) and a v2 one (grades in the order they were put) are still read; verify
// compares the ledger they hold with the replayed one.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GradeTable, gradeOfCode } from '../../shared/engine/columns/gradeTable';
import { ScoreTable, scoreMonthName, parseScoreMonth, NO_SCORE, type ScoreColumnRow } from '../../shared/engine/columns/scoreTable';
import { annualGradeId, type AnnualGrade } from '../../shared/domain/records';
import { collectionNames, emptyLedgerState, type CollectionName, type LedgerState } from '../../shared/ledger/collections';
import { seal, unseal } from './crypto';
import { encodeFrame, FrameReader } from './frame';
import { atomicWriteFile, fileSource, type StoreFs } from './fsio';

/**
 * Written: v3 (scores as columns; grades in a canonical order — cadres by id, years ascending —
 * since the grades are columns too and their own order depends on their history). Read: v1–v3.
 */
export const SNAPSHOT_VERSION = 3;
export const SNAPSHOT_VERSIONS_READ = [1, 2, 3];
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

/** One chunk of a snapshot: a JSON batch of records ('C') or a binary score-columns section ('S'). */
export interface StateChunk {
  collection: CollectionName;
  kind: 'C' | 'S';
  body: Buffer;
  /** Records it holds. */
  count: number;
}

/** A binary chunk body: u32 LE length of the JSON meta, the meta, then the data. */
function binaryChunk(meta: object, data?: ArrayBufferView): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const out = Buffer.allocUnsafe(4 + json.length + (data?.byteLength ?? 0));
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  if (data) out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 4 + json.length);
  return out;
}

function* jsonChunks(c: CollectionName, records: Iterable<unknown>): Generator<StateChunk> {
  let batch: unknown[] = [];
  for (const record of records) {
    batch.push(record);
    if (batch.length === CHUNK_RECORDS) {
      yield { collection: c, kind: 'C', body: Buffer.from(JSON.stringify({ c, r: batch })), count: batch.length };
      batch = [];
    }
  }
  if (batch.length) yield { collection: c, kind: 'C', body: Buffer.from(JSON.stringify({ c, r: batch })), count: batch.length };
}

/** The scores as columns (canonical order: the same scores give the same bytes), then the overflow records. */
function* scoreChunks(scores: LedgerState['scores']): Generator<StateChunk> {
  const table = scores instanceof ScoreTable ? scores : ScoreTable.from(scores);
  const { cadres, rows } = table.columns();
  if (rows.length) {
    yield { collection: 'scores', kind: 'S', body: binaryChunk({ c: 'scores', cadres }), count: 0 };
    for (const row of rows) {
      let count = 0;
      const v = row.values;
      if (v instanceof Uint16Array) for (let i = 0; i < v.length; i++) count += v[i] === NO_SCORE ? 0 : 1;
      else for (let i = 0; i < v.length; i++) count += v[i] === v[i] ? 1 : 0;
      const type = v instanceof Uint16Array ? 'u16' : 'f64';
      yield { collection: 'scores', kind: 'S', body: binaryChunk({ c: 'scores', month: scoreMonthName(row.month), type }, v), count };
    }
  }
  yield* jsonChunks('scores', table.overflowRecords().values());
}

/**
 * The grades as JSON records in the table's canonical order (columns(): cadres by id, years
 * ascending), then the overflow records: the same grades give the same bytes whatever their history.
 */
function* gradeRecords(grades: LedgerState['grades']): Generator<AnnualGrade> {
  const table = grades instanceof GradeTable ? grades : GradeTable.from(grades);
  const { cadres, rows } = table.columns();
  for (let i = 0; i < cadres.length; i++) {
    for (const row of rows) {
      const grade = gradeOfCode[row.codes[i]];
      if (grade) yield { id: annualGradeId(cadres[i], row.year), cadreId: cadres[i], year: row.year, grade };
    }
  }
  yield* table.overflowRecords().values();
}

/** The state as the deterministic sequence of chunks that snapshots store and verify hashes. */
export function* stateChunks(state: LedgerState): Generator<StateChunk> {
  for (const c of collectionNames) {
    if (c === 'scores') yield* scoreChunks(state.scores);
    else if (c === 'grades') yield* jsonChunks(c, gradeRecords(state.grades));
    else yield* jsonChunks(c, (state[c] as Map<string, unknown>).values());
  }
}

export function stateDigest(state: LedgerState): string {
  const h = createHash('sha256');
  for (const chunk of stateChunks(state)) h.update(chunk.body);
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
      digest.update(chunk.body);
      counts[chunk.collection] = (counts[chunk.collection] ?? 0) + chunk.count;
      const body = chunk.body;
      const frame = key
        ? encodeFrame(payload(chunk.kind.toLowerCase(), seal(key, body, chunkAad(header.storeId, header.seq, index))))
        : encodeFrame(payload(chunk.kind, body));
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
    if (!SNAPSHOT_VERSIONS_READ.includes(header.v)) throw new SnapshotError(`snapshot format v${header.v} is not supported`);
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
    if (!SNAPSHOT_VERSIONS_READ.includes(header.v)) throw new SnapshotError(`snapshot format v${header.v} is not supported`);
    if (header.storeId !== expect.storeId) throw new SnapshotError('snapshot belongs to another store');
    if (header.encrypted !== !!expect.key) throw new SnapshotError('snapshot encryption does not match the store');
    const state = build ? emptyLedgerState() : undefined;
    const digest = createHash('sha256');
    let index = 0;
    // Score columns of a v2 snapshot, turned into the state's ScoreTable at the trailer.
    let columnCadres: string[] | undefined;
    const columnRows: ScoreColumnRow[] = [];
    for (;;) {
      const f = reader.next();
      if (!f) throw new SnapshotError('snapshot ends without its trailer (truncated)');
      if (!f.ok) throw new SnapshotError(`snapshot frame at offset ${f.offset} is damaged (${f.reason})`);
      const kind = String.fromCharCode(f.payload[0]);
      let body: Buffer = f.payload.subarray(1);
      if (kind === 'c' || kind === 't' || kind === 's') {
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
      } else if ((kind === 'S' || kind === 's') && header.v >= 2) {
        if (checkDigest) digest.update(body);
        if (state) readColumnChunk(body, index, (cadres) => {
          if (columnCadres) throw new SnapshotError(`snapshot chunk ${index}: a second list of score columns`);
          columnCadres = cadres;
        }, (row) => {
          if (!columnCadres) throw new SnapshotError(`snapshot chunk ${index}: score row before its columns`);
          columnRows.push(row);
        });
        index++;
      } else if (kind === 'T' || kind === 't') {
        if (state && columnCadres) {
          let table: ScoreTable;
          try {
            table = ScoreTable.fromColumns(columnCadres, columnRows);
          } catch (e) {
            throw new SnapshotError(`snapshot score columns are malformed (${(e as Error).message})`);
          }
          // Records kept as objects (JSON chunks) join the columns.
          state.scores.forEach((r, id) => table.set(id, r));
          (state as { scores: LedgerState['scores'] }).scores = table;
        }
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

/** Decodes one binary score-columns chunk (see the format above). */
function readColumnChunk(body: Buffer, index: number, onCadres: (cadres: string[]) => void, onRow: (row: ScoreColumnRow) => void): void {
  const bad = (why: string) => new SnapshotError(`snapshot chunk ${index} is malformed (${why})`);
  if (body.length < 4) throw bad('too short');
  const n = body.readUInt32LE(0);
  if (4 + n > body.length) throw bad('meta length');
  const meta = parseJson<{ c?: unknown; cadres?: unknown; month?: unknown; type?: unknown }>(body.subarray(4, 4 + n), `snapshot chunk ${index}`);
  const data = body.subarray(4 + n);
  if (meta.c !== 'scores') throw bad('not scores');
  if (Array.isArray(meta.cadres)) {
    if (data.length) throw bad('data after the cadre list');
    onCadres(meta.cadres as string[]);
    return;
  }
  const month = parseScoreMonth(meta.month);
  if (month < 0) throw bad('month');
  const width = meta.type === 'u16' ? 2 : meta.type === 'f64' ? 8 : 0;
  if (!width || data.length % width) throw bad('row type or length');
  // Copied into an aligned buffer of its own (the frame's bytes sit at any offset).
  const bytes = new Uint8Array(data.length);
  bytes.set(data);
  onRow({ month, values: width === 2 ? new Uint16Array(bytes.buffer) : new Float64Array(bytes.buffer) });
}
