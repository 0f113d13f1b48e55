// Snapshots: the materialized ledger at one point of the journal, so opening does not replay the
// whole history. Derived data: deleting them loses nothing (the journal is replayed instead).
//
// File snapshots/<seq, 12 digits>.snap, a sequence of frames:
//   'H' + JSON header { v, storeId, seq, hash, recordOffset, recordSeq, endOffset, createdAt, encrypted }
//   chunks:  'C' + JSON { c: collection, r: [records] }         (plain store)
//            'c' + AES-GCM(same JSON), AAD "snapshot:<storeId>:<seq>:<index>" (encrypted store)
//   columns (docs/COLUMNS.md): binary chunks of the collections held as columns (scores since v2,
//   grades since v4), one code path for both
//            'S' + u32 LE n + JSON meta (n bytes) + data   /  's' + AES-GCM(same), same AAD
//            meta { c, cadres: [ids] }                          the columns' cadres, by id
//            then one row per month / year, its cells (one per cadre of the list) after the meta:
//            meta { c: 'scores', month, type: 'u16' | 'f64' }   hundredths (0xFFFF = none) or
//                 float64 (NaN = none), little-endian
//            meta { c: 'grades', year, type: 'u8' }             the grade code (0 = none)
//            then the records the columns cannot hold as ordinary 'C' chunks, by id
//   (v3 wrote the grades as 'C' chunks in a canonical order; v2 in the order they were put)
//   trailer: 'T' + JSON { chunks, counts, digest }  /  't' + AES-GCM(same), AAD index = chunks
// `digest` is the SHA-256 over the chunks' bodies, whose form is canonical (cadres by id, rows
// ascending, overflow records by id): verify recomputes it from the journal replayed to `seq` and
// so proves the snapshot says exactly what the journal says. A snapshot of an older format (v1:
// every score a JSON record; v2: grades in the order they were put; v3: grades as JSON records) is
// still read; verify compares the ledger it holds with the replayed one.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GradeTable, YEAR_CEILING, YEAR_FLOOR, type GradeColumnRow } from '../../shared/engine/columns/gradeTable';
import { ScoreTable, scoreMonthName, parseScoreMonth, NO_SCORE, type ScoreColumnRow } from '../../shared/engine/columns/scoreTable';
import { collectionNames, emptyLedgerState, type CollectionName, type LedgerState } from '../../shared/ledger/collections';
import { seal, unseal } from './crypto';
import { encodeFrame, FrameReader } from './frame';
import { atomicWriteFile, fileSource, type StoreFs } from './fsio';

/**
 * Written: v4 (scores and grades as binary columns, in a canonical order). Read: v1–v4.
 */
export const SNAPSHOT_VERSION = 4;
export const SNAPSHOT_VERSIONS_READ = [1, 2, 3, 4];
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

/** One chunk of a snapshot: a JSON batch of records ('C') or a binary columns section ('S'). */
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

/** The collections held as columns (ColumnTable) and the snapshot's form of each. */
type ColumnCollection = 'scores' | 'grades';

/** One row of a table's snapshot form: its meta (the row's key and cell type) and its cells. */
interface ColumnRowForm {
  meta: object;
  cells: ArrayBufferView;
  /** Cells holding a value. */
  count: number;
}

interface ColumnForm<Row> {
  /** First snapshot version holding this collection as columns. */
  since: number;
  /** The key of a row in its meta, and the key parsed (−1: malformed). */
  key: 'month' | 'year';
  parseKey(value: unknown): number;
  /** Bytes per cell of each cell type. */
  widths: Record<string, number>;
  /** A row from its key, cell type and cells (a copy of the chunk's bytes, aligned). */
  row(key: number, type: string, cells: Uint8Array): Row;
  /** The table from its cadres and rows (throws on a malformed form). */
  build(cadres: string[], rows: Row[]): ScoreTable | GradeTable;
  /** The table's canonical columns and its records the columns cannot hold. */
  write(collection: LedgerState[ColumnCollection]): { cadres: string[]; rows: Iterable<ColumnRowForm>; overflow: ReadonlyMap<string, unknown> };
}

