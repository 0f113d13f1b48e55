// A stand-in for the durable store (electron/store/index.ts, built in parallel): one JSON line per
// event in <dataDir>/interim-journal.jsonl, fsynced before a commit resolves. Only the core's
// storeBackend uses it, and only until the real `openStore` lands.
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyLedgerState, type LedgerState } from '../../shared/ledger/collections';
import { applyEvent, type LedgerEvent } from '../../shared/ledger/events';
import type { CommitMeta, CommitResult, LedgerStore, OpenOptions } from '../store/types';

const journalName = 'interim-journal.jsonl';

class InterimStore implements LedgerStore {
  readonly encrypted = false;
  private ledger: LedgerState = emptyLedgerState();
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  constructor(readonly dataDir: string) {}

  get revision() {
    return this.seq;
  }
  state() {
    return this.ledger;
  }
  async load() {
    let text = '';
    try {
      text = await readFile(join(this.dataDir, journalName), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let entry: { seq: number; event: LedgerEvent };
      try {
        entry = JSON.parse(line);
      } catch {
        break; // a torn last line from a crash mid-write: it was never acknowledged
      }
      applyEvent(this.ledger, entry.event);
      this.seq = entry.seq;
    }
  }
  commit(events: LedgerEvent[], meta: CommitMeta): Promise<CommitResult> {
    const run = this.queue.then(async () => {
      const at = new Date().toISOString();
      let seq = this.seq;
      const text = events.map((event) => JSON.stringify({ seq: ++seq, at, ...meta, event }) + '\n').join('');
      const fh = await open(join(this.dataDir, journalName), 'a');
      try {
        await fh.write(text);
        await fh.sync();
      } finally {
        await fh.close();
      }
      for (const e of events) applyEvent(this.ledger, e);
      this.seq = seq;
      return { revision: this.seq };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
  async close() {
    await this.queue;
  }
}

export async function openInterimStore(dataDir: string, options: OpenOptions = {}): Promise<LedgerStore> {
  const exists = await stat(dataDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) {
    if (!options.create) throw new Error(`no ledger in ${dataDir}`);
    await mkdir(dataDir, { recursive: true });
  }
  const store = new InterimStore(dataDir);
  await store.load();
  return store;
}
