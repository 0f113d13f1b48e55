// Snapshot format v4: the annual grades as binary column rows (one byte per cadre and year), like
// the scores; v3 snapshots (grades as JSON records) still open and verify.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GradeTable, gradeCode } from '../../shared/engine/columns/gradeTable';
import { collectionNames, emptyLedgerState, type LedgerState } from '../../shared/ledger/collections';
import { applyEvent, type LedgerEvent } from '../../shared/ledger/events';
import { encodeFrame, FrameReader } from './frame';
import { fileSource } from './fsio';
import { initStore, openStore, verifyStore } from './index';
import { listSnapshots, readSnapshot, readSnapshotHeader, SNAPSHOT_VERSION, SnapshotError, stateChunks, stateDigest } from './snapshot';
import { gradeLedgerEvents, gradePut } from './snapshot-grades.events';
import { cadrePut, fastScrypt, scorePut, unitPut, who } from './test-helpers';
import { tempDirs } from './test-dirs';

const dir = tempDirs('snapshot-grades-');
const [firstCommit, secondCommit] = gradeLedgerEvents({ unitPut, cadrePut, scorePut });
const passphrase = 'correct horse';
const FIXTURES = join(__dirname, 'fixtures', 'snapshot-v3');

function replayed(events: LedgerEvent[]): LedgerState {
  const state = emptyLedgerState();
  for (const e of events) applyEvent(state, e);
  return state;
}
const expected = () => replayed([...firstCommit, ...secondCommit]);

/** Every collection's entries by id, each record as its JSON (key order included). */
const content = (state: LedgerState) => {
  const out: Record<string, [string, string][]> = {};
  for (const c of collectionNames) {
    out[c] = [...(state[c] as ReadonlyMap<string, unknown>).entries()]
      .map(([id, r]): [string, string] => [id, JSON.stringify(r)])
      .sort(([a], [b]) => (a < b ? -1 : 1));
  }
  return out;
};

async function gradedStore(encrypted: boolean, events: LedgerEvent[][] = [firstCommit, secondCommit]) {
  const d = dir();
  const opts = encrypted ? { passphrase, scryptParams: fastScrypt } : {};
  await initStore(d, opts);
  const s = await openStore(d, { ...opts, autoBackup: false, snapshotOnClose: Infinity });
  for (const batch of events) await s.commit(batch, who);
  await s.snapshot();
  await s.close();
  return { d, opts, file: listSnapshots(d)[0].file };
}

interface Chunk {
  kind: string;
  body: Buffer;
}

/** A snapshot's frames: its header, chunks and trailer (a plain snapshot). */
function snapshotFrames(file: string): { header: Buffer; chunks: Chunk[]; trailer: { chunks: number; counts: Record<string, number>; digest: string } } {
  const source = fileSource(file);
  try {
    const reader = new FrameReader(source, 0, 1 << 20);
    const frames: Chunk[] = [];
    for (let f = reader.next(); f; f = reader.next()) {
      if (!f.ok) throw new Error('damaged');
      frames.push({ kind: String.fromCharCode(f.payload[0]), body: Buffer.from(f.payload.subarray(1)) });
    }
    const trailer = frames.pop()!;
    return { header: frames.shift()!.body, chunks: frames, trailer: JSON.parse(trailer.body.toString()) };
  } finally {
    source.close();
  }
}

/**
 * Rewrites a plain snapshot's chunks, every frame re-checksummed and the trailer's count and digest
 * recomputed: only what the content says can give the change away.
 */
function rewriteChunks(file: string, edit: (chunks: Chunk[]) => Chunk[]): void {
  const { header, chunks, trailer } = snapshotFrames(file);
  const edited = edit(chunks);
  const digest = createHash('sha256');
  for (const c of edited) digest.update(c.body);
  const out = [encodeFrame(Buffer.concat([Buffer.from('H'), header]))];
  for (const c of edited) out.push(encodeFrame(Buffer.concat([Buffer.from(c.kind), c.body])));
  const t = { ...trailer, chunks: edited.length, digest: digest.digest('hex') };
  out.push(encodeFrame(Buffer.concat([Buffer.from('T'), Buffer.from(JSON.stringify(t))])));
  writeFileSync(file, Buffer.concat(out));
}

/** A binary chunk's meta and data. */
function binary(body: Buffer): { meta: Record<string, unknown>; data: Buffer } {
  const n = body.readUInt32LE(0);
  return { meta: JSON.parse(body.subarray(4, 4 + n).toString()), data: body.subarray(4 + n) };
}
function binaryBody(meta: object, data: Uint8Array = new Uint8Array(0)): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const n = Buffer.alloc(4);
  n.writeUInt32LE(json.length);
  return Buffer.concat([n, json, data]);
}
const isGradeColumns = (c: Chunk) => c.kind === 'S' && binary(c.body).meta.c === 'grades';

