// `verify`: reads everything and trusts nothing. Checks meta.json (checksum, copy), every journal
// frame (framing, checksum, decryption in place), the sequence and the hash chain from the genesis,
// every record of the resulting ledger against its schema, the head anchor, and every snapshot
// (its own integrity, and that its content equals the journal replayed to its point). Read-only:
// it never repairs (opening the store cuts a torn tail).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LedgerError } from '../../shared/contract/errors';
import { collectionNames, collectionSchemas, emptyLedgerState } from '../../shared/ledger/collections';
import { applyEvent } from '../../shared/ledger/events';
import { unlockDataKey, type UnlockSecret } from './crypto';
import { findNextFrame } from './frame';
import { exists, fileSize, fileSource } from './fsio';
import { genesisHash, scanJournal, type CipherContext, type JournalDamage, type ScanPosition } from './journal';
import { acquireLock } from './lock';
import { HEAD_FILE, JOURNAL_FILE, META_BACKUP_FILE, META_FILE, parseMeta, readMeta, type StoreMeta } from './meta';
import { CURRENT_STORE_VERSION, detectVersion } from './migrations';
import { listSnapshots, readSnapshot, readSnapshotHeader, SNAPSHOT_VERSION, stateDigest, type SnapshotHeader } from './snapshot';
import { noStoreError } from './errors';

export type VerifyProblemKind =
  | 'meta'
  | 'framing'
  | 'torn-tail'
  | 'record'
  | 'chain'
  | 'anchor'
  | 'snapshot'
  | 'schema'
  | 'version';

export interface VerifyProblem {
  kind: VerifyProblemKind;
  /** Path relative to the data directory. */
  file: string;
  /** The event sequence number the problem is at, when it is about one. */
  seq?: number;
  /** Byte offset in `file`. */
  offset?: number;
  message: { zh: string; en: string };
}

export interface VerifyReport {
  ok: boolean;
  /** Sequence number of the last event read (the revision the store would open at). */
  events: number;
  /** Journal records (commits) read. */
  records: number;
  /** Hash of the last record: note it down to detect a rewrite of the whole history later. */
  head: string;
  encrypted: boolean;
  snapshots: number;
  problems: VerifyProblem[];
  /** Every restore the journal records (docs/ACCESS.md): a restore never makes history vanish unseen. */
  restores: VerifyRestore[];
}

export interface VerifyRestore {
  /** The restore's own record. */
  seq: number;
  at: string;
  user: string;
  from: string;
  /** The chain head and revision of the ledger it replaced ('' and -1: there was none). */
  replacedHead: string;
  replacedRevision: number;
  restoredRevision: number;
  safetyBackup?: string;
}

const MAX_PROBLEMS = 100;

export interface VerifyOptions extends UnlockSecret {
  /** Internal: the data key of an open store (its own verify, backup checks). */
  dataKey?: Buffer;
  /** Internal: verify only this many journal bytes (an open store's committed length). */
  journalSize?: number;
}

/** Verifies the store in `dataDir`, taking its lock (refused while another process writes). */
export async function verifyStore(dataDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const dir = resolve(dataDir);
  if (!exists(dir) || detectVersion(dir) === undefined) throw noStoreError(dir);
  const lock = acquireLock(dir, 'cadre-ledger verify');
  try {
    return await verifyDirectory(dir, options);
  } finally {
    lock.release();
  }
}

function damageMessage(d: JournalDamage): { zh: string; en: string } {
  if (d.kind === 'torn') {
    return {
      zh: `日志末尾的记录不完整（${d.detail}）：这是一次中断的、从未确认的提交；打开台账时会截去它。`,
      en: `The journal's last record is incomplete (${d.detail}): an interrupted, never acknowledged commit; opening the store cuts it.`,
    };
  }
  return {
    zh: `第 ${d.seq} 号事件处的记录损坏或被篡改：${d.detail}`,
    en: `The record at event #${d.seq} is damaged or was tampered with: ${d.detail}`,
  };
}

function kindOf(d: JournalDamage): VerifyProblemKind {
  if (d.kind === 'torn') return 'torn-tail';
  if (d.reason === 'frame') return 'framing';
  return d.reason === 'chain' || d.reason === 'sequence' ? 'chain' : 'record';
}

