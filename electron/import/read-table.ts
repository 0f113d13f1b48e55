// Reading an import file into a table of cells: the format from its first bytes, then the CSV or
// xlsx reader with the file limits. Runs inside the reader worker (read-worker.ts).
import { LedgerError } from '../../shared/contract/errors';
import type { SheetTable } from '../../shared/import/plan';
import { decodeText, parseCsv, type TextEncodingName } from './csv';
import type { FileLimits } from './limits';
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

/** Reads the file in this thread: only the reader worker calls this (importer.ts's readTable goes there). */
export async function readTableHere(file: ImportFile, limits: FileLimits): Promise<ReadResult> {
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

