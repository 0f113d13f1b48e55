// File modes (issue 11): under the default umask 022 every directory of a store is 0700 and every
// file 0600 — journal, meta, head, snapshots, backups, the lock — so another OS account reads
// nothing. A store made before this (0644 files) is tightened when it is opened. POSIX only.
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { put } from '../../shared/ledger/events';
import { backupStore, restoreStore } from './backup';
import { openStore } from './index';
import { tempDirs } from './test-dirs';

const newDir = tempDirs('cadre-modes-');

function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = (statSync(path).mode & 0o777).toString(8);
  }
  return out;
}

const onPosix = process.platform === 'win32' ? describe.skip : describe; // Windows: the user's profile guards the store

onPosix('store file modes', () => {
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('are 0700 for directories and 0600 for files, whatever was written', async () => {
    const dir = join(newDir(), 'ledger');
    const store = await openStore(dir, { create: true, snapshotOnClose: 1 });
    await store.commit([put('units', { id: 'U1', name: '城关镇' })], { user: 'u', command: 'test' });
    await backupStore(store, join(store.backupsDir, 'manual-1.cbak'));
    await store.close();
    await restoreStore(join(dir, 'backups', 'manual-1.cbak'), dir);
    const reopened = await openStore(dir, { snapshotOnClose: 1 });
    await reopened.commit([put('units', { id: 'U2', name: '东山乡' })], { user: 'u', command: 'test' });
    await reopened.close();
    const found = modes(dir);
    expect(Object.keys(found).some((p) => p.startsWith('snapshots/'))).toBe(true);
    expect(Object.keys(found).some((p) => p.startsWith('backups/'))).toBe(true);
    for (const [path, mode] of Object.entries(found)) {
      expect(`${path} ${mode}`).toBe(`${path} ${statSync(join(dir, path)).isDirectory() ? '700' : '600'}`);
    }
  });

  it('tightens a store written with open modes when it is opened', async () => {
    const dir = join(newDir(), 'ledger');
    const store = await openStore(dir, { create: true });
    await store.close();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'journal.log'), 0o644);
    writeFileSync(join(dir, 'notes.txt'), 'x', { mode: 0o644 });
    (await openStore(dir)).close();
    expect(modes(dir)).toMatchObject({ '.': '700', 'journal.log': '600', 'notes.txt': '600' });
  });
});
