import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/default';
import { about, LedgerBuilder, withPolicy } from '../testkit';

const RULE = 'deduction.fault';

describe(RULE, () => {
  const b = new LedgerBuilder()
    .cadre('A')
    .fault('F1', 'A', '2026-05-03', { intentional: true })
    .fault('F2', 'A', '2026-05-10', { tolerated: true })
    .fault('F3', 'A', '2026-05-12', { personalInterest: true, tolerated: true })
    .fault('F4', 'A', '2026-05-20', { violation: true })
    .fault('F5', 'A', '2026-06-01', { intentional: true });

  it('fires for every fault record dated in M, with the factor', () => {
    const found = about(b.evaluate('2026-05'), RULE, 'A');
    expect(found.map((f) => [f.key, f.evidence.factor, f.suggestion.params.amount])).toEqual([
      ['deduction.fault|cadre:A|F1', 1, 500],
      ['deduction.fault|cadre:A|F2', 0, 0],
      ['deduction.fault|cadre:A|F3', 0.5, 250],
      ['deduction.fault|cadre:A|F4', 0.5, 250],
    ]);
    expect(found[0].suggestion.kind).toBe('performanceDeduction');
    expect(found[1].explanation.zh).toContain('容错');
  });

  it('not in other months', () => {
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-06'), RULE, 'A').map((f) => f.key)).toEqual(['deduction.fault|cadre:A|F5']);
  });

  it('a cleared fault record does not count', () => {
    const c = new LedgerBuilder().cadre('A').fault('F1', 'A', '2026-05-03', { intentional: true }).clear('C', 'F1', 'A');
    expect(about(c.evaluate('2026-05'), RULE, 'A')).toHaveLength(0);
  });

  it('the standard amount and factors are policy data', () => {
    const p = withPolicy(defaultPolicy, (x) => ((x.faults.standardAmount = 800), (x.faults.unintentionalFactor = 0.25)), 'p');
    const found = about(b.evaluate('2026-05', { policies: [p] }), RULE, 'A');
    expect(found.map((f) => f.suggestion.params.amount)).toEqual([800, 0, 200, 200]);
  });

  it('applies the factor of the procedure\'s decision (DECISIONS.md 40)', () => {
    const d = new LedgerBuilder()
      .cadre('A')
      .fault('T', 'A', '2026-05-01', { decision: 'tolerated' })
      .fault('TP', 'A', '2026-05-02', { decision: 'tolerated', personalInterest: true })
      .fault('L', 'A', '2026-05-03', { decision: 'lightened', intentional: true })
      .fault('N', 'A', '2026-05-04', { decision: 'notTolerated', tolerated: true })
      .fault('NI', 'A', '2026-05-05', { decision: 'notTolerated', intentional: true })
      .fault('P', 'A', '2026-05-06');
    const found = about(d.evaluate('2026-05'), RULE, 'A');
    expect(Object.fromEntries(found.map((f) => [f.evidence.recordIds[0], [f.evidence.basis, f.evidence.factor]]))).toEqual({
      T: ['tolerated', 0],
      TP: ['unintentional', 0.5],
      L: ['lightened', 0.5],
      N: ['unintentional', 0.5],
      NI: ['intentional', 1],
      P: ['unintentional', 0.5],
    });
  });

  it('a tolerated fault gives factor 0 and no deduction', () => {
    const d = new LedgerBuilder().cadre('A').fault('F1', 'A', '2026-05-03', { decision: 'tolerated' });
    const [f] = about(d.evaluate('2026-05'), RULE, 'A');
    expect([f.evidence.factor, f.suggestion.params.amount]).toEqual([0, 0]);
    expect(f.explanation.zh).toContain('容错');
  });
});
