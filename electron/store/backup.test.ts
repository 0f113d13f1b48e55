import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backupStore, initStore, listBackups, openStore, restoreStore, verifyStore } from './index';
import { faultyFs } from './bench/faulty-fs';
import { stateDigest } from './snapshot';
import { cadrePut, fastScrypt, unitPut, who } from './test-helpers';
import { tempDirs } from './test-dirs';

const dir = tempDirs('backup-');

/** The ledger's digest without the audit entries (a restore adds its own record). */
const ledgerDigest = (state: Parameters<typeof stateDigest>[0]) => stateDigest({ ...state, audit: new Map() });

describe('backup and restore', () => {
  it('backs up consistently while commits keep arriving, and restores exactly that point', async () => {
    const d = dir();
    const out = join(dir(), 'b.cbak');
    const s = await openStore(d, { create: true, autoBackup: false });
    for (let i = 0; i < 20; i++) await s.commit([cadrePut(`c${i}`)], who);
    const writes = Array.from({ length: 20 }, (_, i) => s.commit([unitPut(`u${i}`)], who));
    const backup = backupStore(s, out);
    await Promise.all(writes);
    const result = await backup;
    expect(result.revision).toBeGreaterThanOrEqual(20);
    expect(result.revision).toBeLessThanOrEqual(40);
    await s.close();

    const target = dir();
    const restored = await restoreStore(out, target);
    // The backup's events, and the restore's own record after them (nothing was replaced here).
    expect(restored).toMatchObject({ revision: result.revision + 1, replacedRevision: -1, replacedHead: '' });
    expect(restored.safetyBackup).toBeUndefined();
    const report = await verifyStore(target);
    expect(report.ok).toBe(true);
    expect(report.restores).toMatchObject([{ seq: result.revision + 1, from: 'b.cbak', replacedRevision: -1 }]);
    const r = await openStore(target, { autoBackup: false });
    expect(r.revision).toBe(result.revision + 1);
    const history = await r.history();
    expect(history.at(-1)!.command).toBe('backup.restore');
    await r.close();
  });

  it('restoring over a store keeps the replaced data as a pre-restore backup', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    await s.commit([unitPut('old')], who);
    const out = join(d, 'backups', 'manual-one.cbak');
    await backupStore(s, out);
    await s.commit([unitPut('newer')], who);
    const before = ledgerDigest(s.state());
    await s.close();
    const result = await restoreStore(out, d, { restoredBy: 'admin1' });
    expect(result).toMatchObject({ revision: 2, replacedRevision: 2 });
    const report = await verifyStore(d);
    expect(report.restores).toMatchObject([{ user: 'admin1', from: 'manual-one.cbak', replacedRevision: 2, restoredRevision: 1 }]);
    const kinds = listBackups(d).map((b) => b.kind).sort();
    expect(kinds).toEqual(['manual', 'pre-restore']);
    const r = await openStore(d, { autoBackup: false });
    expect([...r.state().units.keys()]).toEqual(['old']);
    // New commits after a restore continue the restored chain.
    await r.commit([unitPut('after')], who);
    await r.close();
    expect((await verifyStore(d)).ok).toBe(true);
    // The safety backup brings back what was replaced.
    await restoreStore(join(d, 'backups', result.safetyBackup!.split(/[\\/]/).pop()!), d);
    const back = await openStore(d, { autoBackup: false });
    expect(ledgerDigest(back.state())).toBe(before);
    await back.close();
  });

  it('refuses a damaged or truncated backup and leaves the store untouched', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    await s.commit([unitPut('keep')], who);
    const out = join(dir(), 'b.cbak');
    await backupStore(s, out);
    await s.close();
    const bytes = readFileSync(out);
    const journalBefore = readFileSync(join(d, 'journal.log'));
    // A bit flipped in the content (under the gzip layer): a bit flipped in the compressed bytes
    // can, about once in 200 backups, leave the decompressed content exactly as it was (an unused
    // Huffman code length) — the backup is then not damaged, and restoring it would be right.
    const content = gunzipSync(bytes);
    content[Math.floor(content.length / 2)] ^= 1;
    for (const damaged of [bytes.subarray(0, bytes.length - 9), gzipSync(content)]) {
      writeFileSync(out, damaged);
      await expect(restoreStore(out, d)).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(readFileSync(join(d, 'journal.log')).equals(journalBefore)).toBe(true);
    }
    writeFileSync(out, 'not a backup at all');
    await expect(restoreStore(out, d)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('restores over a store too damaged to open, keeping its files as they were', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    await s.commit([unitPut('good')], who);
    const out = join(dir(), 'b.cbak');
    await backupStore(s, out);
    await s.close();
    writeFileSync(join(d, 'meta.json'), '{ broken');
    writeFileSync(join(d, 'meta.backup.json'), '{ broken');
    await expect(openStore(d)).rejects.toMatchObject({ code: 'INTERNAL' });
    const result = await restoreStore(out, d);
    expect(result.safetyBackup).toMatch(/recovered[\\/]pre-restore-/);
    expect(readFileSync(join(result.safetyBackup!, 'meta.json'), 'utf8')).toBe('{ broken');
    const r = await openStore(d, { autoBackup: false });
    expect(r.state().units.has('good')).toBe(true);
    await r.close();
  });

  it('an encrypted backup needs its key: the same store’s key, or the passphrase', async () => {
    const d = dir();
    await initStore(d, { passphrase: 'pw', scryptParams: fastScrypt });
    const s = await openStore(d, { passphrase: 'pw', autoBackup: false });
    await s.commit([unitPut('secret')], who);
    const out = join(dir(), 'b.cbak');
    await backupStore(s, out);
    await s.close();
    const other = dir();
    await expect(restoreStore(out, other)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(restoreStore(out, other, { passphrase: 'nope' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await restoreStore(out, other, { passphrase: 'pw' })).revision).toBe(2);
    const r = await openStore(other, { passphrase: 'pw', autoBackup: false });
    expect(r.state().units.has('secret')).toBe(true);
    await r.close();
  });

  it('makes a daily automatic backup on open and keeps the newest seven', async () => {
    const d = dir();
    let now = new Date('2025-03-01T08:00:00Z');
    const clock = () => now;
    const s = await openStore(d, { create: true, now: clock });
    await s.commit([unitPut('u')], who);
    await s.close();
    for (let day = 0; day < 10; day++) {
      const store = await openStore(d, { now: clock });
      await store.whenIdle();
      await store.commit([unitPut(`u${day}`)], who);
      await store.close();
      // A second open on the same day adds nothing.
      const same = await openStore(d, { now: clock });
      await same.whenIdle();
      await same.close();
      now = new Date(now.getTime() + 24 * 3600 * 1000);
    }
    const autos = listBackups(d).filter((b) => b.kind === 'auto');
    expect(autos).toHaveLength(7);
    expect(autos[0].createdAt).toBe('2025-03-10T08:00:00.000Z');
    expect(autos[6].createdAt).toBe('2025-03-04T08:00:00.000Z');
  });

  it('a crash at any step of a restore leaves the old store or the new one, never a mix', async () => {
    const src = dir();
    const s = await openStore(src, { create: true, autoBackup: false });
    for (let i = 0; i < 3; i++) await s.commit([cadrePut(`new${i}`)], who);
    const out = join(dir(), 'b.cbak');
    await backupStore(s, out);
    const newDigest = ledgerDigest(s.state());
    await s.close();
    const outcomes = { old: 0, new: 0 };
    for (let n = 1; ; n++) {
      const d = dir();
      const o = await openStore(d, { create: true, autoBackup: false });
      await o.commit([unitPut('old')], who);
      await o.snapshot();
      const oldDigest = ledgerDigest(o.state());
      await o.close();
      const fsx = faultyFs({ failAt: n, ops: ['write', 'fsync', 'rename', 'unlink', 'open'], mode: 'crash' });
      let crashed = false;
      try {
        await restoreStore(out, d, { fs: fsx });
      } catch (e) {
        crashed = fsx.tripped;
        if (!crashed) throw e;
      }
      // The "crash" left the lock of this (living) process: a new process would see a dead pid.
      if (existsSync(join(d, 'LOCK'))) writeFileSync(join(d, 'LOCK'), JSON.stringify({ pid: 2 ** 22 + 1, host: (await import('node:os')).hostname(), startedAt: '', purpose: 'x', nonce: 'n' }));
      const r = await openStore(d, { autoBackup: false });
      const digest = ledgerDigest(r.state());
      await r.close();
      expect([oldDigest, newDigest]).toContain(digest);
      outcomes[digest === newDigest ? 'new' : 'old']++;
      expect((await verifyStore(d)).ok).toBe(true);
      if (!crashed) break;
    }
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });
});
