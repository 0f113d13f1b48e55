import { describe, expect, it } from 'vitest';
import { addMonthsToMonth } from '../calendar';
import { about, LedgerBuilder } from '../testkit';

const RULE = 'team.low-ranking';

/** Six units of two cadres; units U1–U5 score 90…70, unit T scores per pattern (B=50, T=95, -=none). */
function township(pattern: string, from = '2026-01') {
  const b = new LedgerBuilder();
  const means = [90, 85, 80, 75, 70];
  means.forEach((score, i) => {
    for (const k of [1, 2]) {
      b.cadre(`U${i + 1}-${k}`, { unitId: `U${i + 1}` });
      for (let m = 0; m < pattern.length; m++) b.score(`U${i + 1}-${k}`, addMonthsToMonth(from, m), score);
    }
  });
  for (const k of [1, 2]) {
    b.cadre(`T-${k}`, { unitId: 'T' });
    [...pattern].forEach((ch, m) => {
      if (ch !== '-') b.score(`T-${k}`, addMonthsToMonth(from, m), ch === 'B' ? 50 : 95);
    });
  }
  return b;
}

describe(RULE, () => {
  it('fires when the unit is in the bottom third of units 2 months running', () => {
    const [f, ...rest] = about(township('TBB').evaluate('2026-03'), RULE, 'T');
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'unit', id: 'T' });
    expect(f.key).toBe('team.low-ranking|unit:T|2026-02');
    expect(f.suggestion).toEqual({ kind: 'probation', params: { months: 3, withWarning: true, since: '2026-02' } });
    expect(f.evidence.months!.map((e) => [e.month, e.score, e.rank, e.n, e.third])).toEqual([
      ['2026-02', 50, 6, 6, 'bottom'],
      ['2026-03', 50, 6, 6, 'bottom'],
    ]);
    expect(f.explanation.zh).toContain('连续2个月（2026-02至2026-03）');
  });

  it('does not fire after one month', () => {
    expect(about(township('TTB').evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
  });

  it('a unit with fewer than 2 scored cadres is not ranked', () => {
    const b = township('TBB');
    b.state.scores.delete('T-2:2026-02');
    expect(about(b.evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
  });

  it('does not fire when the unit is already under probation', () => {
    const b = township('TBB').unitMeasure('P', 'T', 'probation', '2026-02-01', { endsOn: '2026-04-30' });
    expect(about(b.evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
  });

  it('a probation that has ended does not stop it', () => {
    const b = township('TBBBBB').unitMeasure('P', 'T', 'probation', '2026-01-01', { endsOn: '2026-03-31' });
    expect(about(b.evaluate('2026-06'), RULE, 'T')).toHaveLength(1);
  });

  it('a cleared probation does not count', () => {
    const b = township('TBB').unitMeasure('P', 'T', 'probation', '2026-02-01').clear('C', 'P', 'T-1');
    expect(about(b.evaluate('2026-03'), RULE, 'T')).toHaveLength(1);
  });
});
