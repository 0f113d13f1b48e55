// What a policy version changes against another: the thresholds (leaves of the document) whose
// values differ, by dotted path. Used by policy.issue (its answer lists the changes) and by the
// 发布新版本 form's "what changes" list, so both say the same thing.
import type { PolicyVersion } from './schema';

/** The fields that name a version rather than set a threshold. */
export const policyMetaFields = ['id', 'policyId', 'version', 'label', 'effectiveFrom', 'note', 'basedOnId'] as const;
const meta = new Set<string>(policyMetaFields);

export interface PolicyChange {
  /** Dotted path of the threshold, e.g. `streaks.raiseTopThirdMonths`. */
  path: string;
  /** The value in the base and in the new version (undefined: absent). Arrays are one value. */
  before: unknown;
  after: unknown;
}

/** Leaves of a document by dotted path; arrays (ladders, measure lists) count as one value. */
export function policyLeaves(document: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
    } else out.set(path, value);
  };
  for (const [k, v] of Object.entries(document)) if (!meta.has(k)) walk(v, k);
  return out;
}

/** The thresholds that differ between `base` and `next`, in the document's order. */
export function policyChanges(base: PolicyVersion | Record<string, unknown>, next: PolicyVersion | Record<string, unknown>): PolicyChange[] {
  const a = policyLeaves(base as Record<string, unknown>);
  const b = policyLeaves(next as Record<string, unknown>);
  const out: PolicyChange[] = [];
  const seen = new Set<string>();
  for (const path of [...b.keys(), ...a.keys()]) {
    if (seen.has(path)) continue;
    seen.add(path);
    const before = a.get(path);
    const after = b.get(path);
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, before, after });
  }
  return out;
}
