// meta.json: what a data directory is (format version, store id, encryption parameters with the
// wrapped data key). Written rarely (init, migration, passphrase change, restore), always
// atomically, with a checksum and a second copy (meta.backup.json): for an encrypted store it holds
// the only copies of the wrapped data key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerError } from '../../shared/contract/errors';
import type { EncryptionMeta } from './crypto';
import { atomicWriteFile, exists, type StoreFs } from './fsio';
import { sha256 } from './journal';

export const META_FILE = 'meta.json';
export const META_BACKUP_FILE = 'meta.backup.json';
export const JOURNAL_FILE = 'journal.log';
export const HEAD_FILE = 'head.json';
export const BACKUP_DIR = 'backups';
export const RECOVERED_DIR = 'recovered';
export const STORE_FORMAT = 'cadre-ledger-store';

export interface StoreMeta {
  format: typeof STORE_FORMAT;
  /** Store format version (see migrations.ts). */
  v: number;
  storeId: string;
  createdAt: string;
  encryption: EncryptionMeta | null;
}

function withChecksum(meta: StoreMeta): string {
  const body = JSON.stringify(meta);
  return JSON.stringify({ ...meta, checksum: sha256(body) }, null, 2) + '\n';
}

export async function writeMeta(fsx: StoreFs, dataDir: string, meta: StoreMeta): Promise<void> {
  const text = Buffer.from(withChecksum(meta));
  await atomicWriteFile(fsx, join(dataDir, META_FILE), text);
  await atomicWriteFile(fsx, join(dataDir, META_BACKUP_FILE), text);
}

export class MetaError extends Error {}

export function parseMeta(text: string): StoreMeta {
  let parsed: StoreMeta & { checksum?: string };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MetaError('not valid JSON');
  }
  const { checksum, ...meta } = parsed;
  if (meta.format !== STORE_FORMAT) throw new MetaError('not a Cadre Ledger store description');
  if (checksum !== sha256(JSON.stringify(meta))) throw new MetaError('checksum mismatch');
  return meta;
}

/**
 * Reads meta.json, falling back to meta.backup.json if the first is missing or damaged.
 * Returns undefined when neither exists (no store here).
 */
export function readMeta(dataDir: string): { meta: StoreMeta; warning?: string } | undefined {
  const main = join(dataDir, META_FILE);
  const backup = join(dataDir, META_BACKUP_FILE);
  if (!exists(main) && !exists(backup)) return undefined;
  let firstError: string | undefined;
  if (exists(main)) {
    try {
      return { meta: parseMeta(readFileSync(main, 'utf8')) };
    } catch (e) {
      firstError = `${META_FILE}: ${(e as Error).message}`;
    }
  } else {
    firstError = `${META_FILE} is missing`;
  }
  if (exists(backup)) {
    try {
      return { meta: parseMeta(readFileSync(backup, 'utf8')), warning: `${firstError}; used ${META_BACKUP_FILE}` };
    } catch (e) {
      firstError += `; ${META_BACKUP_FILE}: ${(e as Error).message}`;
    }
  }
  throw new LedgerError('INTERNAL', {
    zh: `台账描述文件损坏（${firstError}），无法打开。请从备份恢复。`,
    en: `The store description is damaged (${firstError}); the store cannot be opened. Restore it from a backup.`,
  });
}
