import { describe, expect, it } from 'vitest';
import { monthRanking, rankHistory, thirdOf, unitRanking } from './ranking';
import { LedgerBuilder } from './testing';

describe('month ranking (DOMAIN.md §4.1)', () => {
  it('gives ties the best rank: 95, 90, 90, 80 → 1, 2, 2, 4', () => {
    const b = new LedgerBuilder().unit('U1');
    [95, 90, 90, 80].forEach((s, i) => b.cadre(`C${i + 1}`).score(`C${i + 1}`, '2026-01', s));
    const r = monthRanking(b.state, '2026-01');
    expect(['C1', 'C2', 'C3', 'C4'].map((id) => r.get(id)!.rank)).toEqual([1, 2, 2, 4]);
    expect(r.get('C4')).toMatchObject({ n: 4, third: 'bottom' });
    expect(r.get('C1')!.third).toBe('top');
  });
  it('has no thirds under 3 cadres; k = ceil(n/3)', () => {
    expect(thirdOf(2, 2)).toBe('none');
    expect(thirdOf(3, 7)).toBe('top');
    expect(thirdOf(4, 7)).toBe('middle');
    expect(thirdOf(5, 7)).toBe('bottom');
  });
  it('leaves cleared scores out of the ranking and the history', () => {
    const b = new LedgerBuilder().unit('U1');
    [95, 90, 80].forEach((s, i) => b.cadre(`C${i + 1}`).score(`C${i + 1}`, '2026-01', s));
    b.clear('C1:2026-01', '2026-02-01');
    expect(monthRanking(b.state, '2026-01').get('C2')).toMatchObject({ rank: 1, n: 2 });
    expect(rankHistory(b.state, 'C1')).toEqual([]);
    expect(rankHistory(b.state, 'C3')).toEqual([{ month: '2026-01', score: 80, rank: 2, n: 2, third: 'none' }]);
  });
  it('ranks units by mean score over units with at least 2 scored cadres', () => {
    const b = new LedgerBuilder().unit('U1').unit('U2').unit('U3');
    b.cadre('A1', { unitId: 'U1' }).score('A1', '2026-01', 90).cadre('A2', { unitId: 'U1' }).score('A2', '2026-01', 80);
    b.cadre('B1', { unitId: 'U2' }).score('B1', '2026-01', 70).cadre('B2', { unitId: 'U2' }).score('B2', '2026-01', 72);
    b.cadre('C1', { unitId: 'U3' }).score('C1', '2026-01', 99);
    const r = unitRanking(b.state, '2026-01');
    expect(r.map((u) => [u.unitId, u.rank, u.mean])).toEqual([
      ['U1', 1, 85],
      ['U2', 2, 71],
    ]);
  });
});
