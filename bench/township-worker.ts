// Generates the demo township in a worker thread and hands the main thread the ledger in the
// store's own form: the scores as the ScoreTable's columns (transferred, not copied), the other
// collections as record arrays. The generator's garbage dies with the worker, so the main
// thread's "RSS with the ledger loaded" is what a store holding that ledger holds.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ScoreTable, type ScoreColumnRow } from '../shared/engine/columns/scoreTable';
import { collectionNames, ledgerStateOf, type CollectionName, type LedgerState } from '../shared/ledger/collections';
import { generateTownship, townshipState, type TownshipData } from '../shared/demo/township';

interface Handed {
  counts: Record<string, number>;
  cadres: string[];
  rows: ScoreColumnRow[];
  records: Partial<Record<CollectionName, unknown[]>>;
}

export async function generateInWorker(options: Parameters<typeof generateTownship>[0]): Promise<{ state: LedgerState; counts: Record<string, number> }> {
  const handed = await new Promise<Handed>((resolve, reject) => {
    // A worker does not inherit tsx's loader: register it there, then load this file.
    const entry = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const w = new Worker(entry, { eval: true, workerData: options });
    w.once('message', resolve);
    w.once('error', reject);
  });
  const records = { ...handed.records } as Record<string, unknown[]>;
  delete records.scores;
  const state = ledgerStateOf(records as never);
  (state as { scores: LedgerState['scores'] }).scores = ScoreTable.fromColumns(handed.cadres, handed.rows);
  return { state, counts: handed.counts };
}

if (!isMainThread && parentPort) {
  const data: TownshipData = generateTownship(workerData);
  const state = townshipState(data);
  const table = state.scores as ScoreTable;
  const { cadres, rows } = table.columns();
  const counts: Record<string, number> = {};
  const records: Partial<Record<CollectionName, unknown[]>> = {};
  for (const c of collectionNames) {
    counts[c] = state[c].size;
    if (c !== 'scores') records[c] = [...(state[c] as Map<string, unknown>).values()];
  }
  parentPort.postMessage({ counts, cadres, rows, records } satisfies Handed, rows.map((r) => r.values.buffer as ArrayBuffer));
}
