// The ladder of DOMAIN.md §4.3, as the tracker uses it when a probation (or any step) is closed as
// "not improved": the next, stronger step, pre-filled for the officer to confirm or change. The
// rungs are policy data (policy.ladder), so an office that changes its ladder changes this too.
import type { MeasureKind, SubjectType } from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import { defaultPolicy, policyInForce, sortPolicyVersions, type PolicyVersion } from '../policy';

export interface LadderStep {
  /** The measure kind to pre-fill. */
  kind: MeasureKind;
  /** Other kinds the same rung allows (position adjustment / demotion / removal). */
  alternatives: MeasureKind[];
  /** Length in months when the step is a probation (policy.probation.months). */
  months?: number;
}

/** The policy version in force in `month` (the first version before any is in force). */
export function policyAt(state: LedgerState, month: string): PolicyVersion {
  const versions = [...state.policies.values()];
  if (versions.length === 0) return defaultPolicy;
  return policyInForce(versions, month) ?? sortPolicyVersions(versions)[0];
}

function stepAfter(ladder: readonly (readonly MeasureKind[])[], kind: string): readonly MeasureKind[] | null {
  const rung = ladder.findIndex((r) => (r as readonly string[]).includes(kind));
  if (rung < 0 || rung + 1 >= ladder.length) return null;
  return ladder[rung + 1];
}

/**
 * The step after `kind` on the subject's ladder (policy.ladder.cadre or .unit), or null at the top
 * of the ladder or off it: the rung's first kind is pre-filled, the others are its alternatives.
 * The engine's `probation.not-improved` reads the same ladders.
 */
export function nextLadderStep(kind: string, subjectType: SubjectType = 'cadre', policy: PolicyVersion = defaultPolicy): LadderStep | null {
  const kinds = stepAfter(policy.ladder[subjectType], kind);
  if (!kinds || kinds.length === 0) return null;
  const [first, ...alternatives] = kinds;
  return { kind: first, alternatives, ...(first === 'probation' ? { months: policy.probation.months } : {}) };
}

/**
 * Every rung after `kind` on the subject's ladder, in order (the next rung first): what a
 * "not improved" close may escalate to. Empty at the top of the ladder or off it.
 */
export function remainingRungs(kind: string, subjectType: SubjectType = 'cadre', policy: PolicyVersion = defaultPolicy): MeasureKind[][] {
  const ladder = policy.ladder[subjectType];
  const rung = ladder.findIndex((r) => (r as readonly string[]).includes(kind));
  if (rung < 0) return [];
  return ladder.slice(rung + 1).map((r) => [...r]);
}

