import { describe, expect, it } from 'vitest';
import { caseFileView, CadreNotFound } from './casefile';
import { fakeEngine, LedgerBuilder } from './testing';

function township() {
  const b = new LedgerBuilder().unit('U1', '城关镇').unit('U2', '新区办');
  b.cadre('C1', { name: '张三', position: '副镇长', peerGroup: '乡镇副职' });
  b.cadre('C2', { peerGroup: '乡镇副职' }).cadre('C3', { peerGroup: '乡镇副职' }).cadre('C4', { peerGroup: '站所长' });
  for (const [m, s] of [['2026-01', [70, 80, 90]], ['2026-02', [95, 80, 90]]] as const) {
    s.forEach((v, i) => b.score(`C${i + 1}`, m, v));
  }
  return b;
}
const engine = fakeEngine({});
const view = (b: LedgerBuilder, today = '2026-03-20', asOf = '2026-03') =>
  caseFileView(b.state, engine, { cadreId: 'C1', asOf, today, findings: [] });

describe('caseFileView', () => {
  it('carries the header facts: unit, peer group size, status in post', () => {
    const cf = view(township());
    expect(cf.cadre.name).toBe('张三');
    expect(cf.unit?.name).toBe('城关镇');
    expect(cf.peerGroupSize).toBe(3);
    expect(cf.status).toBe('inPost');
    expect(cf.referenceDate).toBe('2026-03-31');
  });

  it('merges everything into one timeline, newest first, scores with their rank', () => {
    const b = township();
    b.add('grades', { id: 'C1:2025', cadreId: 'C1', year: 2025, grade: 'competent' });
    b.measure('M1', { kind: 'reminderTalk', startsOn: '2026-02-10' });
    b.sanction('S1', { kind: 'admin.warning', decidedOn: '2026-03-05' });
    b.add('faults', { id: 'F1', cadreId: 'C1', date: '2026-01-31', intentional: false, personalInterest: false, violation: false, tolerated: true, description: '' });
    b.measure('MX', { kind: 'reminderTalk', startsOn: '2026-02-11', subjectId: 'C2' });
    const cf = view(b);
    expect(cf.timeline.map((e) => e.key)).toEqual([
      'sanctions/S1',
      'scores/C1:2026-02',
      'measures/M1',
      'faults/F1',
      'scores/C1:2026-01',
      'grades/C1:2025',
    ]);
    const feb = cf.timeline.find((e) => e.key === 'scores/C1:2026-02')!;
    expect(feb.rank).toEqual({ rank: 1, n: 3, third: 'top' });
    expect(cf.timeline.find((e) => e.key === 'scores/C1:2026-01')!.rank).toEqual({ rank: 3, n: 3, third: 'bottom' });
    expect(cf.rankHistory.map((r) => r.month)).toEqual(['2026-01', '2026-02']);
  });

  it('shows a team measure of the cadre’s unit, not another unit’s', () => {
    const b = township();
    b.measure('MU1', { kind: 'probation', startsOn: '2026-03-01', subjectType: 'unit', subjectId: 'U1' });
    b.measure('MU2', { kind: 'probation', startsOn: '2026-03-01', subjectType: 'unit', subjectId: 'U2' });
    expect(view(b).timeline.filter((e) => e.collection === 'measures').map((e) => e.key)).toEqual(['measures/MU1']);
  });

  it('keeps a cleared sanction visible, marked, without impact period or bar', () => {
    const b = township();
    b.sanction('S1', { kind: 'admin.demerit', decidedOn: '2026-01-10' });
    b.sanction('S2', { kind: 'party.warning', decidedOn: '2026-02-01' });
    b.clear('S2', '2026-03-01');
    const cf = view(b);
    const s2 = cf.timeline.find((e) => e.key === 'sanctions/S2')!;
    expect(s2.cleared).toBe(true);
    expect(s2.clearedBy?.id).toBe('CL-S2');
    expect(s2.period).toBeUndefined();
    const s1 = cf.timeline.find((e) => e.key === 'sanctions/S1')!;
    expect(s1).toMatchObject({ cleared: false, period: { start: '2026-01-10', end: '2027-01-10', active: true } });
    expect(cf.impactPeriods.map((p) => p.sanctionId)).toEqual(['S1']);
    expect(cf.bars).toEqual([{ until: '2027-01-10', sourceCollection: 'sanctions', sourceId: 'S1', kind: 'admin.demerit', reason: 'impactPeriod' }]);
    expect(cf.timeline.find((e) => e.key === 'clearances/CL-S2')?.kind).toBe('clearance');
  });

  it('drops bars and marks periods inactive once they end', () => {
    const b = township();
    b.sanction('S1', { kind: 'admin.warning', decidedOn: '2025-01-10' });
    const cf = view(b);
    expect(cf.bars).toEqual([]);
    expect(cf.impactPeriods[0]).toMatchObject({ sanctionId: 'S1', active: false, end: '2025-07-10' });
  });

  it('derives status from the measures in force on the reference date', () => {
    const b = township();
    b.measure('M1', { kind: 'transitionalPlacement', startsOn: '2026-03-01' });
    expect(view(b).status).toBe('transitional');
    expect(view(b, '2026-03-20', '2026-02').status).toBe('inPost');
    b.clear('M1', '2026-03-10');
    expect(view(b).status).toBe('inPost');
  });

  it('refuses an unknown cadre', () => {
    expect(() => caseFileView(township().state, engine, { cadreId: 'NOPE', asOf: '2026-03', today: '2026-03-01', findings: [] })).toThrow(CadreNotFound);
  });
});
