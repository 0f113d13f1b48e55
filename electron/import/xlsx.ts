// Reading the first worksheet of an .xlsx (after zip-guard) into a table of cells. Date cells become
// calendar dates, rich text its plain text, formulas their cached result.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LedgerError } from '../../shared/contract/errors';
import type { Cell } from '../../shared/import/cells';
import { columnLetter, type SheetTable } from '../../shared/import/plan';
import type { FileLimits } from './limits';
import { guardXlsx, repackForStreaming } from './zip-guard';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** exceljs gives date cells as Dates at UTC midnight (1900 system); round away float noise. */
function dateCell(d: Date): Cell {
  if (Number.isNaN(d.getTime())) return null;
  const rounded = new Date(Math.round(d.getTime() / 1000) * 1000);
  return { excelDate: `${rounded.getUTCFullYear()}-${pad2(rounded.getUTCMonth() + 1)}-${pad2(rounded.getUTCDate())}` };
}

export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => String(part?.text ?? '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return toCell(v.result);
    if (typeof v.text === 'string') return v.text; // hyperlink
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * Reads the first worksheet with exceljs's streaming reader (faster than loading the whole workbook
 * model, and it keeps no model of the other sheets), fed the checked entries re-packed in the
 * order it needs.
 */
export async function readXlsx(bytes: Uint8Array, limits: FileLimits): Promise<SheetTable> {
  const buffer = repackForStreaming(await guardXlsx(bytes, limits));
  const rows: Cell[][] = [];
  let sawSheet = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      entries: 'emit',
    });
    for await (const worksheet of reader) {
      sawSheet = true;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[]; // 1-based: values[1] is column A
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) {
          const cell = toCell(values[c]);
          if (typeof cell === 'string' && cell.length > limits.maxCellChars) {
            throw new LedgerError('VALIDATION', {
              zh: `单元格 ${columnLetter(c - 1)}${row.number} 超过 ${limits.maxCellChars} 个字符`,
              en: `cell ${columnLetter(c - 1)}${row.number} is longer than ${limits.maxCellChars} characters`,
            });
          }
          cells.push(cell);
        }
        rows[row.number - 1] = cells;
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw new LedgerError('VALIDATION', {
      zh: `无法读取 xlsx 文件：${(e as Error).message}`,
      en: `cannot read the xlsx file: ${(e as Error).message}`,
    });
  }
  if (!sawSheet) throw new LedgerError('VALIDATION', { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' });
  // Gaps are bounded: the zip guard refused any row numbered past the limits.
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { rows };
}
