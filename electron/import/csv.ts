// CSV as offices write it: UTF-8 with or without BOM, GB18030 from Excel on Chinese Windows, UTF-16
// ("Unicode text"); comma, tab or semicolon separated; quoted fields with "" escapes and line
// breaks; CRLF, LF or CR line ends.
import { LedgerError } from '../../shared/contract/errors';
import type { Cell } from '../../shared/import/cells';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Decodes the bytes: a BOM decides; else valid UTF-8 is UTF-8, anything else is read as GB18030. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The separator used in the first line outside quotes: the most frequent of , \t ; (comma on a tie). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  return counts['\t'] > counts[','] && counts['\t'] >= counts[';'] ? '\t' : counts[';'] > counts[','] ? ';' : ',';
}

export interface CsvLimits {
  /** Records (lines as Excel shows them), header rows included. */
  maxRecords: number;
  maxColumns: number;
  maxCells: number;
  maxCellChars: number;
}

const tooLarge = (zh: string, en: string): never => {
  throw new LedgerError('VALIDATION', { zh: `文件超出导入限制：${zh}`, en: `the file exceeds the import limits: ${en}` });
};

/**
 * Parses CSV text into rows of strings (row 0 = line 1 as Excel shows it: a quoted line break
 * stays inside its row). Stops with an error at the first row, field or cell past the limits, so a
 * file of a million lines, or one line of a million fields, is refused as it is read.
 */
export function parseCsv(text: string, limits: CsvLimits, delimiter = detectDelimiter(text)): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  let cells = 0;
  let i = 0;
  const n = text.length;
  const endField = () => {
    if (field.length > limits.maxCellChars) {
      tooLarge(
        `第 ${rows.length + 1} 行第 ${row.length + 1} 列超过 ${limits.maxCellChars} 个字符`,
        `row ${rows.length + 1}, column ${row.length + 1} is longer than ${limits.maxCellChars} characters`,
      );
    }
    row.push(field);
    field = '';
    cells++;
    if (row.length > limits.maxColumns) {
      tooLarge(`第 ${rows.length + 1} 行超过 ${limits.maxColumns} 列`, `row ${rows.length + 1} has more than ${limits.maxColumns} columns`);
    }
    if (cells > limits.maxCells) tooLarge(`单元格超过 ${limits.maxCells} 个（第 ${rows.length + 1} 行）`, `more than ${limits.maxCells} cells (at row ${rows.length + 1})`);
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRecords) {
      throw new LedgerError('VALIDATION', {
        zh: `文件行数过多（上限 ${limits.maxRecords} 行）`,
        en: `the file has too many rows (limit ${limits.maxRecords})`,
      });
    }
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy the run up to the next quote in one go (large quoted notes).
      const next = text.indexOf('"', i);
      const stop = next < 0 ? n : next;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Unquoted run up to the next special character.
      let j = i + 1;
      while (j < n) {
        const c = text[j];
        if (c === delimiter || c === '\r' || c === '\n') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || row.length > 0 || quoted) endRow();
  return rows;
}
