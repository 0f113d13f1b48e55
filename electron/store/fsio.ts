// The file operations the store writes through. Everything that can make a commit, a snapshot, a
// migration or a restore fail goes through a StoreFs, so tests can swap in a shim that fails the
// Nth write/fsync/rename (fault injection) and prove that no failed commit is ever acknowledged.
// Reads use node:fs directly: a failing read cannot lose data, it only fails the open.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * POSIX modes of everything the store creates: only the OS account that runs the ledger may read
 * it (names, sanction reasons). Given at creation, so the umask can only take bits away from what
 * is already private; Windows ignores them (the store lives in the user's profile there).
 */
export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

/** Creates `dir` (and missing parents) private; an existing store directory is made private too. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  if (process.platform !== 'win32') fs.chmodSync(dir, privateDirMode);
}

/**
 * Makes a store directory and everything in it private: stores created before modes were set
 * (0644 files under the default umask) are tightened when they are opened.
 */
export function makeStorePrivate(dir: string): void {
  if (process.platform === 'win32') return;
  fs.chmodSync(dir, privateDirMode);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    try {
      if (entry.isDirectory()) fs.chmodSync(path, privateDirMode);
      else if (entry.isFile()) fs.chmodSync(path, privateFileMode);
    } catch {
      // A file this account does not own (copied in by another): the private directory still
      // keeps others out; it must not keep the officer out of the ledger.
    }
  }
}

export interface StoreFs {
  open(path: string, flags: string): Promise<number>;
  /** Writes the whole buffer at `position` (looping over short writes). */
  write(fd: number, data: Uint8Array, position: number): Promise<void>;
  fsync(fd: number): Promise<void>;
  fdatasync(fd: number): Promise<void>;
  ftruncate(fd: number, length: number): Promise<void>;
  close(fd: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

const cb =
  <A extends unknown[], R>(f: (...args: [...A, (err: NodeJS.ErrnoException | null, r: R) => void]) => void) =>
  (...args: A): Promise<R> =>
    new Promise((resolve, reject) => f(...args, (err, r) => (err ? reject(err) : resolve(r))));

export const nodeFs: StoreFs = {
  open: (path, flags) => cb<[string, string, number], number>(fs.open as never)(path, flags, privateFileMode),
  // The commit path's write and sync are synchronous calls, as SQLite makes them: through libuv's
  // thread pool each would add a hand-off to a worker and back (measured: it doubled a one-record
  // commit here, ~0.45 vs ~0.24 ms). They block the event loop for as long as the disk takes,
  // which is the time the caller awaits anyway; commits are queued one at a time regardless.
  async write(fd, data, position) {
    let done = 0;
    while (done < data.length) {
      const n = fs.writeSync(fd, data, done, data.length - done, position + done);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      done += n;
    }
  },
  fsync: async (fd) => fs.fsyncSync(fd),
  fdatasync: async (fd) => fs.fdatasyncSync(fd),
  ftruncate: (fd, length) => cb<[number, number], void>(fs.ftruncate as never)(fd, length),
  close: (fd) => cb<[number], void>(fs.close as never)(fd),
  rename: (from, to) => cb<[string, string], void>(fs.rename as never)(from, to),
  unlink: (path) => cb<[string], void>(fs.unlink as never)(path),
  mkdir: (path) =>
    new Promise((resolve, reject) =>
      fs.mkdir(path, { recursive: true, mode: privateDirMode }, (err) => (err ? reject(err) : resolve())),
    ),
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Windows antivirus/indexers hold files briefly: rename then fails with EPERM/EBUSY/EACCES. */
export async function renameWithRetry(fsx: StoreFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fsx.rename(from, to);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 8 || !(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')) throw e;
      await sleep(10 * 2 ** attempt);
    }
  }
}

/** Makes a created/renamed/removed entry durable. Directories cannot be fsynced on Windows. */
export async function fsyncDir(fsx: StoreFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fd = await fsx.open(dir, 'r');
  try {
    await fsx.fsync(fd);
  } finally {
    await fsx.close(fd).catch(() => {});
  }
}

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Replaces `path` atomically: temp file in the same directory, fsync, rename, fsync directory.
 * A crash leaves either the old or the new content, never a mix. `chunks` may be a generator so a
 * large file (a snapshot) is written without holding it all in memory.
 */
export async function atomicWriteFile(
  fsx: StoreFs,
  path: string,
  chunks: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<number> {
  const tmp = tempPathFor(path);
  let fd: number | undefined;
  let size = 0;
  try {
    fd = await fsx.open(tmp, 'wx');
    const parts = chunks instanceof Uint8Array ? [chunks] : chunks;
    for await (const part of parts) {
      await fsx.write(fd, part, size);
      size += part.length;
    }
    await fsx.fsync(fd);
    await fsx.close(fd);
    fd = undefined;
    await renameWithRetry(fsx, tmp, path);
  } catch (e) {
    if (fd !== undefined) await fsx.close(fd).catch(() => {});
    await fsx.unlink(tmp).catch(() => {});
    throw e;
  }
  await fsyncDir(fsx, dirname(path));
  return size;
}

export function fileSize(path: string): number {
  try {
    return fs.statSync(path).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return -1;
    throw e;
  }
}

export function exists(path: string): boolean {
  return fs.existsSync(path);
}

/** Sequential reader over a file (or a buffer): the journal and snapshot scanners read through it. */
export interface ByteSource {
  readonly size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

export function fileSource(path: string, size?: number): ByteSource {
  const fd = fs.openSync(path, 'r');
  const total = size ?? fs.fstatSync(fd).size;
  return {
    size: total,
    read(position, length) {
      const len = Math.max(0, Math.min(length, total - position));
      const buf = Buffer.allocUnsafe(len);
      let done = 0;
      while (done < len) {
        const n = fs.readSync(fd, buf, done, len - done, position + done);
        if (n === 0) break;
        done += n;
      }
      return done === len ? buf : buf.subarray(0, done);
    },
    close: () => fs.closeSync(fd),
  };
}

export function bufferSource(data: Buffer): ByteSource {
  return {
    size: data.length,
    read: (position, length) => data.subarray(position, Math.min(data.length, position + length)),
    close() {},
  };
}
