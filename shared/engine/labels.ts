// Names of the domain's enumerations in both UI languages (DOMAIN.md §2), for the explanations.
import type { Bilingual } from '../domain/primitives';
import type { AnnualGradeValue, MeasureKind, SanctionKind } from '../domain/records';

export const sanctionLabels: Record<SanctionKind, Bilingual> = {
  'party.warning': { zh: '党内警告', en: 'party warning' },
  'party.seriousWarning': { zh: '党内严重警告', en: 'serious party warning' },
  'party.removalFromPosts': { zh: '撤销党内职务', en: 'removal from party posts' },
  'party.probation1y': { zh: '留党察看一年', en: 'party probation (1 year)' },
  'party.probation2y': { zh: '留党察看二年', en: 'party probation (2 years)' },
  'party.expulsion': { zh: '开除党籍', en: 'expulsion from the party' },
  'admin.warning': { zh: '政务警告', en: 'administrative warning' },
  'admin.demerit': { zh: '记过', en: 'demerit' },
  'admin.majorDemerit': { zh: '记大过', en: 'major demerit' },
  'admin.gradeDemotion': { zh: '降级', en: 'grade demotion' },
  'admin.removal': { zh: '撤职', en: 'removal from office' },
  'admin.expulsion': { zh: '开除', en: 'expulsion' },
};

export const measureLabels: Record<MeasureKind, Bilingual> = {
  performanceDeduction: { zh: '绩效扣减', en: 'performance deduction' },
  salaryDeduction: { zh: '薪酬扣减', en: 'salary deduction' },
  reminderTalk: { zh: '提醒谈话', en: 'reminder talk' },
  inquiry: { zh: '函询', en: 'written inquiry' },
  admonishment: { zh: '诫勉', en: 'admonishment' },
  warning: { zh: '警示', en: 'warning' },
  probation: { zh: '观察期', en: 'probation' },
  transitionalPlacement: { zh: '过渡性安置', en: 'transitional placement' },
  immediateExit: { zh: '刚性退出', en: 'immediate exit' },
  positionAdjustment: { zh: '调整岗位', en: 'position adjustment' },
  removal: { zh: '免职', en: 'removal' },
  demotion: { zh: '降职', en: 'demotion' },
  rankReassignment: { zh: '改任职级', en: 'reassignment to rank' },
  downwardExchange: { zh: '下派交流', en: 'downward exchange' },
  dismissal: { zh: '辞退', en: 'dismissal' },
  retirement: { zh: '退休', en: 'retirement' },
  honoursDisqualification: { zh: '取消评优评先资格', en: 'disqualification from honours' },
  trialPeriod: { zh: '试用期', en: 'trial period' },
  trialExtension: { zh: '延长试用期', en: 'trial extension' },
  salaryRaise: { zh: '提高薪酬', en: 'salary raise' },
  commendation: { zh: '嘉奖', en: 'commendation' },
  merit3: { zh: '记三等功', en: 'third-class merit' },
  promotion: { zh: '提拔', en: 'promotion' },
  identityTransfer: { zh: '跨身份选调', en: 'identity transfer' },
};

export const gradeLabels: Record<AnnualGradeValue, Bilingual> = {
  excellent: { zh: '优秀', en: 'excellent' },
  competent: { zh: '称职', en: 'competent' },
  basic: { zh: '基本称职', en: 'basically competent' },
  incompetent: { zh: '不称职', en: 'incompetent' },
  ungraded: { zh: '不定等次', en: 'not graded' },
};

/** Joins labels: 提醒谈话、函询 / reminder talk, written inquiry. */
export function joinLabels(labels: readonly Bilingual[]): Bilingual {
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}
