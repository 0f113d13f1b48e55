import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'trial.review';
const base = (pattern = 'MMMMMM') =>
  new LedgerBuilder()
    .peers('G', '2026-01', 8)
    .cadre('A', { appointedOn: '2025-07-21', trialEndsOn: '2026-07-20', leader: true })
    .pattern('A', '2026-01', pattern);

describe(RULE, () => {
  it('fires when the trial ends within 30 days of the end of M, suggesting confirmation', () => {
    const [f] = about(base().evaluate('2026-06'), RULE, 'A');
    expect(f.key).toBe('trial.review|cadre:A|A');
    expect(f.suggestion).toEqual({ kind: 'trialReview', params: { endsOn: '2026-07-20', poor: false, recommended: 'confirm' } });
    expect(f.explanation.zh).toContain('试用期将于2026-07-20届满');
  });

  it('not 31+ days ahead', () => {
    expect(about(base().evaluate('2026-05'), RULE, 'A')).toHaveLength(0);
  });

  it('still shown in the month it ends; no longer after (review-due carries it)', () => {
    expect(about(base('MMMMMMM').evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
    expect(about(base('MMMMMMMM').evaluate('2026-08'), RULE, 'A')).toHaveLength(0);
  });

  it('flags poor with 3 bottom-third months among the last 6 of the trial', () => {
    const [f] = about(base('MBMBMB').evaluate('2026-06'), RULE, 'A');
    expect(f.suggestion.params).toMatchObject({ poor: true, recommended: 'extend' });
    expect(f.evidence.bottomMonths).toBe(3);
  });

  it('two bottom months are not poor', () => {
    const [f] = about(base('MBMBMM').evaluate('2026-06'), RULE, 'A');
    expect(f.suggestion.params.poor).toBe(false);
  });

  it('flags poor when the last graded year is basic or worse', () => {
    const [f] = about(base().grade('A', 2025, 'basic').evaluate('2026-06'), RULE, 'A');
    expect(f.suggestion.params.poor).toBe(true);
    const [g] = about(base().grade('A', 2025, 'competent').evaluate('2026-06'), RULE, 'A');
    expect(g.suggestion.params.poor).toBe(false);
  });

  it('a recorded outcome ends it', () => {
    const b = base().measure('TP', 'A', 'trialPeriod', '2025-07-21', { endsOn: '2026-07-20', outcome: 'confirmed' });
    expect(about(b.evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
  });

  it('an extension moves the end date', () => {
    const b = base()
      .measure('TP', 'A', 'trialPeriod', '2025-07-21', { endsOn: '2026-07-20', outcome: 'extended' })
      .measure('TX', 'A', 'trialExtension', '2026-06-20', { endsOn: '2027-01-20' });
    expect(about(b.evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-12'), RULE, 'A');
    expect(f.key).toBe('trial.review|cadre:A|TX');
    expect(f.suggestion.params.endsOn).toBe('2027-01-20');
  });

  it('a trial measure without end date lasts the policy length (12 months)', () => {
    const b = new LedgerBuilder().cadre('B').measure('TP', 'B', 'trialPeriod', '2025-08-01');
    const [f] = about(b.evaluate('2026-07'), RULE, 'B');
    expect(f.suggestion.params.endsOn).toBe('2026-07-31');
  });
});
