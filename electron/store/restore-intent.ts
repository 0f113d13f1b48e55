// Restore replaces several files (journal, meta, snapshots, head). To make that all-or-nothing it
// first stages the new files in .restore-staging/, then writes a RESTORE intent file (atomic), then
// moves the files into place and removes the intent. A crash before the intent leaves the old
// store (the staging directory is discarded); after it, the next open finishes the moves (every
// step is idempotent). Never a mix.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFile, exists, fsyncDir, renameWithRetry, type StoreFs } from './fsio';
import { HEAD_FILE, JOURNAL_FILE, META_BACKUP_FILE, META_FILE } from './meta';
import { SNAPSHOT_DIR } from './snapshot';

export const RESTORE_INTENT = 'RESTORE';
export const RESTORE_STAGING = '.restore-staging';

export async function writeRestoreIntent(fsx: StoreFs, dataDir: string, info: Record<string, unknown>): Promise<void> {
  await atomicWriteFile(fsx, join(dataDir, RESTORE_INTENT), Buffer.from(JSON.stringify({ v: 1, staging: RESTORE_STAGING, ...info }) + '\n'));
}

/** Completes an interrupted restore, or discards a staging directory that never got its intent. */
export async function finishPendingRestore(dataDir: string, fsx: StoreFs): Promise<boolean> {
  const intent = join(dataDir, RESTORE_INTENT);
  const staging = join(dataDir, RESTORE_STAGING);
  if (!exists(intent)) {
    if (exists(staging)) rmSync(staging, { recursive: true, force: true });
    return false;
  }
  // The intent file is written atomically; if it cannot be read it was never completed.
  try {
    JSON.parse(readFileSync(intent, 'utf8'));
  } catch {
    await fsx.unlink(intent);
    rmSync(staging, { recursive: true, force: true });
    return false;
  }
  // Derived and anchoring files of the old store go first: they must never meet the new journal.
  await fsx.unlink(join(dataDir, HEAD_FILE)).catch(ignoreMissing);
  let snaps: string[] = [];
  try {
    snaps = readdirSync(join(dataDir, SNAPSHOT_DIR));
  } catch {
    /* none */
  }
  for (const s of snaps) await fsx.unlink(join(dataDir, SNAPSHOT_DIR, s)).catch(ignoreMissing);
  if (exists(join(staging, JOURNAL_FILE))) {
    await renameWithRetry(fsx, join(staging, JOURNAL_FILE), join(dataDir, JOURNAL_FILE));
  }
  if (exists(join(staging, META_FILE))) {
    await renameWithRetry(fsx, join(staging, META_FILE), join(dataDir, META_FILE));
  }
  await atomicWriteFile(fsx, join(dataDir, META_BACKUP_FILE), readFileSync(join(dataDir, META_FILE)));
  await fsyncDir(fsx, dataDir);
  await fsx.unlink(intent);
  await fsyncDir(fsx, dataDir);
  rmSync(staging, { recursive: true, force: true });
  return true;
}

function ignoreMissing(e: unknown): void {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
}
