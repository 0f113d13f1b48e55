// Reads import files in a fresh process and reports each outcome and the process's peak memory:
// `node --import tsx electron/import/read-child.ts FILE NAME [FILE NAME …]`, one JSON line per
// file. Used by the hostile-file test and bench. The reader worker is started first on a tiny
// file, so that each file's seconds are its own reading, not the worker's start.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LedgerError } from '../../shared/contract/errors';
import { readTable } from './importer';

await readTable({ fileName: 'warm-up.csv', bytes: new TextEncoder().encode('id,name\n') });
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) {
  const bytes = readFileSync(args[i]!);
  const t0 = performance.now();
  let outcome: { refused: false; rows: number } | { refused: true; zh: string; en: string; code: string };
  try {
    const { table } = await readTable({ fileName: args[i + 1]!, bytes });
    outcome = { refused: false, rows: table.rows.length };
  } catch (e) {
    if (!(e instanceof LedgerError)) throw e;
    outcome = { refused: true, code: e.code, ...e.bilingual };
  }
  const seconds = (performance.now() - t0) / 1000;
  // Peak RSS of the whole process so far (main thread and reader worker together).
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ fileName: args[i + 1], ...outcome, seconds, peakMb }) + '\n');
}
