import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changePassphrase, initStore, isEncrypted, openStore, verifyStore } from './index';
import { FRAME_HEADER } from './frame';
import { cadrePut, fastScrypt, who } from './test-helpers';
import { tempDirs } from './test-dirs';

const dir = tempDirs('enc-');

function allFiles(d: string): string[] {
  return readdirSync(d, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const CANARY = '金丝雀测试员Canary7731';

describe('encryption at rest', () => {
  it('never writes a plaintext field value anywhere in the data directory', async () => {
    const d = dir();
    const { recoveryKey } = await initStore(d, { passphrase: 'correct horse', scryptParams: fastScrypt });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(isEncrypted(d)).toBe(true);
    const s = await openStore(d, { passphrase: 'correct horse', snapshotEvery: 2 });
    await s.commit([cadrePut('c1', CANARY)], who);
    await s.commit([cadrePut('c2', CANARY), cadrePut('c3', CANARY)], who);
    await s.whenIdle();
    const { backupStore } = await import('./index');
    await backupStore(s, join(d, 'backups', 'manual-x.cbak'));
    await s.close();
    const files = allFiles(d);
    expect(files.some((f) => f.includes('snapshots'))).toBe(true);
    expect(files.some((f) => f.endsWith('.cbak'))).toBe(true);
    const needles = [CANARY, 'Canary7731', '乡镇班子', 'civilServant'].map((n) => Buffer.from(n));
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const n of needles) expect(bytes.includes(n), `${n} in ${f}`).toBe(false);
    }
    const again = await openStore(d, { passphrase: 'correct horse', autoBackup: false });
    expect(again.state().cadres.get('c3')?.name).toBe(CANARY);
    await again.close();
  });

  it('rejects a wrong or missing passphrase clearly, and accepts the recovery key', async () => {
    const d = dir();
    const { recoveryKey } = await initStore(d, { passphrase: 'right', scryptParams: fastScrypt });
    const s = await openStore(d, { passphrase: 'right', autoBackup: false });
    await s.commit([cadrePut('c1')], who);
    await s.close();
    const wrong = await openStore(d, { passphrase: 'wrong' }).catch((e) => e);
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(wrong.bilingual.zh).toContain('口令');
    await expect(openStore(d)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const viaRecovery = await openStore(d, { recoveryKey: recoveryKey!.toLowerCase(), autoBackup: false });
    expect(viaRecovery.state().cadres.size).toBe(1);
    await viaRecovery.close();
    // Typed into the passphrase field, the recovery key also unlocks.
    const viaField = await openStore(d, { passphrase: recoveryKey, autoBackup: false });
    await viaField.close();
    await changePassphrase(d, { recoveryKey, newPassphrase: 'new one' });
    await expect(openStore(d, { passphrase: 'right' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const renewed = await openStore(d, { passphrase: 'new one', autoBackup: false });
    expect(renewed.revision).toBe(1);
    await renewed.close();
  });

  it('rejects records swapped between positions even with valid frames', async () => {
    const d = dir();
    await initStore(d, { passphrase: 'p', scryptParams: fastScrypt });
    const s = await openStore(d, { passphrase: 'p', autoBackup: false, snapshotOnClose: Infinity });
    await s.commit([cadrePut('c1')], who);
    await s.commit([cadrePut('c2')], who);
    await s.commit([cadrePut('c3')], who);
    await s.close();
    const journal = join(d, 'journal.log');
    const bytes = readFileSync(journal);
    const frames: Buffer[] = [];
    for (let at = 0; at < bytes.length; ) {
      const len = FRAME_HEADER + bytes.readUInt32LE(at + 4);
      frames.push(bytes.subarray(at, at + len));
      at += len;
    }
    // Same seq byte-length frames: swap the 2nd and 3rd (each frame's own checksum stays valid).
    writeFileSync(journal, Buffer.concat([frames[0], frames[2], frames[1]]));
    const report = await verifyStore(d, { passphrase: 'p' });
    expect(report.ok).toBe(false);
    expect(report.problems[0].seq).toBe(2);
    await expect(openStore(d, { passphrase: 'p' })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(statSync(journal).size).toBe(bytes.length); // nothing was cut
  });

  it('derives the passphrase key with scrypt N=2^17, r=8, p=1 by default', async () => {
    const d = dir();
    await initStore(d, { passphrase: 'slow but right' });
    const meta = JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8'));
    expect(meta.encryption.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    const s = await openStore(d, { passphrase: 'slow but right', autoBackup: false });
    expect(s.encrypted).toBe(true);
    await s.close();
  });
});
