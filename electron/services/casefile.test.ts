import { describe, expect, it } from 'vitest';
import { finding, LedgerBuilder } from '../../shared/views/testing';
import { viewServices } from './viewServices.testkit';

describe('casefile.get', () => {
  it('returns the case file with the cadre’s own current findings only', async () => {
    const b = new LedgerBuilder().unit('U1', '城关镇').cadre('C1', { name: '张三' }).cadre('C2');
    b.sanction('S1', { kind: 'admin.demerit', decidedOn: '2026-01-10' });
    const mine = finding('sanction.no-promotion', { type: 'cadre', id: 'C1' }, '2026-03');
    const theirs = finding('sanction.no-promotion', { type: 'cadre', id: 'C2' }, '2026-03');
    const { call } = await viewServices(b, { '2026-03': [mine, theirs] });
    const cf = await call('casefile.get', { cadreId: 'C1', asOf: '2026-03' });
    expect(cf.cadre.name).toBe('张三');
    expect(cf.findings.map((f: { key: string }) => f.key)).toEqual([mine.key]);
    expect(cf.bars[0]).toMatchObject({ until: '2027-01-10', sourceId: 'S1' });
    expect(cf.timeline[0]).toMatchObject({ key: 'sanctions/S1', period: { active: true } });
  });

  it('shows a record written through the contract at once', async () => {
    const b = new LedgerBuilder().unit('U1').cadre('C1');
    const { call, store } = await viewServices(b);
    await store.commit([{ type: 'put', collection: 'scores', record: { id: 'C1:2026-03', cadreId: 'C1', month: '2026-03', score: 77 } }], { user: 'x', command: 'records.put' });
    const cf = await call('casefile.get', { cadreId: 'C1', asOf: '2026-03' });
    expect(cf.timeline.map((e: { key: string }) => e.key)).toEqual(['scores/C1:2026-03']);
  });

  it('says which office owns the cadre and every transfer, with the offices’ names (none without an office identity)', async () => {
    const b = new LedgerBuilder().unit('U1').cadre('C1').cadre('XZ01.C00001');
    const { call, store } = await viewServices(b);
    expect((await call('casefile.get', { cadreId: 'C1', asOf: '2026-03' })).ownership).toBeUndefined();
    await store.commit(
      [
        { type: 'put', collection: 'syncMeta', record: { id: 'identity', data: { code: 'XQ', name: '新区党工委办公室' } } },
        { type: 'put', collection: 'syncMeta', record: { id: 'trust/XZ01', data: { code: 'XZ01', name: '青山镇' } } },
        {
          type: 'put',
          collection: 'owners',
          record: { id: 'C1', collection: 'cadres', office: 'XZ01', history: [{ from: 'XQ', to: 'XZ01', on: '2026-03-01', by: 'admin', note: '任免通知' }] },
        },
      ],
      { user: 'x', command: 'sync.transfer' },
    );
    expect((await call('casefile.get', { cadreId: 'C1', asOf: '2026-03' })).ownership).toEqual({
      office: 'XZ01',
      officeName: '青山镇',
      self: false,
      unitOffice: 'XQ',
      unitOfficeName: '新区党工委办公室',
      transfers: [{ from: 'XQ', fromName: '新区党工委办公室', to: 'XZ01', toName: '青山镇', on: '2026-03-01', by: 'admin', note: '任免通知' }],
    });
    expect((await call('casefile.get', { cadreId: 'XZ01.C00001', asOf: '2026-03' })).ownership).toMatchObject({ office: 'XZ01', self: false, transfers: [] });
  });

  it('answers NOT_FOUND for an unknown cadre', async () => {
    const { raw } = await viewServices(new LedgerBuilder());
    const r = await raw('casefile.get', { cadreId: 'C404', asOf: '2026-03' });
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', fields: [{ path: 'cadreId' }] });
  });

  it('shows corrections, voids, clearance effects, fault deductions and the way back', async () => {
    const b = new LedgerBuilder().unit('U1', '城关镇').cadre('C1', { name: '张三' });
    b.sanction('S1', { kind: 'admin.demerit', decidedOn: '2026-01-10', reason: '被举报' });
    b.clear('S1', '2026-03-01');
    b.sanction('S2', { kind: 'admin.warning', decidedOn: '2026-02-10', reason: '迟到' });
    b.add('clearances', { id: 'CL-R', cadreId: 'C1', recordId: 'S2', date: '2026-03-05', note: '', kind: 'revocation' });
    b.add('faults', { id: 'F1', cadreId: 'C1', date: '2026-02-01', intentional: false, personalInterest: false, violation: false, tolerated: true, description: '程序瑕疵' });
    b.measure('D', { kind: 'demotion', startsOn: '2025-01-10' });
    b.add('rehabPlans', { id: 'R1', cadreId: 'C1', measureId: 'D', assignment: 'other', startsOn: '2025-01-15', status: 'active' });
    b.add('scores', { id: 'C1:2026-01', cadreId: 'C1', month: '2026-01', score: 70 });
    const rev = (id: string, action: 'correct' | 'void', recordId: string, before: object, after: object | null) =>
      b.add('revisions', { id, collection: 'scores', recordId, cadreId: 'C1', action, reason: action === 'void' ? '重复录入' : '分数录错', at: '2026-03-10T02:00:00.000Z', by: 'officer.li', date: '2026-03-10', before: before as never, after: after as never });
    rev('V1', 'correct', 'C1:2026-01', { id: 'C1:2026-01', cadreId: 'C1', month: '2026-01', score: 60 }, { id: 'C1:2026-01', cadreId: 'C1', month: '2026-01', score: 70 });
    rev('V2', 'void', 'C1:2026-02', { id: 'C1:2026-02', cadreId: 'C1', month: '2026-02', score: 50 }, null);
    const { call } = await viewServices(b);
    const cf = await call('casefile.get', { cadreId: 'C1', asOf: '2026-03' });
    const entry = (key: string) => cf.timeline.find((e: { key: string }) => e.key === key);
    expect(entry('sanctions/S1')).toMatchObject({ standing: 'cleared', cleared: true });
    expect(entry('sanctions/S2')).toMatchObject({ standing: 'revoked', cleared: true });
    expect(entry('scores/C1:2026-01')).toMatchObject({ standing: 'inForce', corrections: 1, lastCorrection: { reason: '分数录错', by: 'officer.li' } });
    expect(entry('scores/C1:2026-02')).toMatchObject({ standing: 'voided', voided: { reason: '重复录入', by: 'officer.li', revisionId: 'V2' }, record: { score: 50 } });
    expect(cf.faultDeductions).toMatchObject([{ faultId: 'F1', basis: 'tolerated', factor: 0, amount: 0, standardAmount: 500 }]);
    const s1 = cf.clearanceEffects.find((e: { clearance: { id: string } }) => e.clearance.id === 'CL-S1');
    expect(s1.effects.map((e: { type: string }) => e.type)).toEqual(['salaryDeduction', 'honoursWithheld', 'promotionBar', 'gradeLimit']);
    expect(s1.effects[0]).toMatchObject({ months: ['2026-01', '2026-02', '2026-03'], percent: 20 });
    expect(cf.wayBack).toMatchObject({ measure: { id: 'D' }, planId: 'R1', eligible: false });
    expect(cf.plans.map((p: { plan: { id: string } }) => p.plan.id)).toEqual(['R1']);
  });
});

