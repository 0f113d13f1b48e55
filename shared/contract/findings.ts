// Findings as officers work with them: the engine's findings minus the dismissed and the acted-on
// ones, marked new when they did not exist the month before; dismissing and acting on them.
import { z } from 'zod';
import { findingSchema } from '../domain/findings';
import { dateSchema, freeText, idSchema, monthFormatSchema, monthSchema } from '../domain/primitives';
import {
  findingDismissalSchema,
  measureKindSchema,
  measureSchema,
  subjectSchema,
  subjectTypeSchema,
} from '../domain/records';
import { officeCodeSchema } from '../sync/schema';
import { command, query } from './define';

/** A measure not yet recorded: what a finding's "record the suggested measure" form starts from. */
export const measureDraftSchema = z.object({
  subjectType: subjectTypeSchema,
  subjectId: idSchema,
  kind: measureKindSchema,
  startsOn: dateSchema,
  endsOn: dateSchema.optional(),
  note: freeText(1000).default(''),
});
export type MeasureDraft = z.infer<typeof measureDraftSchema>;

export const findingRowSchema = findingSchema.extend({
  /** Not among the findings of the month before (by finding key). */
  isNew: z.boolean(),
  subjectName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** The suggested measure pre-filled, or null when the suggestion is not a measure (e.g. a review). */
  suggestedMeasure: measureDraftSchema.nullable(),
});
export type FindingRow = z.infer<typeof findingRowSchema>;

export const findingsListSchema = z.object({
  asOf: monthSchema,
  previousMonth: monthFormatSchema, // derived: 1949-12 before 1950-01
  items: z.array(findingRowSchema),
  /** Findings hidden because an officer dismissed them (with a reason). */
  dismissedCount: z.number().int(),
  /** Findings hidden because a measure was recorded from them. */
  actedCount: z.number().int(),
});
export type FindingsList = z.infer<typeof findingsListSchema>;

export const monthOverviewSchema = z.object({
  asOf: monthSchema,
  previousMonth: monthFormatSchema, // derived: 1949-12 before 1950-01
  total: z.number().int(),
  newCount: z.number().int(),
  byRule: z.array(z.object({ rule: z.string(), count: z.number().int(), newCount: z.number().int() })),
  /** The findings that are new this month, cadres' and units' alike. */
  newItems: z.array(findingRowSchema),
  dismissedCount: z.number().int(),
  actedCount: z.number().int(),
});
export type MonthOverview = z.infer<typeof monthOverviewSchema>;

/** The overview as findings.overview answers it: with the month's readiness. */
export const monthOverviewWithReadinessSchema = monthOverviewSchema.extend({
  /** Cadres with a score in the month (not cleared): 0 means the score-based rules cannot fire yet. */
  scoredCadres: z.number().int(),
  hasScores: z.boolean(),
});

const findingKeySchema = z.string().min(1).max(300);

export const findingsContract = {
  'findings.list': query(
    /** `office`: only that office's cadres and units (the New Area's view of one township); omitted = all. */
    z.object({ asOf: monthSchema, subject: subjectSchema.optional(), office: officeCodeSchema.optional() }),
    findingsListSchema,
  ),
  /** Counts by rule of the month's open findings and who is new this month. */
  'findings.overview': query(z.object({ asOf: monthSchema, office: officeCodeSchema.optional() }), monthOverviewWithReadinessSchema),
  /**
   * Records the officer's decision not to act; who and when are journaled with the event. The
   * finding must exist as of `asOf` (the month it was listed for; without it, the latest scored
   * month or last month) unless it was dismissed before (a new reason replaces the old one).
   */
  'findings.dismiss': command(
    z.object({ findingKey: findingKeySchema, reason: freeText(1000).min(1), asOf: monthSchema.optional() }),
    findingDismissalSchema,
  ),
  /**
   * Records the finding's suggested measure (measure.findingKey set). Fields given in `measure`
   * override the pre-filled ones; the finding must exist as of `asOf`.
   */
  'findings.act': command(
    z.object({
      findingKey: findingKeySchema,
      asOf: monthSchema,
      measure: measureDraftSchema.partial().extend({ id: idSchema.optional() }).default({ note: '' }),
    }),
    measureSchema,
  ),
  /** The month's open findings (one rule, or all) as an .xlsx workbook, base64. */
  'findings.export': query(
    z.object({
      asOf: monthSchema,
      rule: z.string().min(1).max(60).optional(),
      office: officeCodeSchema.optional(),
      lang: z.enum(['zh', 'en']).default('zh'),
    }),
    z.object({ fileName: z.string(), base64: z.string() }),
  ),
} as const;
