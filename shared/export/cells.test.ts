import { describe, expect, it } from 'vitest';
import { csvLine, safeCell } from './cells';

describe('safeCell', () => {
  it('neutralises text that a spreadsheet would read as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=x', '\r=x']) expect(safeCell(s)).toBe(`'${s}`);
  });
  it('leaves ordinary text and numbers alone', () => {
    expect(safeCell('张三')).toBe('张三');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(undefined)).toBeNull();
  });
  it('quotes csv fields with commas, quotes and newlines', () => {
    expect(csvLine(['a,b', 'say "hi"', '=cmd', 3])).toBe(`"a,b","say ""hi""",'=cmd,3`);
  });
});
