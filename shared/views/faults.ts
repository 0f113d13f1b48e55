// Fault tolerance (容错纠错) as an officer follows it: the procedure's next step, the deduction a
// fault gives (the engine's own factor: shared/engine/rules/deduction.fault.ts) and the list the
// tracker shows of faults awaiting a step.
import type { FaultDeduction, FaultRow } from '../contract/faults';
import type { Bilingual } from '../domain/primitives';
import { faultSteps, type FaultRecord, type FaultStep } from '../domain/records';
import { annulledIds } from '../domain/status';
import type { LedgerState } from '../ledger/collections';
import { distinctionsHold, faultBasis, faultBasisText, faultDecisionOf, faultFactor } from '../engine/rules/deduction.fault';
import type { PolicyVersion } from '../policy';
import { daysBetween } from './dates';
import { policyAt } from './ladder';
import { policiesBySubject } from './officeScope';

/** The next step of the procedure, or null once filed. Steps are done in order. */
export function awaitingStep(f: Pick<FaultRecord, 'steps'>): FaultStep | null {
  for (const s of faultSteps) if (!f.steps?.[s]) return s;
  return null;
}

/** The last step done (null before the application). */
export function lastStep(f: Pick<FaultRecord, 'steps'>): FaultStep | null {
  let last: FaultStep | null = null;
  for (const s of faultSteps) if (f.steps?.[s]) last = s;
  return last;
}

const yes = (b: boolean, y: Bilingual, n: Bilingual): Bilingual => (b ? y : n);

/** The deduction of one fault under `policy` (the policy in force in the fault's month). */
export function faultDeductionOf(f: FaultRecord, policy: PolicyVersion, cleared: boolean): FaultDeduction {
  const basis = faultBasis(f);
  const factor = faultFactor(basis, policy.faults);
  const amount = Math.round(policy.faults.standardAmount * factor * 100) / 100;
  const decision = faultDecisionOf(f) ?? null;
  const d1 = yes(f.intentional, { zh: '故意', en: 'intentional' }, { zh: '非故意', en: 'not intentional' });
  const d2 = yes(f.personalInterest, { zh: '为私利', en: 'for personal interest' }, { zh: '为公', en: 'for the public interest' });
  const d3 = yes(f.violation, { zh: '明知违规', en: 'a knowing violation' }, { zh: '改革创新中先行先试', en: 'a trial error in reform' });
  const decided: Bilingual =
    decision === 'tolerated'
      ? distinctionsHold(f)
        ? { zh: '认定容错', en: 'decided tolerated' }
        : { zh: '虽认定容错，但三个区分不全符合，不予免除', en: 'decided tolerated, but the three distinctions do not all hold: not exempted' }
      : decision === 'lightened'
        ? { zh: '认定减轻', en: 'decided lightened' }
        : decision === 'notTolerated'
          ? { zh: '不予容错', en: 'not tolerated' }
          : { zh: '尚未作出容错认定', en: 'no tolerance decision yet' };
  const unit = policy.faults.amountUnit;
  const std = policy.faults.standardAmount;
  return {
    faultId: f.id,
    date: f.date,
    description: f.description,
    decision,
    basis,
    standardAmount: std,
    factor,
    amount,
    unit,
    why: {
      zh: `${d1.zh}、${d2.zh}、${d3.zh}；${decided.zh}：${faultBasisText[basis].zh}，标准${std}${unit.zh}×${factor}=${amount}${unit.zh}${cleared ? '（已澄清，不再扣减）' : ''}`,
      en: `${d1.en}, ${d2.en}, ${d3.en}; ${decided.en}: ${faultBasisText[basis].en}, standard ${std} ${unit.en} × ${factor} = ${amount} ${unit.en}${cleared ? ' (cleared: no longer deducted)' : ''}`,
    },
    cleared,
  };
}

export interface FaultListQuery {
  refDate: string;
  cadreId?: string;
  unitId?: string;
  awaitingOnly?: boolean;
}

