import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBaseStore, corruptionCampaign, tamperCampaign } from './bench/campaigns';
import { initStore, openStore, verifyStore } from './index';
import type { LedgerEvent } from '../../shared/ledger/events';
import { cadrePut, unitPut, who } from './test-helpers';
import { tempDirs } from './test-dirs';

const dir = tempDirs('verify-');

async function storeWith(d: string, commits: number) {
  await initStore(d);
  const s = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
  for (let i = 0; i < commits; i++) await s.commit([unitPut(`u${i}`), cadrePut(`c${i}`)], who);
  return s;
}

describe('verify', () => {
  it('passes an intact store and reports its event count and chain head', async () => {
    const d = dir();
    const s = await storeWith(d, 5);
    const head = s.headHash;
    await s.snapshot();
    await s.close();
    const report = await verifyStore(d);
    expect(report).toMatchObject({ ok: true, events: 10, records: 5, head, snapshots: 1, problems: [] });
  });

  it('is refused while another process holds the store', async () => {
    const d = dir();
    const s = await storeWith(d, 1);
    await expect(verifyStore(d)).rejects.toMatchObject({ code: 'LOCKED' });
    expect((await s.verify()).ok).toBe(true);
    await s.close();
  });

  it('reports a torn tail and opening cuts it, keeping the cut bytes', async () => {
    const d = dir();
    const s = await storeWith(d, 3);
    // Simulate a crash during the 4th append: a prefix of a frame, no close.
    const journal = join(d, 'journal.log');
    const whole = readFileSync(journal);
    await s.commit([unitPut('late')], who);
    const withFourth = readFileSync(journal);
    rmSync(join(d, 'LOCK'));
    const crashed = dir();
    for (const f of ['meta.json', 'meta.backup.json']) writeFileSync(join(crashed, f), readFileSync(join(d, f)));
    writeFileSync(join(crashed, 'journal.log'), withFourth.subarray(0, whole.length + 20));
    await s.close();
    const report = await verifyStore(crashed);
    expect(report.ok).toBe(false);
    expect(report.problems).toMatchObject([{ kind: 'torn-tail', seq: 7, offset: whole.length }]);
    const reopened = await openStore(crashed, { autoBackup: false });
    expect(reopened.revision).toBe(6);
    expect(reopened.warnings.map((w) => w.code)).toEqual(['torn-tail']);
    expect(readdirSync(join(crashed, 'recovered'))).toHaveLength(1);
    await reopened.commit([unitPut('after')], who);
    await reopened.close();
    expect((await verifyStore(crashed)).ok).toBe(true);
  });

  it('refuses to open when a middle record is damaged, naming it, and changes nothing', async () => {
    const d = dir();
    const s = await storeWith(d, 4);
    await s.close();
    const journal = join(d, 'journal.log');
    const bytes = readFileSync(journal);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(journal, bytes);
    const err = await openStore(d).catch((e) => e);
    expect(err.code).toBe('INTERNAL');
    expect(err.bilingual.en).toMatch(/journal\.log @\d+ \(event #\d+\)/);
    expect(readFileSync(journal).equals(bytes)).toBe(true);
    const report = await verifyStore(d);
    expect(report.ok).toBe(false);
    expect(report.problems[0].kind).toBe('framing');
  });

  it('notices events missing below the point the store was closed at', async () => {
    const d = dir();
    const s = await storeWith(d, 3);
    await s.close();
    const journal = join(d, 'journal.log');
    const frames = readFileSync(journal);
    // Cut exactly at a record boundary: a clean-looking shorter journal.
    const firstLen = 16 + frames.readUInt32LE(4);
    truncateSync(journal, firstLen);
    const report = await verifyStore(d);
    expect(report.problems.map((p) => p.kind)).toContain('anchor');
    await expect(openStore(d)).rejects.toMatchObject({ code: 'INTERNAL' });
    // The documented way to accept the loss and carry on.
    const accepted = await openStore(d, { acceptDataLoss: true, autoBackup: false });
    expect(accepted.revision).toBe(2);
    await accepted.close();
    expect((await verifyStore(d)).ok).toBe(true);
  });

  it('flags a snapshot that disagrees with the journal, and open falls back to replay', async () => {
    const d = dir();
    const s = await storeWith(d, 3);
    await s.snapshot();
    await s.close();
    const snapDir = join(d, 'snapshots');
    const [snap] = readdirSync(snapDir);
    const bytes = readFileSync(join(snapDir, snap));
    bytes[bytes.length - 30] ^= 0x04;
    writeFileSync(join(snapDir, snap), bytes);
    expect((await verifyStore(d)).problems[0].kind).toBe('snapshot');
    const reopened = await openStore(d, { autoBackup: false });
    expect(reopened.revision).toBe(6);
    expect(reopened.warnings.map((w) => w.code)).toEqual(['snapshot-skipped']);
    await reopened.close();
    // Snapshots are derived: deleting them loses nothing.
    rmSync(snapDir, { recursive: true });
    const again = await openStore(d, { autoBackup: false });
    expect(again.state().cadres.size).toBe(3);
    await again.close();
  });

  it('reports records that do not satisfy their schema', async () => {
    const d = dir();
    const s = await storeWith(d, 1);
    await s.commit([{ type: 'put', collection: 'scores', record: { id: 'x', cadreId: 'c0', month: '2024-13', score: 101 } } as never], who);
    await s.close();
    const report = await verifyStore(d);
    expect(report.problems).toMatchObject([{ kind: 'schema' }]);
    expect(report.problems[0].message.en).toContain('scores/x');
  });

  it('fails clearly on a damaged meta.json with no good copy, and heals from the copy', async () => {
    const d = dir();
    const s = await storeWith(d, 1);
    await s.close();
    appendFileSync(join(d, 'meta.json'), 'x');
    const healed = await openStore(d, { autoBackup: false });
    expect(healed.warnings.map((w) => w.code)).toEqual(['meta-fallback']);
    await healed.close();
    expect((await verifyStore(d)).ok).toBe(true);
    writeFileSync(join(d, 'meta.json'), '{');
    writeFileSync(join(d, 'meta.backup.json'), '{');
    await expect(openStore(d)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(existsSync(join(d, 'journal.log'))).toBe(true);
  });
});

describe('damage campaigns (small counts; full counts in npm run test:crash)', () => {
  it('detects every tampering (edit, delete, insert, reorder) with recomputed checksums', async () => {
    for (const encrypted of [false, true]) {
      const r = await tamperCampaign({ encrypted, records: 8, seed: 7 });
      expect(r.failures).toEqual([]);
      expect(r.detected).toBe(r.trials);
      expect(r.trials).toBe(32);
    }
  });

  it('detects random bit flips and truncations without crashing; tail cuts recover', async () => {
    for (const encrypted of [false, true]) {
      const base = await buildBaseStore({ encrypted, anchored: 12, tail: 6, seed: 3 });
      try {
        const r = await corruptionCampaign(base, 60, 11);
        expect(r.failures).toEqual([]);
        expect(r.crashes).toBe(0);
        expect(r.missed).toBe(0);
        expect(r.wrongState).toBe(0);
        expect(r.detected + r.cleanCuts).toBe(r.trials);
      } finally {
        base.cleanup();
      }
    }
  });

  it('passes a store whose grades were emptied, snapshotted and graded again (the snapshot lists grades in canonical order)', async () => {
    // The grade table keeps a cadre's slot once emptied, so the replayed journal and the snapshot
    // restored then replayed hold the grades in different orders: the digest must not depend on it.
    const d = dir();
    await initStore(d);
    const s = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
    const grade = (cadreId: string, year: number): LedgerEvent => ({ type: 'put', collection: 'grades', record: { id: `${cadreId}:${year}`, cadreId, year, grade: 'excellent' } });
    await s.commit([unitPut('u1'), cadrePut('c1'), cadrePut('c2'), grade('c1', 2024), grade('c2', 2024)], who);
    await s.commit([{ type: 'remove', collection: 'grades', id: 'c1:2024' }], who);
    await s.snapshot();
    await s.close();
    // Reopened from that snapshot: c2 now has the first slot, c1 (graded again) the next.
    const reopened = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
    await reopened.commit([grade('c1', 2025)], who);
    await reopened.snapshot();
    await reopened.close();
    const report = await verifyStore(d);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, snapshots: 2 });
    // And the reopened store (restored from the last snapshot) holds the same grades.
    const again = await openStore(d, { autoBackup: false, snapshotOnClose: Infinity });
    expect([...again.state().grades.keys()].sort()).toEqual(['c1:2025', 'c2:2024']);
    await again.close();
  });
});

