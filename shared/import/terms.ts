// Enumeration terms (DOMAIN.md §2, §5): every enumeration cell may hold the id or its Chinese term.
// The first Chinese term of each id is the one templates and reports print; the others are common
// spellings offices use (e.g. 待岗 for 过渡性安置, 合格 in public-institution grading).
import {
  annualGrades,
  cadreCategories,
  measureKinds,
  measureOutcomes,
  rehabAssignments,
  rehabReviews,
  rehabStatuses,
  sanctionKinds,
} from '../domain/records';

/** id → Chinese terms (first = canonical). */
export type TermTable<T extends string = string> = { readonly [K in T]: readonly string[] };

export const cadreCategoryTerms: TermTable<(typeof cadreCategories)[number]> = {
  civilServant: ['公务员'],
  civilServantManaged: ['参公', '参照公务员法管理', '参公管理'],
  publicInstitution: ['事业', '事业单位', '事业编制'],
  soe: ['国企', '国有企业'],
  other: ['其他'],
};

export const annualGradeTerms: TermTable<(typeof annualGrades)[number]> = {
  excellent: ['优秀'],
  competent: ['称职', '合格'],
  basic: ['基本称职', '基本合格'],
  incompetent: ['不称职', '不合格'],
  ungraded: ['不定等次', '不确定等次'],
};

// 警告 alone is ambiguous (party or administrative): it is deliberately not a term, so such a cell
// is rejected with a reason that names both choices.
export const sanctionKindTerms: TermTable<(typeof sanctionKinds)[number]> = {
  'party.warning': ['党内警告', '党纪警告'],
  'party.seriousWarning': ['党内严重警告', '党纪严重警告', '严重警告'],
  'party.removalFromPosts': ['撤销党内职务'],
  'party.probation1y': ['留党察看一年', '留党察看1年'],
  'party.probation2y': ['留党察看二年', '留党察看两年', '留党察看2年'],
  'party.expulsion': ['开除党籍'],
  'admin.warning': ['政务警告', '行政警告'],
  'admin.demerit': ['记过'],
  'admin.majorDemerit': ['记大过'],
  'admin.gradeDemotion': ['降级'],
  'admin.removal': ['撤职'],
  'admin.expulsion': ['开除', '开除公职'],
};

export const measureKindTerms: TermTable<(typeof measureKinds)[number]> = {
  performanceDeduction: ['绩效扣减'],
  salaryDeduction: ['薪酬扣减'],
  reminderTalk: ['提醒谈话'],
  inquiry: ['函询'],
  admonishment: ['诫勉', '诫勉谈话'],
  warning: ['警示', '预警'],
  probation: ['观察期'],
  transitionalPlacement: ['过渡性安置', '待岗'],
  immediateExit: ['刚性退出'],
  positionAdjustment: ['调整岗位'],
  removal: ['免职'],
  demotion: ['降职'],
  rankReassignment: ['改任职级'],
  downwardExchange: ['下派交流'],
  dismissal: ['辞退'],
  retirement: ['退休'],
  honoursDisqualification: ['取消评优评先资格', '取消评优评先'],
  trialPeriod: ['试用期'],
  trialExtension: ['延长试用期'],
  salaryRaise: ['提高薪酬'],
  commendation: ['嘉奖'],
  merit3: ['记三等功', '三等功'],
  promotion: ['提拔', '提拔重用'],
  identityTransfer: ['跨身份选调'],
};

export const measureOutcomeTerms: TermTable<(typeof measureOutcomes)[number]> = {
  improved: ['已改进'],
  notImproved: ['未改进'],
  confirmed: ['正式任职'],
  extended: ['延长'],
};

export const subjectTypeTerms: TermTable<'cadre' | 'unit'> = {
  cadre: ['干部'],
  unit: ['单位'],
};

export const rehabAssignmentTerms: TermTable<(typeof rehabAssignments)[number]> = {
  ruralRevitalization: ['乡村振兴'],
  grassrootsGovernance: ['基层治理'],
  other: ['其他'],
};

export const rehabStatusTerms: TermTable<(typeof rehabStatuses)[number]> = {
  active: ['进行中'],
  completed: ['已完成'],
  closed: ['已结束', '已关闭'],
};

export const rehabReviewTerms: TermTable<(typeof rehabReviews)[number]> = {
  positive: ['正面', '积极'],
  negative: ['负面', '消极'],
};

export const clearanceKindTerms: TermTable<'clearance' | 'revocation'> = {
  clearance: ['澄清', '澄清正名'],
  revocation: ['撤销'],
};

/** yes/no cells: 是/否 and the usual spellings; Excel TRUE/FALSE cells arrive as booleans. */
export const yesTerms = ['yes', 'y', 'true', '1', '是', '√', '✓'];
export const noTerms = ['no', 'n', 'false', '0', '否', '×', '✗'];

/** Canonical Chinese term of an id, for templates and reports. */
export function termOf(table: TermTable, id: string): string {
  return table[id]?.[0] ?? id;
}

/** Spaces, full-width forms and case do not matter when matching a term. */
export function normalizeTerm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Resolves a cell to an enumeration id: the id itself (case-insensitive) or one of its Chinese
 * terms. Returns undefined when nothing matches.
 */
export function resolveTerm(table: TermTable, raw: string): string | undefined {
  const wanted = normalizeTerm(raw);
  for (const id of Object.keys(table)) {
    if (normalizeTerm(id) === wanted) return id;
    for (const t of table[id]) if (normalizeTerm(t) === wanted) return id;
  }
  return undefined;
}

/** "`excellent` 优秀, `competent` 称职 …" for messages and template notes. */
export function describeTerms(table: TermTable): string {
  return Object.keys(table)
    .map((id) => `${id} ${table[id][0]}`)
    .join(', ');
}
