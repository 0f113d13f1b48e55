// Backups: one file (.cbak) holding meta.json and the journal up to a committed point, so it is
// consistent while the app keeps writing (the journal is append-only: a prefix never changes).
// Written atomically and verified after writing (extracted and checked like `verify` does).
//
// Format: gzip of frames (frame.ts):
//   'B' + JSON { format: 'cadre-ledger-backup', v, storeId, createdAt, revision, head, encrypted,
//                storeFormat, files: [{ name, size, sha256 }] }
//   'D' + file index (1 byte) + up to 1 MiB of that file's bytes, in order
//   'Z' + JSON { files, bytes }
// Snapshots are not included (derived data: the restored store replays its journal once).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, cpSync, existsSync, createReadStream, createWriteStream, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { LedgerError } from '../../shared/contract/errors';
import { unlockDataKey, type UnlockSecret } from './crypto';
import { noStoreError } from './errors';
import { FileStore, readHead } from './file-store';
import { genesisHash, scanJournal } from './journal';
import { put } from '../../shared/ledger/events';
import type { AuditEntry } from '../../shared/domain/access';
import { encodeFrame, FRAME_HEADER, FRAME_MAGIC, frameChecksum, MAX_FRAME } from './frame';
import { atomicWriteFile, fileSize, fileSource, fsyncDir, nodeFs, privateDirMode, privateFileMode, renameWithRetry, type StoreFs } from './fsio';
import { acquireLock } from './lock';
import { BACKUP_DIR, HEAD_FILE, JOURNAL_FILE, META_BACKUP_FILE, META_FILE, parseMeta, readMeta, RECOVERED_DIR, type StoreMeta } from './meta';
import { finishPendingRestore, RESTORE_STAGING, writeRestoreIntent } from './restore-intent';
import type { LedgerStore } from './types';
import { verifyDirectory, type VerifyProblem } from './verify';

export const BACKUP_FORMAT = 'cadre-ledger-backup';
export const BACKUP_EXT = '.cbak';
export const KEEP_DAILY_BACKUPS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const SLICE = 1 << 20;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  v: 1;
  storeId: string;
  createdAt: string;
  revision: number;
  head: string;
  encrypted: boolean;
  storeFormat: number;
  files: { name: string; size: number; sha256: string }[];
}

export interface BackupResult {
  file: string;
  bytes: number;
  revision: number;
  createdAt: string;
  head: string;
}

export type BackupKind = 'auto' | 'manual' | 'pre-restore' | 'uploaded';

export interface BackupEntry {
  name: string;
  kind: BackupKind | 'other';
  size: number;
  /** ISO time the backup was made. */
  createdAt: string;
}

const stamp = (d: Date) => d.toISOString().replace(/:/g, '-').replace('.', '-');

/** A file name in the store's backups directory: `<kind>-<UTC time>.cbak`. */
export function backupName(kind: BackupKind, at: Date): string {
  return `${kind}-${stamp(at)}${BACKUP_EXT}`;
}

function timeFromName(name: string): string | undefined {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : undefined;
}

function damaged(file: string, why: string): LedgerError {
  return new LedgerError('VALIDATION', {
    zh: `备份文件 ${basename(file)} 已损坏或不是本程序的备份：${why}`,
    en: `The backup ${basename(file)} is damaged or not a Cadre Ledger backup: ${why}`,
  });
}

function framePayload(kind: string, body: Uint8Array, prefix?: number): Buffer {
  const extra = prefix === undefined ? 0 : 1;
  const out = Buffer.allocUnsafe(1 + extra + body.length);
  out[0] = kind.charCodeAt(0);
  if (prefix !== undefined) out[1] = prefix;
  out.set(body, 1 + extra);
  return encodeFrame(out);
}

function* fileSlices(path: string, size: number): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (let pos = 0; pos < size; ) {
      const buf = Buffer.allocUnsafe(Math.min(SLICE, size - pos));
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) throw new Error(`${path} shrank while it was being backed up`);
      yield n === buf.length ? buf : buf.subarray(0, n);
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

function sha256OfPrefix(path: string, size: number): string {
  const h = createHash('sha256');
  for (const slice of fileSlices(path, size)) h.update(slice);
  return h.digest('hex');
}

