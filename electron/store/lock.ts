// Single writer: a LOCK file in the data directory, created exclusively, naming its holder (pid,
// host, start time). A second opener is refused with a message naming the holder. A lock whose
// process is gone (same host, pid not running or reused by a newer process) is stale and is taken
// over: renamed aside, re-read to make sure it is still the stale one we judged, then replaced.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { LedgerError } from '../../shared/contract/errors';
import { makeStorePrivate } from './fsio';

export const LOCK_FILE = 'LOCK';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** Kernel start time of the holder process (Linux), to see through pid reuse. */
  procStart?: string;
  purpose: string;
  nonce: string;
}

export interface DirLock {
  readonly info: LockInfo;
  release(): void;
}

function procStartOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may contain spaces, so count after ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

const ownProcStart = procStartOf(process.pid);

function processAlive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (info.procStart) {
    const now = procStartOf(info.pid);
    if (now !== undefined && now !== info.procStart) return false; // pid reused
  }
  return true;
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && typeof info.nonce === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

function lockedError(info: LockInfo | undefined, path: string): LedgerError {
  if (!info) {
    return new LedgerError('LOCKED', {
      zh: `数据目录正被另一个程序占用（锁文件 ${path} 正在写入）。请稍后再试。`,
      en: `The data directory is being locked by another program (lock file ${path} is being written). Try again shortly.`,
    });
  }
  const who = `${info.purpose} pid ${info.pid} @ ${info.host}`;
  return new LedgerError('LOCKED', {
    zh: `数据目录已被占用：${who}（自 ${info.startedAt} 起）正在使用。请先关闭该程序；若确认它已不在运行，可删除锁文件 ${path}。`,
    en: `The data directory is in use by ${who} since ${info.startedAt}. Close that program first; if you are sure it is no longer running, delete the lock file ${path}.`,
  });
}

/**
 * Creates the lock with its content in one step: the content goes to a temp file first, which is
 * then hard-linked as LOCK (link fails if LOCK exists). A crash can never leave an empty LOCK.
 */
function tryCreate(path: string, info: LockInfo): boolean {
  const tmp = join(dirname(path), `.${LOCK_FILE}.tmp-${process.pid}-${info.nonce}`);
  const fd = fs.openSync(tmp, 'w', 0o600); // private, like every store file (fsio.ts)
  try {
    fs.writeSync(fd, JSON.stringify(info));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Takes the data directory's lock or throws LedgerError('LOCKED') naming the holder. */
export function acquireLock(dataDir: string, purpose: string): DirLock {
  const path = join(dataDir, LOCK_FILE);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    procStart: ownProcStart,
    purpose,
    nonce: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, info)) {
      // Every process that opens, creates, verifies or restores the store comes through here.
      makeStorePrivate(dataDir);
      return handle(path, info);
    }
    const holder = readLock(path);
    if (!holder) {
      // Unreadable: a holder between create and write, or one that crashed right there.
      let age = 0;
      try {
        age = Date.now() - fs.statSync(path).mtimeMs;
      } catch {
        continue; // gone meanwhile: try again
      }
      if (age < 5000) throw lockedError(undefined, path);
      takeOver(path, undefined);
      continue;
    }
    if (holder.host !== info.host || processAlive(holder)) throw lockedError(holder, path);
    takeOver(path, holder);
  }
  throw lockedError(readLock(path), path);
}

/** Moves a stale lock aside; if what was moved is not the lock judged stale, puts it back. */
function takeOver(path: string, stale: LockInfo | undefined): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over
    throw e;
  }
  const moved = readLock(aside);
  if (stale && moved?.nonce !== stale.nonce) {
    // A new holder's lock: restore it (link fails if yet another lock appeared meanwhile).
    try {
      fs.linkSync(aside, path);
    } catch {
      /* a newer lock is in place; ours was not the stale one either way */
    }
  }
  fs.rmSync(aside, { force: true });
}

function handle(path: string, info: LockInfo): DirLock {
  let released = false;
  return {
    info,
    release() {
      if (released) return;
      released = true;
      if (readLock(path)?.nonce === info.nonce) fs.rmSync(path, { force: true });
    },
  };
}

/** Who holds the lock now, if anyone (for messages and `verify`). */
export function lockHolder(dataDir: string): LockInfo | undefined {
  return readLock(join(dataDir, LOCK_FILE));
}