describe('snapshots with grade columns (v4)', () => {
  for (const encrypted of [false, true]) {
    it(`hold the grades as one row of codes per year and open to the same ledger${encrypted ? ' (encrypted)' : ''}`, async () => {
      const { d, opts, file } = await gradedStore(encrypted);
      expect(readSnapshotHeader(file).v).toBe(SNAPSHOT_VERSION);
      expect(SNAPSHOT_VERSION).toBe(4);
      const bytes = readFileSync(file);
      if (encrypted) {
        // Every chunk sealed: no cadre id or grade name in the clear.
        expect(bytes.includes('grades')).toBe(false);
        expect(bytes.includes('g-odd')).toBe(false);
      } else {
        const grades = snapshotFrames(file).chunks.filter(isGradeColumns).map((c) => binary(c.body));
        // The cadres with a grade in the columns (c3's only grade was removed), then 2023 and 2024.
        expect(grades.map((g) => g.meta)).toEqual([
          { c: 'grades', cadres: ['c1', 'c2', 'c4'] },
          { c: 'grades', year: 2023, type: 'u8' },
          { c: 'grades', year: 2024, type: 'u8' },
        ]);
        // c2's 2023 grade has the id g-odd and c4's 2024 grade another key order: both are records.
        expect([...grades[1].data]).toEqual([gradeCode.competent, 0, gradeCode.ungraded]);
        expect([...grades[2].data]).toEqual([gradeCode.competent, gradeCode.basic, 0]);
        const records = snapshotFrames(file).chunks.filter((c) => c.kind === 'C').map((c) => JSON.parse(c.body.toString()));
        expect(records.filter((c) => c.c === 'grades')).toEqual([
          {
            c: 'grades',
            r: [
              { cadreId: 'c4', id: 'c4:2024', year: 2024, grade: 'basic' },
              { id: 'g-odd', cadreId: 'c2', year: 2023, grade: 'excellent' },
            ],
          },
        ]);
        expect(snapshotFrames(file).trailer.counts.grades).toBe(6);
      }
      const s = await openStore(d, { ...opts, autoBackup: false, snapshotOnClose: Infinity });
      expect(s.warnings).toEqual([]);
      expect(s.state().grades).toBeInstanceOf(GradeTable);
      expect(content(s.state())).toEqual(content(expected()));
      expect(s.state().grades.get('c1:2024')!.grade).toBe('competent');
      expect(s.state().grades.has('c3:2024')).toBe(false);
      expect(JSON.stringify(s.state().grades.get('c4:2024'))).toBe('{"cadreId":"c4","id":"c4:2024","year":2024,"grade":"basic"}');
      // Written again from the table it opened to: the same chunks.
      expect([...stateChunks(s.state())].map((c) => c.body)).toEqual([...stateChunks(expected())].map((c) => c.body));
      await s.commit([gradePut('c3', 2025, 'excellent')], who);
      await s.snapshot();
      const report = await s.verify();
      expect(report.problems).toEqual([]);
      expect(report.snapshots).toBe(2);
      await s.close();
    });
  }

  it('give the same chunk bodies and digest for the same grades whatever their history', async () => {
    // The same ledger reached another way: grades in another order, a cadre graded and emptied,
    // the odd records put in the other order, a grade first put as a record the columns cannot hold.
    const other: LedgerEvent[] = [
      ...firstCommit.filter((e) => e.type === 'put' && e.collection !== 'grades'),
      gradePut('c9', 2022, 'basic'),
      gradePut('c4', 2023, 'ungraded'),
      { type: 'put', collection: 'grades', record: { cadreId: 'c4', id: 'c4:2024', year: 2024, grade: 'basic' } as never },
      { type: 'put', collection: 'grades', record: { id: 'c2:2024', cadreId: 'c2', year: 2024, grade: 'basic', note: 'x' } as never },
      gradePut('c2', 2024, 'basic'),
      { type: 'put', collection: 'grades', record: { id: 'g-odd', cadreId: 'c2', year: 2023, grade: 'excellent' } },
      gradePut('c1', 2024, 'competent'),
      gradePut('c1', 2023, 'competent'),
      { type: 'remove', collection: 'grades', id: 'c9:2022' },
    ];
    const a = replayed([...firstCommit, ...secondCommit]);
    const b = replayed(other);
    expect(content(b)).toEqual(content(a));
    expect([...stateChunks(b)].map((c) => c.body)).toEqual([...stateChunks(a)].map((c) => c.body));
    expect(stateDigest(b)).toBe(stateDigest(a));

    // And in the files: two stores, two histories, the same chunk bodies and digest.
    const one = await gradedStore(false);
    const two = await gradedStore(false, [other]);
    const bodies = (file: string) => snapshotFrames(file).chunks.map((c) => c.body);
    expect(bodies(two.file)).toEqual(bodies(one.file));
    const digestOf = (x: { d: string; file: string }) => readSnapshot(x.file, { storeId: readSnapshotHeader(x.file).storeId }, false).digest;
    expect(digestOf(two)).toBe(digestOf(one));
    expect((await verifyStore(two.d)).problems).toEqual([]);
  });

  it('seal the grade chunks with their position: a grade row moved to another place does not authenticate', async () => {
    const { d, opts, file } = await gradedStore(true);
    const source = fileSource(file);
    const frames: Buffer[] = [];
    try {
      const reader = new FrameReader(source, 0, 1 << 20);
      for (let f = reader.next(); f; f = reader.next()) if (f.ok) frames.push(Buffer.from(f.payload));
    } finally {
      source.close();
    }
    // Chunks: the units', the cadres', the scores' (list + two months), the grades' (list + 2023 + 2024), …
    const sealed = frames.map((p, i) => ({ i, kind: String.fromCharCode(p[0]) })).filter((f) => f.kind === 's');
    expect(sealed).toHaveLength(6);
    const [y2023, y2024] = [sealed[4].i, sealed[5].i];
    [frames[y2023], frames[y2024]] = [frames[y2024], frames[y2023]];
    writeFileSync(file, Buffer.concat(frames.map((p) => encodeFrame(p))));
    const storeId = readSnapshotHeader(file).storeId;
    const s = await openStore(d, { ...opts, autoBackup: false, snapshotOnClose: Infinity });
    expect(s.warnings.map((w) => w.message.en)).toEqual([expect.stringMatching(/chunk \d+ does not authenticate/)]);
    expect(content(s.state())).toEqual(content(expected()));
    const key = (s as unknown as { key: Buffer }).key;
    expect(() => readSnapshot(file, { storeId, key }, true)).toThrow(/does not authenticate/);
    await s.close();
  });
});