const scoreForm: ColumnForm<ScoreColumnRow> = {
  since: 2,
  key: 'month',
  parseKey: parseScoreMonth,
  widths: { u16: 2, f64: 8 },
  row: (month, type, cells) => ({ month, values: type === 'u16' ? new Uint16Array(cells.buffer) : new Float64Array(cells.buffer) }),
  build: (cadres, rows) => ScoreTable.fromColumns(cadres, rows),
  write(scores) {
    const table = scores instanceof ScoreTable ? scores : ScoreTable.from(scores as LedgerState['scores']);
    const { cadres, rows } = table.columns();
    return {
      cadres,
      overflow: table.overflowRecords(),
      rows: rows.map(({ month, values: v }) => {
        let count = 0;
        if (v instanceof Uint16Array) for (let i = 0; i < v.length; i++) count += v[i] === NO_SCORE ? 0 : 1;
        else for (let i = 0; i < v.length; i++) count += v[i] === v[i] ? 1 : 0;
        return { meta: { c: 'scores', month: scoreMonthName(month), type: v instanceof Uint16Array ? 'u16' : 'f64' }, cells: v, count };
      }),
    };
  },
};

const gradeForm: ColumnForm<GradeColumnRow> = {
  since: 4,
  key: 'year',
  parseKey: (y) => (typeof y === 'number' && Number.isInteger(y) && y >= YEAR_FLOOR && y < YEAR_CEILING ? y : -1),
  widths: { u8: 1 },
  row: (year, _type, codes) => ({ year, codes }),
  build: (cadres, rows) => GradeTable.fromColumns(cadres, rows),
  write(grades) {
    const table = grades instanceof GradeTable ? grades : GradeTable.from(grades as LedgerState['grades']);
    const { cadres, rows } = table.columns();
    return {
      cadres,
      overflow: table.overflowRecords(),
      rows: rows.map(({ year, codes }) => {
        let count = 0;
        for (let i = 0; i < codes.length; i++) count += codes[i] === 0 ? 0 : 1;
        return { meta: { c: 'grades', year, type: 'u8' }, cells: codes, count };
      }),
    };
  },
};

const columnForms: Record<ColumnCollection, ColumnForm<unknown>> = {
  scores: scoreForm as ColumnForm<unknown>,
  grades: gradeForm as ColumnForm<unknown>,
};
const isColumnCollection = (c: unknown): c is ColumnCollection => c === 'scores' || c === 'grades';

/**
 * A table as columns in canonical order (the same values give the same bytes whatever their
 * history): its cadre list, one row per month or year, then the records the columns cannot hold,
 * by id (their own order follows their history too).
 */
