// Planning an import: a table of cells (from a CSV or an xlsx sheet) → the records it holds, every
// rejected row with its row number, column and reason, and the put events that would bring the
// ledger up to date. Pure: the caller reads the file and commits the events (one commit per file).
import { issueMessage } from '../contract/errors';
import { nameKey, type Bilingual } from '../domain/primitives';
import { annualGradeId, checkInId, monthlyScoreId } from '../domain/records';
import { collectionSchemas, type CollectionName, type LedgerState } from '../ledger/collections';
import { put, type PutEvent } from '../ledger/events';
import { checkReferences, clearableCollections } from '../ledger/references';
import { cellText, readCell, type Cell } from './cells';
import {
  collectionOfKind,
  headerIndex,
  importColumns,
  keyFieldsOfKind,
  normalizeHeader,
  reservedHeaderNames,
  type ColumnSpec,
  type ImportKind,
} from './columns';

/** A sheet as the readers hand it over: rows[0] is row 1 as the user sees it in Excel. */
export interface SheetTable {
  rows: Cell[][];
}

export interface RejectedRow {
  /** Row number as the user sees it in Excel (header rows counted). */
  row: number;
  /** Column header as written in the file ('' when the problem is not one column's). */
  column: string;
  reason: Bilingual;
}

export type RowStatus = 'insert' | 'update' | 'unchanged';

export interface PlannedRow {
  row: number;
  status: RowStatus;
  record: Record<string, unknown>;
}

export interface ImportLimits {
  /** Data rows (header rows not counted). */
  maxRows: number;
  maxColumns: number;
}
export const defaultImportLimits: ImportLimits = { maxRows: 200_000, maxColumns: 200 };

export interface ImportPlan {
  kind: ImportKind;
  collection: CollectionName;
  /** Sheet rows holding the headers (1-based). */
  headerRows: number[];
  /** Non-empty data rows. */
  total: number;
  /** Data rows without any problem. */
  valid: number;
  rejected: RejectedRow[];
  /** Number of distinct rows in `rejected`. */
  rejectedRows: number;
  /** Headers the importer does not know, as written (a blank header over data: its column letter). */
  unknownColumns: string[];
  /** A problem with the file as a whole (no header, missing column …): nothing can be imported. */
  fatal: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  /** The valid rows in file order. */
  rows: PlannedRow[];
  /** Puts for the inserted and updated rows, in file order. */
  events: PutEvent[];
}

/** Column letter as Excel shows it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const isBlankRow = (row: Cell[] | undefined) => !row || row.every((c) => cellText(c) === '');

/** Header rows are looked for among the first rows (a title row above them is allowed). */
const headerSearchRows = 10;

interface ResolvedColumn {
  index: number;
  spec: ColumnSpec;
  /** The header as written in the file (first header row, else second). */
  label: string;
}

interface HeaderResult {
  headerRows: number[];
  columns: ResolvedColumn[];
  unknownColumns: string[];
  problems: RejectedRow[];
}

function resolveHeaders(kind: ImportKind, table: SheetTable, limits: ImportLimits): HeaderResult {
  const index = headerIndex(kind);
  const known = (c: Cell) => index.get(normalizeHeader(cellText(c)));
  const reserved = (c: Cell) => reservedHeaderNames.includes(cellText(c).trim().toLowerCase());
  const out: HeaderResult = { headerRows: [], columns: [], unknownColumns: [], problems: [] };

  let first = -1;
  for (let r = 0; r < Math.min(headerSearchRows, table.rows.length); r++) {
    if ((table.rows[r] ?? []).some((c) => known(c) || reserved(c))) {
      first = r;
      break;
    }
  }
  if (first < 0) {
    const expected = importColumns[kind].map((c) => c.key).join(', ');
    const expectedZh = importColumns[kind].map((c) => c.zh).join('、');
    out.problems.push({
      row: 1,
      column: '',
      reason: { zh: `找不到表头行：应包含列名，如 ${expectedZh}`, en: `no header row found: expected columns such as ${expected}` },
    });
    return out;
  }
  // The template has two header rows (Chinese, then English); a second row counts as a header
  // row only if every filled cell in it is a known header.
  const next = table.rows[first + 1] ?? [];
  const filled = next.filter((c) => cellText(c) !== '');
  const second = filled.length > 0 && filled.every((c) => known(c) || reserved(c)) ? first + 1 : -1;
  out.headerRows = second >= 0 ? [first + 1, second + 1] : [first + 1];
  const headerRowNumber = first + 1;

  let width = 0;
  for (const row of table.rows) if (row && row.length > width) width = row.length;
  if (width > limits.maxColumns) {
    out.problems.push({
      row: headerRowNumber,
      column: '',
      reason: { zh: `列数过多（${width}，上限 ${limits.maxColumns}）`, en: `too many columns (${width}, limit ${limits.maxColumns})` },
    });
    return out;
  }
  const seen = new Map<ColumnSpec, ResolvedColumn>();
  for (let c = 0; c < width; c++) {
    const top = table.rows[first]?.[c] ?? null;
    const below = second >= 0 ? (table.rows[second]?.[c] ?? null) : null;
    const label = cellText(top) || cellText(below);
    if (reserved(top) || reserved(below)) {
      out.problems.push({
        row: headerRowNumber,
        column: label,
        reason: { zh: `列名“${label}”不允许使用`, en: `column name "${label}" is not allowed` },
      });
      continue;
    }
    const specTop = known(top);
    const specBelow = known(below);
    if (specTop && specBelow && specTop !== specBelow) {
      out.problems.push({
        row: headerRowNumber,
        column: label,
        reason: {
          zh: `两行表头不一致：“${cellText(top)}”与“${cellText(below)}”`,
          en: `the two header rows disagree: "${cellText(top)}" vs "${cellText(below)}"`,
        },
      });
      continue;
    }
    const spec = specTop ?? specBelow;
    if (!spec) {
      if (label) out.unknownColumns.push(label);
      else if (table.rows.some((row, r) => r > first && cellText(row?.[c] ?? null) !== '')) {
        out.unknownColumns.push(columnLetter(c));
      }
      continue;
    }
    const twin = seen.get(spec);
    if (twin) {
      out.problems.push({
        row: headerRowNumber,
        column: label,
        reason: {
          zh: `列“${label}”与“${twin.label}”重复（都是 ${spec.key}）`,
          en: `column "${label}" repeats "${twin.label}" (both are ${spec.key})`,
        },
      });
      continue;
    }
    const resolved = { index: c, spec, label };
    seen.set(spec, resolved);
    out.columns.push(resolved);
  }
  for (const spec of importColumns[kind]) {
    if (spec.required && !seen.has(spec)) {
      out.problems.push({
        row: headerRowNumber,
        column: `${spec.key} / ${spec.zh}`,
        reason: { zh: `缺少必填列“${spec.zh}”（${spec.key}）`, en: `required column "${spec.key}" (${spec.zh}) is missing` },
      });
    }
  }
  return out;
}

