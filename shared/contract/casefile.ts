// The case file (干部档案/一人一档): everything about one cadre on one page.
import { z } from 'zod';
import { rankEvidenceSchema } from '../domain/findings';
import { bilingualSchema, dateSchema, monthSchema } from '../domain/primitives';
import { cadreSchema, clearanceSchema, unitSchema } from '../domain/records';
import { cadreStatuses } from '../domain/status';
import { idSchema } from '../domain/primitives';
import { query } from './define';
import { faultDeductionSchema } from './faults';
import { findingRowSchema } from './findings';
import { planRowSchema, wayBackSchema } from './rehab';

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
  /**
   * How the record stands — the three ways a record stops counting are told apart:
   * voided (作废, a data-entry error: gone from the ledger, kept in its history), revoked (撤销, the
   * authority withdrew the decision) and cleared (澄清, a false allegation). `inForce` otherwise.
   */
  standing: z.enum(['inForce', 'cleared', 'revoked', 'voided']),
  /** Voided: why, who and when (the record shown is the version voided). */
  voided: z.object({ reason: z.string(), by: z.string(), at: z.string(), date: dateSchema, revisionId: z.string() }).optional(),
  /** Number of corrections (更正) of the record; records.history lists them. */
  corrections: z.number().int(),
  /** The latest correction, when there is one. */
  lastCorrection: z.object({ reason: z.string(), by: z.string(), at: z.string(), date: dateSchema }).optional(),
  /** Scores: the rank within the peer group that month. */
  rank: z.object({ rank: z.number().int(), n: z.number().int(), third: rankEvidenceSchema.shape.third }).optional(),
  /** Sanctions: their impact period. */
  period: impactPeriodViewSchema.optional(),
  /** The record itself, as stored. */
  record: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** One thing a cleared (or revoked) record applied while it stood, for the office to restore. */
export const clearanceEffectSchema = z.object({
  type: z.enum(['salaryDeduction', 'honoursWithheld', 'promotionBar', 'gradeLimit', 'faultDeduction', 'ladderStep']),
  /** The effect in words, e.g. "2024-03 至 2024-08 共6个月绩效工资按10%扣发". */
  text: bilingualSchema,
  /** Months of pay deducted (salaryDeduction), with the percent. */
  months: z.array(monthSchema).optional(),
  percent: z.number().optional(),
  /** Years (honoursWithheld, gradeLimit). */
  years: z.array(z.number().int()).optional(),
  /** Promotion bar: from (inclusive) and until (exclusive), and what the clearance cut short. */
  from: dateSchema.optional(),
  until: dateSchema.optional(),
  /** gradeLimit: notExcellent | ungraded | incompetent. */
  limit: z.string().optional(),
  /** faultDeduction. */
  amount: z.number().optional(),
  /** ladderStep: the measure recorded from a finding the record fed. */
  measureId: z.string().optional(),
  measureKind: z.string().optional(),
});
export type ClearanceEffect = z.infer<typeof clearanceEffectSchema>;

export const clearanceEffectsSchema = z.object({
  clearance: clearanceSchema,
  /** The record cleared (as stored) and its collection. */
  collection: z.enum(['sanctions', 'faults', 'measures']),
  record: z.record(z.string(), z.unknown()),
  /** Its kind (sanction or measure kind, 'fault') and date. */
  recordKind: z.string(),
  recordDate: dateSchema,
  /** What it applied from its date until the clearance's date. */
  effects: z.array(clearanceEffectSchema),
});
export type ClearanceEffects = z.infer<typeof clearanceEffectsSchema>;

/** Who owns the cadre: the office that created it, or the one the last transfer moved it to. */
export const ownershipSchema = z.object({
  office: z.string(),
  officeName: z.string(),
  /** Whether this office owns the cadre (only the owner transfers it on). */
  self: z.boolean(),
  /** The office owning the cadre's unit: another office's after a transfer in, until the unit is set. */
  unitOffice: z.string(),
  unitOfficeName: z.string(),
  /** Every transfer, oldest first. */
  transfers: z.array(
    z.object({ from: z.string(), fromName: z.string(), to: z.string(), toName: z.string(), on: z.string(), by: z.string(), note: z.string() }),
  ),
});
export type Ownership = z.infer<typeof ownershipSchema>;

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
  /** The way back up (rehab.reascend checklist); null when the cadre has no measure to rise again from. */
  wayBack: wayBackSchema.nullable(),
  /** The cadre's rehabilitation plans, newest first. */
  plans: z.array(planRowSchema),
  /** Per fault: the standard amount, the factor and why (DOMAIN.md §4.2), newest first. */
  faultDeductions: z.array(faultDeductionSchema),
  /** Per clearance or revocation of the cadre: what the record applied while it stood, newest first. */
  clearanceEffects: z.array(clearanceEffectsSchema),
  /** The owning office and the cadre's transfers between offices (docs/SYNC.md); absent without an office identity. */
  ownership: ownershipSchema.optional(),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

export const casefileContract = {
  'casefile.get': query(z.object({ cadreId: idSchema, asOf: monthSchema }), caseFileSchema),
} as const;