function* columnChunks(c: ColumnCollection, collection: LedgerState[ColumnCollection]): Generator<StateChunk> {
  const { cadres, rows, overflow } = columnForms[c].write(collection);
  let first = true;
  for (const row of rows) {
    if (first) yield { collection: c, kind: 'S', body: binaryChunk({ c, cadres }), count: 0 };
    first = false;
    yield { collection: c, kind: 'S', body: binaryChunk(row.meta, row.cells), count: row.count };
  }
  const ids = [...overflow.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  yield* jsonChunks(c, ids.map((id) => overflow.get(id)));
}

/** The state as the deterministic sequence of chunks that snapshots store and verify hashes. */
export function* stateChunks(state: LedgerState): Generator<StateChunk> {
  for (const c of collectionNames) {
    if (isColumnCollection(c)) yield* columnChunks(c, state[c]);
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
    // Columns read so far (scores since v2, grades since v4), made tables at the trailer.
    const columns = new Map<ColumnCollection, ColumnsRead>();
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
          const chunk = parseJson<{ c?: unknown; r?: unknown } | null>(body, `snapshot chunk ${index}`);
          const c = chunk && typeof chunk === 'object' && typeof chunk.c === 'string' ? chunk.c : '';
          const map = (collectionNames as readonly string[]).includes(c) ? (state[c as CollectionName] as Map<string, unknown>) : undefined;
          if (!map || !Array.isArray(chunk!.r)) throw new SnapshotError(`snapshot chunk ${index} is malformed`);
          for (const r of chunk!.r as unknown[]) {
            if (!r || typeof r !== 'object' || typeof (r as { id?: unknown }).id !== 'string') {
              throw new SnapshotError(`snapshot chunk ${index} is malformed (a ${c} record without an id)`);
            }
            map.set((r as { id: string }).id, r);
          }
        }
        index++;
      } else if ((kind === 'S' || kind === 's') && header.v >= scoreForm.since) {
        if (checkDigest) digest.update(body);
        if (state) readColumnChunk(body, index, header.v, columns);
        index++;
      } else if (kind === 'T' || kind === 't') {
        if (state) for (const [c, read] of columns) (state as Record<ColumnCollection, unknown>)[c] = columnTable(c, read, state);
        const trailer = parseJson<Trailer | null>(body, 'snapshot trailer');
        const actual = checkDigest ? digest.digest('hex') : trailer?.digest;
        if (!trailer || trailer.chunks !== index || typeof actual !== 'string' || trailer.digest !== actual) {
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

/** One collection's columns as read: its cadre list, its rows, the keys of its rows. */
interface ColumnsRead {
  cadres?: string[];
  rows: unknown[];
  keys: Set<number>;
}

/**
 * Decodes one binary columns chunk (see the format above) into `columns`. Checks what it can
 * before allocating: the meta's shape, the collection (and that this version holds it as
 * columns), one cadre list before any row, a row's key (once each), cell type and length (one cell
 * per listed cadre). What the table itself refuses (a repeated cadre id, an unknown grade code) is
 * refused when it is built, at the trailer.
 */
function readColumnChunk(body: Buffer, index: number, version: number, columns: Map<ColumnCollection, ColumnsRead>): void {
  const bad = (why: string) => new SnapshotError(`snapshot chunk ${index} is malformed (${why})`);
  if (body.length < 4) throw bad('too short');
  const n = body.readUInt32LE(0);
  if (4 + n > body.length) throw bad('meta length');
  const meta = parseJson<Record<string, unknown> | null>(body.subarray(4, 4 + n), `snapshot chunk ${index}`);
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) throw bad('meta is not an object');
  const data = body.subarray(4 + n);
  const c = meta.c;
  if (!isColumnCollection(c)) throw bad(`no collection held as columns: ${JSON.stringify(c)?.slice(0, 40)}`);
  const form = columnForms[c];
  if (version < form.since) throw bad(`${c} are not columns in a v${version} snapshot`);
  let read = columns.get(c);
  if (meta.cadres !== undefined) {
    if (read) throw bad(`a second list of ${c} columns`);
    if (!Array.isArray(meta.cadres)) throw bad(`the ${c} cadre list is not a list`);
    if (data.length) throw bad('data after the cadre list');
    columns.set(c, { cadres: meta.cadres as string[], rows: [], keys: new Set() });
    return;
  }
  if (!read?.cadres) throw bad(`${c} row before its columns`);
  const key = form.parseKey(meta[form.key]);
  if (key < 0) throw bad(`${c} row: ${form.key} ${JSON.stringify(meta[form.key])?.slice(0, 40)}`);
  if (read.keys.has(key)) throw bad(`${c} row: ${form.key} ${String(meta[form.key])} twice`);
  const type = typeof meta.type === 'string' && Object.hasOwn(form.widths, meta.type) ? meta.type : undefined;
  if (!type) throw bad(`${c} row: cell type ${JSON.stringify(meta.type)?.slice(0, 40)}`);
  const expected = read.cadres.length * form.widths[type];
  if (data.length !== expected) throw bad(`${c} row ${String(meta[form.key])}: ${data.length} bytes for ${read.cadres.length} cadres`);
  // Copied into an aligned buffer of its own (the frame's bytes sit at any offset).
  const cells = new Uint8Array(data.length);
  cells.set(data);
  read.keys.add(key);
  read.rows.push(form.row(key, type, cells));
}

/** A collection's table from its columns read, joined by its records kept as objects (JSON chunks). */
function columnTable(c: ColumnCollection, read: ColumnsRead, state: LedgerState): ScoreTable | GradeTable {
  let table: ScoreTable | GradeTable;
  try {
    table = columnForms[c].build(read.cadres!, read.rows);
  } catch (e) {
    throw new SnapshotError(`snapshot ${c} columns are malformed (${(e as Error).message})`);
  }
  const records = state[c] as ReadonlyMap<string, unknown>;
  records.forEach((r, id) => (table as { set(id: string, r: unknown): unknown }).set(id, r));
  return table;
}
