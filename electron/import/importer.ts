// Import of one file of one kind (DOMAIN.md §5): bytes → table → plan → one store commit.
// Rows with problems are reported with row, column and reason; if any row is rejected nothing is
// written unless the caller asked for the valid rows only. Unchanged rows produce no events, so
// re-importing a file changes nothing.
import type { ImportKind } from '../../shared/import/columns';
import { planImport, type ImportPlan, type SheetTable } from '../../shared/import/plan';
import type { LedgerState } from '../../shared/ledger/collections';
import type { LedgerStore } from '../store/types';
import { defaultFileLimits, type FileLimits } from './limits';
import type { ImportFile, ReadResult } from './read-table';
import { readInWorker } from './reader-pool';

export { formatOf, type FileFormat, type ImportFile, type ReadResult } from './read-table';

/**
 * Reads the file into a table in the reader worker (reader-pool.ts): parsing a hostile file costs
 * the worker's capped heap, never the main process's memory or event loop.
 */
export function readTable(file: ImportFile, limits: FileLimits = defaultFileLimits): Promise<ReadResult> {
  return readInWorker(file, limits);
}

export async function previewImport(
  state: LedgerState,
  kind: ImportKind,
  file: ImportFile,
  limits: FileLimits = defaultFileLimits,
): Promise<ImportPlan> {
  const { table } = await readTable(file, limits);
  return planImport(state, kind, table, limits);
}

export interface ImportOutcome {
  plan: ImportPlan;
  read: ReadResult;
  /** True when the valid rows' changes were written (also when there was nothing to change). */
  committed: boolean;
  /** Store revision after the import. */
  revision: number;
}

export interface RunImportOptions {
  user: string;
  /** Import the valid rows even if some rows are rejected. */
  validOnly?: boolean;
  limits?: FileLimits;
}

/** Reads, plans and — if allowed — commits the import as one store commit. */
export async function runImport(
  store: LedgerStore,
  kind: ImportKind,
  file: ImportFile,
  options: RunImportOptions,
): Promise<ImportOutcome> {
  const limits = options.limits ?? defaultFileLimits;
  const read = await readTable(file, limits);
  const plan = planImport(store.state(), kind, read.table, limits);
  const blocked = plan.fatal || (plan.rejected.length > 0 && !options.validOnly);
  if (blocked) return { plan, read, committed: false, revision: store.revision };
  if (plan.events.length === 0) return { plan, read, committed: true, revision: store.revision };
  const { revision } = await store.commit(plan.events, { user: options.user, command: `import.${kind}` });
  return { plan, read, committed: true, revision };
}
