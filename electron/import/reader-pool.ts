// The reader worker: import files are parsed in a worker_threads Worker with a capped heap
// (FileLimits.readerHeapMb), not in the main process / host event loop. A file that would need
// more memory kills only the worker, and the caller gets a refusal. One worker per heap size is
// kept while files come in (exceljs loads once), one file at a time, and stopped when idle.
//
// Where the worker's code is: from TypeScript sources (tsx, vitest) it is read-worker.ts, loaded
// through tsx's require hook; in a bundle (dist/electron/main.cjs, dist/e2e-host/main.cjs) it is the
// sibling import-reader.cjs. Both are started from code (`eval`), read through `fs`, which also
// reads inside Electron's app.asar.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedgerError, type ErrorCode, type FieldError } from '../../shared/contract/errors';
import type { Bilingual } from '../../shared/domain/primitives';
import type { FileLimits } from './limits';
import type { ImportFile, ReadResult } from './read-table';

export interface ReaderRequest {
  id: number;
  fileName: string;
  /** The file's bytes, transferred. */
  bytes: ArrayBuffer;
  limits: FileLimits;
}

export type ReaderReply =
  | { id: number; ok: true; result: ReadResult }
  | { id: number; ok: false; code: ErrorCode; message: Bilingual; fields?: FieldError[] };

/** The bundled worker's file name, next to the bundle that starts it. */
export const bundledWorkerName = 'import-reader.cjs';

const idleMs = 30_000;

function workerSource(): string {
  const here = fileURLToPath(import.meta.url);
  if (/\.[cm]?ts$/.test(here)) {
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
    const entry = join(dirname(here), 'read-worker.ts');
    return `require(${JSON.stringify(tsx)}).require(${JSON.stringify(entry)}, ${JSON.stringify(here)});`;
  }
  const bundled = join(dirname(here), bundledWorkerName);
  if (!existsSync(bundled)) {
    throw new LedgerError('INTERNAL', { zh: `缺少导入读取程序 ${bundled}`, en: `the import reader ${bundled} is missing from this build` });
  }
  return readFileSync(bundled, 'utf8');
}

const outOfMemory = (heapMb: number) =>
  new LedgerError('VALIDATION', {
    zh: `文件过大或过于复杂：读取时超出 ${heapMb} MB 内存上限，已拒绝导入`,
    en: `the file is too large or too complex: reading it needed more than the ${heapMb} MB memory limit, so it was refused`,
  });

interface Job {
  request: ReaderRequest;
  resolve(result: ReadResult): void;
  reject(error: unknown): void;
}

class ReaderWorker {
  private worker: Worker | undefined;
  private current: Job | undefined;
  private queue: Job[] = [];
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly heapMb: number) {}

  read(request: ReaderRequest): Promise<ReadResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.next();
    });
  }

  private start(): Worker {
    const worker = new Worker(workerSource(), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: Math.max(8, Math.round(this.heapMb / 8)) },
    });
    worker.on('message', (reply: ReaderReply) => {
      const job = this.current;
      if (!job || reply.id !== job.request.id) return;
      this.current = undefined;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new LedgerError(reply.code, reply.message, reply.fields));
      this.next();
    });
    const died = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const job = this.current;
      this.current = undefined;
      if (job) {
        const code = (error as { code?: string } | undefined)?.code;
        const message = (error as Error).message;
        job.reject(
          code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? outOfMemory(this.heapMb)
            : new LedgerError('INTERNAL', { zh: `导入读取程序出错：${message}`, en: `the import reader failed: ${message}` }),
        );
      }
      this.next();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`the reader stopped with exit code ${code}`)));
    return worker;
  }

  private next(): void {
    if (this.current) return;
    const job = this.queue.shift();
    clearTimeout(this.idle);
    if (!job) {
      this.worker?.unref(); // an idle reader never keeps the process (a CLI run) alive
      // Stop when idle: the worker's heap (exceljs, the last table) is given back.
      this.idle = setTimeout(() => this.stop(), idleMs).unref();
      return;
    }
    try {
      this.worker ??= this.start();
    } catch (e) {
      job.reject(e);
      this.next();
      return;
    }
    this.worker.ref();
    this.current = job;
    this.worker.postMessage(job.request, [job.request.bytes]);
  }

  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}

const workers = new Map<number, ReaderWorker>();
let nextId = 1;

/** Reads the file in the reader worker; resolves with its table or rejects with the refusal. */
export function readInWorker(file: ImportFile, limits: FileLimits): Promise<ReadResult> {
  let worker = workers.get(limits.readerHeapMb);
  if (!worker) workers.set(limits.readerHeapMb, (worker = new ReaderWorker(limits.readerHeapMb)));
  // A copy of the bytes is transferred (the caller keeps its own, which may be a pooled Buffer).
  const bytes = new Uint8Array(file.bytes).buffer as ArrayBuffer; // (Buffer.prototype.slice would share the pool)
  return worker.read({ id: nextId++, fileName: file.fileName, bytes, limits });
}
