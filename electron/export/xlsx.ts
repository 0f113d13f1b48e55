// Every .xlsx the app writes goes through here: sheets of rows, each cell through `safeCell`
// (shared/export/cells.ts), a bold header, frozen panes and column widths.
import ExcelJS from 'exceljs';
import { safeCell, type CellValue } from '../../shared/export/cells';

export interface SheetSpec {
  name: string;
  /** An optional title line above the header. */
  title?: string;
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
  widths?: readonly number[];
  /** Per-row styling hook (1-based column numbers as exceljs counts them). */
  styleRow?(row: ExcelJS.Row, index: number): void;
}

export async function workbookOf(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cadre Ledger';
  for (const spec of sheets) {
    // Excel refuses sheet names over 31 characters, with []:*?/\ in them, starting or ending with
    // an apostrophe, or empty.
    const ws = wb.addWorksheet(spec.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).replace(/^'+|'+$/g, '').trim() || 'Sheet1');
    if (spec.title) ws.addRow([safeCell(spec.title)]).font = { bold: true, size: 13 };
    ws.addRow(spec.header.map((h) => safeCell(h))).font = { bold: true };
    spec.rows.forEach((r, i) => {
      const row = ws.addRow(r.map((v) => safeCell(v)));
      spec.styleRow?.(row, i);
    });
    if (spec.widths) ws.columns.forEach((c, i) => (c.width = spec.widths![i] ?? 12));
    ws.views = [{ state: 'frozen', ySplit: spec.title ? 2 : 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
