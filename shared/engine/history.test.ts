// Issue 9 through the engine: what a clearance takes away, what a void and a correction (made
// with the revision builder, as the services make them) do to the findings.
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../ledger/events';
import { correctEvents, voidEvents } from '../ledger/revisions';
import { about, LedgerBuilder } from './testkit';

const stamp = { by: 'officer', at: '2026-07-01T08:00:00.000Z', date: '2026-07-01' };

describe('a clearance lifts what the record caused', () => {
  it('lifts the promotion bar and the salary deduction of a sanction', () => {
    const b = new LedgerBuilder().cadre('A').sanction('S1', 'A', 'admin.demerit', '2026-03-15');
    expect(about(b.evaluate('2026-05'), 'sanction.no-promotion', 'A')).toHaveLength(1);
    expect(about(b.evaluate('2026-05'), 'sanction.salary-deduction', 'A')).toHaveLength(1);
    b.clear('CL1', 'S1', 'A');
    expect(about(b.evaluate('2026-05'), 'sanction.no-promotion', 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-05'), 'sanction.salary-deduction', 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-05'), 'sanction.no-honours', 'A')).toHaveLength(0);
  });

  it('lifts the ladder step a cleared probation led to', () => {
    const b = new LedgerBuilder()
      .peers('G', '2026-01', 6)
      .cadre('A')
      .pattern('A', '2026-01', 'BBBBBB')
      .measure('P', 'A', 'probation', '2026-01-01', { endsOn: '2026-03-31' });
    const [step] = about(b.evaluate('2026-04'), 'probation.not-improved', 'A');
    expect(step.suggestion.kind).toBe('transitionalPlacement');
    b.clear('CL1', 'P', 'A');
    expect(about(b.evaluate('2026-04'), 'probation.not-improved', 'A')).toHaveLength(0);
  });

  it('a cleared fault deducts nothing', () => {
    const b = new LedgerBuilder().cadre('A').fault('F1', 'A', '2026-05-03', { intentional: true }).clear('CL1', 'F1', 'A');
    expect(about(b.evaluate('2026-05'), 'deduction.fault', 'A')).toHaveLength(0);
  });
});

describe('voids and corrections', () => {
  it('a voided score breaks a streak', () => {
    const b = new LedgerBuilder().peers('G', '2026-01', 6).cadre('A').pattern('A', '2026-01', 'BBB');
    expect(about(b.evaluate('2026-03'), 'warn.bottom-third-streak', 'A')).toHaveLength(1);
    for (const e of voidEvents(b.state, 'scores', 'A:2026-02', '分数录错了人', stamp)) applyEvent(b.state, e);
    expect(b.state.scores.has('A:2026-02')).toBe(false);
    expect([...b.state.revisions.values()]).toMatchObject([{ action: 'void', recordId: 'A:2026-02', after: null, before: { score: 0 }, cadreId: 'A' }]);
    expect(about(b.evaluate('2026-03'), 'warn.bottom-third-streak', 'A')).toHaveLength(0);
  });

  it('a correction changes the finding’s evidence', () => {
    const b = new LedgerBuilder().cadre('A').fault('F1', 'A', '2026-05-03', { intentional: true });
    expect(about(b.evaluate('2026-05'), 'deduction.fault', 'A')[0].evidence).toMatchObject({ factor: 1, basis: 'intentional' });
    const corrected = { ...b.state.faults.get('F1')!, intentional: false };
    for (const e of correctEvents(b.state, 'faults', corrected, '故意与否录入错误', stamp)) applyEvent(b.state, e);
    const [f] = about(b.evaluate('2026-05'), 'deduction.fault', 'A');
    expect(f.evidence).toMatchObject({ factor: 0.5, basis: 'unintentional' });
    expect(f.suggestion.params.amount).toBe(250);
  });

  it('a corrected score moves the rank in the evidence', () => {
    const b = new LedgerBuilder().peers('G', '2026-01', 6).cadre('A').pattern('A', '2026-01', 'BBB');
    const [before] = about(b.evaluate('2026-03'), 'warn.bottom-third-streak', 'A');
    expect(before.evidence.months!.map((m) => m.score)).toEqual([0, 0, 0]);
    for (const e of correctEvents(b.state, 'scores', { ...b.state.scores.get('A:2026-03')!, score: 59 }, '漏录小数', stamp)) applyEvent(b.state, e);
    const [after] = about(b.evaluate('2026-03'), 'warn.bottom-third-streak', 'A');
    expect(after.evidence.months!.map((m) => m.score)).toEqual([0, 0, 59]);
  });
});
