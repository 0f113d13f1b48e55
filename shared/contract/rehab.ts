// Rehabilitation plans (后半篇文章 / 回访教育): opening a plan from a demotion, removal, transitional
// placement or position adjustment; check-ins; reviews; closing; the list of all plans with its
// export; one plan with its check-ins, recent ranks and the way back up (rehab.reascend checklist).
import { z } from 'zod';
import { rankEvidenceSchema } from '../domain/findings';
import { bilingualSchema, dateSchema, freeText, idSchema, monthSchema, nameText } from '../domain/primitives';
import {
  checkInSchema,
  measureKindSchema,
  measureSchema,
  rehabAssignments,
  rehabOutcomes,
  rehabPlanSchema,
  rehabReviews,
  rehabSourceMeasures,
  rehabStatuses,
} from '../domain/records';
import { officeCodeSchema } from '../sync/schema';
import { command, query } from './define';
import { findingRowSchema } from './findings';

// Free text keeps line breaks; `line` is one line (names, titles): shared/domain/primitives.ts.
const text = freeText;
const line = nameText;

export const rehabAssignmentSchema = z.enum(rehabAssignments);
export const rehabStatusSchema = z.enum(rehabStatuses);
export const rehabOutcomeSchema = z.enum(rehabOutcomes);
export const rehabReviewResultSchema = z.enum(rehabReviews);
export const rehabSourceMeasureSchema = z.enum(rehabSourceMeasures);

const trainingSchema = rehabPlanSchema.shape.training.unwrap();

/** The fields of a plan an officer fills in (opening it, or correcting it with rehab.update). */
export const planFieldsSchema = z.object({
  assignment: rehabAssignmentSchema,
  startsOn: dateSchema,
  post: line(100).min(1),
  place: line(100).min(1),
  fitReason: text(1000).min(1),
  mentor: line(50).min(1),
  goals: text(2000).min(1),
  // No defaults: rehab.update takes these fields partially, and a default would wipe them.
  training: trainingSchema.optional(),
  scheduledReviews: z.array(dateSchema).max(24).optional(),
});
export type PlanFields = z.infer<typeof planFieldsSchema>;

