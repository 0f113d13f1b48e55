import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookOf } from './xlsx';

describe('workbookOf', () => {
  it('writes guarded cells under a header', async () => {
    const buf = await workbookOf([{ name: '台账', title: '标题', header: ['姓名', '得分'], rows: [['=HYPERLINK("x")', 90]] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('台账');
    expect(ws.getRow(2).getCell(1).value).toBe('姓名');
    expect(ws.getRow(3).getCell(1).value).toBe(`'=HYPERLINK("x")`);
    expect(ws.getRow(3).getCell(2).value).toBe(90);
  });
});
