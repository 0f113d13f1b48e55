// Fault tolerance (容错纠错, 三个区分开来) and name clearing (澄清正名): recording a fault with the
// three distinctions and their evidence, its procedure step by step, the tracker's list of faults
// awaiting a step, and the clearance notice. Clearances themselves are written with records.put
// (collection 'clearances'), which refuses what cannot be cleared.
import { z } from 'zod';
import { bilingualSchema, dateSchema, freeText, idSchema, monthSchema, nameText } from '../domain/primitives';
import { faultDecisions, faultRecordSchema, faultSteps } from '../domain/records';
import { command, query } from './define';

const evidence = freeText(1000).min(1);

export const faultStepSchema = z.enum(faultSteps);
export const faultDecisionSchema = z.enum(faultDecisions);

/** How `deduction.fault` reads a fault (DOMAIN.md §4.2, DECISIONS.md). */
export const faultBases = ['tolerated', 'lightened', 'unintentional', 'intentional'] as const;
export const faultBasisSchema = z.enum(faultBases);

/** The deduction a fault gives: the standard amount × the factor of its decision, and why. */
export const faultDeductionSchema = z.object({
  faultId: z.string(),
  date: dateSchema,
  description: z.string(),
  decision: faultDecisionSchema.nullable(),
  basis: faultBasisSchema,
  standardAmount: z.number(),
  factor: z.number(),
  amount: z.number(),
  unit: bilingualSchema,
  /** Why this factor, in words (the three distinctions and the decision). */
  why: bilingualSchema,
  /** Cleared or revoked: the deduction no longer applies. */
  cleared: z.boolean(),
});
export type FaultDeduction = z.infer<typeof faultDeductionSchema>;

export const faultRowSchema = z.object({
  fault: faultRecordSchema,
  cadreName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** The next step of the procedure, or null once filed. */
  awaiting: faultStepSchema.nullable(),
  /** The last step done and its date (null before the application). */
  lastStep: faultStepSchema.nullable(),
  lastStepOn: dateSchema.nullable(),
  /** Days since the last step (or the fault's date) to the reference date. */
  daysWaiting: z.number().int(),
  deduction: faultDeductionSchema,
});
export type FaultRow = z.infer<typeof faultRowSchema>;

export const faultsContract = {
  /** A fault: what happened, the date, and the three distinctions each with its evidence. */
  'faults.record': command(
    z.object({
      id: idSchema.optional(),
      cadreId: idSchema,
      date: dateSchema,
      description: freeText(1000).min(1),
      intentional: z.boolean(),
      intentionalEvidence: evidence,
      personalInterest: z.boolean(),
      personalInterestEvidence: evidence,
      violation: z.boolean(),
      violationEvidence: evidence,
      confirmDuplicate: z.boolean().default(false),
    }),
    faultRecordSchema,
  ),
  /**
   * One step of the procedure, in order application → acceptance → verification → decision →
   * filing. `by` defaults to the calling user; the decision step needs `decision`.
   */
  'faults.step': command(
    z.object({
      faultId: idSchema,
      step: faultStepSchema,
      on: dateSchema,
      by: nameText(50).min(1).optional(),
      note: freeText(1000).default(''),
      decision: faultDecisionSchema.optional(),
    }),
    z.object({ fault: faultRecordSchema, awaiting: faultStepSchema.nullable() }),
  ),
  /** Faults with their procedure state and deduction; `awaitingOnly` for the tracker. */
  'faults.list': query(
    z.object({
      asOf: monthSchema,
      cadreId: idSchema.optional(),
      unitId: idSchema.optional(),
      awaitingOnly: z.boolean().default(false),
    }),
    z.object({ asOf: monthSchema, referenceDate: dateSchema, items: z.array(faultRowSchema) }),
  ),
  /** The 澄清正名通知书 of one clearance, as .docx (base64). */
  'clearances.notice': query(z.object({ clearanceId: idSchema }), z.object({ fileName: z.string(), base64: z.string() })),
} as const;
