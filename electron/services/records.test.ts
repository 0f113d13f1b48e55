import { beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { GradeTable } from '../../shared/engine/columns/gradeTable';
import { ScoreTable } from '../../shared/engine/columns/scoreTable';
import { put } from '../../shared/ledger/events';
import { createDispatcher } from '../core/dispatcher';
import { MemoryStore } from '../store/memory';
import { createTestContext } from './context';
import { recordsHandlers } from './records';

let store: MemoryStore;
let call: (input: unknown) => Promise<any>;

beforeEach(async () => {
  store = new MemoryStore();
  const ctx = createTestContext({ store });
  const d = createDispatcher(recordsHandlers(ctx) as unknown as Handlers, { revision: () => store.revision, checkOutput: true });
  call = (input) => d.call('records.put', input, { user: 'officer' });
  await store.commit(
    [
      put('units', { id: 'U1', name: '党政办' }),
      put('cadres', { id: 'C1', name: '李娜', unitId: 'U1', peerGroup: 'g', position: '', rankLevel: '', category: 'civilServant', leader: false }),
      put('cadres', { id: 'C2', name: '王强', unitId: 'U1', peerGroup: 'g', position: '', rankLevel: '', category: 'civilServant', leader: false }),
    ],
    { user: 'seed', command: 'seed' },
  );
});

describe('records.put', () => {
  it('keys a score by cadre and month: a second put is a duplicate until replaced with a reason', async () => {
    const a = await call({ collection: 'scores', record: { cadreId: 'C1', month: '2024-03', score: 88 } });
    expect(a).toMatchObject({ ok: true, value: { collection: 'scores', record: { id: 'C1:2024-03', score: 88 } }, revision: 5 }); // the record and its create revision
    const again = await call({ collection: 'scores', record: { cadreId: 'C1', month: '2024-03', score: 91 } });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'record.month' }] } });
    expect(again.error.message.zh).toContain('C1:2024-03');
    const noReason = await call({ collection: 'scores', record: { cadreId: 'C1', month: '2024-03', score: 91 }, replace: true });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'reason' }] } });
    await call({ collection: 'scores', record: { cadreId: 'C1', month: '2024-03', score: 91 }, replace: true, reason: '录入错误' });
    expect(store.state().scores.size).toBe(1);
    expect(store.state().scores.get('C1:2024-03')?.score).toBe(91);
    expect(store.journal.at(-1)?.meta).toEqual({ user: 'officer', command: 'records.put' });
    const revisions = [...store.state().revisions.values()];
    expect(revisions.map((r) => [r.action, r.recordId, r.reason, r.by])).toEqual([
      ['create', 'C1:2024-03', '', 'officer'],
      ['correct', 'C1:2024-03', '录入错误', 'officer'],
    ]);
    expect(revisions[1]).toMatchObject({ before: { score: 88 }, after: { score: 91 }, cadreId: 'C1', date: '2024-06-15' });
  });

  it('refuses a derived id that does not match the record', async () => {
    const env = await call({ collection: 'grades', record: { id: 'X', cadreId: 'C1', year: 2023, grade: 'excellent' } });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'record.id' }] } });
  });

  it('holds a grade entered from the form in the grade columns (id first, as the schema lists it), also when replaced', async () => {
    await call({ collection: 'grades', record: { cadreId: 'C1', year: 2023, grade: 'excellent' } });
    await call({ collection: 'grades', record: { cadreId: 'C1', year: 2023, grade: 'competent' }, replace: true, reason: '录入错误' });
    const grades = store.state().grades as GradeTable;
    // A record out of the columns' key order would sit in the overflow, and one such record has
    // every evaluation read all the ledger's grades record by record (and no incremental patch).
    expect(grades.overflowRecords().size).toBe(0);
    expect(grades.get('C1:2023')).toEqual({ id: 'C1:2023', cadreId: 'C1', year: 2023, grade: 'competent' });
    // The scores' columns likewise (ScoreTable: same key-order test).
    await call({ collection: 'scores', record: { cadreId: 'C1', month: '2024-03', score: 88 } });
    expect((store.state().scores as ScoreTable).overflowRecords().size).toBe(0);
  });

  it('numbers sanctions, measures and the rest with their prefix', async () => {
    const s = await call({ collection: 'sanctions', record: { cadreId: 'C1', kind: 'admin.warning', decidedOn: '2024-01-10', reason: '迟到' } });
    expect(s.value.record).toEqual({ id: 'S000001', cadreId: 'C1', kind: 'admin.warning', decidedOn: '2024-01-10', reason: '迟到' });
    const m = await call({ collection: 'measures', record: { subjectType: 'unit', subjectId: 'U1', kind: 'probation', startsOn: '2024-02-01' } });
    expect(m.value.record.id).toBe('M000001');
    const c = await call({ collection: 'clearances', record: { cadreId: 'C1', recordId: 'S000001', date: '2024-03-01' } });
    expect(c.value.record).toMatchObject({ id: 'CL000001', kind: 'clearance' });
  });

  it('checks references and reports them under record.*', async () => {
    const env = await call({ collection: 'faults', record: { cadreId: 'C9', date: '2024-01-01', intentional: false, personalInterest: false, violation: false, tolerated: true } });
    expect(env).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'record.cadreId', message: { zh: '干部“C9”不存在' } }] },
    });
    expect(store.revision).toBe(3);
  });

  it('reports schema errors with their path inside the record', async () => {
    const env = await call({ collection: 'scores', record: { cadreId: 'C1', month: '2024-3', score: 120 } });
    expect(env.ok).toBe(false);
    expect(env.ok || env.error.fields!.map((f: { path: string }) => f.path).sort()).toEqual(['record.month', 'record.score']);
  });

  it('refuses an unknown collection and the registry collections', async () => {
    for (const collection of ['units', 'cadres', 'policies', 'nonsense']) {
      const env = await call({ collection, record: { id: 'x' } });
      expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'collection' }] } });
    }
  });

  it('refuses dates that run backwards and a clearance of another cadre’s record', async () => {
    const m = await call({ collection: 'measures', record: { subjectType: 'cadre', subjectId: 'C1', kind: 'probation', startsOn: '2024-02-01', endsOn: '2024-01-01' } });
    expect(m).toMatchObject({ ok: false, error: { fields: [{ path: 'record.endsOn' }] } });
    await call({ collection: 'sanctions', record: { id: 'S1', cadreId: 'C1', kind: 'admin.warning', decidedOn: '2024-01-10', reason: '迟到' } });
    const c = await call({ collection: 'clearances', record: { cadreId: 'C2', recordId: 'S1', date: '2024-03-01' } });
    expect(c).toMatchObject({ ok: false, error: { fields: [{ path: 'record.recordId' }] } });
  });

  it('links check-ins to their plan with a plan+date id', async () => {
    await call({ collection: 'measures', record: { id: 'M1', subjectType: 'cadre', subjectId: 'C1', kind: 'demotion', startsOn: '2024-01-01' } });
    await call({ collection: 'rehabPlans', record: { cadreId: 'C1', measureId: 'M1', assignment: 'other', startsOn: '2024-01-15', status: 'active' } });
    const ci = await call({ collection: 'checkIns', record: { planId: 'R000001', date: '2024-02-01', note: '谈话' } });
    expect(ci.value.record).toEqual({ id: 'R000001:2024-02-01', planId: 'R000001', date: '2024-02-01', note: '谈话' });
    const bad = await call({ collection: 'checkIns', record: { planId: 'R404', date: '2024-02-01' } });
    expect(bad).toMatchObject({ ok: false, error: { fields: [{ path: 'record.planId' }] } });
  });
});
