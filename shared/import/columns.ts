// The interchange formats of DOMAIN.md §5: per import kind, its columns with their English and
// Chinese headers, the record field each fills, how a cell is read, and a note for the template.
import { z } from 'zod';
import type { Bilingual } from '../domain/primitives';
import type { CollectionName } from '../ledger/collections';
import {
  annualGradeTerms,
  cadreCategoryTerms,
  clearanceKindTerms,
  describeTerms,
  measureKindTerms,
  measureOutcomeTerms,
  rehabAssignmentTerms,
  rehabReviewTerms,
  rehabStatusTerms,
  sanctionKindTerms,
  subjectTypeTerms,
  type TermTable,
} from './terms';

export const importKinds = [
  'units',
  'cadres',
  'scores',
  'grades',
  'sanctions',
  'measures',
  'faults',
  'rehab_plans',
  'check_ins',
  'clearances',
] as const;
export const importKindSchema = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKindSchema>;

export const collectionOfKind: Record<ImportKind, CollectionName> = {
  units: 'units',
  cadres: 'cadres',
  scores: 'scores',
  grades: 'grades',
  sanctions: 'sanctions',
  measures: 'measures',
  faults: 'faults',
  rehab_plans: 'rehabPlans',
  check_ins: 'checkIns',
  clearances: 'clearances',
};

export const kindLabels: Record<ImportKind, Bilingual> = {
  units: { zh: '单位', en: 'units' },
  cadres: { zh: '干部', en: 'cadres' },
  scores: { zh: '月度绩效得分', en: 'monthly scores' },
  grades: { zh: '年度考核等次', en: 'annual grades' },
  sanctions: { zh: '处分', en: 'sanctions' },
  measures: { zh: '措施', en: 'measures' },
  faults: { zh: '容错纠错', en: 'fault records' },
  rehab_plans: { zh: '回访帮扶计划', en: 'rehabilitation plans' },
  check_ins: { zh: '回访谈话', en: 'check-ins' },
  clearances: { zh: '澄清正名', en: 'clearances' },
};

export type ColumnType = 'id' | 'text' | 'date' | 'month' | 'number' | 'year' | 'bool' | 'enum';

export interface ColumnSpec {
  /** English header, as in DOMAIN.md §5. */
  key: string;
  /** Chinese header. */
  zh: string;
  /** Field of the record this column fills. */
  field: string;
  type: ColumnType;
  /** A file without this column cannot be imported; an empty cell rejects the row. */
  required: boolean;
  terms?: TermTable;
  note: Bilingual;
}

const idNote = (what: Bilingual): Bilingual => ({
  zh: `${what.zh}编号：字母、数字、_ . : -，最长64位`,
  en: `${what.en} id: letters, digits, _ . : - (at most 64)`,
});
const dateNote: Bilingual = { zh: '日期，格式 YYYY-MM-DD（也可用Excel日期单元格）', en: 'date YYYY-MM-DD (Excel date cells accepted)' };
const optionalDateNote: Bilingual = { zh: `${dateNote.zh}；可空`, en: `${dateNote.en}; optional` };
const boolNote: Bilingual = { zh: '是/否（yes/no）', en: 'yes/no (是/否)' };
const enumNote = (table: TermTable, optional = false): Bilingual => ({
  zh: `填编号或中文：${describeTerms(table)}${optional ? '；可空' : ''}`,
  en: `id or Chinese term: ${describeTerms(table)}${optional ? '; optional' : ''}`,
});
const textNote = (zh: string, en: string): Bilingual => ({ zh, en });

const col = (
  key: string,
  zh: string,
  field: string,
  type: ColumnType,
  required: boolean,
  note: Bilingual,
  terms?: TermTable,
): ColumnSpec => ({ key, zh, field, type, required, note, ...(terms ? { terms } : {}) });

const cadreRef = col('cadre_id', '干部编号', 'cadreId', 'id', true, idNote({ zh: '干部', en: 'cadre' }));
const recordId = (what: Bilingual) => col('id', '编号', 'id', 'id', true, idNote(what));

