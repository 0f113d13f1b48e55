// The reader worker's entry (a worker_threads Worker started by reader-pool.ts): reads one file
// per message and answers with the table or the refusal. Bundled on its own as import-reader.cjs
// (scripts/build-electron.mjs, e2e/global-setup.ts).
import { parentPort } from 'node:worker_threads';
import { LedgerError } from '../../shared/contract/errors';
import type { FileLimits } from './limits';
import { readTableHere } from './read-table';
import type { ReaderReply, ReaderRequest } from './reader-pool';

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread only');

port.on('message', async (request: ReaderRequest) => {
  let reply: ReaderReply;
  try {
    const bytes = new Uint8Array(request.bytes);
    reply = { id: request.id, ok: true, result: await readTableHere({ fileName: request.fileName, bytes }, request.limits as FileLimits) };
  } catch (e) {
    const text = String((e as Error)?.message ?? e);
    reply =
      e instanceof LedgerError
        ? { id: request.id, ok: false, code: e.code, message: e.bilingual, fields: e.fields }
        : e instanceof RangeError // string, array or stack too large: the file, not the code
          ? { id: request.id, ok: false, code: 'VALIDATION', message: { zh: `文件过大或过于复杂，无法读取（${text}）`, en: `the file is too large or too complex to read (${text})` } }
          : { id: request.id, ok: false, code: 'INTERNAL', message: { zh: `读取文件时出错：${text}`, en: `reading the file failed: ${text}` } };
  }
  port.postMessage(reply);
});