describe('a damaged grade chunk (checksums and trailer recomputed)', () => {
  const gradeChunk = (chunks: Chunk[], nth: number) => chunks.filter(isGradeColumns)[nth];
  const cases: [string, (chunks: Chunk[]) => Chunk[], RegExp][] = [
    [
      'a row one byte too long',
      (chunks) => {
        const row = gradeChunk(chunks, 1);
        row.body = Buffer.concat([row.body, Buffer.from([0])]);
        return chunks;
      },
      /grades row 2023: 4 bytes for 3 cadres/,
    ],
    [
      'a code that is no grade',
      (chunks) => {
        const row = gradeChunk(chunks, 2);
        row.body[row.body.length - 1] = 9;
        return chunks;
      },
      /snapshot grades columns are malformed \(grade columns: bad grade code\)/,
    ],
    [
      'a cadre listed twice',
      (chunks) => {
        gradeChunk(chunks, 0).body = binaryBody({ c: 'grades', cadres: ['c1', 'c1', 'c4'] });
        return chunks;
      },
      /snapshot grades columns are malformed \(grade columns: bad cadre list\)/,
    ],
    [
      'a year twice',
      (chunks) => {
        const row = gradeChunk(chunks, 2);
        row.body = binaryBody({ c: 'grades', year: 2023, type: 'u8' }, binary(row.body).data);
        return chunks;
      },
      /grades row: year 2023 twice/,
    ],
    [
      'a year out of range',
      (chunks) => {
        const row = gradeChunk(chunks, 2);
        row.body = binaryBody({ c: 'grades', year: 99999, type: 'u8' }, binary(row.body).data);
        return chunks;
      },
      /grades row: year 99999/,
    ],
    [
      'a cell type that is not a byte',
      (chunks) => {
        const row = gradeChunk(chunks, 1);
        row.body = binaryBody({ c: 'grades', year: 2023, type: 'u16' }, new Uint8Array(6));
        return chunks;
      },
      /grades row: cell type "u16"/,
    ],
    ['a row without its cadre list', (chunks) => chunks.filter((c) => c !== gradeChunk(chunks, 0)), /grades row before its columns/],
    [
      'a cadre list claiming more cadres than the row holds',
      (chunks) => {
        gradeChunk(chunks, 0).body = binaryBody({ c: 'grades', cadres: Array.from({ length: 100000 }, (_, i) => `x${i}`) });
        return chunks;
      },
      /grades row 2023: 3 bytes for 100000 cadres/,
    ],
    [
      'a meta that is no object',
      (chunks) => {
        gradeChunk(chunks, 1).body = binaryBody([1, 2], new Uint8Array(3));
        return chunks;
      },
      /meta is not an object/,
    ],
  ];
  for (const [what, edit, message] of cases) {
    it(`is refused (${what}), and the store opens by replaying the journal`, async () => {
      const { d, file } = await gradedStore(false);
      rewriteChunks(file, edit);
      const storeId = readSnapshotHeader(file).storeId;
      let error: unknown;
      try {
        readSnapshot(file, { storeId }, true);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SnapshotError);
      expect((error as Error).message).toMatch(message);
      const s = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
      expect(s.warnings).toMatchObject([{ code: 'snapshot-skipped', message: { en: expect.stringMatching(message) } }]);
      expect(content(s.state())).toEqual(content(expected()));
      await s.close();
      // verify: the digest over what the chunks say is not the replayed ledger's.
      const report = await verifyStore(d);
      expect(report.problems.map((p) => p.kind)).toEqual(['snapshot']);
    });
  }
});

