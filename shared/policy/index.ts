// Policy documents: validation with errors that name the field, and which version is in force.
import { LedgerError, fieldErrorsFromIssues } from '../contract/errors';
import { monthSchema } from '../domain/primitives';
import { policyVersionSchema, type PolicyVersion } from './schema';

export { defaultPolicy } from './default';
export { policyVersionSchema, gradeLimitSchema, type GradeLimit, type PolicyVersion } from './schema';

/**
 * Validates a policy document. Throws a VALIDATION LedgerError whose message names every field at
 * fault, e.g. "policy field streaks.raiseTopThirdMonths: must be at least 1".
 */
export function parsePolicy(input: unknown): PolicyVersion {
  const result = policyVersionSchema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsFromIssues(result.error.issues, input);
  const zh = fields.map((f) => `${f.path || '（文档）'}：${f.message.zh}`).join('；');
  const en = fields.map((f) => `${f.path || '(document)'}: ${f.message.en}`).join('; ');
  throw new LedgerError('VALIDATION', { zh: `规则版本无效：${zh}`, en: `Invalid policy field ${en}` }, fields);
}

/** Orders versions oldest first: by effectiveFrom, then version label (numeric-aware), then id. */
export function sortPolicyVersions(versions: Iterable<PolicyVersion>): PolicyVersion[] {
  return [...versions].sort(
    (a, b) =>
      (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0) ||
      a.version.localeCompare(b.version, 'en', { numeric: true }) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The version in force in `month`: the newest one with effectiveFrom ≤ month (on equal
 * effectiveFrom, the higher version label). Undefined when none has started yet.
 */
export function policyInForce(versions: Iterable<PolicyVersion>, month: string): PolicyVersion | undefined {
  monthSchema.parse(month);
  let best: PolicyVersion | undefined;
  for (const v of sortPolicyVersions(versions)) if (v.effectiveFrom <= month) best = v;
  return best;
}
