// The durable file store behind LedgerStore: an append-only, hash-chained journal (journal.ts),
// snapshots for fast opening (snapshot.ts), a single-writer lock (lock.ts), optional encryption
// (crypto.ts). See docs/STORE.md for the layout and the recovery procedures.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LedgerError } from '../../shared/contract/errors';
import { emptyLedgerState, type LedgerState } from '../../shared/ledger/collections';
import { applyEvent, type LedgerEvent } from '../../shared/ledger/events';
import { createEncryption, SCRYPT_PARAMS, unlockDataKey, wrapForUser, type LoginKdf } from './crypto';
import { findNextFrame } from './frame';
import { atomicWriteFile, exists, fileSize, fileSource, fsyncDir, nodeFs, type StoreFs } from './fsio';
import {
  encodeRecord,
  genesisHash,
  isEventShape,
  readRecordAt,
  scanJournal,
  type CipherContext,
  type JournalRecord,
  type ScanPosition,
} from './journal';
import { acquireLock, type DirLock } from './lock';
import {
  BACKUP_DIR,
  HEAD_FILE,
  JOURNAL_FILE,
  readMeta,
  RECOVERED_DIR,
  writeMeta,
  type StoreMeta,
} from './meta';
import { corruptError, noStoreError } from './errors';
import { verifyDirectory, type VerifyReport } from './verify';
import { CURRENT_STORE_VERSION, migrateIfNeeded, storeVersionError } from './migrations';
import { RecentChanges } from './recent-changes';
import { finishPendingRestore } from './restore-intent';
import { listSnapshots, readSnapshot, readSnapshotHeader, SNAPSHOT_VERSION, SNAPSHOT_VERSIONS_READ, writeSnapshot } from './snapshot';
import type { CommitMeta, CommitResult, HistoryRecord, LedgerStore, OpenOptions } from './types';

export interface StoreOptions extends OpenOptions {
  /** Unlocks an encrypted store with the recovery key printed at init instead of the passphrase. */
  recoveryKey?: string;
  /** File operations (tests inject failures through this). */
  fs?: StoreFs;
  /** Clock for record timestamps and daily backups (tests fix it). */
  now?: () => Date;
  /** Write a snapshot in the background after this many events since the last one (default 50,000). */
  snapshotEvery?: number;
  /** On close, write a snapshot if at least this many events arrived since the last (default 1,000). */
  snapshotOnClose?: number;
  /** Daily automatic backup on open when the newest is older than a day (default true). */
  autoBackup?: boolean;
  /** What the lock file says holds the store (default 'cadre-ledger'). */
  purpose?: string;
  /**
   * Recovery procedure (docs/STORE.md) when the journal lost its end: a damaged last record that
   * is not a plain interrupted append, or events missing below the point the store was closed at.
   * Opens at the last whole record instead of refusing (cut bytes are kept in recovered/).
   */
  acceptDataLoss?: boolean;
  /** Internal: the data key, already unwrapped (a restore writing its trace into the store it restored). */
  dataKey?: Buffer;
  /** scrypt cost for a store created by this call (tests only; default N=2^17, r=8, p=1). */
  scryptParams?: { N: number; r: number; p: number };
}

export interface StoreWarning {
  code: 'torn-tail' | 'snapshot-skipped' | 'meta-fallback' | 'background' | 'migrated';
  message: { zh: string; en: string };
}

export interface InitResult {
  /** Printed once at init for an encrypted store: the only way in if the passphrase is lost. */
  recoveryKey?: string;
  storeId: string;
}

const DEFAULT_SNAPSHOT_EVERY = 50_000;
const DEFAULT_SNAPSHOT_ON_CLOSE = 1_000;
const KEEP_SNAPSHOTS = 2;

/** Creates a new, empty store in `dataDir` (created if missing). Refuses if one exists there. */
export async function initStore(dataDir: string, options: StoreOptions = {}): Promise<InitResult> {
  const dir = resolve(dataDir);
  const fsx = options.fs ?? nodeFs;
  mkdirSync(dir, { recursive: true });
  const lock = acquireLock(dir, options.purpose ?? 'cadre-ledger init');
  try {
    return await initLocked(dir, fsx, options);
  } finally {
    lock.release();
  }
}

