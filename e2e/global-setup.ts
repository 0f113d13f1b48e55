// Bundles the browser host once per e2e run (dist/e2e-host/main.cjs, same code as
// electron/host/main.ts): each test's host then starts about twice as fast as through tsx. If
// bundling fails, the fixture falls back to running the TypeScript through tsx.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function globalSetup() {
  // Two levels below the repo root, like electron/host/main.ts, so its relative paths still hold.
  const outfile = join(root, 'dist', 'e2e-host', 'main.cjs');
  try {
    // The import reader worker, next to the host bundle (electron/import/reader-pool.ts finds it there).
    await build({
      entryPoints: [join(root, 'electron/import/read-worker.ts')],
      outfile: join(root, 'dist', 'e2e-host', 'import-reader.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
    });
    await build({
      entryPoints: [join(root, 'electron/host/main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      define: { 'import.meta.url': '__bundleFileUrl' },
      banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'error',
    });
    process.env.LEDGER_E2E_HOST = outfile;
  } catch (e) {
    console.warn(`e2e: could not bundle the host, using tsx instead: ${e instanceof Error ? e.message : String(e)}`);
  }
}