export async function verifyDirectory(dir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const restores: VerifyRestore[] = [];
  const report = (p: VerifyProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const result = (meta: StoreMeta | undefined, events = 0, records = 0, head = '', snapshots = 0): VerifyReport => ({
    ok: problems.length === 0,
    events,
    records,
    head,
    encrypted: !!meta?.encryption,
    snapshots,
    problems,
    restores,
  });

  // meta.json and its copy
  let meta: StoreMeta;
  try {
    const found = readMeta(dir);
    if (!found) throw noStoreError(dir);
    meta = found.meta;
    if (found.warning) {
      report({ kind: 'meta', file: META_FILE, message: { zh: `描述文件损坏：${found.warning}`, en: `Store description damaged: ${found.warning}` } });
    } else if (exists(join(dir, META_BACKUP_FILE))) {
      try {
        const copy = parseMeta(readFileSync(join(dir, META_BACKUP_FILE), 'utf8'));
        if (JSON.stringify(copy) !== JSON.stringify(meta)) throw new Error('differs from meta.json');
      } catch (e) {
        report({
          kind: 'meta',
          file: META_BACKUP_FILE,
          message: { zh: `描述文件副本损坏：${(e as Error).message}`, en: `Copy of the store description damaged: ${(e as Error).message}` },
        });
      }
    }
  } catch (e) {
    if (e instanceof LedgerError && e.code === 'NOT_FOUND') throw e;
    report({ kind: 'meta', file: META_FILE, message: e instanceof LedgerError ? e.bilingual : { zh: String(e), en: String(e) } });
    return result(undefined);
  }
  if (meta.v !== CURRENT_STORE_VERSION) {
    report({
      kind: 'version',
      file: META_FILE,
      message: { zh: `台账格式 v${meta.v}，需先用本程序打开一次以升级。`, en: `Store format v${meta.v}: open it once with this program to migrate it.` },
    });
    return result(meta);
  }
  const key = meta.encryption ? (options.dataKey ?? (await unlockDataKey(meta.storeId, meta.encryption, options))) : undefined;
  const ctx: CipherContext = { storeId: meta.storeId, key };

  // Snapshots to compare against the journal when the replay reaches their point.
  const snapshotsAt = new Map<number, { file: string; header: SnapshotHeader }[]>();
  const snapshotFiles = listSnapshots(dir);
  for (const s of snapshotFiles) {
    const rel = `snapshots/${s.file.split(/[\\/]/).pop()}`;
    try {
      const header = readSnapshotHeader(s.file);
      if (header.seq !== s.seq) throw new Error(`its header says event #${header.seq}`);
      const list = snapshotsAt.get(header.seq) ?? [];
      list.push({ file: rel, header });
      snapshotsAt.set(header.seq, list);
    } catch (e) {
      report({ kind: 'snapshot', file: rel, seq: s.seq, message: { zh: `快照损坏：${(e as Error).message}`, en: `Snapshot damaged: ${(e as Error).message}` } });
    }
  }
  let head: { storeId: string; seq: number; hash: string } | undefined;
  if (exists(join(dir, HEAD_FILE))) {
    try {
      head = JSON.parse(readFileSync(join(dir, HEAD_FILE), 'utf8'));
      if (!head || !Number.isSafeInteger(head.seq) || typeof head.hash !== 'string') throw new Error('malformed');
      if (head.storeId !== meta.storeId) throw new Error('it belongs to another store');
    } catch (e) {
      report({ kind: 'anchor', file: HEAD_FILE, message: { zh: `链头锚点文件损坏：${(e as Error).message}`, en: `Head anchor damaged: ${(e as Error).message}` } });
      head = undefined;
    }
  }
  let headMatched = false;

  // The journal, from the genesis.
  const journal = join(dir, JOURNAL_FILE);
  const size = options.journalSize ?? fileSize(journal);
  if (size < 0) {
    report({ kind: 'framing', file: JOURNAL_FILE, message: { zh: '日志文件缺失。', en: 'The journal file is missing.' } });
    return result(meta);
  }
  const state = emptyLedgerState();
  const source = fileSource(journal, size);
  let events = 0;
  let records = 0;
  let lastHash = genesisHash(meta.storeId);
  try {
    let pos: ScanPosition = { offset: 0, nextSeq: 1, prev: lastHash };
    for (;;) {
      const scan = scanJournal(source, ctx, pos, (r) => {
        for (const event of r.record.events) {
          applyEvent(state, event);
          const restore = event.type === 'put' && event.collection === 'audit' ? (event.record as { restore?: Omit<VerifyRestore, 'seq' | 'at' | 'user'> }).restore : undefined;
          if (restore) restores.push({ seq: r.record.seq, at: r.record.at, user: r.record.user, ...restore });
        }
        events = r.lastSeq;
        records++;
        lastHash = r.hash;
        if (head && head.seq === r.lastSeq) {
          headMatched = true;
          if (head.hash !== r.hash) {
            report({
              kind: 'anchor',
              file: JOURNAL_FILE,
              seq: r.record.seq,
              offset: r.offset,
              message: {
                zh: `第 ${r.record.seq} 号事件的记录与关闭时记下的链头不符：记录被改动过。`,
                en: `The record at event #${r.record.seq} differs from the chain head noted at close: it was changed.`,
              },
            });
          }
        }
        for (const s of snapshotsAt.get(r.lastSeq) ?? []) {
          checkSnapshot(dir, s, r, state, ctx, report);
        }
        snapshotsAt.delete(r.lastSeq);
      });
      if (!scan.damage) break;
      const d = scan.damage;
      report({ kind: kindOf(d), file: JOURNAL_FILE, seq: d.seq, offset: d.offset, message: damageMessage(d) });
      if (d.kind === 'torn') break;
      // Resume after the damage so every problem is listed, taking the next record as it is.
      let resume: number;
      if (d.frameEnd === undefined) resume = findNextFrame(source, d.offset);
      else resume = d.reason === 'chain' || d.reason === 'sequence' ? d.offset : d.frameEnd;
      if (resume < 0 || resume >= size) break;
      // A broken link: re-read that record as the new baseline (its link is what is broken).
      pos = { offset: resume, nextSeq: 0, prev: '', relaxed: true };
    }
  } finally {
    source.close();
  }

  for (const list of snapshotsAt.values()) {
    for (const s of list) {
      report({
        kind: 'snapshot',
        file: s.file,
        seq: s.header.seq,
        message: {
          zh: `快照截至第 ${s.header.seq} 号事件，但日志中没有以此结束的记录：日志缺少事件或快照不属于此日志。`,
          en: `The snapshot is at event #${s.header.seq} but no journal record ends there: events are missing or the snapshot is foreign.`,
        },
      });
    }
  }
  if (head && !headMatched) {
    report({
      kind: 'anchor',
      file: HEAD_FILE,
      seq: head.seq,
      message:
        head.seq > events
          ? {
              zh: `台账关闭时已有 ${head.seq} 个事件，日志中现在只有 ${events} 个：事件丢失。`,
              en: `The store was closed at event #${head.seq} but the journal now ends at #${events}: events are missing.`,
            }
          : {
              zh: `关闭时记下的链头（第 ${head.seq} 号事件）不在任何记录的末尾。`,
              en: `The chain head noted at close (event #${head.seq}) is not the end of any record.`,
            },
    });
  }

  // Every record of the resulting ledger against its schema.
  for (const c of collectionNames) {
    for (const [id, record] of state[c] as Map<string, unknown>) {
      const parsed = collectionSchemas[c].safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path.join('.') ?? '';
        report({
          kind: 'schema',
          file: JOURNAL_FILE,
          message: {
            zh: `${c}/${id}：字段 ${path} 不符合格式（${issue?.message ?? ''}）`,
            en: `${c}/${id}: field ${path} is invalid (${issue?.message ?? ''})`,
          },
        });
      }
    }
  }
  return result(meta, events, records, lastHash, snapshotFiles.length);
}

