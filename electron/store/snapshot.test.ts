import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScoreTable } from '../../shared/engine/columns/scoreTable';
import { collectionNames, type LedgerState } from '../../shared/ledger/collections';
import type { LedgerEvent } from '../../shared/ledger/events';
import { encodeFrame, FrameReader } from './frame';
import { fileSource } from './fsio';
import { initStore, openStore, verifyStore } from './index';
import { listSnapshots, readSnapshot, readSnapshotHeader, SNAPSHOT_VERSION } from './snapshot';
import { cadrePut, fastScrypt, scorePut, unitPut, who } from './test-helpers';
import { tempDirs } from './test-dirs';

const dir = tempDirs('snapshot-');
const months = ['2025-01', '2025-02', '2025-03'];
const oddScore: LedgerEvent = { type: 'put', collection: 'scores', record: { id: 'odd-1', cadreId: 'c1', month: '2025-02', score: 77 } };

function ledgerEvents(): LedgerEvent[] {
  const events: LedgerEvent[] = [unitPut('u1')];
  for (let c = 0; c < 30; c++) events.push(cadrePut(`c${c}`));
  for (const m of months) for (let c = 0; c < 30; c++) events.push(scorePut(`c${c}`, m, 60 + ((c * 7) % 40) + (c === 3 ? 1 / 3 : 0.25)));
  events.push(oddScore, { type: 'remove', collection: 'scores', id: 'c5:2025-02' });
  return events;
}

const content = (state: LedgerState) => {
  const out: Record<string, unknown[]> = {};
  for (const c of collectionNames) out[c] = [...(state[c] as ReadonlyMap<string, unknown>).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return out;
};

/** Rewrites a plain store's snapshot in the v1 form (every record a JSON record, scores included). */
function rewriteAsV1(file: string, state: LedgerState, change?: (scores: unknown[]) => void): void {
  const header = { ...readSnapshotHeader(file), v: 1 };
  const frames = [encodeFrame(Buffer.concat([Buffer.from('H'), Buffer.from(JSON.stringify(header))]))];
  const digest = createHash('sha256');
  let chunks = 0;
  for (const c of collectionNames) {
    const records = [...(state[c] as ReadonlyMap<string, unknown>).values()];
    if (!records.length) continue;
    if (c === 'scores') change?.(records);
    const body = Buffer.from(JSON.stringify({ c, r: records }));
    digest.update(body);
    frames.push(encodeFrame(Buffer.concat([Buffer.from('C'), body])));
    chunks++;
  }
  const trailer = { chunks, counts: {}, digest: digest.digest('hex') };
  frames.push(encodeFrame(Buffer.concat([Buffer.from('T'), Buffer.from(JSON.stringify(trailer))])));
  writeFileSync(file, Buffer.concat(frames));
}

function frameKinds(file: string): string[] {
  const source = fileSource(file);
  try {
    const reader = new FrameReader(source, 0, 1 << 20);
    const kinds: string[] = [];
    for (let f = reader.next(); f; f = reader.next()) if (f.ok) kinds.push(String.fromCharCode(f.payload[0]));
    return kinds;
  } finally {
    source.close();
  }
}

describe('snapshots with score columns (v2)', () => {
  for (const encrypted of [false, true]) {
    it(`hold the scores as binary columns and open to the same ledger${encrypted ? ' (encrypted)' : ''}`, async () => {
      const d = dir();
      const opts = encrypted ? { passphrase: 'correct horse', scryptParams: fastScrypt } : {};
      await initStore(d, opts);
      const s = await openStore(d, { ...opts, autoBackup: false, snapshotOnClose: Infinity });
      await s.commit(ledgerEvents(), who);
      const before = content(s.state());
      await s.snapshot();
      await s.close();
      const [snap] = listSnapshots(d);
      expect(readSnapshotHeader(snap.file).v).toBe(SNAPSHOT_VERSION);
      const kinds = frameKinds(snap.file);
      // One cadre list + one row per month, then the record the columns cannot hold as JSON.
      expect(kinds.filter((k) => k === (encrypted ? 's' : 'S'))).toHaveLength(1 + months.length);
      const reopened = await openStore(d, { ...opts, autoBackup: false, snapshotOnClose: Infinity });
      expect(reopened.warnings).toEqual([]);
      expect(reopened.state().scores).toBeInstanceOf(ScoreTable);
      expect(content(reopened.state())).toEqual(before);
      expect(reopened.state().scores.get('odd-1')).toEqual(oddScore.type === 'put' ? oddScore.record : undefined);
      expect(reopened.state().scores.get('c3:2025-01')!.score).toBe(60 + 21 + 1 / 3);
      expect(reopened.state().scores.has('c5:2025-02')).toBe(false);
      await reopened.commit([scorePut('c5', '2025-02', 88)], who);
      expect((await reopened.verify()).ok).toBe(true);
      await reopened.close();
    });
  }

  it('reads a v1 snapshot, and verify checks it by content against the journal', async () => {
    const d = dir();
    await initStore(d);
    const s = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
    await s.commit(ledgerEvents(), who);
    const before = content(s.state());
    await s.snapshot();
    const state = s.state();
    const [snap] = listSnapshots(d);
    rewriteAsV1(snap.file, state);
    await s.close();
    expect(readSnapshotHeader(snap.file).v).toBe(1);
    expect(readSnapshot(snap.file, { storeId: readSnapshotHeader(snap.file).storeId }, true).state!.scores).toBeInstanceOf(ScoreTable);
    const reopened = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
    expect(reopened.warnings).toEqual([]);
    expect(content(reopened.state())).toEqual(before);
    await reopened.close();
    expect((await verifyStore(d)).ok).toBe(true);

    // A v1 snapshot saying something else than the journal is caught.
    const again = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
    rewriteAsV1(snap.file, again.state(), (scores) => ((scores[0] as { score: number }).score = 12));
    await again.close();
    const report = await verifyStore(d);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toContain('snapshot');
  });

  it('a v2 snapshot whose score column was changed (checksum recomputed) is caught by verify', async () => {
    const d = dir();
    await initStore(d);
    const s = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
    await s.commit(ledgerEvents(), who);
    await s.snapshot();
    await s.close();
    const [snap] = listSnapshots(d);
    const bytes = readFileSync(snap.file);
    // Rebuild the file with one score of the last row changed, frames re-checksummed.
    const source = fileSource(snap.file);
    const frames: Buffer[] = [];
    let rows = 0;
    try {
      const reader = new FrameReader(source, 0, 1 << 20);
      for (let f = reader.next(); f; f = reader.next()) {
        if (!f.ok) throw new Error('damaged');
        const p = Buffer.from(f.payload);
        if (p[0] === 'S'.charCodeAt(0) && ++rows === 1 + months.length) p.writeUInt16LE(1234, p.length - 2);
        frames.push(encodeFrame(p));
      }
    } finally {
      source.close();
    }
    expect(Buffer.concat(frames).length).toBe(bytes.length);
    writeFileSync(snap.file, Buffer.concat(frames));
    const report = await verifyStore(d);
    expect(report.problems.map((p) => p.kind)).toContain('snapshot');
  });
});
