// Import of one file of one kind (DOMAIN.md §5): bytes → table → plan → one store commit.
// Rows with problems are reported with row, column and reason; if any row is rejected nothing is
// written unless the caller asked for the valid rows only. Unchanged rows produce no events, so
// re-importing a file changes nothing.
import { LedgerError } from '../../shared/contract/errors';
import type { ImportKind } from '../../shared/import/columns';
import { planImport, type ImportPlan, type SheetTable } from '../../shared/import/plan';
import type { LedgerState } from '../../shared/ledger/collections';
import type { LedgerStore } from '../store/types';
import { decodeText, parseCsv, type TextEncodingName } from './csv';
import { defaultFileLimits, type FileLimits } from './limits';
import { headerAllowance } from './sheet-extent';
import { readXlsx } from './xlsx';

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
}

export type FileFormat = 'csv' | 'xlsx';

/** By extension; a zip signature means xlsx whatever the name says. Old binary .xls is refused. */
export function formatOf(file: ImportFile): FileFormat {
  const b = file.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new LedgerError('VALIDATION', {
      zh: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv',
      en: 'old .xls files are not supported: save as .xlsx or .csv in Excel',
    });
  }
  if (/\.xlsx$/i.test(file.fileName)) {
    throw new LedgerError('VALIDATION', { zh: '文件扩展名为 .xlsx，但内容不是 xlsx', en: 'the file is named .xlsx but is not one' });
  }
  return 'csv';
}

export interface ReadResult {
  table: SheetTable;
  format: FileFormat;
  encoding?: TextEncodingName;
}

export async function readTable(file: ImportFile, limits: FileLimits = defaultFileLimits): Promise<ReadResult> {
  if (file.bytes.byteLength > limits.maxFileBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new LedgerError('VALIDATION', {
      zh: `文件过大（${mb(file.bytes.byteLength)} MB，上限 ${mb(limits.maxFileBytes)} MB）`,
      en: `the file is too large (${mb(file.bytes.byteLength)} MB, limit ${mb(limits.maxFileBytes)} MB)`,
    });
  }
  const format = formatOf(file);
  if (format === 'xlsx') return { table: await readXlsx(file.bytes, limits), format };
  const { text, encoding } = decodeText(file.bytes);
  const csvLimits = { maxRecords: limits.maxRows + headerAllowance, maxColumns: limits.maxColumns, maxCells: limits.maxCells, maxCellChars: limits.maxCellChars };
  return { table: { rows: parseCsv(text, csvLimits) }, format, encoding };
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
