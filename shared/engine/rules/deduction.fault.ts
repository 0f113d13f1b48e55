// deduction.fault — every fault record (容错纠错) dated in M → a deduction of the standard amount
// times the factor of its decision: tolerated (not intentional, not for personal interest, not a
// known violation, AND decided tolerated) 0; decided lightened (减轻) the unintentional factor;
// otherwise not intentional 0.5, intentional 1.0 (policy numbers). See DECISIONS.md 22, 40.
import type { Bilingual } from '../../domain/primitives';
import type { FaultRecord } from '../../domain/records';
import type { PolicyVersion } from '../../policy/schema';
import { monthOf } from '../calendar';
import { cadreSubject, makeFinding, type Rule } from '../rule';

export type FaultBasis = 'tolerated' | 'lightened' | 'unintentional' | 'intentional';

/** The three distinctions (三个区分开来) all fall on the side of tolerance. */
export function distinctionsHold(f: Pick<FaultRecord, 'intentional' | 'personalInterest' | 'violation'>): boolean {
  return !f.intentional && !f.personalInterest && !f.violation;
}

/**
 * The decision in force: the procedure's `decision`, else the imported `tolerated` column (yes =
 * decided tolerated; no = no tolerance decision).
 */
export function faultDecisionOf(f: Pick<FaultRecord, 'decision' | 'tolerated'>): FaultRecord['decision'] {
  return f.decision ?? (f.tolerated ? 'tolerated' : undefined);
}

export function faultBasis(f: Pick<FaultRecord, 'intentional' | 'personalInterest' | 'violation' | 'tolerated' | 'decision'>): FaultBasis {
  const decision = faultDecisionOf(f);
  if (decision === 'tolerated' && distinctionsHold(f)) return 'tolerated';
  if (decision === 'lightened') return 'lightened';
  return f.intentional ? 'intentional' : 'unintentional';
}

export function faultFactor(basis: FaultBasis, faults: PolicyVersion['faults']): number {
  switch (basis) {
    case 'tolerated':
      return faults.toleratedFactor;
    case 'lightened':
    case 'unintentional':
      return faults.unintentionalFactor;
    default:
      return faults.intentionalFactor;
  }
}

/** Why the factor, in words (the finding and the case file share them). */
export const faultBasisText: Record<FaultBasis, Bilingual> = {
  tolerated: { zh: '经认定予以容错（非故意、非为私利、非明知违规）', en: 'tolerated (not intentional, not for personal interest, not a known violation)' },
  lightened: { zh: '经认定减轻处理，按非故意系数', en: 'decided lightened: the unintentional factor' },
  unintentional: { zh: '非故意但不符合容错条件', en: 'not intentional but not tolerated' },
  intentional: { zh: '属故意', en: 'intentional' },
};

export interface FaultFacts {
  faultId: string;
  date: string;
  basis: FaultBasis;
  factor: number;
  amount: number;
  standardAmount: number;
  unit: Bilingual;
}

export function explainFaultDeduction(f: FaultFacts): Bilingual {
  const basis = faultBasisText;
  return {
    zh: `${f.date}过错记录（${f.faultId}）${basis[f.basis].zh}，按标准${f.standardAmount}${f.unit.zh}×${f.factor}扣减${f.amount}${f.unit.zh}。`,
    en: `Fault record ${f.faultId} of ${f.date} is ${basis[f.basis].en}: deduct ${f.amount} ${f.unit.en} (standard ${f.standardAmount} ${f.unit.en} × ${f.factor}).`,
  };
}

export const deductionFault: Rule = {
  id: 'deduction.fault',
  title: { zh: '过错扣减', en: 'Fault-based deduction' },
  run(ctx) {
    const policy = ctx.policy.faults;
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      const faults = index.faultsOf(c);
      if (!faults) continue;
      for (const f of faults) {
        if (monthOf(f.date) !== ctx.asOf) continue;
        const basis = faultBasis(f);
        const factor = faultFactor(basis, policy);
        const amount = Math.round(policy.standardAmount * factor * 100) / 100;
        ctx.emit(
          makeFinding(
            ctx,
            'deduction.fault',
            cadreSubject(ctx, c),
            f.id,
            { kind: 'performanceDeduction', params: { amount, factor, standardAmount: policy.standardAmount, unit: policy.amountUnit.en } },
            { recordIds: [f.id], factor, basis },
            explainFaultDeduction,
            { faultId: f.id, date: f.date, basis, factor, amount, standardAmount: policy.standardAmount, unit: policy.amountUnit },
          ),
        );
      }
    }
  },
};
