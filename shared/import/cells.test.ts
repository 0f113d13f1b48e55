import { describe, expect, it } from 'vitest';
import { excelSerialToDate, readBool, readDate, readMonth, readNumber, readYear } from './cells';
import { resolveTerm, sanctionKindTerms, measureKindTerms } from './terms';

const value = (r: { ok: boolean; value?: unknown }) => (r.ok ? r.value : 'REJECTED');

describe('cells', () => {
  it('reads the ways offices write dates', () => {
    for (const text of ['2024-03-05', '2024/3/5', '2024.03.05', '2024年3月5日', '２０２４－０３－０５']) {
      expect(value(readDate(text)), text).toBe('2024-03-05');
    }
    expect(value(readDate('2024-02-29'))).toBe('2024-02-29');
    for (const text of ['2023-02-29', '2024-3', '05/03/2024', 'soon', '']) expect(value(readDate(text)), text).toBe('REJECTED');
    expect(value(readDate({ excelDate: '2024-01-31' }))).toBe('2024-01-31');
  });

  it('reads Excel serial numbers (1900 system)', () => {
    expect(excelSerialToDate(45352)).toBe('2024-03-01');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(value(readDate(45352))).toBe('2024-03-01');
    expect(value(readMonth(45352))).toBe('2024-03');
    expect(value(readDate(-3))).toBe('REJECTED');
  });

  it('reads months, and a date on the 1st as its month', () => {
    for (const text of ['2024-03', '2024/3', '2024年3月', '2024.03', '2024-03-01', '2024/3/1']) expect(value(readMonth(text)), text).toBe('2024-03');
    for (const text of ['2024-13', '2024-03-15', '202403', '3月']) expect(value(readMonth(text)), text).toBe('REJECTED');
    expect(value(readMonth({ excelDate: '2024-11-01' }))).toBe('2024-11');
  });

  it('reads numbers, years and yes/no', () => {
    expect(value(readNumber('88.5'))).toBe(88.5);
    expect(value(readNumber('90分'))).toBe(90);
    expect(value(readNumber('９５'))).toBe(95);
    expect(value(readNumber('1e2'))).toBe('REJECTED');
    expect(value(readYear('2024年'))).toBe(2024);
    expect(value(readYear(2024))).toBe(2024);
    expect(value(readYear('24'))).toBe('REJECTED');
    expect(['是', 'YES', 'y', 'true', '1', '√'].map((t) => value(readBool(t)))).toEqual([true, true, true, true, true, true]);
    expect(['否', 'No', 'false', '0'].map((t) => value(readBool(t)))).toEqual([false, false, false, false]);
    expect(value(readBool('也许'))).toBe('REJECTED');
  });

  it('resolves enumeration ids and Chinese terms, not ambiguous ones', () => {
    expect(resolveTerm(sanctionKindTerms, 'Admin.Demerit')).toBe('admin.demerit');
    expect(resolveTerm(sanctionKindTerms, '记 大 过')).toBe('admin.majorDemerit');
    expect(resolveTerm(sanctionKindTerms, '留党察看两年')).toBe('party.probation2y');
    expect(resolveTerm(sanctionKindTerms, '警告')).toBeUndefined();
    expect(resolveTerm(measureKindTerms, '待岗')).toBe('transitionalPlacement');
  });
});