export const importColumns: Record<ImportKind, readonly ColumnSpec[]> = {
  units: [
    col('id', '单位编号', 'id', 'id', true, idNote({ zh: '单位', en: 'unit' })),
    col('name', '单位名称', 'name', 'text', true, textNote('单位名称', 'unit name')),
  ],
  cadres: [
    col('id', '干部编号', 'id', 'id', true, idNote({ zh: '干部', en: 'cadre' })),
    col('name', '姓名', 'name', 'text', true, textNote('姓名', 'full name')),
    col('unit_id', '单位编号', 'unitId', 'id', true, textNote('所在单位的编号（须已导入）', 'id of an existing unit')),
    col('peer_group', '考核序列', 'peerGroup', 'text', true, textNote('同类别排名的考核序列名称', 'peer group used for ranking')),
    col('position', '职务', 'position', 'text', false, textNote('职务；可空', 'position; optional')),
    col('rank_level', '职级', 'rankLevel', 'text', false, textNote('职级；可空', 'rank level; optional')),
    col('category', '人员类别', 'category', 'enum', true, enumNote(cadreCategoryTerms), cadreCategoryTerms),
    col('leader', '是否领导', 'leader', 'bool', false, boolNote),
    col('appointed_on', '任职时间', 'appointedOn', 'date', false, optionalDateNote),
    col('trial_ends_on', '试用期满', 'trialEndsOn', 'date', false, optionalDateNote),
  ],
  scores: [
    cadreRef,
    col('month', '月份', 'month', 'month', true, textNote('月份，格式 YYYY-MM', 'month YYYY-MM')),
    col('score', '得分', 'score', 'number', true, textNote('得分 0–100', 'score 0–100')),
  ],
  grades: [
    cadreRef,
    col('year', '年度', 'year', 'year', true, textNote('年度，如 2025', 'year, e.g. 2025')),
    col('grade', '等次', 'grade', 'enum', true, enumNote(annualGradeTerms), annualGradeTerms),
  ],
  sanctions: [
    recordId({ zh: '处分', en: 'sanction' }),
    cadreRef,
    col('kind', '处分种类', 'kind', 'enum', true, enumNote(sanctionKindTerms), sanctionKindTerms),
    col('decided_on', '决定日期', 'decidedOn', 'date', true, dateNote),
    col('reason', '事由', 'reason', 'text', false, textNote('事由；可空', 'reason; optional')),
    col('released_on', '解除日期', 'releasedOn', 'date', false, optionalDateNote),
  ],
  measures: [
    recordId({ zh: '措施', en: 'measure' }),
    col('subject_type', '对象类型', 'subjectType', 'enum', true, enumNote(subjectTypeTerms), subjectTypeTerms),
    col('subject_id', '对象编号', 'subjectId', 'id', true, textNote('干部或单位的编号', 'id of the cadre or unit')),
    col('kind', '措施', 'kind', 'enum', true, enumNote(measureKindTerms), measureKindTerms),
    col('starts_on', '开始日期', 'startsOn', 'date', true, dateNote),
    col('ends_on', '结束日期', 'endsOn', 'date', false, optionalDateNote),
    col('outcome', '结果', 'outcome', 'enum', false, enumNote(measureOutcomeTerms, true), measureOutcomeTerms),
    col('note', '备注', 'note', 'text', false, textNote('备注；可空', 'note; optional')),
  ],
  faults: [
    recordId({ zh: '容错纠错记录', en: 'fault record' }),
    cadreRef,
    col('date', '日期', 'date', 'date', true, dateNote),
    col('intentional', '是否故意', 'intentional', 'bool', true, boolNote),
    col('personal_interest', '是否为私利', 'personalInterest', 'bool', true, boolNote),
    col('violation', '是否明知违规', 'violation', 'bool', true, boolNote),
    col('tolerated', '容错认定', 'tolerated', 'bool', true, boolNote),
    col('description', '情况', 'description', 'text', false, textNote('情况说明；可空', 'description; optional')),
  ],
  rehab_plans: [
    recordId({ zh: '帮扶计划', en: 'rehabilitation plan' }),
    cadreRef,
    col('measure_id', '关联措施', 'measureId', 'id', true, textNote('引起帮扶的措施编号（须已导入）', 'id of the measure that led to the plan')),
    col('assignment', '安排岗位', 'assignment', 'enum', true, enumNote(rehabAssignmentTerms), rehabAssignmentTerms),
    col('starts_on', '开始日期', 'startsOn', 'date', true, dateNote),
    col('status', '状态', 'status', 'enum', true, enumNote(rehabStatusTerms), rehabStatusTerms),
    col('last_review', '最近评估', 'lastReview', 'enum', false, enumNote(rehabReviewTerms, true), rehabReviewTerms),
  ],
  check_ins: [
    col('plan_id', '计划编号', 'planId', 'id', true, textNote('帮扶计划编号（须已导入）', 'id of an existing rehabilitation plan')),
    col('date', '日期', 'date', 'date', true, dateNote),
    col('note', '谈话记录', 'note', 'text', false, textNote('谈话记录；可空', 'notes; optional')),
  ],
  clearances: [
    recordId({ zh: '澄清', en: 'clearance' }),
    cadreRef,
    col('record_id', '被澄清记录编号', 'recordId', 'id', true, textNote('被澄清或撤销的处分、措施、容错记录等的编号', 'id of the sanction, measure, fault … cleared or revoked')),
    col('date', '日期', 'date', 'date', true, dateNote),
    col('note', '说明', 'note', 'text', false, textNote('说明；可空', 'note; optional')),
    col('kind', '类型', 'kind', 'enum', false, enumNote(clearanceKindTerms, true), clearanceKindTerms),
  ],
};

/**
 * How rows are keyed (DOMAIN.md §5): by `id`, or by cadre+month / cadre+year / plan+date for the
 * kinds whose records get a derived id. Re-importing a row with the same key updates the record.
 */
export const keyFieldsOfKind: Record<ImportKind, readonly string[]> = {
  units: ['id'],
  cadres: ['id'],
  scores: ['cadreId', 'month'],
  grades: ['cadreId', 'year'],
  sanctions: ['id'],
  measures: ['id'],
  faults: ['id'],
  rehab_plans: ['id'],
  check_ins: ['planId', 'date'],
  clearances: ['id'],
};

/** Header text → comparable form: case, spaces, _ and -, full-width forms and a trailing * ignored. */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[*＊]+$/u, '')
    .replace(/[\s_\-]+/gu, '')
    .toLowerCase();
}

const headerIndexCache = new Map<ImportKind, Map<string, ColumnSpec>>();

/** Every accepted spelling of every header of a kind: English key, Chinese, and the field name. */
export function headerIndex(kind: ImportKind): Map<string, ColumnSpec> {
  let index = headerIndexCache.get(kind);
  if (!index) {
    index = new Map();
    for (const c of importColumns[kind]) {
      for (const h of [c.key, c.zh, c.field]) index.set(normalizeHeader(h), c);
    }
    headerIndexCache.set(kind, index);
  }
  return index;
}

/** Header names that could poison an object built from the row; rejected outright. */
export const reservedHeaderNames = ['__proto__', 'constructor', 'prototype'];
