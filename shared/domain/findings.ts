// A finding: what the rules engine says about one subject as of one month, with the evidence and
// an explanation an officer can read out at the meeting (DOMAIN.md §4).
import { z } from 'zod';
import { bilingualSchema, monthSchema } from './primitives';
import { subjectSchema } from './records';

/** One month of ranking evidence: the score, the competition rank and the peer-group size. */
export const rankEvidenceSchema = z.object({
  month: monthSchema,
  score: z.number(),
  rank: z.number().int(),
  n: z.number().int(),
  third: z.enum(['top', 'middle', 'bottom', 'none']),
});
export type RankEvidence = z.infer<typeof rankEvidenceSchema>;

export const findingSchema = z.object({
  /** Stable across evaluations of the same situation: rule|type:id|discriminator (no as-of). */
  key: z.string(),
  rule: z.string(),
  subject: subjectSchema,
  asOf: monthSchema,
  suggestion: z.object({
    /** A measure kind from records.ts, or an engine action such as 'salaryDeduction'. */
    kind: z.string(),
    params: z.record(z.string(), z.unknown()),
  }),
  evidence: z
    .object({
      months: z.array(rankEvidenceSchema).optional(),
      recordIds: z.array(z.string()),
    })
    .catchall(z.unknown()),
  explanation: bilingualSchema,
});
export type Finding = z.infer<typeof findingSchema>;
