// The import crash test's child: opens the office's store, reports "open", imports the package
// files given, reports "done". The parent kills it with SIGKILL somewhere in between. Bundled to
// plain .mjs (as the store's crash child) so it starts fast.
import { readFileSync, writeSync } from 'node:fs';
import { openStore } from '../../store/index';
import { importPackages } from '../exchange';

async function main(): Promise<void> {
  const [dir, ...files] = process.argv.slice(2);
  const store = await openStore(dir, { autoBackup: false });
  const packages = files.map((f) => ({ name: f, bytes: readFileSync(f) }));
  writeSync(1, `open ${store.revision}\n`);
  const r = await importPackages(store, packages, { now: new Date('2026-06-15T04:00:00Z') });
  writeSync(1, `done ${r.revision}\n`);
  await store.close();
}

main().catch((e) => {
  writeSync(2, `child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(3);
});
