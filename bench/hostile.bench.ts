// Hostile import files (issue 11): each generated file is read in a child process of its own and
// must be refused in under 5 s (the reader worker already started) and under 300 MB peak RSS (the
// child's whole process: Node, tsx, the worker and exceljs included). `npm run bench -- hostile`
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileFiles } from '../electron/import/hostile-files';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, '..', 'electron', 'import', 'read-child.ts');
const goalSeconds = 5;
const goalMb = 300;
const dir = mkdtempSync(join(tmpdir(), 'hostile-bench-'));
const table: Record<string, string>[] = [];
let missed = 0;
try {
  for (const file of hostileFiles()) {
    const path = join(dir, file.fileName);
    writeFileSync(path, file.bytes);
    const r = spawnSync(process.execPath, ['--import', 'tsx', child, path, file.fileName], { encoding: 'utf8' });
    const out = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()!) : undefined;
    const met = !!out && out.refused && file.refusal.test(out.en) && out.seconds < goalSeconds && out.peakMb < goalMb;
    if (!met) missed++;
    table.push({
      case: file.case,
      'file MB': (file.bytes.byteLength / 1024 / 1024).toFixed(1),
      outcome: out ? (out.refused ? 'refused' : `read ${out.rows} rows`) : `died (${r.signal ?? r.status})`,
      seconds: out ? out.seconds.toFixed(2) : '',
      'peak MB': out ? out.peakMb.toFixed(0) : '',
      goal: `refused, < ${goalSeconds} s, < ${goalMb} MB: ${met ? 'met' : 'NOT met'}`,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(table);
console.log(missed ? `${missed} goal(s) NOT met` : 'every goal met');
