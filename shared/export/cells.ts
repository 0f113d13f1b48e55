// The one guard every spreadsheet export goes through (xlsx from the core, csv from the renderer).
// A cell that begins with = + - @ (or a tab / carriage return, which some spreadsheet programs skip
// before such a sign) is read as a formula by Excel and WPS: a cadre named "=HYPERLINK(…)" would run
// when an officer opens the export. Such text gets a leading apostrophe-free quote mark (') as OWASP
// advises, so it shows as typed. Numbers stay numbers.
export type CellValue = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** The value as it may safely be written to a spreadsheet cell. */
export function safeCell(value: CellValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  return formulaStart.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting) of guarded cells. */
export function csvLine(values: readonly CellValue[]): string {
  return values
    .map((v) => {
      const s = safeCell(v);
      const text = s === null ? '' : String(s);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}
