// Reads one import file in a fresh process and reports the outcome and the process's peak memory:
// `node --import tsx electron/import/read-child.ts FILE NAME`. Used by the hostile-file test and
// bench, so that one file's peak is not hidden by another's.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LedgerError } from '../../shared/contract/errors';
import { readTable } from './importer';

const [path, fileName] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(path!));
const t0 = performance.now();
let outcome: { refused: false; rows: number } | { refused: true; zh: string; en: string; code: string };
try {
  const { table } = await readTable({ fileName: fileName!, bytes });
  outcome = { refused: false, rows: table.rows.length };
} catch (e) {
  if (!(e instanceof LedgerError)) throw e;
  outcome = { refused: true, code: e.code, ...e.bilingual };
}
const seconds = (performance.now() - t0) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ...outcome, seconds, peakMb }) + '\n');
