// The warning and probation tracker (预警与观察期台账): everything in progress, its review date and
// how close it is; the team view; closing with an outcome; export of the board.
import { z } from 'zod';
import { dateSchema, freeText, idSchema, monthSchema } from '../domain/primitives';
import { measureKindSchema, measureOutcomeSchema, measureSchema, subjectSchema } from '../domain/records';
import { officeCodeSchema } from '../sync/schema';
import { command, query } from './define';
import { faultRowSchema } from './faults';
import { measureDraftSchema } from './findings';

export const trackedKinds = [
  'warning',
  'probation',
  'transitionalPlacement',
  'trialPeriod',
  'trialExtension',
  'inquiry',
] as const;
export const trackedKindSchema = z.enum(trackedKinds);
export type TrackedKind = z.infer<typeof trackedKindSchema>;

export const trackerStatuses = ['onTrack', 'dueSoon', 'overdue'] as const;
export const trackerStatusSchema = z.enum(trackerStatuses);
export type TrackerStatus = z.infer<typeof trackerStatusSchema>;

export const trackerItemSchema = z.object({
  /** The measure id, or `trial:<cadreId>` for a trial period known only from the cadre's record. */
  id: z.string(),
  measureId: z.string().nullable(),
  subject: subjectSchema,
  subjectName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  kind: trackedKindSchema,
  startsOn: dateSchema.nullable(),
  reviewDate: dateSchema.nullable(),
  /** The review date is the ladder's default length, not an end date recorded on the measure. */
  reviewDateDefaulted: z.boolean(),
  /** From the reference date to the review date; negative when overdue. */
  daysLeft: z.number().int().nullable(),
  status: trackerStatusSchema,
  note: z.string(),
  /** A transitional placement saved without a review date (shown as "无复核日期"). */
  missingReviewDate: z.boolean().default(false),
});
export type TrackerItem = z.infer<typeof trackerItemSchema>;

export const trackerFiltersSchema = z.object({
  unitId: idSchema.optional(),
  kinds: z.array(trackedKindSchema).optional(),
  statuses: z.array(trackerStatusSchema).optional(),
});
export type TrackerFilters = z.infer<typeof trackerFiltersSchema>;

export const teamMemberSchema = z.object({
  cadreId: z.string(),
  name: z.string(),
  position: z.string(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  n: z.number().int().nullable(),
  third: z.enum(['top', 'middle', 'bottom', 'none']),
});

export const unitStandingSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** The owning office: each office's units are ranked among themselves (the New Area's view). */
  office: z.string().optional(),
  mean: z.number(),
  rank: z.number().int(),
  n: z.number().int(),
  third: z.enum(['top', 'middle', 'bottom', 'none']),
  scoredCadres: z.number().int(),
});
export type UnitStanding = z.infer<typeof unitStandingSchema>;

export const teamViewSchema = z.object({
  month: monthSchema,
  /** Units ranked by the mean monthly score of their cadres (units with ≥ 2 scored cadres). */
  ranking: z.array(unitStandingSchema),
  /** Units under team warning or probation, with their members. */
  underWatch: z.array(
    z.object({
      measureId: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      kind: trackedKindSchema,
      startsOn: dateSchema,
      reviewDate: dateSchema.nullable(),
      daysLeft: z.number().int().nullable(),
      status: trackerStatusSchema,
      standing: unitStandingSchema.nullable(),
      members: z.array(teamMemberSchema),
    }),
  ),
});
export type TeamView = z.infer<typeof teamViewSchema>;

/** A rehabilitation plan whose check-in talk is overdue (`rehab.checkin-due`). */
export const checkInDueSchema = z.object({
  planId: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  mentor: z.string(),
  lastContact: dateSchema,
  dueOn: dateSchema,
  /** From dueOn to the reference date. */
  daysOverdue: z.number().int(),
  findingKey: z.string(),
});
export type CheckInDue = z.infer<typeof checkInDueSchema>;

export const trackerBoardSchema = z.object({
  asOf: monthSchema,
  referenceDate: dateSchema,
  items: z.array(trackerItemSchema),
  counts: z.object({ onTrack: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int() }),
  team: teamViewSchema,
  /** Faults whose tolerance procedure awaits a step (filtered by unit like the items). */
  faults: z.array(faultRowSchema),
  /** Plans with an overdue check-in. */
  checkInsDue: z.array(checkInDueSchema),
});
export type TrackerBoard = z.infer<typeof trackerBoardSchema>;

/** One remaining rung's measure, pre-filled. */
export const nextStepOptionSchema = z.object({
  /** 1 = the next rung, 2 = the one after… */
  rung: z.number().int().min(1),
  kind: measureKindSchema,
  draft: measureDraftSchema,
});
export type NextStepOption = z.infer<typeof nextStepOptionSchema>;

export const nextStepSchema = z.object({
  /** The first option (the next rung's first kind): kept so a single-choice dialog still works. */
  kind: measureKindSchema,
  alternatives: z.array(measureKindSchema),
  draft: measureDraftSchema,
  /** Every remaining rung of the subject's ladder, each of its kinds, in ladder order. */
  options: z.array(nextStepOptionSchema),
  /**
   * A team (unit) closed as not improved: its members, to name in a team measure (measure.memberIds)
   * or to give individual measures (cadre drafts of `memberKinds`, the cadre ladder after probation).
   */
  members: z.array(z.object({ cadreId: z.string(), name: z.string(), position: z.string() })),
  memberKinds: z.array(measureKindSchema),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const trackerContract = {
  'tracker.board': query(
    /** `office`: one township's board (its units ranked among its own); omitted = every office. */
    z.object({ asOf: monthSchema, filters: trackerFiltersSchema.default({}), office: officeCodeSchema.optional() }),
    trackerBoardSchema,
  ),
  /**
   * Records the outcome of a tracked measure (and its end date if it has none). A trial known only
   * from the cadre's record is closed with `trialOf` (a trialPeriod measure is recorded for it).
   * For notImproved the next step of the ladder comes back pre-filled (not yet recorded).
   */
  'tracker.close': command(
    z
      .object({
        measureId: idSchema.optional(),
        trialOf: idSchema.optional(),
        outcome: measureOutcomeSchema,
        endsOn: dateSchema.optional(),
        note: freeText(1000).optional(),
      })
      .refine((v) => (v.measureId ? 1 : 0) + (v.trialOf ? 1 : 0) === 1, {
        message: 'give exactly one of measureId or trialOf',
        path: ['measureId'],
      }),
    z.object({ measure: measureSchema, nextStep: nextStepSchema.nullable() }),
  ),
  /** The current board (with the same filters) as an .xlsx workbook, base64. */
  'tracker.export': query(
    z.object({
      asOf: monthSchema,
      filters: trackerFiltersSchema.default({}),
      office: officeCodeSchema.optional(),
      lang: z.enum(['zh', 'en']).default('zh'),
    }),
    z.object({ fileName: z.string(), base64: z.string() }),
  ),
} as const;