function checkSnapshot(
  dir: string,
  s: { file: string; header: SnapshotHeader },
  r: { hash: string; offset: number; end: number; record: { seq: number } },
  state: ReturnType<typeof emptyLedgerState>,
  ctx: CipherContext,
  report: (p: VerifyProblem) => void,
): void {
  const bad = (zh: string, en: string) =>
    report({ kind: 'snapshot', file: s.file, seq: s.header.seq, message: { zh: `快照不一致：${zh}`, en: `Snapshot inconsistent: ${en}` } });
  const h = s.header;
  if (h.hash !== r.hash || h.recordOffset !== r.offset || h.endOffset !== r.end || h.recordSeq !== r.record.seq) {
    bad('它记下的日志位置或链头与日志不符', 'its journal position or chain head does not match the journal');
    return;
  }
  let digest: string;
  try {
    // A v4 snapshot's digest is that of the ledger's canonical chunks (scores and grades as
    // columns), so equal digests prove equal content. An older one (v1: scores as JSON records in
    // the order they were put; v2: grades in the order they were put; v3: grades as JSON records)
    // is checked by its content: the ledger it holds, serialized the current way, against the
    // replayed one.
    const byContent = h.v < SNAPSHOT_VERSION;
    const read = readSnapshot(join(dir, s.file), { storeId: ctx.storeId, key: ctx.key }, byContent);
    digest = byContent ? stateDigest(read.state!) : read.digest;
  } catch (e) {
    bad((e as Error).message, (e as Error).message);
    return;
  }
  if (digest !== stateDigest(state)) bad('内容与重放日志得到的台账不同', 'its content differs from the ledger the journal replays to');
}

