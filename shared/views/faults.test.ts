import { describe, expect, it } from 'vitest';
import type { FaultRecord } from '../domain/records';
import { LedgerBuilder } from '../engine/testkit';
import { defaultPolicy } from '../policy';
import { awaitingStep, FaultInputError, faultDeductionOf, faultRows, withStep } from './faults';

const fault = (extra: Partial<FaultRecord> = {}): FaultRecord => ({
  id: 'F1',
  cadreId: 'A',
  date: '2026-05-03',
  intentional: false,
  personalInterest: false,
  violation: false,
  tolerated: false,
  description: '项目推进中程序瑕疵',
  ...extra,
});

describe('the tolerance procedure', () => {
  it('goes step by step; the decision sets tolerated', () => {
    let f = fault();
    expect(awaitingStep(f)).toBe('application');
    f = withStep(f, { step: 'application', on: '2026-05-05', by: '张三', note: '' });
    f = withStep(f, { step: 'acceptance', on: '2026-05-06', by: '李四', note: '' });
    f = withStep(f, { step: 'verification', on: '2026-05-10', by: '李四', note: '核实三个区分' });
    expect(awaitingStep(f)).toBe('decision');
    f = withStep(f, { step: 'decision', on: '2026-05-12', by: '镇党委', note: '', decision: 'tolerated' });
    expect(f).toMatchObject({ decision: 'tolerated', tolerated: true });
    f = withStep(f, { step: 'filing', on: '2026-05-13', by: '组织办', note: '' });
    expect(awaitingStep(f)).toBeNull();
    expect(() => withStep(f, { step: 'filing', on: '2026-05-14', by: 'x', note: '' })).toThrow(FaultInputError);
  });

  it('refuses steps out of order, a decision step without a decision, a date before the step before', () => {
    const f = fault();
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return [(e as FaultInputError).code, (e as FaultInputError).field];
      }
      return null;
    };
    expect(err(() => withStep(f, { step: 'verification', on: '2026-05-05', by: 'x', note: '' }))).toEqual(['CONFLICT', 'step']);
    expect(err(() => withStep(f, { step: 'application', on: '2026-05-01', by: 'x', note: '' }))).toEqual(['VALIDATION', 'on']);
    const at = withStep(withStep(withStep(f, { step: 'application', on: '2026-05-05', by: 'x', note: '' }), { step: 'acceptance', on: '2026-05-05', by: 'x', note: '' }), { step: 'verification', on: '2026-05-06', by: 'x', note: '' });
    expect(err(() => withStep(at, { step: 'decision', on: '2026-05-07', by: 'x', note: '' }))).toEqual(['VALIDATION', 'decision']);
    expect(err(() => withStep(f, { step: 'application', on: '2026-05-07', by: 'x', note: '', decision: 'tolerated' }))).toEqual(['VALIDATION', 'decision']);
  });
});

describe('the deduction, with why', () => {
  it('tolerated: factor 0; lightened: 0.5; intentional not tolerated: 1', () => {
    const t = faultDeductionOf(fault({ decision: 'tolerated', tolerated: true }), defaultPolicy, false);
    expect(t).toMatchObject({ basis: 'tolerated', factor: 0, amount: 0, standardAmount: 500 });
    expect(t.why.zh).toContain('认定容错');
    // The three distinctions are worded, not printed as objects.
    expect(t.why.zh).toMatch(/^非故意、/);
    expect(t.why.zh).not.toContain('[object');
    expect(faultDeductionOf(fault({ decision: 'lightened', intentional: true }), defaultPolicy, false)).toMatchObject({ basis: 'lightened', factor: 0.5, amount: 250 });
    const n = faultDeductionOf(fault({ decision: 'notTolerated', intentional: true }), defaultPolicy, false);
    expect(n).toMatchObject({ basis: 'intentional', factor: 1, amount: 500 });
    expect(n.why.zh).toContain('不予容错');
    expect(faultDeductionOf(fault({ decision: 'tolerated', personalInterest: true }), defaultPolicy, false).why.zh).toContain('三个区分不全符合');
  });

  it('lists faults awaiting a step for the tracker', () => {
    const b = new LedgerBuilder().unit('U1', '党政办').cadre('A', { name: '张三' }).fault('F1', 'A', '2026-05-03').fault('F2', 'A', '2026-04-01', { tolerated: true });
    b.state.faults.set('F2', {
      ...b.state.faults.get('F2')!,
      steps: Object.fromEntries((['application', 'acceptance', 'verification', 'decision', 'filing'] as const).map((s) => [s, { on: '2026-04-10', by: 'x', note: '' }])),
    });
    const rows = faultRows(b.state, { refDate: '2026-05-31', awaitingOnly: true });
    expect(rows.map((r) => [r.fault.id, r.awaiting, r.daysWaiting, r.cadreName, r.unitName])).toEqual([['F1', 'application', 28, '张三', '党政办']]);
    expect(faultRows(b.state, { refDate: '2026-05-31' })).toHaveLength(2);
  });
});
