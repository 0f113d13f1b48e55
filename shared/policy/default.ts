// The default policy `lanzhou-new-area` (DOMAIN.md §3, §4) as data. Every number here is what an
// office may change by saving a new version; the engine reads them, never its own constants.
import type { PolicyVersion } from './schema';

export const defaultPolicy: PolicyVersion = {
  id: 'lanzhou-new-area.2000-01',
  policyId: 'lanzhou-new-area',
  version: '1',
  label: { zh: '兰州新区干部能上能下默认规则', en: 'Lanzhou New Area default policy' },
  effectiveFrom: '2000-01',
  note: 'DOMAIN.md §4; national facts of §3 as published, local rules of Lanzhou New Area.',

  ranking: { thirdsDivisor: 3, minGroupSize: 3, unitMinScoredCadres: 2 },

  streaks: {
    raiseTopThirdMonths: 6,
    warnBottomThirdMonths: 3,
    placeBottomThirdMonths: 6,
    teamBottomThirdMonths: 2,
  },

  actedMeasures: {
    // A reminder talk, a warning, or anything stronger on the ladder (§4.3), exits included.
    warn: [
      'reminderTalk',
      'inquiry',
      'admonishment',
      'warning',
      'probation',
      'transitionalPlacement',
      'positionAdjustment',
      'demotion',
      'removal',
      'rankReassignment',
      'dismissal',
      'immediateExit',
    ],
    // DOMAIN.md §4.2: silenced while a transitional placement or a stronger measure started
    // within the run (the count restarts the month after it).
    place: ['transitionalPlacement', 'positionAdjustment', 'demotion', 'removal', 'rankReassignment', 'dismissal', 'immediateExit'],
  },

  probation: { months: 3 },
  trial: { months: 12, poorBottomThirdMonths: 3, poorWindowMonths: 6, poorGradeAtOrBelow: 'basic' },
  reviewWindows: { probationDays: 14, trialDays: 30, checkInDays: 60, placementReviewMonths: 6 },

  impactPeriodMonths: {
    'party.warning': 12,
    'party.seriousWarning': 18,
    'party.removalFromPosts': 24,
    'party.probation1y': 12,
    'party.probation2y': 24,
    'party.expulsion': null,
    'admin.warning': 6,
    'admin.demerit': 12,
    'admin.majorDemerit': 18,
    'admin.gradeDemotion': 24,
    'admin.removal': 24,
    'admin.expulsion': null,
  },
  stacking: {
    kinds: ['admin.warning', 'admin.demerit', 'admin.majorDemerit', 'admin.gradeDemotion', 'admin.removal'],
    capMonths: 48,
  },

  salaryDeductionPercent: {
    'party.warning': 10,
    'party.seriousWarning': 20,
    'party.removalFromPosts': 50,
    'party.probation1y': 50,
    'party.probation2y': 50,
    'party.expulsion': 0,
    'admin.warning': 10,
    'admin.demerit': 20,
    'admin.majorDemerit': 30,
    'admin.gradeDemotion': 50,
    'admin.removal': 50,
    'admin.expulsion': 0,
  },

  promotionBars: { afterPartyProbationMonths: 24, admonishmentMonths: 6, demotionMonths: 12, removalMonths: 12 },

  honours: { disqualifyingMeasures: ['admonishment'] },

  faults: {
    standardAmount: 500,
    amountUnit: { zh: '元', en: 'CNY' },
    toleratedFactor: 0,
    unintentionalFactor: 0.5,
    intentionalFactor: 1,
  },

  annual: {
    evaluationMonth: 12,
    merit3Years: 3,
    dismissIncompetentYears: 2,
    excellentQuotaPercent: 20,
    excellentQuotaMinimum: 1,
  },

  gradeLimits: {
    sanctions: {
      'party.warning': { sameYear: 'notExcellent' },
      'party.seriousWarning': { sameYear: 'ungraded' },
      'party.removalFromPosts': { sameYear: 'incompetent' },
      'party.probation1y': { sameYear: 'incompetent' },
      'party.probation2y': { sameYear: 'incompetent' },
      'party.expulsion': {},
      'admin.warning': { sameYear: 'notExcellent' },
      'admin.demerit': { sameYear: 'ungraded' },
      'admin.majorDemerit': { sameYear: 'ungraded', nextYear: 'ungraded' },
      'admin.gradeDemotion': { sameYear: 'ungraded', nextYear: 'ungraded' },
      'admin.removal': { sameYear: 'ungraded', nextYear: 'ungraded' },
      'admin.expulsion': {},
    },
    measures: {
      admonishment: { sameYear: 'notExcellent' },
      positionAdjustment: { sameYear: 'notExcellent' },
    },
  },

  promotion: { requiredGrade: 'excellent', topThirdMonths: 9, windowMonths: 12 },

  rehab: {
    measures: ['demotion', 'removal', 'transitionalPlacement'],
    minMonthsSinceStart: 12,
    topThirdMonths: 4,
    windowMonths: 6,
  },

  ladder: {
    cadre: [
      ['reminderTalk'],
      ['inquiry'],
      ['admonishment'],
      ['probation', 'warning'],
      ['transitionalPlacement'],
      ['positionAdjustment', 'demotion', 'removal'],
      ['dismissal'],
    ],
    // §4.3 is one ladder: a leadership team whose probation did not help takes the next rung too
    // (transitional placement of the team's leaders), or is reorganized (班子调整).
    unit: [['probation', 'warning'], ['transitionalPlacement', 'positionAdjustment']],
  },
};
