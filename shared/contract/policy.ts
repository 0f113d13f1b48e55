// Policy versions (docs/POLICY.md): which versions this ledger holds, who issued each, which is in
// force in a month; issuing the next version from an existing one (the committee's decision), and
// withdrawing one issued in error before it comes into force. Versions are records of the
// `policies` collection, so they travel in packages: at a township the New Area's are `XQ.P0002`.
import { z } from 'zod';
import { bilingualSchema, freeText, idSchema, monthSchema, nameText } from '../domain/primitives';
import { policyVersionSchema } from '../policy/schema';
import { officeCodeSchema } from '../sync/schema';
import { command, query } from './define';

/** The office that issued a version (from its id's prefix: `XQ.P0002` is the New Area's). */
export const policyIssuerSchema = z.object({
  /** Office code; '' for this ledger's own versions when it has no office identity. */
  code: z.string(),
  name: z.string(),
  /** Issued by this office. */
  own: z.boolean(),
  /** Issued by an office this one trusts as its anchor: at a township, the New Area (新区下发). */
  anchor: z.boolean(),
});
export type PolicyIssuer = z.infer<typeof policyIssuerSchema>;

export const policyRowSchema = z.object({
  id: z.string(),
  policyId: z.string(),
  version: z.string(),
  label: bilingualSchema,
  effectiveFrom: monthSchema,
  note: z.string(),
  basedOnId: z.string().nullable(),
  issuer: policyIssuerSchema,
  /**
   * The built-in default policy (DOMAIN.md §4): listed when the ledger holds no version yet, and
   * recorded with the first version issued (so the months before it keep the default).
   */
  builtIn: z.boolean(),
  /**
   * In the timeline of the list's office (its own versions and the New Area's): false for a
   * township's version held at the New Area when the list is for the New Area's own cadres.
   */
  applies: z.boolean(),
  /** In force in the list's month. */
  inForce: z.boolean(),
  /** Its effectiveFrom is after the current month: not in force yet (it may still be withdrawn). */
  pending: z.boolean(),
  /** The last month it is in force before the next version takes over (null: open-ended). */
  until: monthSchema.nullable(),
  /** Who issued it and when, from its history (null for versions written without policy.issue). */
  issuedBy: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type PolicyRow = z.infer<typeof policyRowSchema>;

/** A version withdrawn (撤回) before it came into force: kept in the history with the reason. */
export const withdrawnPolicySchema = z.object({
  id: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  revisionId: z.string(),
});
export type WithdrawnPolicy = z.infer<typeof withdrawnPolicySchema>;

export const policyListSchema = z.object({
  /** The month the `inForce` marks are for (default: the latest scored month). */
  month: monthSchema,
  /** The host's current month (pending versions start after it). */
  currentMonth: monthSchema,
  /** Whose timeline `applies`, `inForce` and `until` are for ('' without an office identity). */
  office: z.string(),
  /** The version in force in `month`. */
  inForceId: z.string(),
  /** Oldest first (the engine's order). */
  items: z.array(policyRowSchema),
  withdrawn: z.array(withdrawnPolicySchema),
});
export type PolicyList = z.infer<typeof policyListSchema>;

export const policyChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });

/**
 * What issuing a version does to what the office has already worked on: findings of months
 * already scored that come out differently, and confirmed meetings' decisions whose finding no
 * longer arises (or arises anew) under it. Warnings, not refusals: the committee decided.
 */
export const policyWarningSchema = z.object({
  kind: z.enum(['scoredMonths', 'confirmedMeeting', 'laterVersion']),
  message: bilingualSchema,
  /** The months whose findings change. */
  months: z.array(z.string()),
  meetingIds: z.array(z.string()),
  /** Findings that appear / disappear in those months, summed. */
  added: z.number().int(),
  removed: z.number().int(),
});
export type PolicyWarning = z.infer<typeof policyWarningSchema>;

export const issuePolicyInputSchema = z.object({
  /** The version it is based on (its document is what the form started from). */
  basedOn: idSchema,
  /** Version label shown to officers, e.g. '2025.1'; unique in this ledger. */
  version: nameText(64).min(1),
  /** Default: the base's label. */
  label: z.object({ zh: nameText(200).min(1), en: nameText(200).min(1) }).optional(),
  effectiveFrom: monthSchema,
  /** Why: the committee's decision (会议、文号). */
  note: freeText(2000).min(1),
  /**
   * The whole document (every threshold; its id, version, effectiveFrom, label and note are set
   * from the fields above). Checked strictly by policyVersionSchema; errors name `document.…`.
   */
  document: z.record(z.string(), z.unknown()),
  /** Check and answer the changes and warnings without issuing (the form's confirm step). */
  dryRun: z.boolean().default(false),
});
export type IssuePolicyInput = z.input<typeof issuePolicyInputSchema>;

export const issuePolicyOutputSchema = z.object({
  issued: z.boolean(),
  version: policyVersionSchema,
  changes: z.array(policyChangeSchema),
  warnings: z.array(policyWarningSchema),
});
export type IssuePolicyOutput = z.infer<typeof issuePolicyOutputSchema>;

export const policyContract = {
  'policy.list': query(
    // office: at the New Area, the timeline a township's cadres are evaluated under (default: this office's).
    z.object({ month: monthSchema.optional(), office: officeCodeSchema.optional() }),
    policyListSchema,
  ),
  'policy.get': query(
    z.object({ id: idSchema }),
    z.object({
      row: policyRowSchema,
      document: policyVersionSchema,
      /** What it changes against the version it was based on (empty for the default). */
      changes: z.array(policyChangeSchema),
    }),
  ),
  'policy.issue': command(issuePolicyInputSchema, issuePolicyOutputSchema),
  'policy.withdraw': command(
    z.object({ id: idSchema, reason: freeText(1000).min(1) }),
    z.object({ id: z.string(), revisionId: z.string() }),
  ),
} as const;