/** A plan not yet opened, pre-filled from its measure (strings may be empty for the officer to fill). */
export const planDraftSchema = z.object({
  cadreId: idSchema,
  measureId: idSchema,
  measureKind: rehabSourceMeasureSchema,
  assignment: rehabAssignmentSchema,
  startsOn: dateSchema,
  post: z.string(),
  place: z.string(),
  fitReason: z.string(),
  mentor: z.string(),
  goals: z.string(),
  training: z.array(trainingSchema.element),
  scheduledReviews: z.array(dateSchema),
  /** The cadre's position before the measure (to help write why the assignment fits). */
  cadrePosition: z.string(),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;

// ---- the way back up (rehab.reascend as a checklist) -------------------------------------------

export const wayBackConditionIds = ['measure', 'minTime', 'plan', 'topThird', 'noBar', 'noPromotion', 'inPost'] as const;
export const wayBackConditionSchema = z.object({
  id: z.enum(wayBackConditionIds),
  /** What the condition asks, e.g. "降职满12个月". */
  label: bilingualSchema,
  met: z.boolean(),
  /** Its state: "已满（2025-03-01起）", "前三分之一 3/4 个月", "提拔限制至 2027-03-15"… */
  detail: bilingualSchema,
  /** When a not-yet condition will be met by time alone (minTime, noBar), the first such month. */
  metFrom: monthSchema.optional(),
});
export type WayBackCondition = z.infer<typeof wayBackConditionSchema>;

export const wayBackSchema = z.object({
  cadreId: z.string(),
  asOf: monthSchema,
  /** The month's last day: the conditions are judged as the rule judges them, as of the month. */
  judgedOn: dateSchema,
  /** The latest demotion/removal/transitional placement the cadre may rise again from (policy.rehab.measures). */
  measure: measureSchema.nullable(),
  planId: z.string().nullable(),
  /**
   * The first day of the earliest month the time conditions (minimum time since the measure, no
   * promotion bar known today) allow; the other conditions may still hold it back. Null without a measure.
   */
  earliestDate: dateSchema.nullable(),
  /** Every condition of `rehab.reascend`, in the rule's order. */
  conditions: z.array(wayBackConditionSchema),
  /** All conditions met: exactly when `rehab.reascend` fires as of `asOf`. */
  eligible: z.boolean(),
});
export type WayBack = z.infer<typeof wayBackSchema>;

// ---- plans: rows, one plan ---------------------------------------------------------------------

export const planRowSchema = z.object({
  plan: rehabPlanSchema,
  cadreName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  measureKind: measureKindSchema.nullable(),
  lastCheckIn: dateSchema.nullable(),
  /** Last check-in (or the start) + policy.reviewWindows.checkInDays; null once the plan is closed. */
  nextCheckIn: dateSchema.nullable(),
  /** `rehab.checkin-due` fires for the plan as of the month. */
  checkInOverdue: z.boolean(),
  checkInFindingKey: z.string().nullable(),
  checkInCount: z.number().int(),
  /** `rehab.reascend` fires for the cadre (from this plan's measure) as of the month. */
  eligible: z.boolean(),
  /** From the way back up. */
  earliestDate: dateSchema.nullable(),
});
export type PlanRow = z.infer<typeof planRowSchema>;

export const planFiltersSchema = z.object({
  status: z.array(rehabStatusSchema).optional(),
  assignment: z.array(rehabAssignmentSchema).optional(),
  /** Substring of the mentor's name. */
  mentor: line(50).optional(),
  unitId: idSchema.optional(),
  overdueOnly: z.boolean().optional(),
  eligibleOnly: z.boolean().optional(),
});
export type PlanFilters = z.infer<typeof planFiltersSchema>;

export const planViewSchema = z.object({
  asOf: monthSchema,
  referenceDate: dateSchema,
  row: planRowSchema,
  cadre: z.object({ id: z.string(), name: z.string(), position: z.string(), unitName: z.string().nullable() }),
  measure: measureSchema.nullable(),
  /** Newest first. */
  checkIns: z.array(checkInSchema),
  /** The cadre's ranks of the last policy.rehab.windowMonths months up to the as-of month, oldest first. */
  recentRanks: z.array(rankEvidenceSchema),
  wayBack: wayBackSchema,
  /** The plan's open findings (check-in due, eligible to rise again). */
  findings: z.array(findingRowSchema),
});
export type PlanView = z.infer<typeof planViewSchema>;

const planId = z.object({ planId: idSchema });

export const rehabContract = {
  /** A plan pre-filled from a demotion, removal, transitional placement or position adjustment. */
  'rehab.draftFromMeasure': query(z.object({ measureId: idSchema }), planDraftSchema),
  /** Opens the plan (status active); one open plan per measure. */
  'rehab.open': command(
    planFieldsSchema.extend({ id: idSchema.optional(), cadreId: idSchema, measureId: idSchema, confirmDuplicate: z.boolean().default(false) }),
    rehabPlanSchema,
  ),
  /** Corrects the plan's fields (更正, with a revision keeping the version before). */
  'rehab.update': command(planId.extend({ plan: planFieldsSchema.partial(), reason: text(1000).min(1) }), rehabPlanSchema),
  /** A check-in talk (谈心谈话/回访), dated on or after the plan's start. */
  'rehab.checkIn': command(
    planId.extend({
      date: dateSchema,
      talkedBy: line(50).min(1),
      thoughts: text(2000).min(1),
      workState: text(2000).min(1),
      concerns: text(2000).default(''),
      support: text(2000).default(''),
      note: text(2000).default(''),
    }),
    checkInSchema,
  ),
  /** A review, positive or negative, with its evidence; the plan's lastReview follows the latest. */
  'rehab.review': command(
    planId.extend({ date: dateSchema, result: rehabReviewResultSchema, evidence: text(2000).min(1), by: line(50).optional() }),
    z.object({ plan: rehabPlanSchema, recentRanks: z.array(rankEvidenceSchema) }),
  ),
  /** Closes the plan with its outcome: roseAgain / continued → completed, closed → closed. */
  'rehab.close': command(planId.extend({ outcome: rehabOutcomeSchema, date: dateSchema, note: text(1000).optional() }), rehabPlanSchema),
  'rehab.list': query(
    z.object({ asOf: monthSchema, filters: planFiltersSchema.default({}), office: officeCodeSchema.optional() }),
    z.object({ asOf: monthSchema, referenceDate: dateSchema, items: z.array(planRowSchema) }),
  ),
  /** The list (same filters) as .xlsx, base64. */
  'rehab.export': query(
    z.object({
      asOf: monthSchema,
      filters: planFiltersSchema.default({}),
      office: officeCodeSchema.optional(),
      lang: z.enum(['zh', 'en']).default('zh'),
    }),
    z.object({ fileName: z.string(), base64: z.string() }),
  ),
  'rehab.get': query(planId.extend({ asOf: monthSchema }), planViewSchema),
} as const;
