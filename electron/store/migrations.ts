// Store format migrations: numbered, append-only (never edit a shipped one; add the next). Each
// migration writes the new files beside the old ones and then switches by writing meta.json
// atomically, the single commit point: a crash before it leaves the old version intact (the
// migration simply runs again on the next open), a crash after it leaves the new one. Never a mix.
//
//   v0 → v1  The skeleton's plain JSON-lines journal (journal.jsonl, one { seq, event, meta, at? }
//            per line, no framing, no chain) becomes the framed, hash-chained journal.log.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerError } from '../../shared/contract/errors';
import { atomicWriteFile, exists, fsyncDir, renameWithRetry, type StoreFs } from './fsio';
import { encodeRecord, genesisHash, isEventShape, type JournalRecord } from './journal';
import { JOURNAL_FILE, META_FILE, readMeta, writeMeta } from './meta';

export const CURRENT_STORE_VERSION = 1;
export const LEGACY_JOURNAL = 'journal.jsonl';
export const LEGACY_DIR = 'legacy';

export interface Migration {
  from: number;
  to: number;
  name: { zh: string; en: string };
  run(dataDir: string, fsx: StoreFs, now: () => Date): Promise<void>;
}

/** Legacy v0 line (MemoryStore's JournaledEvent, as the skeleton wrote it). */
interface LegacyLine {
  seq: number;
  event: unknown;
  meta?: { user?: string; command?: string };
  at?: string;
}

const legacyToV1: Migration = {
  from: 0,
  to: 1,
  name: { zh: '旧版 JSON 行日志 → 带校验和哈希链的日志', en: 'legacy JSON-lines journal → framed, hash-chained journal' },
  async run(dataDir, fsx, now) {
    const text = readFileSync(join(dataDir, LEGACY_JOURNAL), 'utf8');
    const storeId = randomUUID();
    const migratedAt = now().toISOString();
    const frames: Buffer[] = [];
    let prev = genesisHash(storeId);
    let seq = 1;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const bad = (why: string) =>
        new LedgerError('VALIDATION', {
          zh: `旧版日志 ${LEGACY_JOURNAL} 第 ${i + 1} 行无法迁移：${why}。未做任何修改。`,
          en: `Line ${i + 1} of the legacy journal ${LEGACY_JOURNAL} cannot be migrated: ${why}. Nothing was changed.`,
        });
      let parsed: LegacyLine;
      try {
        parsed = JSON.parse(line) as LegacyLine;
      } catch {
        // An incomplete last line is the legacy store's torn tail: it was never acknowledged.
        if (i >= lines.length - 2) return;
        throw bad('not valid JSON');
      }
      if (parsed.seq !== seq) throw bad(`expected event #${seq}, found #${String(parsed.seq)}`);
      if (!isEventShape(parsed.event)) throw bad('malformed event');
      const record: JournalRecord = {
        v: 1,
        seq,
        at: typeof parsed.at === 'string' ? parsed.at : migratedAt,
        user: String(parsed.meta?.user ?? 'legacy'),
        command: String(parsed.meta?.command ?? 'legacy'),
        prev,
        events: [parsed.event],
      };
      const encoded = encodeRecord(record, { storeId });
      frames.push(encoded.frame);
      prev = encoded.hash;
      seq++;
    });
    await atomicWriteFile(fsx, join(dataDir, JOURNAL_FILE), frames);
    // The commit point.
    await writeMeta(fsx, dataDir, {
      format: 'cadre-ledger-store',
      v: 1,
      storeId,
      createdAt: migratedAt,
      encryption: null,
    });
    await retireLegacyJournal(dataDir, fsx);
  },
};

/** Append-only: index i migrates version i to i + 1. */
export const migrations: readonly Migration[] = [legacyToV1];

async function retireLegacyJournal(dataDir: string, fsx: StoreFs): Promise<void> {
  await fsx.mkdir(join(dataDir, LEGACY_DIR));
  await renameWithRetry(fsx, join(dataDir, LEGACY_JOURNAL), join(dataDir, LEGACY_DIR, LEGACY_JOURNAL));
  await fsyncDir(fsx, dataDir);
}

/** The data directory's format version, or undefined when it holds no store. */
export function detectVersion(dataDir: string): number | undefined {
  if (!exists(join(dataDir, META_FILE)) && exists(join(dataDir, LEGACY_JOURNAL))) return 0;
  return readMeta(dataDir)?.meta.v;
}

export function storeVersionError(v: number): LedgerError {
  return v > CURRENT_STORE_VERSION
    ? new LedgerError('INTERNAL', {
        zh: `此台账由更新版本的程序创建（格式 v${v}，本程序支持到 v${CURRENT_STORE_VERSION}）。请升级程序。`,
        en: `This ledger was written by a newer version (format v${v}; this program reads up to v${CURRENT_STORE_VERSION}). Upgrade the program.`,
      })
    : new LedgerError('INTERNAL', {
        zh: `台账格式 v${v} 无法识别。`,
        en: `Unrecognized ledger format v${v}.`,
      });
}

/** Runs every pending migration in order (the caller holds the directory lock). */
export async function migrateIfNeeded(
  dataDir: string,
  fsx: StoreFs,
  now: () => Date,
): Promise<{ code: 'migrated'; message: { zh: string; en: string } } | undefined> {
  const found = detectVersion(dataDir);
  if (found === undefined) return undefined;
  let v: number = found;
  // A crash between a migration's commit point and its clean-up left the legacy file behind.
  if (v >= 1 && exists(join(dataDir, LEGACY_JOURNAL))) await retireLegacyJournal(dataDir, fsx);
  if (v >= CURRENT_STORE_VERSION) return undefined;
  const done: string[] = [];
  while (v < CURRENT_STORE_VERSION) {
    const m: Migration | undefined = migrations[v];
    if (!m || m.from !== v) throw storeVersionError(v);
    await m.run(dataDir, fsx, now);
    done.push(`v${m.from}→v${m.to}`);
    v = m.to;
  }
  return {
    code: 'migrated',
    message: { zh: `台账格式已升级：${done.join('，')}`, en: `Ledger format migrated: ${done.join(', ')}` },
  };
}
