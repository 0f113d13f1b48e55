// rehab.* and faults.* through the real dispatcher, on a small ledger with a real engine.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { addMonthsToMonth } from '../../shared/engine/calendar';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { createDispatcher } from '../core/dispatcher';
import { MemoryStore } from '../store/memory';
import { createTestContext } from './context';
import { faultsHandlers } from './faults';
import { findingsHandlers } from './findings';
import { recordsHandlers } from './records';
import { rehabHandlers } from './rehab';

let store: MemoryStore;
let call: (name: string, input: unknown) => Promise<any>;
/** Unwraps, or throws the error as JSON. */
let ok: (name: string, input: unknown) => Promise<any>;

const cadre = (id: string, name: string) => put('cadres', { id, name, unitId: 'U1', peerGroup: 'g', position: '股长', rankLevel: '', category: 'civilServant' as const, leader: false });

beforeEach(async () => {
  store = new MemoryStore();
  const ctx = createTestContext({ store, now: () => new Date(2026, 2, 20, 12) });
  const handlers = { ...recordsHandlers(ctx), ...rehabHandlers(ctx), ...faultsHandlers(ctx), ...findingsHandlers(ctx) };
  const d = createDispatcher(handlers as unknown as Handlers, { revision: () => store.revision, checkOutput: true, logError: (m) => { throw new Error(m); } });
  call = (name, input) => d.call(name, input, { user: 'officer.zhao' });
  ok = async (name, input) => {
    const r = await call(name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  const events: LedgerEvent[] = [put('units', { id: 'U1', name: '党政办' }), cadre('A', '张三')];
  // Peers scoring 60…65 and A in the top third from 2025-06 on.
  for (let i = 1; i <= 6; i++) events.push(cadre(`P${i}`, `同事${i}`));
  for (let k = 0; k < 14; k++) {
    const month = addMonthsToMonth('2025-01', k);
    for (let i = 1; i <= 6; i++) events.push(put('scores', { id: `P${i}:${month}`, cadreId: `P${i}`, month, score: 59 + i }));
  }
  events.push(put('measures', { id: 'M1', subjectType: 'cadre', subjectId: 'A', kind: 'transitionalPlacement', startsOn: '2025-01-10', note: '' }));
  events.push(put('measures', { id: 'M2', subjectType: 'cadre', subjectId: 'A', kind: 'admonishment', startsOn: '2024-03-01', note: '' }));
  await store.commit(events, { user: 'seed', command: 'seed' });
});

const openInput = {
  cadreId: 'A',
  measureId: 'M1',
  assignment: 'ruralRevitalization',
  startsOn: '2025-01-15',
  post: '驻村工作队队员',
  place: '东沟村',
  fitReason: '原在农业站工作，熟悉产业',
  mentor: '王建国',
  goals: '一年内完成产业项目',
  training: [{ item: '乡村振兴专题培训', from: '2025-02-01', to: '2025-02-05', completed: true }],
  scheduledReviews: ['2025-07-15'],
};

async function addTopMonths(months: string[]) {
  await store.commit(
    months.map((month) => put('scores', { id: `A:${month}`, cadreId: 'A', month, score: 99 })),
    { user: 'seed', command: 'scores' },
  );
}

describe('rehabilitation plans', () => {
  it('a plan is drafted from the placement, opened, followed and closed', async () => {
    const draft = await ok('rehab.draftFromMeasure', { measureId: 'M1' });
    expect(draft).toMatchObject({ cadreId: 'A', measureKind: 'transitionalPlacement', startsOn: '2025-01-10', cadrePosition: '股长' });
    const refused = await call('rehab.draftFromMeasure', { measureId: 'M2' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'measureId' }] } });

    const missing = await call('rehab.open', { ...openInput, mentor: '' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'mentor' }] } });
    const plan = await ok('rehab.open', openInput);
    expect(plan).toMatchObject({ id: 'R000001', status: 'active', mentor: '王建国' });
    expect([...store.state().revisions.values()].map((r) => [r.action, r.collection, r.by])).toEqual([['create', 'rehabPlans', 'officer.zhao']]);
    expect(await call('rehab.open', openInput)).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'measureId' }] } });

    expect(await call('rehab.checkIn', { planId: 'R000001', date: '2025-01-01', talkedBy: '王建国', thoughts: '稳定', workState: '积极' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'date' }] },
    });
    const ci = await ok('rehab.checkIn', { planId: 'R000001', date: '2025-03-01', talkedBy: '王建国', thoughts: '思想稳定', workState: '工作积极', concerns: '', support: '结对帮带' });
    expect(ci).toMatchObject({ id: 'R000001:2025-03-01', talkedBy: '王建国', support: '结对帮带' });
    expect(await call('rehab.checkIn', { planId: 'R000001', date: '2025-03-01', talkedBy: '王建国', thoughts: 'x', workState: 'y' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const updated = await ok('rehab.update', { planId: 'R000001', plan: { place: '西岭村' }, reason: '地点录错' });
    expect(updated).toMatchObject({ place: '西岭村', training: openInput.training, scheduledReviews: ['2025-07-15'] });
    expect([...store.state().revisions.values()].at(-1)).toMatchObject({ action: 'correct', reason: '地点录错', before: { place: '东沟村' }, after: { place: '西岭村' } });
    expect(await call('rehab.update', { planId: 'R000001', plan: { place: '西岭村' }, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const review = await ok('rehab.review', { planId: 'R000001', date: '2025-12-20', result: 'positive', evidence: '产业项目完成' });
    expect(review.plan).toMatchObject({ lastReview: 'positive', reviews: [{ date: '2025-12-20', result: 'positive', by: 'officer.zhao' }] });
    expect(review.recentRanks).toEqual([]);

    const list = await ok('rehab.list', { asOf: '2025-06' });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ cadreName: '张三', lastCheckIn: '2025-03-01', nextCheckIn: '2025-04-30', checkInOverdue: true, eligible: false });
    expect((await ok('rehab.list', { asOf: '2025-06', filters: { assignment: ['other'] } })).items).toEqual([]);

    const closed = await ok('rehab.close', { planId: 'R000001', outcome: 'roseAgain', date: '2026-03-01' });
    expect(closed).toMatchObject({ status: 'completed', outcome: 'roseAgain', closedOn: '2026-03-01' });
    expect(await call('rehab.close', { planId: 'R000001', outcome: 'closed', date: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'planId' }] } });
  });

  it('the checklist fills as top-third months come in, until rehab.reascend appears', async () => {
    await ok('rehab.open', openInput);
    await ok('rehab.checkIn', { planId: 'R000001', date: '2025-12-28', talkedBy: '王建国', thoughts: '稳定', workState: '积极' });
    await addTopMonths(['2025-09', '2025-10', '2025-11']);
    let view = await ok('rehab.get', { planId: 'R000001', asOf: '2026-01' });
    const state = (v: any) => Object.fromEntries(v.wayBack.conditions.map((c: any) => [c.id, c.met ? 'met' : c.detail.zh]));
    expect(state(view)).toMatchObject({ minTime: 'met', plan: '帮扶计划未完成且无积极评估', topThird: '前三分之一 3/4 个月', noBar: 'met' });
    expect(view.wayBack.earliestDate).toBe('2026-01-01');
    await ok('rehab.review', { planId: 'R000001', date: '2026-01-05', result: 'positive', evidence: '驻村成效明显' });
    await addTopMonths(['2026-01']);
    view = await ok('rehab.get', { planId: 'R000001', asOf: '2026-01' });
    expect(view.wayBack.eligible).toBe(true);
    expect(view.row.eligible).toBe(true);
    expect(view.findings.map((f: { rule: string }) => f.rule)).toEqual(['rehab.reascend']);
    expect(view.recentRanks.map((r: { month: string; third: string }) => [r.month, r.third])).toEqual([
      ['2025-09', 'top'],
      ['2025-10', 'top'],
      ['2025-11', 'top'],
      ['2026-01', 'top'],
    ]);
    expect(view.checkIns.map((c: { date: string }) => c.date)).toEqual(['2025-12-28']);
  });

  it('exports the list as a workbook', async () => {
    await ok('rehab.open', openInput);
    const out = await ok('rehab.export', { asOf: '2025-06' });
    expect(out.fileName).toBe('帮扶计划-2025-06.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toContain('帮扶责任人');
    expect((ws.getRow(3).values as unknown[]).slice(1, 10)).toEqual(['R000001', '张三', '党政办', '2025-01-15', '进行中', '乡村振兴', '驻村工作队队员', '东沟村', '王建国']);
  });
});

