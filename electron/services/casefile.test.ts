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

  it('answers NOT_FOUND for an unknown cadre', async () => {
    const { raw } = await viewServices(new LedgerBuilder());
    const r = await raw('casefile.get', { cadreId: 'C404', asOf: '2026-03' });
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', fields: [{ path: 'cadreId' }] });
  });
});
