import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'sanction.no-promotion';
const base = () => new LedgerBuilder().cadre('A');

describe(RULE, () => {
  it('bars promotion during an impact period, until its end', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10');
    const [f] = about(b.evaluate('2026-07'), RULE, 'A');
    expect(f.key).toBe('sanction.no-promotion|cadre:A|S1:impactPeriod');
    expect(f.suggestion).toEqual({ kind: 'promotionBar', params: { until: '2026-07-10' } });
    expect(f.explanation.zh).toContain('至2026-07-09（含）不得提拔');
    expect(about(b.evaluate('2026-08'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2025-12'), RULE, 'A')).toHaveLength(0);
  });

  it('a party probation bars for 24 more months after its period', () => {
    const b = base().sanction('S1', 'A', 'party.probation1y', '2026-01-10');
    const [f] = about(b.evaluate('2028-06'), RULE, 'A');
    expect(f.suggestion.params.until).toBe('2029-01-10');
    expect(f.evidence.bars).toEqual([{ recordId: 'S1', reason: 'afterPartyProbation', kind: 'party.probation1y', start: '2027-01-10', until: '2029-01-10' }]);
    expect(about(b.evaluate('2029-01'), RULE, 'A')).toHaveLength(1);
    expect(about(b.evaluate('2029-02'), RULE, 'A')).toHaveLength(0);
  });

  it('during the impact period, "until" already runs to the end of the bar that follows it', () => {
    const b = base().sanction('S1', 'A', 'party.probation1y', '2026-01-10');
    const [f] = about(b.evaluate('2026-06'), RULE, 'A');
    expect(f.suggestion.params.until).toBe('2029-01-10');
    expect(f.key).toBe('sanction.no-promotion|cadre:A|S1:afterPartyProbation');
    expect(about(b.evaluate('2028-06'), RULE, 'A')[0].key).toBe(f.key);
    expect((f.evidence.bars as unknown[]).length).toBe(2);
  });

  it('a bar after a gap is not chained', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10').measure('M1', 'A', 'admonishment', '2026-09-01');
    expect(about(b.evaluate('2026-03'), RULE, 'A')[0].suggestion.params.until).toBe('2026-07-10');
  });

  it('admonishment bars 6 months from its start', () => {
    const b = base().measure('M1', 'A', 'admonishment', '2026-02-01');
    expect(about(b.evaluate('2026-07'), RULE, 'A')[0].suggestion.params.until).toBe('2026-08-01');
    expect(about(b.evaluate('2026-08'), RULE, 'A')).toHaveLength(0);
  });

  it('demotion and removal bar 12 months', () => {
    for (const kind of ['demotion', 'removal'] as const) {
      const b = base().measure('M1', 'A', kind, '2026-02-15');
      expect(about(b.evaluate('2027-02'), RULE, 'A')[0].suggestion.params.until, kind).toBe('2027-02-15');
      expect(about(b.evaluate('2027-03'), RULE, 'A'), kind).toHaveLength(0);
    }
  });

  it('reports the latest end among the bars in force', () => {
    const b = base().sanction('S1', 'A', 'admin.warning', '2026-01-10').measure('M1', 'A', 'demotion', '2026-02-15');
    const [f] = about(b.evaluate('2026-03'), RULE, 'A');
    expect(f.suggestion.params.until).toBe('2027-02-15');
    expect(f.evidence.recordIds).toEqual(['S1', 'M1']);
  });

  it('a cleared sanction bars nothing', () => {
    expect(about(base().sanction('S1', 'A', 'admin.warning', '2026-01-10').clear('C', 'S1', 'A').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('a reminder talk is no bar', () => {
    expect(about(base().measure('M1', 'A', 'reminderTalk', '2026-02-01').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });
});
