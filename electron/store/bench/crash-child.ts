// The crash test's child: opens the store, then commits in a loop until it is killed, reporting
// each acknowledged revision on stdout ("ack <revision>\n") the moment commit() resolves. Event n
// puts unit k<n> named n<n>, so the parent can check every acknowledged event after the kill.
// Bundled to plain .mjs by crash-harness.ts so it starts fast (no TypeScript loader).
import { writeSync } from 'node:fs';
import type { LedgerEvent } from '../../../shared/ledger/events';
import { openStore } from '../index';

async function main(): Promise<void> {
  const [dir, passphrase, seedText] = process.argv.slice(2);
  let seed = Number(seedText) >>> 0 || 1;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const store = await openStore(dir, { passphrase: passphrase || undefined, autoBackup: false, snapshotEvery: 400 });
  writeSync(1, `open ${store.revision}\n`);
  for (;;) {
    // Mostly small commits, sometimes a large one (a torn write is likelier while it is written).
    const r = random();
    const size = r < 0.8 ? 1 + Math.floor(random() * 4) : r < 0.97 ? 20 + Math.floor(random() * 80) : 400;
    const first = store.revision + 1;
    const events: LedgerEvent[] = Array.from({ length: size }, (_, i) => ({
      type: 'put',
      collection: 'units',
      record: { id: `k${first + i}`, name: `n${first + i}` },
    }));
    const { revision } = await store.commit(events, { user: 'crash-child', command: 'crash.commit' });
    writeSync(1, `ack ${revision}\n`);
  }
}

main().catch((e) => {
  writeSync(2, `child failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