async function initLocked(dir: string, fsx: StoreFs, options: StoreOptions): Promise<InitResult> {
  if (readMeta(dir) || exists(join(dir, 'journal.jsonl'))) {
    throw new LedgerError('CONFLICT', {
      zh: `目录 ${dir} 中已有台账，未做任何修改。`,
      en: `${dir} already holds a ledger; nothing was changed.`,
    });
  }
  const journal = join(dir, JOURNAL_FILE);
  if (fileSize(journal) > 0) {
    throw new LedgerError('CONFLICT', {
      zh: `目录 ${dir} 中有日志文件但没有描述文件 meta.json：请从备份恢复，不要在此初始化。`,
      en: `${dir} holds a journal but no meta.json: restore from a backup rather than initializing here.`,
    });
  }
  const storeId = randomUUID();
  let encryption: StoreMeta['encryption'] = null;
  let recoveryKey: string | undefined;
  if (options.passphrase) {
    const created = await createEncryption(storeId, options.passphrase, options.scryptParams ?? SCRYPT_PARAMS);
    encryption = created.meta;
    recoveryKey = created.recoveryKey;
  }
  // The empty journal first, then meta.json: meta.json appearing is the moment the store exists.
  const fd = await fsx.open(journal, 'w');
  try {
    await fsx.fsync(fd);
  } finally {
    await fsx.close(fd);
  }
  await fsyncDir(fsx, dir);
  const now = (options.now ?? (() => new Date()))();
  await writeMeta(fsx, dir, {
    format: 'cadre-ledger-store',
    v: CURRENT_STORE_VERSION,
    storeId,
    createdAt: now.toISOString(),
    encryption,
  });
  return { storeId, ...(recoveryKey ? { recoveryKey } : {}) };
}

export function isEncrypted(dataDir: string): boolean {
  const found = readMeta(resolve(dataDir));
  if (!found) throw noStoreError(resolve(dataDir));
  return !!found.meta.encryption;
}

/** Whether the store's data key is wrapped for user accounts (readable without any key). */
export function hasUserKeys(dataDir: string): boolean {
  try {
    const found = readMeta(resolve(dataDir));
    return !!found?.meta.encryption?.byUser && Object.keys(found.meta.encryption.byUser).length > 0;
  } catch {
    return false;
  }
}

export interface HeadAnchor {
  storeId: string;
  seq: number;
  hash: string;
  at: string;
}

