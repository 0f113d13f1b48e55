import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { finding, LedgerBuilder } from '../../shared/views/testing';
import { viewServices } from './viewServices.testkit';

function township() {
  const b = new LedgerBuilder().unit('U1', '城关镇').unit('U2', '新区办');
  b.cadre('C1', { name: '张三', unitId: 'U1' }).cadre('C2', { name: '李四', unitId: 'U1' });
  b.cadre('C3', { name: '王五', unitId: 'U2' }).cadre('C4', { name: '赵六', unitId: 'U2' });
  b.measure('P1', { kind: 'probation', startsOn: '2026-01-01', endsOn: '2026-03-25', subjectId: 'C1' });
  b.measure('PU', { kind: 'probation', startsOn: '2025-12-01', endsOn: '2026-03-01', subjectType: 'unit', subjectId: 'U1' });
  return b;
}

describe('tracker services', () => {
  it('shows the board as of the month (judged on its last day)', async () => {
    const { call } = await viewServices(township());
    const board = await call('tracker.board', { asOf: '2026-03' });
    expect(board.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      ['PU', 'overdue'],
      ['P1', 'overdue'],
    ]);
    expect((await call('tracker.board', { asOf: '2026-02' })).items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      ['PU', 'dueSoon'],
      ['P1', 'onTrack'],
    ]);
    expect(board.team.underWatch[0]).toMatchObject({ unitName: '城关镇', members: [{}, {}] });
  });

  it('closes a team probation as not improved, journaled, and offers transitional placement', async () => {
    const { call, store } = await viewServices(township());
    const r = await call('tracker.close', { measureId: 'PU', outcome: 'notImproved' });
    expect(r.measure).toMatchObject({ id: 'PU', outcome: 'notImproved', endsOn: '2026-03-01' });
    expect(r.nextStep).toMatchObject({ kind: 'transitionalPlacement', draft: { subjectType: 'unit', subjectId: 'U1', startsOn: '2026-03-20' } });
    expect(store.state().measures.get('PU')?.outcome).toBe('notImproved');
    expect(store.journal.at(-1)?.meta).toEqual({ user: 'officer.wang', command: 'tracker.close' });
    const board = await call('tracker.board', { asOf: '2026-03' });
    expect(board.items.map((i: { id: string }) => i.id)).toEqual(['P1']);
  });

  it('refuses a close naming neither or an unknown measure', async () => {
    const { raw } = await viewServices(township());
    const neither = await raw('tracker.close', { outcome: 'improved' });
    expect(!neither.ok && neither.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'measureId' }] });
    const unknown = await raw('tracker.close', { measureId: 'NOPE', outcome: 'improved' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });

  it('exports the filtered board as a workbook that reads back', async () => {
    const { call } = await viewServices(township());
    const out = await call('tracker.export', { asOf: '2026-03', filters: { statuses: ['overdue'] } });
    expect(out.fileName).toBe('预警与观察期台账-2026-03.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toContain('复核日期');
    expect((ws.getRow(3).values as unknown[]).slice(1, 9)).toEqual(['城关镇', '班子', '城关镇', '观察期', '2025-12-01', '2026-03-01', -30, '已逾期']);
    expect(ws.rowCount).toBe(4);
  });

  it('neutralises cells that begin with = + - @ (formula injection)', async () => {
    const b = township();
    b.cadre('C9', { name: '=HYPERLINK("http://x","点我")', unitId: 'U2' });
    b.measure('P9', { kind: 'probation', startsOn: '2026-01-01', endsOn: '2026-03-02', subjectId: 'C9', note: '@SUM(A1)' });
    const { call } = await viewServices(b);
    const out = await call('tracker.export', { asOf: '2026-03', filters: { statuses: ['overdue'] } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(values).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(values).toContain(`'@SUM(A1)`);
    expect(values.some((v) => /^[=+\-@]/.test(v))).toBe(false);
  });

  it('offers every remaining rung of a team ladder, and the members to name', async () => {
    const { call } = await viewServices(township());
    const r = await call('tracker.close', { measureId: 'PU', outcome: 'notImproved' });
    expect(r.nextStep.options.map((o: { rung: number; kind: string; draft: { subjectType: string } }) => [o.rung, o.kind, o.draft.subjectType])).toEqual([
      [1, 'transitionalPlacement', 'unit'],
      [1, 'positionAdjustment', 'unit'],
    ]);
    expect(r.nextStep.members.map((m: { cadreId: string }) => m.cadreId)).toEqual(['C1', 'C2']);
    expect(r.nextStep.memberKinds).toEqual(['transitionalPlacement', 'positionAdjustment', 'demotion', 'removal', 'dismissal']);
  });

  it('a cadre closed as not improved gets every rung above', async () => {
    const { call } = await viewServices(township());
    const r = await call('tracker.close', { measureId: 'P1', outcome: 'notImproved' });
    expect(r.nextStep.kind).toBe('transitionalPlacement');
    expect([...new Set(r.nextStep.options.map((o: { kind: string }) => o.kind))]).toEqual(['transitionalPlacement', 'positionAdjustment', 'demotion', 'removal', 'dismissal']);
    expect(r.nextStep.members).toEqual([]);
  });

  it('refuses closing twice, kinds without outcomes and outcomes of another kind', async () => {
    const b = township();
    b.measure('RM', { kind: 'removal', startsOn: '2026-01-05', subjectId: 'C3' });
    const { call, raw } = await viewServices(b);
    await call('tracker.close', { measureId: 'P1', outcome: 'improved' });
    const twice = await raw('tracker.close', { measureId: 'P1', outcome: 'notImproved' });
    expect(!twice.ok && twice.error).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'measureId' }] });
    const removal = await raw('tracker.close', { measureId: 'RM', outcome: 'improved' });
    expect(!removal.ok && removal.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'measureId' }] });
    const wrong = await raw('tracker.close', { measureId: 'PU', outcome: 'confirmed' });
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'outcome' }] });
  });

  it('shows placements without a review date, faults awaiting a step and overdue check-ins', async () => {
    const b = township();
    b.measure('TP', { kind: 'transitionalPlacement', startsOn: '2026-01-05', subjectId: 'C3' });
    b.measure('TQ', { kind: 'transitionalPlacement', startsOn: '2026-01-05', subjectId: 'C4', reviewOn: '2026-07-05' });
    b.add('faults', { id: 'F1', cadreId: 'C2', date: '2026-02-01', intentional: false, personalInterest: false, violation: false, tolerated: false, description: '程序瑕疵' });
    b.add('rehabPlans', { id: 'R1', cadreId: 'C3', measureId: 'TP', assignment: 'other', startsOn: '2026-01-05', status: 'active', mentor: '王建国' });
    const due = finding('rehab.checkin-due', { type: 'cadre', id: 'C3' }, '2026-03', {
      key: 'rehab.checkin-due|cadre:C3|R1:2026-01-05',
      suggestion: { kind: 'checkIn', params: { planId: 'R1', lastContact: '2026-01-05', dueOn: '2026-03-06' } },
    });
    const { call } = await viewServices(b, { '2026-03': [due] });
    const board = await call('tracker.board', { asOf: '2026-03' });
    const tp = board.items.find((i: { id: string }) => i.id === 'TP');
    expect(tp).toMatchObject({ reviewDate: null, missingReviewDate: true });
    expect(board.items.find((i: { id: string }) => i.id === 'TQ')).toMatchObject({ reviewDate: '2026-07-05', missingReviewDate: false });
    expect(board.faults.map((f: { fault: { id: string }; awaiting: string; cadreName: string }) => [f.fault.id, f.awaiting, f.cadreName])).toEqual([['F1', 'application', '李四']]);
    expect(board.checkInsDue).toEqual([
      { planId: 'R1', cadreId: 'C3', cadreName: '王五', unitId: 'U2', unitName: '新区办', mentor: '王建国', lastContact: '2026-01-05', dueOn: '2026-03-06', daysOverdue: 25, findingKey: due.key },
    ]);
    const out = await call('tracker.export', { asOf: '2026-03' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getSheetValues().flat()).toContain('无复核日期');
  });
});

