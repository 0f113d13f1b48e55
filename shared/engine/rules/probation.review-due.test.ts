import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'probation.review-due';
const base = () => new LedgerBuilder().cadre('A');

describe(RULE, () => {
  it('fires when a probation ends within 14 days of the end of M', () => {
    const b = base().measure('P', 'A', 'probation', '2026-01-10', { endsOn: '2026-04-14' });
    const [f] = about(b.evaluate('2026-03'), RULE, 'A');
    expect(f.key).toBe('probation.review-due|cadre:A|P');
    expect(f.suggestion).toEqual({ kind: 'reviewMeeting', params: { recordId: 'P', measureKind: 'probation', endsOn: '2026-04-14', overdue: false } });
    expect(f.evidence.recordIds).toEqual(['P']);
    expect(f.explanation.zh).toContain('观察期（P，2026-01-10 至 2026-04-14）将于2026-04-14届满（按2026-03-31计还有14天）');
  });

  it('not one day earlier (ends 15 days after the end of M)', () => {
    const b = base().measure('P', 'A', 'probation', '2026-01-10', { endsOn: '2026-04-15' });
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('keeps firing, overdue, after the end until an outcome is recorded', () => {
    const b = base().measure('P', 'A', 'probation', '2026-01-10', { endsOn: '2026-04-09' });
    const [f] = about(b.evaluate('2026-08'), RULE, 'A');
    expect(f.suggestion.params.overdue).toBe(true);
    expect(f.key).toBe('probation.review-due|cadre:A|P');
    b.measure('P', 'A', 'probation', '2026-01-10', { endsOn: '2026-04-09', outcome: 'improved' });
    expect(about(b.evaluate('2026-08'), RULE, 'A')).toHaveLength(0);
  });

  it('a probation without an end date ends after the policy length (3 months)', () => {
    const b = base().measure('P', 'A', 'probation', '2026-01-10');
    expect(about(b.evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-03'), RULE, 'A')[0].suggestion.params.endsOn).toBe('2026-04-09');
  });

  it('covers transitional placements with an end date, not open-ended ones', () => {
    const b = base()
      .measure('T1', 'A', 'transitionalPlacement', '2025-06-01', { endsOn: '2026-04-05' })
      .measure('T2', 'A', 'transitionalPlacement', '2025-06-01');
    expect(about(b.evaluate('2026-03'), RULE, 'A').map((f) => f.key)).toEqual(['probation.review-due|cadre:A|T1']);
  });

  it('covers trial periods (cadre trial end date) until confirmed', () => {
    const b = new LedgerBuilder().cadre('A', { appointedOn: '2025-04-11', trialEndsOn: '2026-04-10' });
    const [f] = about(b.evaluate('2026-03'), RULE, 'A');
    expect(f.suggestion.params).toMatchObject({ measureKind: 'trialPeriod', endsOn: '2026-04-10' });
    b.measure('TP', 'A', 'trialPeriod', '2025-04-11', { endsOn: '2026-04-10', outcome: 'confirmed' });
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('covers a unit probation', () => {
    const b = base().unitMeasure('UP', 'U1', 'probation', '2026-01-01', { endsOn: '2026-03-31' });
    const [f] = about(b.evaluate('2026-03'), RULE, 'U1');
    expect(f.subject).toEqual({ type: 'unit', id: 'U1' });
  });

  it('a cleared probation is not reviewed', () => {
    const b = base().measure('P', 'A', 'probation', '2026-01-10', { endsOn: '2026-04-09' }).clear('C', 'P', 'A');
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('a probation starting after M is not seen', () => {
    const b = base().measure('P', 'A', 'probation', '2026-04-02', { endsOn: '2026-04-10' });
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });
});
