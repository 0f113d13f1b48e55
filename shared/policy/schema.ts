// The policy document (DOMAIN.md §4): every threshold the rules engine uses, as data. An office
// changes a number by saving a new version with a later `effectiveFrom`; the engine uses, for each
// month, the newest version in force (see policyInForce). Nothing in shared/engine hard-codes a
// threshold: a new streak length or deduction percent needs no code change.
//
// The documents are strict (unknown fields are errors, so a misspelt threshold is caught instead
// of silently falling back) and complete (no hidden defaults): what an officer reads is what runs.
import { z } from 'zod';
import { bilingualSchema, idSchema, monthSchema } from '../domain/primitives';
import {
  annualGradeSchema,
  measureKindSchema,
  sanctionKinds,
  type SanctionKind,
} from '../domain/records';

const months = z.number().int().min(1).max(600);
const days = z.number().int().min(0).max(3650);
const percent = z.number().min(0).max(100);

/** One entry per sanction kind, each required, so a policy can never forget one. */
function perSanctionKind<T extends z.ZodType>(value: T) {
  const shape = {} as Record<SanctionKind, T>;
  for (const k of sanctionKinds) shape[k] = value;
  return z.strictObject(shape);
}

/**
 * What a sanction (or measure) does to the annual grade (DOMAIN.md §3):
 * - `notExcellent`: the grade may not be excellent;
 * - `ungraded`: the cadre is not graded (不定等次);
 * - `incompetent`: the grade is incompetent.
 */
export const gradeLimitSchema = z.enum(['notExcellent', 'ungraded', 'incompetent']);
export type GradeLimit = z.infer<typeof gradeLimitSchema>;

export const gradeLimitRuleSchema = z.strictObject({
  /** Limit on the grade of the year of the decision / start. */
  sameYear: gradeLimitSchema.optional(),
  /** Limit on the grade of the following year. */
  nextYear: gradeLimitSchema.optional(),
});

const ladderStepSchema = z.array(measureKindSchema).min(1);

