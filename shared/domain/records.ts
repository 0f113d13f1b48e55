// The ledger's record kinds (DOMAIN.md §2, §5). One zod schema per kind; the TypeScript types are
// inferred from them so that the import, the contract and the engine cannot drift apart.
import { z } from 'zod';
import { dateSchema, freeText, idSchema, monthSchema, nameText, yearSchema } from './primitives';

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
/** How a closed plan ended: the cadre rose again, the plan goes on in another form, or it was closed. */
export const rehabOutcomes = ['roseAgain', 'continued', 'closed'] as const;
/** The measures a rehabilitation plan may be opened from (issue 9). */
export const rehabSourceMeasures = ['demotion', 'removal', 'transitionalPlacement', 'positionAdjustment'] as const;

/** Fault-tolerance procedure (容错纠错程序): the steps in order, each with who and when. */
export const faultSteps = ['application', 'acceptance', 'verification', 'decision', 'filing'] as const;
export type FaultStep = (typeof faultSteps)[number];
/** 容错 (tolerated: no deduction), 减轻 (lightened: the unintentional factor), 不予容错 (not tolerated). */
export const faultDecisions = ['tolerated', 'lightened', 'notTolerated'] as const;
export type FaultDecision = (typeof faultDecisions)[number];

// Free text keeps line breaks; `line` is one line (names, titles, document numbers): primitives.ts.
const text = freeText;
const line = nameText;
/** Who did a step and when (a procedure step, a review, a verification). */
export const stepStampSchema = z.object({ on: dateSchema, by: line(50).min(1), note: text(1000).default('') });
export type StepStamp = z.infer<typeof stepStampSchema>;

export const unitSchema = z.object({
  id: idSchema,
  name: line(100).min(1),
});
export type Unit = z.infer<typeof unitSchema>;

export const cadreSchema = z.object({
  id: idSchema,
  name: line(50).min(1),
  unitId: idSchema,
  peerGroup: line(50).min(1),
  position: text(100).default(''), // a title may break over two lines in a cell (站长\n（兼）)
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
  /** Decision document number (处分决定文号). */
  documentNo: line(100).optional(),
  /** Date of the release notice (解除); `sanction.release-due` fires until it is recorded. */
  releasedOn: dateSchema.optional(),
  /** The release notice's document number (解除通知文号). */
  releaseDocumentNo: line(100).optional(),
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
  /** Review date (复核日期): a transitional placement's, pre-filled from policy; the tracker reminds. */
  reviewOn: dateSchema.optional(),
  /** Document number of the decision (文号). */
  documentNo: line(100).optional(),
  /** The meeting and docket item that decided this measure (issue 10). */
  meetingId: idSchema.optional(),
  meetingItemId: idSchema.optional(),
  /** For a team measure: the members it names (班子成员个人措施 are separate cadre measures). */
  memberIds: z.array(idSchema).max(100).optional(),
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
  /** Evidence for each of the three distinctions (三个区分开来). */
  intentionalEvidence: text(1000).optional(),
  personalInterestEvidence: text(1000).optional(),
  violationEvidence: text(1000).optional(),
  /** The procedure so far: each step done, with who and when. `decision` carries the verdict. */
  steps: z.partialRecord(z.enum(faultSteps), stepStampSchema).optional(),
  /** The decision (容错认定结果). Absent: not decided yet; `tolerated` (the import column) then decides. */
  decision: z.enum(faultDecisions).optional(),
});
export type FaultRecord = z.infer<typeof faultRecordSchema>;

export const rehabPlanSchema = z.object({
  id: idSchema,
  cadreId: idSchema,
  measureId: idSchema,
  assignment: z.enum(rehabAssignments),
  startsOn: dateSchema,
  status: z.enum(rehabStatuses),
  /** The latest review's result (kept in step with `reviews` by the service; imports set it). */
  lastReview: z.enum(rehabReviews).optional(),
  /** The frontline post and where it is (安排岗位、地点). */
  post: line(100).optional(),
  place: line(100).optional(),
  /** Why this assignment fits the cadre's experience and expertise. */
  fitReason: text(1000).optional(),
  /** 帮扶责任人. */
  mentor: line(50).optional(),
  goals: text(2000).optional(),
  training: z
    .array(z.object({ item: line(200).min(1), from: dateSchema, to: dateSchema.optional(), completed: z.boolean().default(false) }))
    .max(50)
    .optional(),
  /** Planned review dates (计划评估日期). */
  scheduledReviews: z.array(dateSchema).max(24).optional(),
  /** Reviews held: positive or negative, with evidence. */
  reviews: z
    .array(z.object({ date: dateSchema, result: z.enum(rehabReviews), evidence: text(2000).min(1), by: line(50).default('') }))
    .max(50)
    .optional(),
  /** When and how the plan ended (status completed or closed). */
  closedOn: dateSchema.optional(),
  outcome: z.enum(rehabOutcomes).optional(),
});
export type RehabPlan = z.infer<typeof rehabPlanSchema>;

/** Keyed by plan + date. */
export const checkInSchema = z.object({
  id: z.string(),
  planId: idSchema,
  date: dateSchema,
  note: text(2000).default(''),
  /** Who held the talk (谈话人). */
  talkedBy: line(50).optional(),
  /** The cadre's thoughts (思想状况), state of work (工作状态), concerns (困难诉求), support given (帮扶措施). */
  thoughts: text(2000).optional(),
  workState: text(2000).optional(),
  concerns: text(2000).optional(),
  support: text(2000).optional(),
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
  /** Who verified the allegation as false (核实人/核实单位), and the scope of the clearance (澄清范围). */
  verifiedBy: line(100).optional(),
  verifiedOn: dateSchema.optional(),
  scope: text(500).optional(),
  /** Document number of the clearance or revocation (文号). */
  documentNo: line(100).optional(),
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
