// The meeting page's pure parts: which period it shows (from the address, else the as-of year so
// far) and the CSV of the table, so both can be tested without a browser.
import { csvLine } from '../../../shared/export/cells';
import type { MeetingStatistic } from '../../../shared/reports/meeting';
import { pick } from '../../i18n';

export interface Period {
  from: string;
  to: string;
}

/** January of the as-of year to the as-of month: the year so far, as the meeting reviews it. */
export function defaultPeriod(asOf: string): Period {
  return { from: `${asOf.slice(0, 4)}-01`, to: asOf };
}

/** The period in the address (kept there so a reload or a shared link shows the same numbers). */
export function periodFrom(query: Record<string, string>, asOf: string): Period {
  const d = defaultPeriod(asOf);
  return { from: query.from || d.from, to: query.to || d.to };
}

export interface CsvWords {
  header: [label: string, count: string, counts: string, cadres: string, basis: string];
  counts: Record<MeetingStatistic['counts'], string>;
}

/** The table as rows: a header, then one row per statistic with the names behind its count. */
export function csvRows(items: MeetingStatistic[], lang: string, nameOf: (cadreId: string) => string, words: CsvWords): string[][] {
  return [
    [...words.header],
    ...items.map((i) => [pick(i.label, lang), String(i.count), words.counts[i.counts], i.cadreIds.map(nameOf).join('、'), pick(i.basis, lang)]),
  ];
}

/** CSV text with a byte-order mark (Excel on a Chinese Windows reads it as UTF-8 only then), as base64. */
export function csvBase64(rows: string[][]): string {
  // csvLine: the one export guard (a leading = + - @ would run as a formula in a spreadsheet).
  const text = `\uFEFF${rows.map((r) => csvLine(r)).join('\r\n')}\r\n`;
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
