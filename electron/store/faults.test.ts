// Fault injection: the Nth write/fsync/truncate of a commit fails with EIO or ENOSPC, for every N.
// No failed commit is ever acknowledged, the state never shows it, and the store stays openable
// with every acknowledged event.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultyFs } from './bench/faulty-fs';
import { openStore, verifyStore } from './index';
import { stateDigest } from './snapshot';
import { cadrePut, scorePut, tempDir, unitPut, who } from './test-helpers';
import type { LedgerEvent } from '../../shared/ledger/events';

const batches: LedgerEvent[][] = [
  [unitPut('u1')],
  [cadrePut('c1'), cadrePut('c2')],
  Array.from({ length: 300 }, (_, i) => scorePut(`c${i % 2 ? 1 : 2}`, `20${10 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, i % 100)),
  [{ type: 'remove', collection: 'cadres', id: 'c1' }],
  [unitPut('u2', '第二单位')],
];

describe('fault injection during commits', () => {
  for (const code of ['EIO', 'ENOSPC'] as const) {
    for (const mode of ['error', 'crash'] as const) {
      it(`${code}, ${mode === 'crash' ? 'every later call fails too' : 'a single failure'}: nothing unacknowledged, nothing lost`, async () => {
        let trials = 0;
        for (let n = 1; ; n++) {
          const t = tempDir('fault-');
          try {
            const fsx = faultyFs({ failAt: n, ops: ['write', 'fdatasync', 'fsync', 'ftruncate'], code, mode, startDisarmed: true });
            const s = await openStore(t.dir, { create: true, fs: fsx, autoBackup: false, snapshotEvery: 2 });
            fsx.arm();
            const digests = new Map<number, string>([[0, stateDigest(s.state())]]);
            let acked = 0;
            let failed = 0;
            for (const batch of batches) {
              const before = s.revision;
              try {
                const { revision } = await s.commit(batch, who);
                expect(revision).toBe(before + batch.length);
                acked = revision;
                digests.set(revision, stateDigest(s.state()));
              } catch (e) {
                failed++;
                expect((e as { code?: string }).code).toBe('INTERNAL');
                expect(s.revision).toBe(before); // the state never shows a failed commit
                expect(stateDigest(s.state())).toBe(digests.get(before));
              }
            }
            await s.whenIdle().catch(() => {});
            await s.close().catch(() => {});
            if (existsSync(join(t.dir, 'LOCK'))) rmSync(join(t.dir, 'LOCK'));
            // Reopen with a sound disk: openable, every acknowledged event there.
            const r = await openStore(t.dir, { autoBackup: false });
            expect(r.revision).toBeGreaterThanOrEqual(acked);
            // A failed commit may have reached the disk (as after a crash before its ack), but the
            // store then shows exactly the states the commits lead to, in order.
            if (r.revision !== acked) expect(failed).toBeGreaterThan(0);
            if (digests.has(r.revision)) expect(stateDigest(r.state())).toBe(digests.get(r.revision));
            await r.close();
            expect((await verifyStore(t.dir)).ok).toBe(true);
            trials++;
            if (!fsx.tripped) break;
          } finally {
            t.cleanup();
          }
        }
        expect(trials).toBeGreaterThan(8);
      });
    }
  }
});