/** Writes a backup container of `meta` and the first `journalSize` journal bytes of `dataDir`. */
async function writeContainer(
  dataDir: string,
  outFile: string,
  info: { storeId: string; revision: number; head: string; encrypted: boolean; storeFormat: number; journalSize: number; createdAt: string },
): Promise<number> {
  const metaBytes = readFileSync(join(dataDir, META_FILE));
  const journal = join(dataDir, JOURNAL_FILE);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    v: 1,
    storeId: info.storeId,
    createdAt: info.createdAt,
    revision: info.revision,
    head: info.head,
    encrypted: info.encrypted,
    storeFormat: info.storeFormat,
    files: [
      { name: META_FILE, size: metaBytes.length, sha256: createHash('sha256').update(metaBytes).digest('hex') },
      { name: JOURNAL_FILE, size: info.journalSize, sha256: sha256OfPrefix(journal, info.journalSize) },
    ],
  };
  function* frames(): Generator<Buffer> {
    yield framePayload('B', Buffer.from(JSON.stringify(header)));
    yield framePayload('D', metaBytes, 0);
    for (const slice of fileSlices(journal, info.journalSize)) yield framePayload('D', slice, 1);
    yield framePayload('Z', Buffer.from(JSON.stringify({ files: 2, bytes: metaBytes.length + info.journalSize })));
  }
  const out = resolve(outFile);
  mkdirSync(dirname(out), { recursive: true, mode: privateDirMode });
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await pipeline(Readable.from(frames()), createGzip({ level: 6 }), createWriteStream(tmp, { flags: 'wx', mode: privateFileMode }));
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await renameWithRetry(nodeFs, tmp, out);
    await fsyncDir(nodeFs, dirname(out));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return statSync(out).size;
}

/** Parses frames from a stream of bytes (the gunzipped backup). */
class FrameStream extends Writable {
  private pending: Buffer = Buffer.alloc(0);
  offset = 0;
  constructor(
    private readonly file: string,
    private readonly onFrame: (payload: Buffer) => void,
  ) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error) => void): void {
    try {
      this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
      let at = 0;
      while (this.pending.length - at >= FRAME_HEADER) {
        if (!this.pending.subarray(at, at + 4).equals(FRAME_MAGIC)) throw damaged(this.file, `no frame at byte ${this.offset}`);
        const length = this.pending.readUInt32LE(at + 4);
        if (length > MAX_FRAME || this.pending.readUInt32LE(at + 8) !== ~length >>> 0) {
          throw damaged(this.file, `impossible frame length at byte ${this.offset}`);
        }
        if (this.pending.length - at < FRAME_HEADER + length) break;
        const payload = this.pending.subarray(at + FRAME_HEADER, at + FRAME_HEADER + length);
        const crc = this.pending.readUInt32LE(at + 12);
        if (frameChecksum(this.pending.subarray(at + 4, at + 8), payload) !== crc) {
          throw damaged(this.file, `checksum mismatch at byte ${this.offset}`);
        }
        this.onFrame(payload);
        at += FRAME_HEADER + length;
        this.offset += FRAME_HEADER + length;
      }
      this.pending = this.pending.subarray(at);
      done();
    } catch (e) {
      done(e as Error);
    }
  }
  override _final(done: (e?: Error) => void): void {
    done(this.pending.length ? damaged(this.file, 'it ends in the middle of a frame (truncated)') : undefined);
  }
}

/**
 * Reads a backup, checking every frame, and writes its files into `destDir` (fsynced). Returns the
 * header once every file's size and SHA-256 matched.
 */
