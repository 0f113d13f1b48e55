// `npm test`: type-check, unit tests (vitest), then e2e (Playwright against the browser host).
// Each runner prints its own report; this script adds one closing line over both,
// "tests: N passed, N failed, N skipped", and exits non-zero if anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = join(process.cwd(), 'test-results');
mkdirSync(outDir, { recursive: true });
const unitJson = join(outDir, 'unit.json');
const e2eJson = join(outDir, 'e2e.json');
rmSync(unitJson, { force: true });
rmSync(e2eJson, { force: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args, env = {}) => spawnSync(npx, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

const steps = [];
steps.push(['typecheck', run(['tsc', '--noEmit', '-p', 'tsconfig.json'])]);
steps.push(['unit', run(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`])]);
steps.push(['build', run(['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])]);
steps.push([
  'e2e',
  run(['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  }),
]);

let passed = 0;
let failed = 0;
let skipped = 0;
const unit = readJson(unitJson);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
const e2e = readJson(e2eJson);
if (e2e?.stats) {
  passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected ?? 0;
  skipped += e2e.stats.skipped ?? 0;
}
const badSteps = steps.filter(([, status]) => status !== 0).map(([name]) => name);
if (badSteps.length) console.log(`\nfailed steps: ${badSteps.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(badSteps.length || failed || passed === 0 ? 1 : 0);
