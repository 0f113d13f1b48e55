// The extent of a worksheet, checked while its XML is inflated and before exceljs reads it.
// exceljs's row model allocates every row up to its highest column, and the reader's table every
// row up to the highest row number: a cell at XFD in each row, or one row numbered 10⁸, costs
// gigabytes there. So every <dimension ref>, <row r> and <c r> is checked here, chunk by chunk, and
// the first one past a limit refuses the file (saying which cell and which limit). Only start tags
// are looked at, so the cost is one pass over the bytes and a carried tail of one tag.
import { LedgerError } from '../../shared/contract/errors';
import { columnLetter } from '../../shared/import/plan';
import type { FileLimits } from './limits';

/** Header rows (two in our templates) and a title row above them do not count as data rows. */
export const headerAllowance = 10;

/** A start tag longer than this is not a spreadsheet's (refused rather than carried on). */
const maxTagChars = 64 * 1024;

/** Column number (1 = A) of letters A…XFD; NaN when they are not letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c < 65 || c > 90) return Number.NaN;
    n = n * 26 + (c - 64);
  }
  return n;
}

const refuse = (zh: string, en: string): never => {
  throw new LedgerError('VALIDATION', { zh: `工作表超出导入限制：${zh}`, en: `the worksheet exceeds the import limits: ${en}` });
};

// A candidate: any start tag named row, c or dimension (any namespace prefix).
const candidate = /<(?:[A-Za-z_][\w.-]*:)?(row|c|dimension)(?=[\s/>])/g;
// The whole start tag with quoted attributes (XML allows '>' inside a quoted value).
const wholeTag = /<(?:[A-Za-z_][\w.-]*:)?(?:row|c|dimension)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/y;
const attrOf = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
const attrValue = (attrs: string, name: string): string | undefined => {
  const m = attrOf(attrs, name);
  return m ? (m[1] ?? m[2]) : undefined;
};

export interface SheetExtent {
  rows: number;
  cells: number;
  /** Highest row number and column number seen. */
  lastRow: number;
  lastColumn: number;
}

/**
 * Fed the worksheet's inflated bytes in order; throws a LedgerError at the first element past a
 * limit. Rows and cells without `r` take the next position, as Excel reads them.
 */
export class SheetExtentScanner {
  private pending = '';
  private row = 0;
  private column = 0;
  /** Highest column of the current row: the row's allocated width. */
  private rowWidth = 0;
  private allocated = 0;
  readonly extent: SheetExtent = { rows: 0, cells: 0, lastRow: 0, lastColumn: 0 };
  private readonly maxRowNumber: number;

  constructor(private readonly limits: FileLimits) {
    this.maxRowNumber = limits.maxRows + headerAllowance;
  }

  push(chunk: Buffer): void {
    // latin1 keeps one character per byte: tag names and references are ASCII.
    this.scan(this.pending + chunk.toString('latin1'), false);
  }

  end(): SheetExtent {
    this.scan(this.pending, true);
    this.closeRow();
    return this.extent;
  }

  private scan(text: string, final: boolean): void {
    candidate.lastIndex = 0;
    let done = 0;
    for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
      wholeTag.lastIndex = m.index;
      const tag = wholeTag.exec(text);
      if (!tag) {
        if (!final && text.length - m.index <= maxTagChars) {
          this.pending = text.slice(m.index); // the tag goes on in the next chunk
          return;
        }
        refuse(`无法识别的 <${m[1]}> 标记`, `an unreadable <${m[1]}> tag`);
      }
      this.element(m[1]!, tag![1] ?? '');
      done = wholeTag.lastIndex;
      candidate.lastIndex = done;
    }
    // Keep a possibly cut tag name ("<ro" | "w r=…") for the next chunk.
    const lt = text.lastIndexOf('<');
    this.pending = !final && lt >= done && text.length - lt <= maxTagChars ? text.slice(lt) : '';
  }

  private element(name: string, attrs: string): void {
    const limits = this.limits;
    if (name === 'dimension') {
      const ref = attrValue(attrs, 'ref') ?? '';
      const last = /([A-Z]+)(\d+)$/.exec(ref.split(':').pop() ?? '');
      if (!last) return; // no usable dimension: the cells themselves are checked
      const column = columnNumber(last[1]!);
      const row = Number(last[2]);
      if (row > this.maxRowNumber) refuse(`工作表范围 ${ref} 到第 ${row} 行，上限 ${limits.maxRows} 行`, `its range ${ref} reaches row ${row}, limit ${limits.maxRows} rows`);
      if (column > limits.maxColumns) refuse(`工作表范围 ${ref} 到 ${last[1]} 列，上限 ${limits.maxColumns} 列`, `its range ${ref} reaches column ${last[1]}, limit ${limits.maxColumns} columns`);
      return;
    }
    if (name === 'row') {
      this.closeRow();
      const r = attrValue(attrs, 'r');
      const row = r === undefined ? this.row + 1 : /^\d+$/.test(r) ? Number(r) : Number.NaN;
      if (!Number.isFinite(row) || row < 1) refuse(`行号“${r}”无效`, `row number "${r}" is not valid`);
      if (row > this.maxRowNumber) refuse(`第 ${row} 行超过上限 ${limits.maxRows} 行`, `row ${row} is beyond the limit of ${limits.maxRows} rows`);
      this.row = row;
      this.column = 0;
      this.extent.rows++;
      if (this.extent.rows > this.maxRowNumber) refuse(`行数过多（上限 ${limits.maxRows} 行）`, `too many rows (limit ${limits.maxRows})`);
      this.extent.lastRow = Math.max(this.extent.lastRow, row);
      return;
    }
    // A cell.
    const r = attrValue(attrs, 'r');
    let column = this.column + 1;
    let row = this.row;
    if (r !== undefined) {
      const ref = /^([A-Z]{1,3})(\d{1,9})$/.exec(r);
      if (!ref) refuse(`单元格引用“${r.slice(0, 20)}”无效`, `cell reference "${r.slice(0, 20)}" is not valid`);
      column = columnNumber(ref![1]!);
      row = Number(ref![2]);
      if (row > this.maxRowNumber) refuse(`单元格 ${r} 在第 ${row} 行，上限 ${limits.maxRows} 行`, `cell ${r} is in row ${row}, beyond the limit of ${limits.maxRows} rows`);
    }
    if (column > limits.maxColumns) {
      const where = r ?? `${columnLetter(column - 1)}${row}`;
      refuse(`单元格 ${where} 在 ${columnLetter(column - 1)} 列，上限 ${limits.maxColumns} 列`, `cell ${where} is in column ${columnLetter(column - 1)}, beyond the limit of ${limits.maxColumns} columns`);
    }
    this.column = column;
    this.rowWidth = Math.max(this.rowWidth, column);
    this.extent.lastColumn = Math.max(this.extent.lastColumn, column);
    this.extent.cells++;
    if (this.extent.cells > limits.maxCells || this.allocated + this.rowWidth > limits.maxCells) {
      refuse(`单元格过多（第 ${this.row} 行处超过上限 ${limits.maxCells} 个）`, `too many cells (past the limit of ${limits.maxCells} at row ${this.row})`);
    }
  }

  private closeRow(): void {
    this.allocated += this.rowWidth;
    this.rowWidth = 0;
  }
}
