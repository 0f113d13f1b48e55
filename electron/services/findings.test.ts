import { describe, expect, it } from 'vitest';
import { finding, LedgerBuilder } from '../../shared/views/testing';
import { subjectOfKey } from './findings';
import { viewServices } from './viewServices.testkit';

const c1 = { type: 'cadre' as const, id: 'C1' };
const talk = finding('warn.bottom-third-streak', c1, '2026-03');
const ledger = () => new LedgerBuilder().unit('U1', '城关镇').cadre('C1', { name: '张三' });

describe('findings services', () => {
  it('lists the month’s findings with who is new', async () => {
    const { call } = await viewServices(ledger(), { '2026-03': [talk] });
    const list = await call('findings.list', { asOf: '2026-03' });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ key: talk.key, isNew: true, subjectName: '张三' });
    expect(list.items[0].suggestedMeasure).toMatchObject({ kind: 'reminderTalk', startsOn: '2026-03-20' });
  });

  it('dismisses with a reason, journaled with who, and the finding is gone', async () => {
    const { call, store } = await viewServices(ledger(), { '2026-03': [talk] });
    const d = await call('findings.dismiss', { findingKey: talk.key, reason: '该月系借调，分数不可比' });
    expect(d).toMatchObject({ id: 'D000001', findingKey: talk.key, date: '2026-03-20' });
    expect(store.journal.at(-1)?.meta).toEqual({ user: 'officer.wang', command: 'findings.dismiss' });
    const list = await call('findings.list', { asOf: '2026-03' });
    expect(list).toMatchObject({ items: [], dismissedCount: 1 });
    // Again: the reason is replaced, not a second dismissal.
    await call('findings.dismiss', { findingKey: talk.key, reason: '更正理由' });
    expect([...store.state().dismissals.values()].map((x) => x.reason)).toEqual(['更正理由']);
  });

  it('refuses a dismissal without a reason, naming the field', async () => {
    const { raw } = await viewServices(ledger(), { '2026-03': [talk] });
    const r = await raw('findings.dismiss', { findingKey: talk.key, reason: '  ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.[0]).toMatchObject({ path: 'reason', message: { zh: '必填' } });
  });

  it('records the suggested measure from the finding, and the finding is gone', async () => {
    const { call, store } = await viewServices(ledger(), { '2026-03': [talk] });
    const m = await call('findings.act', { findingKey: talk.key, asOf: '2026-03', measure: { note: '已谈话' } });
    expect(m).toMatchObject({ kind: 'reminderTalk', subjectId: 'C1', startsOn: '2026-03-20', note: '已谈话', findingKey: talk.key });
    expect(store.state().measures.get(m.id)).toEqual(m);
    expect(store.journal.at(-1)?.meta.command).toBe('findings.act');
    expect((await call('findings.list', { asOf: '2026-03' })).items).toEqual([]);
  });

  it('refuses to act on a finding that does not exist, or with an end before the start', async () => {
    const { raw } = await viewServices(ledger(), { '2026-03': [talk] });
    const gone = await raw('findings.act', { findingKey: 'nope|cadre:C1', asOf: '2026-03' });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    const bad = await raw('findings.act', { findingKey: talk.key, asOf: '2026-03', measure: { startsOn: '2026-03-10', endsOn: '2026-03-01' } });
    expect(!bad.ok && bad.error.fields).toEqual([{ path: 'measure.endsOn', message: expect.objectContaining({ zh: '结束日期不能早于开始日期' }) }]);
    const badDate = await raw('findings.act', { findingKey: talk.key, asOf: '2026-03', measure: { startsOn: '2026-02-30' } });
    expect(!badDate.ok && badDate.error.fields?.[0].path).toBe('measure.startsOn');
  });

  it('counts the month by rule', async () => {
    const { call } = await viewServices(ledger(), { '2026-02': [talk], '2026-03': [talk] });
    const o = await call('findings.overview', { asOf: '2026-03' });
    expect(o).toMatchObject({ total: 1, newCount: 0, byRule: [{ rule: 'warn.bottom-third-streak', count: 1, newCount: 0 }] });
  });

  it('reads the subject out of a finding key', () => {
    expect(subjectOfKey('team.low-ranking|unit:U1|2026')).toEqual({ type: 'unit', id: 'U1' });
    expect(subjectOfKey('odd-key')).toBeUndefined();
  });
});