export function readHead(dir: string): HeadAnchor | undefined {
  try {
    const h = JSON.parse(readFileSync(join(dir, HEAD_FILE), 'utf8')) as HeadAnchor;
    return Number.isSafeInteger(h.seq) && typeof h.hash === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Removes temp files a crash left behind (names start with '.' and contain '.tmp-'). */
function removeStrayTemps(dir: string): void {
  for (const d of [dir, join(dir, 'snapshots')]) {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) if (n.startsWith('.') && n.includes('.tmp-')) rmSync(join(d, n), { force: true });
  }
}

export class FileStore implements LedgerStore {
  readonly dataDir: string;
  readonly encrypted: boolean;
  readonly storeId: string;
  /** Things open noticed and repaired or worked around (a cut torn tail, a skipped snapshot…). */
  readonly warnings: StoreWarning[] = [];
  /** Set when this open created the store: show it to the user once. */
  createdRecoveryKey?: string;

  private _revision = 0;
  private head = '';
  private lastRecordOffset = -1;
  private lastRecordSeq = 0;
  private journalSize = 0;
  private fd = -1;
  private ledger: LedgerState = emptyLedgerState();
  /** Recent commits' events for changesSince (empty after open: a reopen or restore starts afresh). */
  private readonly recent = new RecentChanges();
  private queue: Promise<unknown> = Promise.resolve();
  private poisoned?: LedgerError;
  private closed = false;
  private snapshotSeq = 0;
  private snapshotRunning = false;
  private readonly background = new Set<Promise<unknown>>();
  private readonly fsx: StoreFs;
  /** The store's clock (record times, backup names). */
  readonly now: () => Date;

  private constructor(
    dir: string,
    private storeMeta: StoreMeta,
    private readonly key: Buffer | undefined,
    private readonly lock: DirLock,
    private readonly options: StoreOptions,
  ) {
    this.dataDir = dir;
    this.encrypted = !!storeMeta.encryption;
    this.storeId = storeMeta.storeId;
    this.fsx = options.fs ?? nodeFs;
    this.now = options.now ?? (() => new Date());
  }

  get revision(): number {
    return this._revision;
  }
  /** meta.json as it stands (format, store id, the wrapped data keys). */
  get meta(): StoreMeta {
    return this.storeMeta;
  }

  /**
   * Wraps the data key for a user account's password (`keys` from deriveLoginKeys with `kdf`), or
   * removes that user's wrapping (null). Nothing to do for a plain store.
   */
  setUserKey(name: string, keys: { kdf: LoginKdf; kek: Buffer } | null): Promise<void> {
    return this.enqueue(async () => {
      this.usable();
      const enc = this.storeMeta.encryption;
      if (!enc || !this.key) return;
      const byUser = { ...(enc.byUser ?? {}) };
      if (keys) byUser[name] = wrapForUser(this.storeId, name, keys.kdf, keys.kek, this.key);
      else delete byUser[name];
      const meta = { ...this.storeMeta, encryption: { ...enc, byUser } };
      await writeMeta(this.fsx, this.dataDir, meta);
      this.storeMeta = meta;
    });
  }

  /** Every journal record up to what is committed now, oldest first (the audit page reads it). */
  history(): Promise<HistoryRecord[]> {
    return this.exclusive(async () => {
      const out: HistoryRecord[] = [];
      const source = fileSource(this.journalPath, this.journalSize);
      try {
        scanJournal(source, this.cipher, { offset: 0, nextSeq: 1, prev: genesisHash(this.storeId) }, (r) => {
          out.push({ seq: r.record.seq, at: r.record.at, user: r.record.user, command: r.record.command, events: r.record.events });
        });
      } finally {
        source.close();
      }
      return out;
    });
  }
  /** Hash of the last journal record: the head of the audit chain. */
  get headHash(): string {
    return this.head;
  }
  get journalPath(): string {
    return join(this.dataDir, JOURNAL_FILE);
  }
  get cipher(): CipherContext {
    return { storeId: this.storeId, key: this.key };
  }
  /** Internal: the data key (backups of an encrypted store are verified with it). */
  get dataKey(): Buffer | undefined {
    return this.key;
  }
  get isClosed(): boolean {
    return this.closed;
  }

  state(): LedgerState {
    return this.ledger;
  }

  static async open(dataDir: string, options: StoreOptions = {}): Promise<FileStore> {
    const dir = resolve(dataDir);
    const fsx = options.fs ?? nodeFs;
    let createdRecoveryKey: string | undefined;
    if (!exists(dir) || (!readMeta(dir) && !exists(join(dir, 'journal.jsonl')) && !exists(join(dir, 'RESTORE')))) {
      if (!options.create) throw noStoreError(dir);
      try {
        createdRecoveryKey = (await initStore(dir, options)).recoveryKey;
      } catch (e) {
        // Another process created it meanwhile: open that one.
        if (!(e instanceof LedgerError && e.code === 'CONFLICT' && readMeta(dir))) throw e;
      }
    }
    const lock = acquireLock(dir, options.purpose ?? 'cadre-ledger');
    try {
      const warnings: StoreWarning[] = [];
      await finishPendingRestore(dir, fsx);
      const migrated = await migrateIfNeeded(dir, fsx, options.now ?? (() => new Date()));
      if (migrated) warnings.push(migrated);
      const found = readMeta(dir);
      if (!found) throw noStoreError(dir);
      if (found.warning) {
        warnings.push({
          code: 'meta-fallback',
          message: { zh: `描述文件已从副本恢复：${found.warning}`, en: `Store description taken from its copy: ${found.warning}` },
        });
        await writeMeta(fsx, dir, found.meta);
      }
      const meta = found.meta;
      if (meta.v !== CURRENT_STORE_VERSION) throw storeVersionError(meta.v);
      const key = meta.encryption ? (options.dataKey ?? (await unlockDataKey(meta.storeId, meta.encryption, options))) : undefined;
      const store = new FileStore(dir, meta, key, lock, options);
      store.warnings.push(...warnings);
      store.createdRecoveryKey = createdRecoveryKey;
      removeStrayTemps(dir);
      await store.load();
      store.fd = await fsx.open(store.journalPath, 'r+');
      if (options.autoBackup !== false) store.scheduleDailyBackup();
      return store;
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  /** Materializes the state: newest usable snapshot, then the journal after it. */
  private async load(): Promise<void> {
    const journal = this.journalPath;
    const size = fileSize(journal);
    if (size < 0) throw corruptError(JOURNAL_FILE, undefined, undefined, 'the journal file is missing');
    const source = fileSource(journal, size);
    try {
      let start: ScanPosition = { offset: 0, nextSeq: 1, prev: genesisHash(this.storeId) };
      for (const snap of listSnapshots(this.dataDir)) {
        const used = this.trySnapshot(snap.file, source);
        if (used) {
          start = used;
          break;
        }
      }
      const head = readHead(this.dataDir);
      const scan = scanJournal(source, this.cipher, start, (r) => {
        for (const event of r.record.events) applyEvent(this.ledger, event);
        this.lastRecordSeq = r.record.seq;
      });
      if (scan.damage) {
        const anchoredBeyond = !!head && head.storeId === this.storeId && head.seq >= scan.damage.seq;
        const cuttable =
          scan.damage.kind === 'torn' ||
          (this.options.acceptDataLoss === true && findNextFrame(source, scan.damage.offset) === -1);
        if (!cuttable || (anchoredBeyond && !this.options.acceptDataLoss)) {
          throw corruptError(
            JOURNAL_FILE,
            scan.damage.seq,
            scan.damage.offset,
            anchoredBeyond && scan.damage.kind === 'torn'
              ? `${scan.damage.detail}; the store was closed after event #${head!.seq}, so this is not an interrupted commit`
              : scan.damage.detail,
          );
        }
        await this.cutTornTail(scan.end, size, source);
      }
      if (head && head.storeId === this.storeId && head.seq > scan.nextSeq - 1 && !this.options.acceptDataLoss) {
        throw corruptError(
          JOURNAL_FILE,
          scan.nextSeq,
          scan.end,
          `the journal ends at event #${scan.nextSeq - 1} but the store was closed at event #${head.seq}: events are missing`,
        );
      }
      this._revision = scan.nextSeq - 1;
      this.head = scan.prev;
      this.journalSize = scan.end;
      if (scan.lastRecordOffset >= 0) this.lastRecordOffset = scan.lastRecordOffset;
    } finally {
      source.close();
    }
  }

  /** Loads a snapshot if it is sound and anchored in this journal; returns where replay continues. */
  private trySnapshot(file: string, source: ReturnType<typeof fileSource>): ScanPosition | undefined {
    const skip = (why: string) => {
      this.warnings.push({
        code: 'snapshot-skipped',
        message: { zh: `快照 ${file} 未使用：${why}（已改为重放日志）`, en: `Snapshot ${file} not used: ${why} (replayed the journal instead)` },
      });
      return undefined;
    };
    let header;
    try {
      header = readSnapshotHeader(file);
    } catch (e) {
      return skip((e as Error).message);
    }
    if (header.storeId !== this.storeId || !SNAPSHOT_VERSIONS_READ.includes(header.v)) return skip('it belongs to another store');
    if (header.endOffset > source.size) {
      // A snapshot is only written after the events it holds were durable in the journal.
      throw corruptError(
        JOURNAL_FILE,
        header.seq,
        source.size,
        `the journal is shorter than snapshot ${header.seq} says (${source.size} < ${header.endOffset} bytes): events are missing`,
      );
    }
    const anchor = readRecordAt(source, this.cipher, header.recordOffset, header.recordSeq);
    if (!anchor || anchor.hash !== header.hash || anchor.lastSeq !== header.seq || anchor.end !== header.endOffset) {
      return skip('it does not match the journal at its position');
    }
    let loaded;
    try {
      loaded = readSnapshot(file, { storeId: this.storeId, key: this.key }, true, false);
    } catch (e) {
      return skip((e as Error).message);
    }
    this.ledger = loaded.state!;
    this.snapshotSeq = header.seq;
    this.lastRecordOffset = header.recordOffset;
    this.lastRecordSeq = header.recordSeq;
    this._revision = header.seq;
    return { offset: header.endOffset, nextSeq: header.seq + 1, prev: header.hash };
  }

  /** Cuts an interrupted last append, keeping the cut bytes in recovered/ (nothing is thrown away). */
  private async cutTornTail(end: number, size: number, source: ReturnType<typeof fileSource>): Promise<void> {
    const tail = source.read(end, size - end);
    const recovered = join(this.dataDir, RECOVERED_DIR);
    await this.fsx.mkdir(recovered);
    const name = `journal-tail-${end}-${this.now().toISOString().replace(/[:.]/g, '-')}.bin`;
    await atomicWriteFile(this.fsx, join(recovered, name), tail);
    const fd = await this.fsx.open(this.journalPath, 'r+');
    try {
      await this.fsx.ftruncate(fd, end);
      await this.fsx.fsync(fd);
    } finally {
      await this.fsx.close(fd);
    }
    this.warnings.push({
      code: 'torn-tail',
      message: {
        zh: `日志末尾有一条未完成的写入（${size - end} 字节，来自中断的提交，从未确认），已截去并保存到 ${RECOVERED_DIR}/${name}。`,
        en: `The journal ended with an interrupted, never acknowledged write (${size - end} bytes); it was cut and kept in ${RECOVERED_DIR}/${name}.`,
      },
    });
  }

  /** Runs `task` in the commit queue (after every earlier commit, before every later one). */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const p = this.queue.then(task);
    this.queue = p.catch(() => {});
    return p;
  }

  private track(p: Promise<unknown>): void {
    const t = p
      .catch((e) =>
        this.warnings.push({
          code: 'background',
          message: {
            zh: `后台任务失败：${(e as Error).message}`,
            en: `A background task failed: ${(e as Error).message}`,
          },
        }),
      )
      .finally(() => this.background.delete(t));
    this.background.add(t);
  }

  commit(events: LedgerEvent[], meta: CommitMeta): Promise<CommitResult> {
    return this.enqueue(() => this.append(events, meta));
  }

  /** The events committed after `revision`, as applied (see LedgerStore.changesSince). */
  changesSince(revision: number): LedgerEvent[] | undefined {
    return this.recent.since(revision, this._revision);
  }

  private usable(): void {
    if (this.closed) {
      throw new LedgerError('INTERNAL', { zh: '台账已关闭。', en: 'The store is closed.' });
    }
    if (this.poisoned) throw this.poisoned;
  }

  private async append(events: LedgerEvent[], meta: CommitMeta): Promise<CommitResult> {
    this.usable();
    if (!Array.isArray(events) || !events.every(isEventShape)) {
      throw new LedgerError('VALIDATION', {
        zh: '提交的事件格式不正确（集合名、类型或记录 id 有误）。',
        en: 'Malformed events in commit (collection, type or record id).',
      });
    }
    if (events.length === 0) return { revision: this._revision };
    const record: JournalRecord = {
      v: 1,
      seq: this._revision + 1,
      at: this.now().toISOString(),
      user: String(meta.user),
      command: String(meta.command),
      prev: this.head,
      events,
    };
    const encoded = encodeRecord(record, this.cipher);
    const offset = this.journalSize;
    try {
      await this.fsx.write(this.fd, encoded.frame, offset);
    } catch (e) {
      await this.rollBack(offset, e);
      throw saveFailed(e);
    }
    try {
      await this.fsx.fdatasync(this.fd);
    } catch (e) {
      // After a failed fsync the kernel may have dropped the dirty pages: what is on disk is
      // unknown. Refuse further commits until the store is reopened and rescanned.
      await this.rollBack(offset, e);
      this.poisoned ??= reopenRequired(e);
      throw saveFailed(e);
    }
    // Durable. Apply a copy parsed from the journal text, so the state is exactly what a reopen
    // yields and later mutation of the caller's objects cannot reach it.
    const applied = (JSON.parse(encoded.json) as JournalRecord).events;
    for (const event of applied) applyEvent(this.ledger, event);
    this.recent.record(record.seq - 1, applied);
    this.journalSize = offset + encoded.frame.length;
    this.lastRecordOffset = offset;
    this.lastRecordSeq = record.seq;
    this._revision = record.seq + events.length - 1;
    this.head = encoded.hash;
    const every = this.options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    if (this._revision - this.snapshotSeq >= every && !this.snapshotRunning) {
      this.snapshotRunning = true;
      this.track(this.enqueue(() => this.writeSnapshotNow()).finally(() => (this.snapshotRunning = false)));
    }
    return { revision: this._revision };
  }

  /** Removes a failed append's bytes; if even that fails, the store refuses commits until reopened. */
  private async rollBack(offset: number, cause: unknown): Promise<void> {
    try {
      await this.fsx.ftruncate(this.fd, offset);
      await this.fsx.fdatasync(this.fd);
    } catch {
      this.poisoned ??= reopenRequired(cause);
    }
  }

  /** Writes a snapshot of the current state now (in the commit queue when called via snapshot()). */
  private async writeSnapshotNow(): Promise<void> {
    if (this._revision === 0 || this._revision === this.snapshotSeq || this.lastRecordOffset < 0) return;
    const seq = this._revision;
    await writeSnapshot(
      this.fsx,
      this.dataDir,
      this.ledger,
      {
        v: SNAPSHOT_VERSION,
        storeId: this.storeId,
        seq,
        hash: this.head,
        recordOffset: this.lastRecordOffset,
        recordSeq: this.lastRecordSeq,
        endOffset: this.journalSize,
        createdAt: this.now().toISOString(),
        encrypted: this.encrypted,
      },
      this.key,
    );
    this.snapshotSeq = seq;
    for (const old of listSnapshots(this.dataDir).slice(KEEP_SNAPSHOTS)) rmSync(old.file, { force: true });
  }

  /** Writes a snapshot now (after pending commits). */
  snapshot(): Promise<void> {
    return this.enqueue(async () => {
      this.usable();
      await this.writeSnapshotNow();
    });
  }

  /**
   * Runs `task` with the journal's committed length at a quiet moment: commits wait only while the
   * length is read; the journal is append-only, so that prefix stays valid while `task` runs.
   */
  async committedView(): Promise<{ size: number; revision: number; head: string }> {
    return this.enqueue(async () => {
      this.usable();
      return { size: this.journalSize, revision: this._revision, head: this.head };
    });
  }

  /** Runs `task` exclusively with commits (snapshots, restore preparation). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      this.usable();
      return task();
    });
  }

  /** Verifies this open store (journal up to what is committed now), holding commits meanwhile. */
  verify(): Promise<VerifyReport> {
    return this.exclusive(() => verifyDirectory(this.dataDir, { dataKey: this.key, journalSize: this.journalSize }));
  }

  /** Resolves when background work (snapshot, daily backup) has finished. */
  async whenIdle(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
    await this.queue;
  }

  private scheduleDailyBackup(): void {
    if (this._revision === 0) return;
    this.track(
      import('./backup').then(({ runDailyBackup }) => runDailyBackup(this)),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.whenIdle();
    await this.enqueue(async () => {
      if (this.closed) return;
      try {
        if (!this.poisoned && this.fd >= 0) {
          const min = this.options.snapshotOnClose ?? DEFAULT_SNAPSHOT_ON_CLOSE;
          if (this._revision - this.snapshotSeq >= Math.max(1, min)) {
            await this.writeSnapshotNow().catch(() => {});
          }
          if (this._revision > 0) await this.writeHead().catch(() => {});
        }
      } finally {
        this.closed = true;
        if (this.fd >= 0) await this.fsx.close(this.fd).catch(() => {});
        this.fd = -1;
        this.lock.release();
      }
    });
  }

  /** Anchors the chain head: a later open or verify notices if events up to here go missing. */
  private async writeHead(): Promise<void> {
    const anchor: HeadAnchor = { storeId: this.storeId, seq: this._revision, hash: this.head, at: this.now().toISOString() };
    await atomicWriteFile(this.fsx, join(this.dataDir, HEAD_FILE), Buffer.from(JSON.stringify(anchor) + '\n'));
  }

  get backupsDir(): string {
    return join(this.dataDir, BACKUP_DIR);
  }
}

function saveFailed(cause: unknown): LedgerError {
  const reason = (cause as NodeJS.ErrnoException)?.code ?? (cause as Error)?.message ?? String(cause);
  return new LedgerError('INTERNAL', {
    zh: `保存失败（${reason}），本次修改未生效。请检查磁盘空间后重试。`,
    en: `Saving failed (${reason}); this change was not made. Check the disk space and try again.`,
  });
}

function reopenRequired(cause: unknown): LedgerError {
  const reason = (cause as NodeJS.ErrnoException)?.code ?? String(cause);
  return new LedgerError('INTERNAL', {
    zh: `磁盘写入出错（${reason}），为保证数据不出错，台账已停止写入。请重新启动程序。`,
    en: `A disk write failed (${reason}); to keep the data sound the store refuses further changes. Restart the program.`,
  });
}

