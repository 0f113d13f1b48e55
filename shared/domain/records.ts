// The ledger's record kinds (DOMAIN.md §2, §5). One zod schema per kind; the TypeScript types are
// inferred from them so that the import, the contract and the engine cannot drift apart.
import { z } from 'zod';
import { dateSchema, idSchema, monthSchema, yearSchema } from './primitives';

export const cadreCategories = [
  'civilServant',
  'civilServantManaged',
  'publicInstitution',
  'soe',
  'other',
] as const;
export const cadreCategorySchema = z.enum(cadreCategories);
export type CadreCategory = z.infer<typeof cadreCategorySchema>;

export const annualGrades = ['excellent', 'competent', 'basic', 'incompetent', 'ungraded'] as const;
export const annualGradeSchema = z.enum(annualGrades);
export type AnnualGradeValue = z.infer<typeof annualGradeSchema>;

export const sanctionKinds = [
  'party.warning',
  'party.seriousWarning',
  'party.removalFromPosts',
  'party.probation1y',
  'party.probation2y',
  'party.expulsion',
  'admin.warning',
  'admin.demerit',
  'admin.majorDemerit',
  'admin.gradeDemotion',
  'admin.removal',
  'admin.expulsion',
] as const;
export const sanctionKindSchema = z.enum(sanctionKinds);
export type SanctionKind = z.infer<typeof sanctionKindSchema>;

export const measureKinds = [
  'performanceDeduction',
  'salaryDeduction',
  'reminderTalk',
  'inquiry',
  'admonishment',
  'warning',
  'probation',
  'transitionalPlacement',
  'immediateExit',
  'positionAdjustment',
  'removal',
  'demotion',
  'rankReassignment',
  'downwardExchange',
  'dismissal',
  'retirement',
  'honoursDisqualification',
  'trialPeriod',
  'trialExtension',
  'salaryRaise',
  'commendation',
  'merit3',
  'promotion',
  'identityTransfer',
] as const;
export const measureKindSchema = z.enum(measureKinds);
export type MeasureKind = z.infer<typeof measureKindSchema>;

export const measureOutcomes = ['improved', 'notImproved', 'confirmed', 'extended'] as const;
export const measureOutcomeSchema = z.enum(measureOutcomes);
export type MeasureOutcome = z.infer<typeof measureOutcomeSchema>;

export const subjectTypeSchema = z.enum(['cadre', 'unit']);
export type SubjectType = z.infer<typeof subjectTypeSchema>;
export const subjectSchema = z.object({ type: subjectTypeSchema, id: idSchema });
export type Subject = z.infer<typeof subjectSchema>;

export const rehabAssignments = ['ruralRevitalization', 'grassrootsGovernance', 'other'] as const;
export const rehabStatuses = ['active', 'completed', 'closed'] as const;
export const rehabReviews = ['positive', 'negative'] as const;

const text = (max: number) => z.string().trim().max(max);

export const unitSchema = z.object({
  id: idSchema,
  name: text(100).min(1),
});
export type Unit = z.infer<typeof unitSchema>;

export const cadreSchema = z.object({
  id: idSchema,
  name: text(50).min(1),
  unitId: idSchema,
  peerGroup: text(50).min(1),
  position: text(100).default(''),
  rankLevel: text(50).default(''),
  category: cadreCategorySchema,
  leader: z.boolean().default(false),
  appointedOn: dateSchema.optional(),
  trialEndsOn: dateSchema.optional(),
});
export type Cadre = z.infer<typeof cadreSchema>;

/** Keyed by cadre + month: re-importing a month replaces the score (DOMAIN.md §5). */
export const monthlyScoreSchema = z.object({
  id: z.string(),
  cadreId: idSchema,
  month: monthSchema,
  score: z.number().min(0).max(100),
});
export type MonthlyScore = z.infer<typeof monthlyScoreSchema>;
export const monthlyScoreId = (cadreId: string, month: string) => `${cadreId}:${month}`;

export const annualGradeRecordSchema = z.object({
  id: z.string(),
  cadreId: idSchema,
  year: yearSchema,
  grade: annualGradeSchema,
});
export type AnnualGrade = z.infer<typeof annualGradeRecordSchema>;
export const annualGradeId = (cadreId: string, year: number) => `${cadreId}:${year}`;

export const sanctionSchema = z.object({
  id: idSchema,
  cadreId: idSchema,
  kind: sanctionKindSchema,
  decidedOn: dateSchema,
  reason: text(500).default(''),
  /** Date of the release notice (解除); `sanction.release-due` fires until it is recorded. */
  releasedOn: dateSchema.optional(),
});
export type Sanction = z.infer<typeof sanctionSchema>;

export const measureSchema = z.object({
  id: idSchema,
  subjectType: subjectTypeSchema,
  subjectId: idSchema,
  kind: measureKindSchema,
  startsOn: dateSchema,
  endsOn: dateSchema.optional(),
  outcome: measureOutcomeSchema.optional(),
  note: text(1000).default(''),
  /** The finding this measure was recorded from, if any (links the action to its "why"). */
  findingKey: z.string().max(300).optional(),
});
export type Measure = z.infer<typeof measureSchema>;

export const faultRecordSchema = z.object({
  id: idSchema,
  cadreId: idSchema,
  date: dateSchema,
  intentional: z.boolean(),
  personalInterest: z.boolean(),
  violation: z.boolean(),
  tolerated: z.boolean(),
  description: text(1000).default(''),
});
export type FaultRecord = z.infer<typeof faultRecordSchema>;

export const rehabPlanSchema = z.object({
  id: idSchema,
  cadreId: idSchema,
  measureId: idSchema,
  assignment: z.enum(rehabAssignments),
  startsOn: dateSchema,
  status: z.enum(rehabStatuses),
  lastReview: z.enum(rehabReviews).optional(),
});
export type RehabPlan = z.infer<typeof rehabPlanSchema>;

/** Keyed by plan + date. */
export const checkInSchema = z.object({
  id: z.string(),
  planId: idSchema,
  date: dateSchema,
  note: text(2000).default(''),
});
export type CheckIn = z.infer<typeof checkInSchema>;
export const checkInId = (planId: string, date: string) => `${planId}:${date}`;

/**
 * Name clearing (澄清正名) or revocation (撤销) of one record. Either way the record stays in the
 * ledger, marked, and never counts as evidence again — whatever the clearance's own date.
 */
export const clearanceSchema = z.object({
  id: idSchema,
  cadreId: idSchema,
  recordId: idSchema,
  date: dateSchema,
  note: text(1000).default(''),
  kind: z.enum(['clearance', 'revocation']).default('clearance'),
});
export type Clearance = z.infer<typeof clearanceSchema>;

/** An officer's decision not to act on a finding, with the reason (kept for the audit trail). */
export const findingDismissalSchema = z.object({
  id: idSchema,
  findingKey: z.string().min(1).max(300),
  reason: text(1000).min(1),
  date: dateSchema,
});
export type FindingDismissal = z.infer<typeof findingDismissalSchema>;
