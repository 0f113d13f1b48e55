// The case file (干部档案/一人一档): everything about one cadre on one page.
import { z } from 'zod';
import { rankEvidenceSchema } from '../domain/findings';
import { dateSchema, monthSchema } from '../domain/primitives';
import { cadreSchema, clearanceSchema, unitSchema } from '../domain/records';
import { cadreStatuses } from '../domain/status';
import { idSchema } from '../domain/primitives';
import { query } from './define';
import { findingRowSchema } from './findings';

export const impactPeriodViewSchema = z.object({
  sanctionId: z.string(),
  kind: z.string(),
  start: dateSchema,
  /** Exclusive: the first day the sanction no longer limits the cadre. */
  end: dateSchema,
  /** Covers the reference date. */
  active: z.boolean(),
});
export type ImpactPeriodView = z.infer<typeof impactPeriodViewSchema>;

export const promotionBarViewSchema = z.object({
  /** "不得提拔至 <until>". */
  until: dateSchema,
  sourceCollection: z.string(),
  sourceId: z.string(),
  /** The sanction or measure kind that bars. */
  kind: z.string(),
  /** impactPeriod, afterPartyProbation, admonishment, demotion or removal. */
  reason: z.string(),
});
export type PromotionBarView = z.infer<typeof promotionBarViewSchema>;

export const timelineCollections = [
  'scores',
  'grades',
  'sanctions',
  'measures',
  'faults',
  'clearances',
  'rehabPlans',
  'checkIns',
] as const;

export const timelineEntrySchema = z.object({
  /** `${collection}/${record id}`: unique across the timeline. */
  key: z.string(),
  collection: z.enum(timelineCollections),
  /** The record's date for sorting and display: YYYY-MM-DD, or YYYY-MM for scores, YYYY for grades. */
  date: z.string(),
  /** Sanction/measure kind, grade value, 'score', 'fault', 'clearance', 'revocation', … */
  kind: z.string(),
  /** A clearance or revocation took the record out of effect: shown, greyed, no effect. */
  cleared: z.boolean(),
  clearedBy: clearanceSchema.optional(),
  /** Scores: the rank within the peer group that month. */
  rank: z.object({ rank: z.number().int(), n: z.number().int(), third: rankEvidenceSchema.shape.third }).optional(),
  /** Sanctions: their impact period. */
  period: impactPeriodViewSchema.optional(),
  /** The record itself, as stored. */
  record: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const caseFileSchema = z.object({
  asOf: monthSchema,
  /** The date "in force" and "active" are judged on (today, or the as-of month's last day). */
  referenceDate: dateSchema,
  cadre: cadreSchema,
  unit: unitSchema.nullable(),
  status: z.enum(cadreStatuses),
  /** Cadres in the same peer group (ranked or not). */
  peerGroupSize: z.number().int(),
  /** Bars in force on the reference date, latest end first. */
  bars: z.array(promotionBarViewSchema),
  /** Impact periods of the cadre's sanctions (not cleared), newest first; `active` marks those in force. */
  impactPeriods: z.array(impactPeriodViewSchema),
  /** Newest first. */
  timeline: z.array(timelineEntrySchema),
  /** Oldest first, for the chart. */
  rankHistory: z.array(rankEvidenceSchema),
  findings: z.array(findingRowSchema),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

export const casefileContract = {
  'casefile.get': query(z.object({ cadreId: idSchema, asOf: monthSchema }), caseFileSchema),
} as const;