export async function extractBackup(file: string, destDir: string): Promise<BackupHeader> {
  mkdirSync(destDir, { recursive: true, mode: privateDirMode });
  let header: BackupHeader | undefined;
  let ended = false;
  const fds: number[] = [];
  const hashes: ReturnType<typeof createHash>[] = [];
  const sizes: number[] = [];
  const stream = new FrameStream(file, (payload) => {
    const kind = String.fromCharCode(payload[0]);
    if (ended) throw damaged(file, 'data after its end');
    if (kind === 'B') {
      if (header) throw damaged(file, 'two headers');
      try {
        header = JSON.parse(payload.subarray(1).toString('utf8')) as BackupHeader;
      } catch {
        throw damaged(file, 'unreadable header');
      }
      if (header.format !== BACKUP_FORMAT || header.v !== 1 || !Array.isArray(header.files)) {
        throw damaged(file, 'unknown format');
      }
      for (const f of header.files) {
        if (f.name !== META_FILE && f.name !== JOURNAL_FILE) throw damaged(file, `unexpected file ${f.name}`);
        fds.push(openSync(join(destDir, f.name), 'w', privateFileMode));
        hashes.push(createHash('sha256'));
        sizes.push(0);
      }
    } else if (kind === 'D') {
      if (!header) throw damaged(file, 'data before the header');
      const index = payload[1];
      if (index >= fds.length) throw damaged(file, 'data for an unknown file');
      const data = payload.subarray(2);
      writeSync(fds[index], data);
      hashes[index].update(data);
      sizes[index] += data.length;
    } else if (kind === 'Z') {
      ended = true;
    } else {
      throw damaged(file, `unknown frame kind '${kind}'`);
    }
  });
  try {
    await pipeline(createReadStream(file), createGunzip(), stream);
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw damaged(file, (e as Error).message);
  } finally {
    for (const fd of fds) {
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
  if (!header) throw damaged(file, 'no header');
  if (!ended) throw damaged(file, 'it has no end marker (truncated)');
  header.files.forEach((f, i) => {
    if (sizes[i] !== f.size || hashes[i].digest('hex') !== f.sha256) throw damaged(file, `${f.name} does not match its checksum`);
  });
  return header;
}

/** Reads just a backup's header (for listings and checks before a restore). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const dir = join(dirname(resolve(file)), `.peek-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    return await extractBackup(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function asFileStore(store: LedgerStore): FileStore {
  if (!(store instanceof FileStore)) {
    throw new LedgerError('INTERNAL', { zh: '只有文件台账可以备份。', en: 'Only a file store can be backed up.' });
  }
  return store;
}

const serious = (p: VerifyProblem) => p.kind !== 'torn-tail';

/** Extracts `file` to a scratch directory beside it and verifies it like `verify` does. */
async function checkBackup(file: string, dataKey: Buffer | undefined): Promise<void> {
  const scratch = join(dirname(resolve(file)), `.verify-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const header = await extractBackup(file, scratch);
    const report = await verifyDirectory(scratch, { dataKey });
    const problem = report.problems.find(serious);
    if (problem) throw damaged(file, problem.message.en);
    if (report.events !== header.revision || report.head !== (header.revision ? header.head : report.head)) {
      throw damaged(file, 'its journal does not end where its header says');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Backs up an open store to `outFile` while it keeps running (commits wait only for an instant),
 * then verifies the written file. Errors are LedgerError.
 */
export async function backupStore(store: LedgerStore, outFile: string): Promise<BackupResult> {
  const fileStore = asFileStore(store);
  const view = await fileStore.committedView();
  const createdAt = fileStore.now().toISOString();
  const out = resolve(outFile);
  let bytes: number;
  try {
    bytes = await writeContainer(fileStore.dataDir, out, {
      storeId: fileStore.storeId,
      revision: view.revision,
      head: view.head,
      encrypted: fileStore.encrypted,
      storeFormat: fileStore.meta.v,
      journalSize: view.size,
      createdAt,
    });
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw new LedgerError('INTERNAL', {
      zh: `备份写入失败：${(e as Error).message}`,
      en: `Writing the backup failed: ${(e as Error).message}`,
    });
  }
  try {
    await checkBackup(out, fileStore.dataKey);
  } catch (e) {
    rmSync(out, { force: true });
    throw e;
  }
  return { file: out, bytes, revision: view.revision, createdAt, head: view.head };
}

/** Backs up a closed store's directory as it is (the caller holds its lock). */
async function backupClosedDirectory(dataDir: string, outFile: string, now: Date): Promise<string> {
  const found = readMeta(dataDir);
  if (!found) throw noStoreError(dataDir);
  await writeContainer(dataDir, outFile, {
    storeId: found.meta.storeId,
    revision: -1,
    head: '',
    encrypted: !!found.meta.encryption,
    storeFormat: found.meta.v,
    journalSize: Math.max(0, fileSize(join(dataDir, JOURNAL_FILE))),
    createdAt: now.toISOString(),
  });
  return outFile;
}

export interface RestoreOptions extends UnlockSecret {
  /** Internal: the open store's data key (the app restoring a backup of its own store). */
  dataKey?: Buffer;
  /** Who restores: the author of the restore's record in the journal. */
  restoredBy?: string;
  /** The command recorded with it (backup.restore, or the CLI's restore). */
  command?: string;
  fs?: StoreFs;
  now?: () => Date;
}

export interface RestoreResult {
  revision: number;
  storeId: string;
  /** The chain head and revision of the ledger the restore replaced ('' and -1 if there was none). */
  replacedHead: string;
  replacedRevision: number;
  /** Where the replaced store was saved first (in its backups directory), if there was one. */
  safetyBackup?: string;
}

/**
 * Replaces the store in `dataDir` with the backup `file` (the directory must not be open: the app
 * does this inside ctx.swapStore). The backup is checked completely before anything is touched;
 * the current store is first saved as backups/pre-restore-….cbak; the switch is all-or-nothing.
 */
export async function restoreStore(file: string, dataDir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const dir = resolve(dataDir);
  const fsx = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  const lock = acquireLock(dir, 'cadre-ledger restore');
  try {
    await finishPendingRestore(dir, fsx);
    const staging = join(dir, RESTORE_STAGING);
    rmSync(staging, { recursive: true, force: true });
    const header = await extractBackup(resolve(file), staging);
    let stagedMeta;
    try {
      stagedMeta = parseMeta(readFileSync(join(staging, META_FILE), 'utf8'));
    } catch (e) {
      throw damaged(file, `meta.json: ${(e as Error).message}`);
    }
    // The store being replaced may itself be damaged (that is when restores happen): never let
    // that stop the restore, but keep its files.
    let current: StoreMeta | undefined;
    let currentDamaged = false;
    try {
      current = readMeta(dir)?.meta;
    } catch {
      current = undefined;
      currentDamaged = true;
    }
    const sameStore = current?.storeId === stagedMeta.storeId;
    const key = stagedMeta.encryption
      ? options.dataKey && sameStore
        ? options.dataKey
        : await unlockDataKey(stagedMeta.storeId, stagedMeta.encryption, options)
      : undefined;
    const report = await verifyDirectory(staging, { dataKey: key });
    const problem = report.problems.find(serious);
    if (problem) throw damaged(file, `${problem.file}: ${problem.message.en}`);
    // What is being replaced, for the restore's record: the chain head of the current journal.
    const replaced = current && !currentDamaged ? currentHead(dir, current, sameStore ? key : options.dataKey) : { hash: '', revision: -1 };
    let safetyBackup: string | undefined;
    if (current) {
      try {
        safetyBackup = await backupClosedDirectory(dir, join(dir, BACKUP_DIR, backupName('pre-restore', now())), now());
      } catch {
        safetyBackup = keepRawFiles(dir, now());
      }
      // Same store, same format: keep today's key wrapping so the current passphrase still opens it.
      if (sameStore && current.v === stagedMeta.v && current.encryption && stagedMeta.encryption) {
        await atomicWriteFile(fsx, join(staging, META_FILE), readFileSync(join(dir, META_FILE)));
      }
    } else if (currentDamaged || fileSize(join(dir, JOURNAL_FILE)) > 0) {
      safetyBackup = keepRawFiles(dir, now());
    }
    // The restore stays visible: one chained record, appended to the restored journal before the
    // switch (so the two happen together), says what was restored, by whom, and which chain head
    // it replaced. verify lists these (docs/ACCESS.md).
    const at = now();
    const entry: AuditEntry = {
      id: `A${at.getTime().toString(36)}-${randomBytes(4).toString('hex')}`,
      at: at.toISOString(),
      user: options.restoredBy ?? 'restore',
      action: options.command ?? 'backup.restore',
      result: 'ok',
      target: basename(file),
      restore: {
        from: basename(file),
        replacedHead: replaced.hash,
        replacedRevision: replaced.revision,
        restoredRevision: report.events,
        ...(safetyBackup ? { safetyBackup: basename(safetyBackup) } : {}),
      },
    };
    const staged = await FileStore.open(staging, { dataKey: key, autoBackup: false, snapshotOnClose: Number.MAX_SAFE_INTEGER, fs: fsx, now, purpose: 'cadre-ledger restore' });
    let revision: number;
    try {
      revision = (await staged.commit([put('audit', entry)], { user: entry.user, command: entry.action })).revision;
    } finally {
      await staged.close();
    }
    await writeRestoreIntent(fsx, dir, { from: basename(file), at: now().toISOString(), revision });
    await finishPendingRestore(dir, fsx);
    return {
      revision,
      storeId: stagedMeta.storeId,
      replacedHead: replaced.hash,
      replacedRevision: replaced.revision,
      ...(safetyBackup ? { safetyBackup } : {}),
    };
  } finally {
    lock.release();
  }
}

/** The head of a store's journal as it is on disk (its anchor file when the journal cannot be read). */
function currentHead(dir: string, meta: StoreMeta, key: Buffer | undefined): { hash: string; revision: number } {
  if (!meta.encryption || key) {
    const size = fileSize(join(dir, JOURNAL_FILE));
    if (size >= 0) {
      const source = fileSource(join(dir, JOURNAL_FILE), size);
      try {
        const scan = scanJournal(source, { storeId: meta.storeId, key: meta.encryption ? key : undefined }, { offset: 0, nextSeq: 1, prev: genesisHash(meta.storeId) });
        return { hash: scan.prev, revision: scan.nextSeq - 1 };
      } catch {
        /* fall through to the anchor */
      } finally {
        source.close();
      }
    }
  }
  const head = readHead(dir);
  return head ? { hash: head.hash, revision: head.seq } : { hash: '', revision: -1 };
}


/** Copies a damaged store's files as they are to recovered/pre-restore-<time>/ (the last resort). */
function keepRawFiles(dataDir: string, at: Date): string {
  const target = join(dataDir, RECOVERED_DIR, `pre-restore-${stamp(at)}`);
  mkdirSync(target, { recursive: true, mode: privateDirMode });
  for (const name of [META_FILE, META_BACKUP_FILE, JOURNAL_FILE, HEAD_FILE]) {
    if (existsSync(join(dataDir, name))) cpSync(join(dataDir, name), join(target, name));
  }
  return target;
}

/** The backups in a store's backups directory, newest first. */
export function listBackups(dataDir: string): BackupEntry[] {
  const dir = join(resolve(dataDir), BACKUP_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(BACKUP_EXT) && !n.startsWith('.'))
    .map((name) => {
      const st = statSync(join(dir, name));
      const kind = (/^(auto|manual|pre-restore|uploaded)-/.exec(name)?.[1] ?? 'other') as BackupEntry['kind'];
      return { name, kind, size: st.size, createdAt: timeFromName(name) ?? st.mtime.toISOString() };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** A backup's path in the store's backups directory; refuses names that would leave it. */
export function backupPath(dataDir: string, name: string): string {
  if (!/^[\w.-]+\.cbak$/.test(name) || name.startsWith('.')) {
    throw new LedgerError('VALIDATION', { zh: `备份文件名不合法：${name}`, en: `Invalid backup name: ${name}` }, [
      { path: 'name', message: { zh: '备份文件名不合法', en: 'invalid backup name' } },
    ]);
  }
  return join(resolve(dataDir), BACKUP_DIR, name);
}

/**
 * The daily automatic backup: on open, if the newest automatic backup is older than a day (or
 * there is none), make one; keep the newest seven.
 */
export async function runDailyBackup(store: FileStore): Promise<string | undefined> {
  const now = store.now();
  const autos = listBackups(store.dataDir).filter((b) => b.kind === 'auto');
  let made: string | undefined;
  if (!autos.length || now.getTime() - Date.parse(autos[0].createdAt) >= DAY_MS) {
    made = (await backupStore(store, join(store.backupsDir, backupName('auto', now)))).file;
  }
  const all = listBackups(store.dataDir).filter((b) => b.kind === 'auto');
  for (const old of all.slice(KEEP_DAILY_BACKUPS)) rmSync(join(store.backupsDir, old.name), { force: true });
  return made;
}
