// Placeholder: the policy document schema (DOMAIN.md §4). The engine issue owns and expands it.
import { z } from 'zod';
import { idSchema, monthSchema } from '../domain/primitives';

export const policyVersionSchema = z.object({
  id: idSchema,
  policyId: z.string().min(1),
  effectiveFrom: monthSchema,
  parameters: z.record(z.string(), z.unknown()),
});
export type PolicyVersion = z.infer<typeof policyVersionSchema>;
