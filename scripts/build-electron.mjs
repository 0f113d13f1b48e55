// Bundles the Electron main process and the preload with esbuild:
//   electron/shell/main.ts    → dist/electron/main.cjs    (Node, CJS; core, services, store inside)
//   electron/shell/preload.ts → dist/electron/preload.cjs (sandboxed preload: only `electron` is external)
//   electron/import/read-worker.ts → dist/electron/import-reader.cjs (the import reader worker,
//                                 started by electron/import/reader-pool.ts beside main.cjs)
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` (tests build into a temp dir); dist/electron by default.
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 ? process.argv[outArg + 1] : join(root, 'dist', 'electron');

const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

/** The contract's endpoint names, read by bundling and evaluating shared/contract once. */
async function contractEndpointNames() {
  const out = await build({ ...common, entryPoints: [join(root, 'shared/contract/index.ts')], write: false, platform: 'node', sourcemap: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return mod.exports.endpointNames;
}
const endpointNames = await contractEndpointNames();

/**
 * The preload needs only the endpoint names, not zod and every schema: in its bundle the contract
 * module is replaced by the list of names (types are erased anyway).
 */
const contractNamesOnly = {
  name: 'contract-names-only',
  setup(b) {
    b.onResolve({ filter: /shared\/contract(\/index)?$/ }, (args) => ({ path: args.path, namespace: 'contract-names' }));
    b.onLoad({ filter: /.*/, namespace: 'contract-names' }, () => ({
      contents: `export const endpointNames = ${JSON.stringify(endpointNames)};`,
      loader: 'js',
    }));
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'electron/shell/main.ts')],
    outfile: join(outdir, 'main.cjs'),
    platform: 'node',
    target: 'node20',
    // Native modules (if any) stay outside the bundle and are loaded from node_modules.
    external: ['electron', 'better-sqlite3'],
    // Modules written as ESM may read import.meta.url; give them this file's URL in the bundle.
    define: { 'import.meta.url': '__bundleFileUrl' },
    banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/import/read-worker.ts')],
    outfile: join(outdir, 'import-reader.cjs'),
    platform: 'node',
    target: 'node20',
    // Started as `eval` code (reader-pool.ts): no source map comment pointing at a file.
    sourcemap: false,
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/shell/preload.ts')],
    outfile: join(outdir, 'preload.cjs'),
    platform: 'browser',
    target: 'chrome130',
    plugins: [contractNamesOnly],
  }),
]);
console.log(`Electron main and preload built into ${outdir} (${endpointNames.length} endpoints)`);
