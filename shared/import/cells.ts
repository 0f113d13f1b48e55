// Reading one spreadsheet cell as a typed value. Offices type dates and months many ways, and Excel
// turns them into date cells or serial numbers: all of those are accepted here, anything else is a
// clear reason for the row's rejection.
import type { Bilingual } from '../domain/primitives';
import type { ColumnSpec } from './columns';
import { noTerms, normalizeTerm, resolveTerm, yesTerms } from './terms';

/** A date-formatted Excel cell, already turned into its calendar date. */
export interface ExcelDateCell {
  excelDate: string;
}
/** A cell as the file readers hand it over: text, a number, a boolean, an Excel date, or empty. */
export type Cell = string | number | boolean | null | ExcelDateCell;

export const isExcelDate = (c: Cell): c is ExcelDateCell => typeof c === 'object' && c !== null;

/** The cell as text, trimmed; '' for an empty cell. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.excelDate;
}

export type CellResult = { ok: true; value: unknown } | { ok: false; reason: Bilingual };

const ok = (value: unknown): CellResult => ({ ok: true, value });
const bad = (zh: string, en: string): CellResult => ({ ok: false, reason: { zh, en } });

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel serial day number (1900 system, with its phantom 1900-02-29) → YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const datePattern = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u;
const monthPattern = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/u;

function parseDateText(text: string): string | undefined {
  const m = datePattern.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? `${m[1]}-${pad2(mo)}-${pad2(d)}` : undefined;
}

export function readDate(cell: Cell): CellResult {
  if (isExcelDate(cell)) return ok(cell.excelDate);
  if (typeof cell === 'number') {
    const d = excelSerialToDate(cell);
    return d ? ok(d) : bad(`“${cell}”不是日期，应为 YYYY-MM-DD`, `"${cell}" is not a date (YYYY-MM-DD)`);
  }
  const text = cellText(cell);
  const d = parseDateText(text);
  return d ? ok(d) : bad(`“${text}”不是有效日期，应为 YYYY-MM-DD`, `"${text}" is not a valid date (YYYY-MM-DD)`);
}

export function readMonth(cell: Cell): CellResult {
  // Excel turns a typed "2024-03" into a date cell on the 1st of the month.
  if (isExcelDate(cell)) return ok(cell.excelDate.slice(0, 7));
  if (typeof cell === 'number') {
    const d = excelSerialToDate(cell);
    return d ? ok(d.slice(0, 7)) : bad(`“${cell}”不是月份，应为 YYYY-MM`, `"${cell}" is not a month (YYYY-MM)`);
  }
  const text = cellText(cell).normalize('NFKC');
  const m = monthPattern.exec(text);
  if (m) {
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12) return ok(`${m[1]}-${pad2(mo)}`);
  }
  // A full date on the 1st is what a month typed into Excel looks like once saved as CSV.
  const d = parseDateText(text);
  if (d && d.endsWith('-01')) return ok(d.slice(0, 7));
  return bad(`“${text}”不是有效月份，应为 YYYY-MM`, `"${text}" is not a valid month (YYYY-MM)`);
}

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function readNumber(cell: Cell): CellResult {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : bad('不是数字', 'not a number');
  const text = cellText(cell).normalize('NFKC').replace(/分$/u, '').trim();
  if (!numberPattern.test(text)) return bad(`“${cellText(cell)}”不是数字`, `"${cellText(cell)}" is not a number`);
  return ok(Number(text));
}

export function readYear(cell: Cell): CellResult {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell).normalize('NFKC').replace(/年度?$/u, '').trim();
  if (!/^\d{4}$/.test(text)) return bad(`“${cellText(cell)}”不是年份，应为四位数字`, `"${cellText(cell)}" is not a year (4 digits)`);
  return ok(Number(text));
}

export function readBool(cell: Cell): CellResult {
  if (typeof cell === 'boolean') return ok(cell);
  const t = normalizeTerm(cellText(cell));
  if (yesTerms.includes(t)) return ok(true);
  if (noTerms.includes(t)) return ok(false);
  return bad(`“${cellText(cell)}”应为 是/否`, `"${cellText(cell)}" must be yes/no (是/否)`);
}

export function readEnum(cell: Cell, spec: ColumnSpec): CellResult {
  const text = cellText(cell);
  const id = resolveTerm(spec.terms ?? {}, text);
  if (id) return ok(id);
  if (spec.key === 'kind' && normalizeTerm(text) === '警告' && spec.terms && 'party.warning' in spec.terms) {
    return bad(
      '“警告”有歧义：请填“党内警告”（party.warning）或“政务警告”（admin.warning）',
      '"警告" is ambiguous: write 党内警告 (party.warning) or 政务警告 (admin.warning)',
    );
  }
  const choices = Object.entries(spec.terms ?? {})
    .map(([k, v]) => `${v[0]}（${k}）`)
    .join('、');
  const choicesEn = Object.entries(spec.terms ?? {})
    .map(([k, v]) => `${k} (${v[0]})`)
    .join(', ');
  return bad(`“${text}”不是可选值；可填：${choices}`, `"${text}" is not one of: ${choicesEn}`);
}

export function readCell(cell: Cell, spec: ColumnSpec): CellResult {
  switch (spec.type) {
    case 'id':
    case 'text':
      return ok(cellText(cell));
    case 'date':
      return readDate(cell);
    case 'month':
      return readMonth(cell);
    case 'number':
      return readNumber(cell);
    case 'year':
      return readYear(cell);
    case 'bool':
      return readBool(cell);
    case 'enum':
      return readEnum(cell, spec);
  }
}
