// Import templates: one .xlsx per kind with a Chinese and an English header row (the importer
// accepts either or both), a note on every header cell, text-formatted id and month columns (so
// Excel keeps "001" and "2025-03" as typed), date-formatted date columns and drop-down lists for
// enumerations (ids are still accepted: the list does not block other input).
import ExcelJS from 'exceljs';
import { importColumns, kindLabels, type ImportKind } from '../../shared/import/columns';
import { termOf } from '../../shared/import/terms';

/** Rows below the headers that get formats and drop-downs. */
const preparedRows = 1000;

export function templateFileName(kind: ImportKind): string {
  return `${kind}-template.xlsx`;
}

export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cadre Ledger';
  const label = kindLabels[kind];
  const sheet = workbook.addWorksheet(label.zh, { views: [{ state: 'frozen', ySplit: 2 }] });
  const columns = importColumns[kind];
  sheet.addRow(columns.map((c) => c.zh));
  sheet.addRow(columns.map((c) => c.key));
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(12, c.zh.length * 2 + 4, c.key.length + 4);
    const zhCell = sheet.getCell(1, i + 1);
    zhCell.font = { bold: true };
    zhCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE9D9' : 'FFEAF1FB' } };
    zhCell.note = `${c.required ? '必填。' : ''}${c.note.zh}\n${c.required ? 'Required. ' : ''}${c.note.en}`;
    const enCell = sheet.getCell(2, i + 1);
    enCell.font = { italic: true, color: { argb: 'FF666666' } };
    const format = c.type === 'id' || c.type === 'month' || c.type === 'text' ? '@' : c.type === 'date' ? 'yyyy-mm-dd' : undefined;
    for (let r = 3; r < 3 + preparedRows; r++) {
      const cell = sheet.getCell(r, i + 1);
      if (format) cell.numFmt = format;
      if (c.terms) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: !c.required,
          showErrorMessage: false,
          formulae: [`"${Object.keys(c.terms).map((id) => termOf(c.terms!, id)).join(',')}"`],
        };
      }
    }
  });

  // A second sheet explains every column in both languages (the importer reads the first sheet).
  const help = workbook.addWorksheet('说明 Notes');
  help.addRow(['列名', 'column', '必填 required', '说明', 'note']).font = { bold: true };
  for (const c of columns) help.addRow([c.zh, c.key, c.required ? '是 yes' : '否 no', c.note.zh, c.note.en]);
  [14, 16, 14, 60, 60].forEach((w, i) => (help.getColumn(i + 1).width = w));

  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