/** Record id of a row: its `id`, or the key derived from cadre+month, cadre+year, plan+date. */
function recordIdOf(kind: ImportKind, raw: Record<string, unknown>): string {
  switch (kind) {
    case 'scores':
      return monthlyScoreId(String(raw.cadreId), String(raw.month));
    case 'grades':
      return annualGradeId(String(raw.cadreId), Number(raw.year));
    case 'check_ins':
      return checkInId(String(raw.planId), String(raw.date));
    default:
      return String(raw.id);
  }
}

/** JSON with sorted keys: two records are unchanged iff these are equal. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

const ownerOf = (record: Record<string, unknown>): string | undefined =>
  typeof record.cadreId === 'string'
    ? record.cadreId
    : record.subjectType === 'cadre' && typeof record.subjectId === 'string'
      ? record.subjectId
      : undefined;

/** Beyond checkReferences: a clearance must point at a record of the same cadre. */
function ownershipErrors(
  collection: CollectionName,
  record: Record<string, unknown>,
  find: (c: CollectionName, id: string) => Record<string, unknown> | undefined,
): Array<{ field: string; reason: Bilingual }> {
  const cadre = record.cadreId as string;
  if (collection === 'clearances') {
    for (const c of clearableCollections) {
      const target = find(c, record.recordId as string);
      const owner = target && ownerOf(target);
      if (target && owner !== undefined && owner !== cadre) {
        return [{
          field: 'recordId',
          reason: { zh: `记录“${record.recordId}”属于干部“${owner}”，不属于“${cadre}”`, en: `record "${record.recordId}" belongs to cadre "${owner}", not "${cadre}"` },
        }];
      }
    }
  }
  // A plan's measure (same cadre, right kind, dates in order): checkReferences.
  return [];
}

/**
 * Plans the import of one table of one kind against the current ledger. Every row is validated
 * (cells, the record schema, references to the ledger and to valid rows of the same file,
 * duplicates); nothing here writes.
 */