describe('verify and v4 grade rows', () => {
  it('detects a grade row changed to another valid grade (checksums and trailer recomputed)', async () => {
    const { d, file } = await gradedStore(false);
    expect((await verifyStore(d)).problems).toEqual([]);
    rewriteChunks(file, (chunks) => {
      const row = chunks.filter(isGradeColumns)[2];
      // c1's 2024 grade: competent → excellent.
      const { meta, data } = binary(row.body);
      expect(data[0]).toBe(gradeCode.competent);
      row.body = binaryBody(meta, Uint8Array.from([gradeCode.excellent, data[1], data[2]]));
      return chunks;
    });
    // The snapshot is sound in itself: it opens, saying c1 was excellent in 2024.
    const storeId = readSnapshotHeader(file).storeId;
    expect(readSnapshot(file, { storeId }, true).state!.grades.get('c1:2024')!.grade).toBe('excellent');
    const report = await verifyStore(d);
    expect(report.ok).toBe(false);
    expect(report.problems).toMatchObject([{ kind: 'snapshot', message: { en: expect.stringMatching(/content differs from the ledger the journal replays to/) } }]);
  });
});

describe('v3 snapshots written by the v3 code (fixtures/snapshot-v3)', () => {
  for (const encrypted of [false, true]) {
    it(`open and verify by content${encrypted ? ' (encrypted)' : ''}; the next snapshot is v4`, async () => {
      const d = dir();
      cpSync(join(FIXTURES, encrypted ? 'encrypted' : 'plain'), d, { recursive: true });
      const opts = encrypted ? { passphrase } : {};
      const [snap] = listSnapshots(d);
      expect(readSnapshotHeader(snap.file).v).toBe(3);
      expect((await verifyStore(d, opts)).problems).toEqual([]);
      const s = await openStore(d, { ...opts, autoBackup: false, snapshotOnClose: Infinity });
      expect(s.warnings).toEqual([]);
      expect(s.state().grades).toBeInstanceOf(GradeTable);
      expect(content(s.state())).toEqual(content(expected()));
      await s.commit([gradePut('c3', 2025, 'excellent')], who);
      await s.snapshot();
      await s.close();
      expect(listSnapshots(d).map((x) => readSnapshotHeader(x.file).v)).toEqual([4, 3]);
      const report = await verifyStore(d, opts);
      expect(report.problems).toEqual([]);
      expect(report.snapshots).toBe(2);
    });
  }

  it('a v3 snapshot whose grade records were changed (checksums and trailer recomputed) is caught by verify', async () => {
    const d = dir();
    cpSync(join(FIXTURES, 'plain'), d, { recursive: true });
    const [snap] = listSnapshots(d);
    rewriteChunks(snap.file, (chunks) =>
      chunks.map((c) => (c.kind === 'C' && c.body.includes('"c":"grades"') ? { ...c, body: Buffer.from(c.body.toString().replace('"competent"', '"excellent"')) } : c)),
    );
    const report = await verifyStore(d);
    expect(report.problems).toMatchObject([{ kind: 'snapshot', message: { en: expect.stringMatching(/content differs/) } }]);
  });
});
