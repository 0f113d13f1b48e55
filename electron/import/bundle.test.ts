// The reader worker as it runs when bundled (dist/electron, dist/e2e-host): importer.ts bundled like
// main.cjs, the worker bundled as import-reader.cjs beside it, both with esbuild as the build
// scripts do. The bundle must find its worker and read and refuse files through it.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledWorkerName } from './reader-pool';
import { makeXlsx, utf8 } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'cadre-reader-bundle-'));
let readTable: typeof import('./importer').readTable;

beforeAll(async () => {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' } as const;
  await build({
    ...common,
    entryPoints: [join(import.meta.dirname, 'importer.ts')],
    outfile: join(dir, 'main.cjs'),
    // As scripts/build-electron.mjs and e2e/global-setup.ts bundle the main process.
    define: { 'import.meta.url': '__bundleFileUrl' },
    banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({ ...common, entryPoints: [join(import.meta.dirname, 'read-worker.ts')], outfile: join(dir, bundledWorkerName) });
  readTable = createRequire(import.meta.url)(join(dir, 'main.cjs')).readTable;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled reader', () => {
  it('reads an xlsx and a CSV through import-reader.cjs', async () => {
    const xlsx = await makeXlsx([['id', 'name'], ['U9', '东山乡']]);
    expect((await readTable({ fileName: 'u.xlsx', bytes: xlsx })).table.rows).toEqual([['id', 'name'], ['U9', '东山乡']]);
    expect((await readTable({ fileName: 'u.csv', bytes: utf8('id,name\nU9,东山乡\n') })).table.rows).toEqual([['id', 'name'], ['U9', '东山乡']]);
  });

  it('refuses a hostile file with the limit it broke', async () => {
    await expect(readTable({ fileName: 'w.csv', bytes: utf8('1,'.repeat(500)) })).rejects.toMatchObject({
      code: 'VALIDATION',
      bilingual: { en: expect.stringMatching(/row 1 has more than 200 columns/) },
    });
  });
});