export function planImport(
  state: LedgerState,
  kind: ImportKind,
  table: SheetTable,
  limits: ImportLimits = defaultImportLimits,
): ImportPlan {
  const collection = collectionOfKind[kind];
  const schema = collectionSchemas[collection];
  const existing = state[collection] as Map<string, Record<string, unknown>>;
  const header = resolveHeaders(kind, table, limits);
  const plan: ImportPlan = {
    kind,
    collection,
    headerRows: header.headerRows,
    total: 0,
    valid: 0,
    rejected: [],
    rejectedRows: 0,
    unknownColumns: header.unknownColumns,
    fatal: false,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rows: [],
    events: [],
  };
  const firstDataRow = header.headerRows.length ? header.headerRows[header.headerRows.length - 1] : table.rows.length;
  for (let r = firstDataRow; r < table.rows.length; r++) if (!isBlankRow(table.rows[r])) plan.total++;
  if (plan.total > limits.maxRows) {
    header.problems.push({
      row: firstDataRow + 1,
      column: '',
      reason: { zh: `行数过多（${plan.total}，上限 ${limits.maxRows}）`, en: `too many rows (${plan.total}, limit ${limits.maxRows})` },
    });
  }
  if (header.problems.length) {
    plan.fatal = true;
    plan.rejected = header.problems;
    plan.rejectedRows = 0;
    return plan;
  }

  const columnOfField = new Map(header.columns.map((c) => [c.spec.field, c]));
  const labelOf = (field: string) => columnOfField.get(field)?.label ?? field;
  const keyLabel = labelOf(keyFieldsOfKind[kind][0]);
  const byKey = new Map<string, number>();
  type Candidate = { row: number; id: string; record: Record<string, unknown>; before?: Record<string, unknown> };
  const candidates: Candidate[] = [];
  const problemsByRow = new Map<number, RejectedRow[]>();
  const reject = (row: number, column: string, reason: Bilingual) => {
    let list = problemsByRow.get(row);
    if (!list) problemsByRow.set(row, (list = []));
    list.push({ row, column, reason });
  };

  for (let r = firstDataRow; r < table.rows.length; r++) {
    const cells = table.rows[r];
    if (isBlankRow(cells)) continue;
    const rowNumber = r + 1;
    const values = new Map<string, unknown>();
    let cellsOk = true;
    for (const column of header.columns) {
      const cell = cells[column.index] ?? null;
      if (cellText(cell) === '') {
        if (column.spec.required) {
          cellsOk = false;
          reject(rowNumber, column.label, { zh: '必填项为空', en: 'required value is empty' });
        }
        values.set(column.spec.field, undefined);
        continue;
      }
      const read = readCell(cell, column.spec);
      if (!read.ok) {
        cellsOk = false;
        reject(rowNumber, column.label, read.reason);
      } else values.set(column.spec.field, read.value);
    }
    if (!cellsOk) continue;

    const keyed: Record<string, unknown> = {};
    for (const [field, value] of values) if (value !== undefined) keyed[field] = value;
    const id = recordIdOf(kind, keyed);
    const firstRow = byKey.get(id);
    if (firstRow !== undefined) {
      reject(rowNumber, keyLabel, { zh: `与第${firstRow}行重复（同一记录）`, en: `duplicates row ${firstRow} (same record)` });
      continue;
    }
    byKey.set(id, rowNumber);

    // Start from the stored record so that fields the file has no column for (a release date
    // recorded in the app, a note …) survive a re-import; an empty cell clears an optional field.
    const before = existing.get(id);
    const raw: Record<string, unknown> = before ? { ...before } : {};
    for (const [field, value] of values) {
      if (value === undefined) delete raw[field];
      else raw[field] = value;
    }
    if (kind === 'scores' || kind === 'grades' || kind === 'check_ins') raw.id = id;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        reject(rowNumber, labelOf(field), issueMessage(issue, raw));
      }
      continue;
    }
    candidates.push({ row: rowNumber, id, record: parsed.data as Record<string, unknown>, before });
  }

  // References resolve against the ledger plus the rows of this file that passed so far.
  const fileRecords = new Map<string, Record<string, unknown>>(candidates.map((c) => [c.id, c.record]));
  const find = (c: CollectionName, id: string) =>
    (c === collection ? fileRecords.get(id) : undefined) ?? (state[c] as Map<string, Record<string, unknown>>).get(id);
  const exists = Object.assign((c: CollectionName, id: string) => find(c, id) !== undefined, { get: find as never });
  // Unit names are unique in their compared form (nameKey), against the ledger and the file.
  const unitNames = new Map<string, string>();
  if (collection === 'units') for (const u of state.units.values()) unitNames.set(nameKey(u.name), u.id);
  for (const candidate of candidates) {
    const problems = [
      ...checkReferences(collection, candidate.record as never, exists).map((e) => ({ field: e.path, reason: e.message })),
      ...ownershipErrors(collection, candidate.record, find),
    ];
    if (collection === 'units') {
      const key = nameKey(String(candidate.record.name));
      const holder = unitNames.get(key);
      if (holder !== undefined && holder !== candidate.id) {
        problems.push({ field: 'name', reason: { zh: `已有同名单位（${holder}）`, en: `a unit with this name exists (${holder})` } });
      } else unitNames.set(key, candidate.id);
    }
    if (problems.length) {
      for (const p of problems) reject(candidate.row, labelOf(p.field), p.reason);
      continue;
    }
    const status: RowStatus = !candidate.before
      ? 'insert'
      : stableStringify(candidate.before) === stableStringify(candidate.record)
        ? 'unchanged'
        : 'update';
    plan.rows.push({ row: candidate.row, status, record: candidate.record });
    if (status === 'insert') plan.inserted++;
    else if (status === 'update') plan.updated++;
    else plan.unchanged++;
    if (status !== 'unchanged') plan.events.push(put(collection, candidate.record as never));
  }

  plan.rows.sort((a, b) => a.row - b.row);
  const order = new Map(header.columns.map((c, i) => [c.label, i]));
  plan.rejected = [...problemsByRow.keys()]
    .sort((a, b) => a - b)
    .flatMap((row) => problemsByRow.get(row)!.sort((a, b) => (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99)));
  plan.rejectedRows = problemsByRow.size;
  plan.valid = plan.rows.length;
  return plan;
}