/** Faults with their procedure state, newest first; awaiting ones first when listing for the tracker. */
export function faultRows(state: LedgerState, q: FaultListQuery): FaultRow[] {
  const annulled = annulledIds(state.clearances.values());
  // Each fault's deduction under its cadre's own office's policy (at the New Area, its township's).
  const policies = policiesBySubject(state);
  const rows: FaultRow[] = [];
  for (const f of state.faults.values()) {
    if (f.date > q.refDate) continue;
    if (q.cadreId && f.cadreId !== q.cadreId) continue;
    const cadre = state.cadres.get(f.cadreId);
    // Only the ledger's (or the office partition's) own cadres: at a township, the New Area's record
    // about another township's cadre is not this office's business.
    if (!cadre) continue;
    if (q.unitId && cadre.unitId !== q.unitId) continue;
    const cleared = annulled.has(f.id);
    const awaiting = awaitingStep(f);
    // A cleared fault needs no procedure any more.
    if (q.awaitingOnly && (awaiting === null || cleared)) continue;
    const last = lastStep(f);
    const lastStepOn = last ? f.steps![last]!.on : null;
    rows.push({
      fault: f,
      cadreName: cadre?.name ?? f.cadreId,
      unitId: cadre?.unitId ?? null,
      unitName: cadre ? (state.units.get(cadre.unitId)?.name ?? null) : null,
      awaiting,
      lastStep: last,
      lastStepOn,
      daysWaiting: Math.max(0, daysBetween(lastStepOn ?? f.date, q.refDate)),
      deduction: faultDeductionOf(f, policyAt(policies({ type: 'cadre', id: f.cadreId }), f.date.slice(0, 7)), cleared),
    });
  }
  return rows.sort(faultOrder);
}

/** Longest waiting first, then newest. */
export const faultOrder = (a: FaultRow, b: FaultRow) =>
  b.daysWaiting - a.daysWaiting || (a.fault.date < b.fault.date ? 1 : a.fault.date > b.fault.date ? -1 : 0) || a.fault.id.localeCompare(b.fault.id);

export class FaultInputError extends Error {
  constructor(
    readonly code: 'VALIDATION' | 'CONFLICT' | 'NOT_FOUND',
    readonly field: string,
    readonly bilingual: Bilingual,
  ) {
    super(bilingual.en);
  }
}

const stepZh: Record<FaultStep, string> = {
  application: '申请',
  acceptance: '受理',
  verification: '核实',
  decision: '认定',
  filing: '备案',
};

/**
 * The fault with one more step of its procedure: in order, dated on or after the fault and the
 * step before; the decision step carries the decision (and sets `tolerated` to match).
 */
export function withStep(
  f: FaultRecord,
  input: { step: FaultStep; on: string; by: string; note: string; decision?: FaultRecord['decision'] },
): FaultRecord {
  const next = awaitingStep(f);
  if (next === null) throw new FaultInputError('CONFLICT', 'step', { zh: '容错程序已全部完成（已备案）', en: 'the procedure is complete (filed)' });
  if (input.step !== next) {
    const done = f.steps?.[input.step];
    throw new FaultInputError(
      'CONFLICT',
      'step',
      done
        ? { zh: `“${stepZh[input.step]}”已于${done.on}办理`, en: `the ${input.step} step was done on ${done.on}` }
        : { zh: `应先办理“${stepZh[next]}”`, en: `the next step is ${next}` },
    );
  }
  if (input.step === 'decision' && !input.decision) {
    throw new FaultInputError('VALIDATION', 'decision', { zh: '认定环节须选择认定结果', en: 'the decision step needs a decision' });
  }
  if (input.step !== 'decision' && input.decision) {
    throw new FaultInputError('VALIDATION', 'decision', { zh: '只有认定环节填写认定结果', en: 'only the decision step takes a decision' });
  }
  const last = lastStep(f);
  const floor = last ? f.steps![last]!.on : f.date;
  if (input.on < floor) {
    throw new FaultInputError(
      'VALIDATION',
      'on',
      last
        ? { zh: `日期不能早于上一环节（${stepZh[last]}，${floor}）`, en: `the date cannot be before the previous step (${last}, ${floor})` }
        : { zh: `日期不能早于过错发生日期（${floor}）`, en: `the date cannot be before the fault (${floor})` },
    );
  }
  const steps = { ...(f.steps ?? {}), [input.step]: { on: input.on, by: input.by, note: input.note } };
  return input.step === 'decision' ? { ...f, steps, decision: input.decision, tolerated: input.decision === 'tolerated' } : { ...f, steps };
}