export const policyVersionSchema = z.strictObject({
  id: idSchema,
  /** The policy this document is a version of, e.g. 'lanzhou-new-area'. */
  policyId: z.string().trim().min(1).max(64),
  /** Version label shown to officers, e.g. '2024.1'. */
  version: z.string().trim().min(1).max(64),
  label: bilingualSchema,
  /** First month this version is in force. */
  effectiveFrom: monthSchema,
  note: z.string().max(2000).optional(),
  /**
   * The version this one was issued from (policy.issue). Named …Id so that the sync qualifies it
   * with the issuing office like every reference (`XQ.P0001` at a township). Absent on the default.
   */
  basedOnId: idSchema.optional(),

  /** §4.1: competition ranking within a peer group, split into thirds. */
  ranking: z.strictObject({
    /** k = ceil(n / thirdsDivisor); top: rank ≤ k; bottom: rank > n − k. */
    thirdsDivisor: z.number().int().min(2).max(20),
    /** Groups with fewer ranked cadres have no thirds. */
    minGroupSize: z.number().int().min(1).max(1000),
    /** A unit is ranked (team rules) only with at least this many scored cadres that month. */
    unitMinScoredCadres: z.number().int().min(1).max(1000),
  }),

  /** §4.2 streak lengths, in months. */
  streaks: z.strictObject({
    raiseTopThirdMonths: months,
    warnBottomThirdMonths: months,
    placeBottomThirdMonths: months,
    teamBottomThirdMonths: months,
  }),

  /** Which measures count as "already acted" for the streak rules. */
  actedMeasures: z.strictObject({
    /** `warn.bottom-third-streak`: a reminder talk, warning or stronger measure. */
    warn: z.array(measureKindSchema).min(1),
    /** `place.bottom-third-long`: a transitional placement or stronger measure (§4.2). */
    place: z.array(measureKindSchema),
  }),

  /** Probation (观察期) and trial (试用期) lengths used when a record gives no end date. */
  probation: z.strictObject({
    /** Length of the team probation `team.low-ranking` suggests, and of any probation without an end date. */
    months: months,
  }),
  trial: z.strictObject({
    /** A trial period without an end date lasts this long from its start. */
    months: months,
    /** `trial.review` flags `poor` with at least this many bottom-third months … */
    poorBottomThirdMonths: months,
    /** … among the trial's last this many months. */
    poorWindowMonths: months,
    /** … or when the last annual grade is this or worse. */
    poorGradeAtOrBelow: annualGradeSchema.exclude(['ungraded']),
  }),

  /** Review windows in days after the last day of the as-of month. */
  reviewWindows: z.strictObject({
    probationDays: days,
    trialDays: days,
    checkInDays: days.min(1),
    /**
     * A transitional placement's review date (复核日期) when the form leaves it empty: this many
     * months after its start. Added after the first stored versions, so optional with a default.
     */
    placementReviewMonths: months.default(6),
  }),

  /** §4.1a impact periods in months from the decision date; null = no period (expulsion). */
  impactPeriodMonths: perSanctionKind(months.nullable()),
  /** §4.1a administrative stacking. */
  stacking: z.strictObject({
    /** Which sanction kinds stack (the administrative ones). */
    kinds: z.array(z.enum(sanctionKinds)),
    /** A stacked period ends at most this many months after the first sanction's date. */
    capMonths: months,
  }),

  /** `sanction.salary-deduction`: percent of the monthly performance pay; 0 = no deduction. */
  salaryDeductionPercent: perSanctionKind(percent),

  /** §4.1a promotion bars besides the impact periods. */
  promotionBars: z.strictObject({
    /** Extra months after a party probation's impact period (no equal or higher post). */
    afterPartyProbationMonths: months,
    admonishmentMonths: months,
    demotionMonths: months,
    removalMonths: months,
  }),

  /** `sanction.no-honours`: measures that, like a sanction, disqualify from honours that year. */
  honours: z.strictObject({
    disqualifyingMeasures: z.array(measureKindSchema),
  }),

  /** `deduction.fault` (容错纠错). */
  faults: z.strictObject({
    standardAmount: z.number().min(0).max(1_000_000),
    /** Unit of the standard amount as shown to officers. */
    amountUnit: bilingualSchema,
    toleratedFactor: z.number().min(0).max(10),
    unintentionalFactor: z.number().min(0).max(10),
    intentionalFactor: z.number().min(0).max(10),
  }),

  /** Annual-grade rules. */
  annual: z.strictObject({
    /** Annual rules for year Y are evaluated as of this month (1–12) of Y. */
    evaluationMonth: z.number().int().min(1).max(12),
    /** Consecutive excellent years for a third-class merit. */
    merit3Years: z.number().int().min(2).max(20),
    /** Consecutive incompetent years for dismissal. */
    dismissIncompetentYears: z.number().int().min(1).max(20),
    /** Excellent quota: this percent of the unit's graded cadres, rounded down … */
    excellentQuotaPercent: percent,
    /** … but at least this many. */
    excellentQuotaMinimum: z.number().int().min(0).max(1000),
  }),

  /** §3: what a sanction or measure does to the annual grade (annual.grade-conflict). */
  gradeLimits: z.strictObject({
    sanctions: perSanctionKind(gradeLimitRuleSchema),
    measures: z.partialRecord(measureKindSchema, gradeLimitRuleSchema),
  }),

  /** `promote.candidate`. */
  promotion: z.strictObject({
    requiredGrade: annualGradeSchema,
    topThirdMonths: months,
    windowMonths: months,
  }),

  /** `rehab.reascend`. */
  rehab: z.strictObject({
    /** Measures a cadre can rise again from. */
    measures: z.array(measureKindSchema).min(1),
    minMonthsSinceStart: months,
    topThirdMonths: months,
    windowMonths: months,
  }),

  /** §4.3: the escalation ladder, one step = the measures of that step (first is suggested). */
  ladder: z.strictObject({
    cadre: z.array(ladderStepSchema).min(2),
    unit: z.array(ladderStepSchema).min(2),
  }),
}).superRefine((p, ctx) => {
  const checks: Array<[boolean, string[], string]> = [
    [p.trial.poorBottomThirdMonths <= p.trial.poorWindowMonths, ['trial', 'poorBottomThirdMonths'], 'must not exceed trial.poorWindowMonths'],
    [p.promotion.topThirdMonths <= p.promotion.windowMonths, ['promotion', 'topThirdMonths'], 'must not exceed promotion.windowMonths'],
    [p.rehab.topThirdMonths <= p.rehab.windowMonths, ['rehab', 'topThirdMonths'], 'must not exceed rehab.windowMonths'],
    [p.ladder.cadre.some((s) => s.includes('probation')), ['ladder', 'cadre'], 'must contain a step with probation'],
    [p.ladder.unit.some((s) => s.includes('probation')), ['ladder', 'unit'], 'must contain a step with probation'],
  ];
  for (const [ok, path, message] of checks) if (!ok) ctx.addIssue({ code: 'custom', path, message });
});

export type PolicyVersion = z.infer<typeof policyVersionSchema>;