describe('release from the finding', () => {
  it('the release-due finding carries the sanction; after the release it is gone', async () => {
    await store.commit([put('sanctions', { id: 'S1', cadreId: 'A', kind: 'admin.warning', decidedOn: '2025-01-10', reason: '迟到' })], { user: 'seed', command: 'seed' });
    const due = () => ok('findings.list', { asOf: '2026-03', subject: { type: 'cadre', id: 'A' } }).then((l) => l.items.filter((f: { rule: string }) => f.rule === 'sanction.release-due'));
    const [f] = await due();
    expect(f.suggestion.params).toMatchObject({ sanctionId: 'S1', periodEndedOn: '2025-07-09' });
    await ok('sanctions.release', { sanctionId: 'S1', releasedOn: '2026-03-20', documentNo: '纪解字〔2026〕2号', findingKey: f.key });
    expect(await due()).toEqual([]);
  });
});

describe('fault tolerance', () => {
  const faultInput = {
    cadreId: 'A',
    date: '2026-03-02',
    description: '先行先试中程序瑕疵',
    intentional: false,
    intentionalEvidence: '对政策理解偏差',
    personalInterest: false,
    personalInterestEvidence: '未谋私利',
    violation: false,
    violationEvidence: '无明确禁止性规定',
  };

  it('records a fault and follows the procedure to a tolerated decision', async () => {
    expect(await call('faults.record', { ...faultInput, violationEvidence: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'violationEvidence' }] } });
    const fault = await ok('faults.record', faultInput);
    expect(fault).toMatchObject({ id: 'F000001', tolerated: false });
    expect(await call('faults.record', faultInput)).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'date' }] } });

    const step = (s: string, on: string, extra: object = {}) => call('faults.step', { faultId: 'F000001', step: s, on, note: '', ...extra });
    expect(await step('acceptance', '2026-03-03')).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'step' }] } });
    const applied = await step('application', '2026-03-03');
    expect(applied.value).toMatchObject({ awaiting: 'acceptance', fault: { steps: { application: { on: '2026-03-03', by: 'officer.zhao' } } } });
    await step('acceptance', '2026-03-04', { by: '组织办' });
    await step('verification', '2026-03-06');
    expect(await step('decision', '2026-03-08')).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'decision' }] } });
    const decided = await step('decision', '2026-03-08', { decision: 'tolerated' });
    expect(decided.value).toMatchObject({ awaiting: 'filing', fault: { decision: 'tolerated', tolerated: true } });

    const listed = await ok('faults.list', { asOf: '2026-03', awaitingOnly: true });
    expect(listed.items.map((r: any) => [r.fault.id, r.awaiting, r.deduction.factor, r.deduction.amount])).toEqual([['F000001', 'filing', 0, 0]]);
    await step('filing', '2026-03-09');
    expect((await ok('faults.list', { asOf: '2026-03', awaitingOnly: true })).items).toEqual([]);
    expect((await ok('faults.list', { asOf: '2026-03' })).items[0].deduction).toMatchObject({ basis: 'tolerated', factor: 0, amount: 0 });
  });

  it('a cleared fault takes no more steps', async () => {
    await ok('faults.record', faultInput);
    await store.commit([put('clearances', { id: 'CL9', cadreId: 'A', recordId: 'F000001', date: '2026-03-10', note: '', kind: 'clearance' })], { user: 'seed', command: 'seed' });
    expect(await call('faults.step', { faultId: 'F000001', step: 'application', on: '2026-03-11' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'faultId' }] } });
  });

  it('prints the clearance notice as .docx', async () => {
    await store.commit(
      [
        put('sanctions', { id: 'S1', cadreId: 'A', kind: 'admin.warning', decidedOn: '2026-01-10', reason: '被举报违规发放补贴', documentNo: '监处字〔2026〕1号' }),
        put('clearances', { id: 'CL1', cadreId: 'A', recordId: 'S1', date: '2026-03-01', note: '', kind: 'clearance', verifiedBy: '镇纪委', verifiedOn: '2026-02-27', scope: '原通报范围' }),
      ],
      { user: 'seed', command: 'seed' },
    );
    const out = await ok('clearances.notice', { clearanceId: 'CL1' });
    expect(out.fileName).toBe('澄清正名通知书-张三-CL1.docx');
    expect(Buffer.from(out.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('the notice of an unknown clearance is NOT_FOUND', async () => {
    expect(await call('clearances.notice', { clearanceId: 'CL404' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: [{ path: 'clearanceId' }] } });
  });
});
