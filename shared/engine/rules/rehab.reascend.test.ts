import { describe, expect, it } from 'vitest';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'rehab.reascend';
// Scores from 2025-07 to 2026-02; the last 6 months (2025-09…2026-02) have 4 top months.
const base = (kind: 'demotion' | 'transitionalPlacement' | 'removal' = 'transitionalPlacement', pattern = 'MMTTMTMT') =>
  new LedgerBuilder()
    .peers('G', '2025-07', 8)
    .cadre('A')
    .pattern('A', '2025-07', pattern)
    .measure('D', 'A', kind, '2025-01-10')
    .plan('R', 'A', 'D', '2025-02-01', { status: 'completed' });

describe(RULE, () => {
  it('fires 12 months after a transitional placement (not 11) with a completed plan and 4 of 6 top months', () => {
    const b = new LedgerBuilder()
      .peers('G', '2025-07', 8)
      .cadre('A')
      .pattern('A', '2025-07', 'TTTMTT')
      .measure('D', 'A', 'transitionalPlacement', '2025-01-10')
      .plan('R', 'A', 'D', '2025-02-01', { status: 'completed' });
    expect(about(b.evaluate('2025-12'), RULE, 'A')).toHaveLength(0); // started 11 months before: one short
    expect(about(b.evaluate('2026-01'), RULE, 'A')).toHaveLength(1);
  });

  it('fires with the evidence and key', () => {
    const [f] = about(base().evaluate('2026-02'), RULE, 'A');
    expect(f.key).toBe('rehab.reascend|cadre:A|D');
    expect(f.suggestion).toEqual({ kind: 'reascendReview', params: { measureId: 'D', measureKind: 'transitionalPlacement', planId: 'R', rigorousReview: true } });
    expect(f.evidence.recordIds).toEqual(['D', 'R']);
    expect(f.evidence.topMonths).toBe(4);
    expect(f.explanation.zh).toContain('经严格考察后可重新使用');
  });

  it('3 top months of 6 are not enough', () => {
    expect(about(base('transitionalPlacement', 'MMTTMTMM').evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
  });

  it('a demotion bars promotion for 12 months, so it waits for the bar to lift', () => {
    // Demotion 2025-01-10 bars until 2026-01-10: 2026-01 is still barred.
    const b = base('demotion', 'MMTTMTTT');
    expect(about(b.evaluate('2026-01'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-02'), RULE, 'A')).toHaveLength(1);
  });

  it('needs a completed plan or a positive last review', () => {
    const active = base().plan('R', 'A', 'D', '2025-02-01', { status: 'active' });
    expect(about(active.evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
    const positive = base().plan('R', 'A', 'D', '2025-02-01', { status: 'active', lastReview: 'positive' });
    expect(about(positive.evaluate('2026-02'), RULE, 'A')).toHaveLength(1);
    const negative = base().plan('R', 'A', 'D', '2025-02-01', { status: 'closed', lastReview: 'negative' });
    expect(about(negative.evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
  });

  it('a sanction bar suppresses it', () => {
    expect(about(base().sanction('S', 'A', 'admin.warning', '2026-01-05').evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
  });

  it('not once a promotion has been recorded since', () => {
    expect(about(base().measure('P', 'A', 'promotion', '2026-02-01').evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
  });

  it('a cleared placement gives nothing to rise from', () => {
    expect(about(base().clear('C', 'D', 'A').evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
  });
});
