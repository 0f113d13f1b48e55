// deduction.fault — every fault record (容错纠错) dated in M → a deduction of the standard amount
// times a factor: tolerated (not intentional, not for personal interest, not a known violation,
// and a tolerance decision) 0; otherwise not intentional 0.5; intentional 1.0 (policy numbers).
import type { Bilingual } from '../../domain/primitives';
import type { FaultRecord } from '../../domain/records';
import type { PolicyVersion } from '../../policy/schema';
import { monthOf } from '../calendar';
import { cadreSubject, makeFinding, type Rule } from '../rule';

export type FaultBasis = 'tolerated' | 'unintentional' | 'intentional';

export function faultBasis(f: Pick<FaultRecord, 'intentional' | 'personalInterest' | 'violation' | 'tolerated'>): FaultBasis {
  if (f.intentional) return 'intentional';
  if (!f.personalInterest && !f.violation && f.tolerated) return 'tolerated';
  return 'unintentional';
}

export function faultFactor(basis: FaultBasis, faults: PolicyVersion['faults']): number {
  return basis === 'tolerated' ? faults.toleratedFactor : basis === 'unintentional' ? faults.unintentionalFactor : faults.intentionalFactor;
}

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
  const basis: Record<FaultBasis, Bilingual> = {
    tolerated: { zh: '经认定予以容错（非故意、非为私利、非明知违规）', en: 'tolerated (not intentional, not for personal interest, not a known violation)' },
    unintentional: { zh: '非故意但不符合容错条件', en: 'not intentional but not tolerated' },
    intentional: { zh: '属故意', en: 'intentional' },
  };
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
