import { describe, expect, it } from 'vitest';
import { LedgerBuilder } from '../engine/testkit';
import { clearanceEffectsOf, clearanceNoticeModel, ClearanceNotFound } from './clearance';

describe('what a cleared record applied while it stood', () => {
  it('a demerit: six months of pay at 20%, the honours of its year, its bar, its grade limit', () => {
    const b = new LedgerBuilder()
      .cadre('A', { name: '张三', position: '副镇长' })
      .sanction('S1', 'A', 'admin.demerit', '2026-03-15', { reason: '违规发放补贴', documentNo: '监处字〔2026〕3号' });
    b.state.clearances.set('CL1', { id: 'CL1', cadreId: 'A', recordId: 'S1', date: '2026-08-20', note: '经核查不属实', kind: 'clearance', verifiedBy: '镇纪委', verifiedOn: '2026-08-18', scope: '原通报范围' });
    const e = clearanceEffectsOf(b.state, b.state.clearances.get('CL1')!)!;
    expect(e).toMatchObject({ collection: 'sanctions', recordKind: 'admin.demerit', recordDate: '2026-03-15' });
    expect(e.effects.map((x) => x.type)).toEqual(['salaryDeduction', 'honoursWithheld', 'promotionBar', 'gradeLimit']);
    const [pay, honours, bar, grade] = e.effects;
    expect(pay).toMatchObject({ months: ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'], percent: 20 });
    expect(pay.text.zh).toBe('2026-03 至 2026-08 共6个月绩效工资按20%扣发');
    expect(honours).toMatchObject({ years: [2026], text: { zh: '2026年度不得评优评先' } });
    expect(bar).toMatchObject({ from: '2026-03-15', until: '2027-03-15' });
    expect(bar.text.zh).toContain('2026-08-20澄清');
    expect(grade).toMatchObject({ years: [2026], limit: 'ungraded' });
  });

  it('a fault: its deduction; a probation: the ladder step recorded from its finding', () => {
    const b = new LedgerBuilder()
      .cadre('A')
      .fault('F1', 'A', '2026-05-03', { intentional: true })
      .clear('CL1', 'F1', 'A')
      .measure('P', 'A', 'probation', '2026-01-01', { endsOn: '2026-03-31' })
      .measure('T', 'A', 'transitionalPlacement', '2026-04-05', { findingKey: 'probation.not-improved|cadre:A|P' })
      .clear('CL2', 'P', 'A');
    b.state.clearances.get('CL1')!.date = '2026-06-01';
    b.state.clearances.get('CL2')!.date = '2026-06-01';
    const fault = clearanceEffectsOf(b.state, b.state.clearances.get('CL1')!)!;
    expect(fault.effects).toMatchObject([{ type: 'faultDeduction', amount: 500 }]);
    const probation = clearanceEffectsOf(b.state, b.state.clearances.get('CL2')!)!;
    expect(probation.effects).toMatchObject([{ type: 'ladderStep', measureId: 'T', measureKind: 'transitionalPlacement' }]);
  });

  it('the notice model carries what the document prints', () => {
    const b = new LedgerBuilder().unit('U1', '党政办').cadre('A', { name: '张三', position: '副镇长' });
    b.sanction('S1', 'A', 'admin.warning', '2026-03-15', { reason: '被举报违规', documentNo: '监处字〔2026〕3号' });
    b.state.clearances.set('CL1', { id: 'CL1', cadreId: 'A', recordId: 'S1', date: '2026-05-20', note: '经核查不属实', kind: 'clearance', verifiedBy: '镇纪委', verifiedOn: '2026-05-18', scope: '原通报范围', documentNo: '纪澄字〔2026〕1号' });
    const m = clearanceNoticeModel(b.state, 'CL1', '2026-06-01');
    expect(m).toMatchObject({
      kind: 'clearance',
      documentNo: '纪澄字〔2026〕1号',
      cadre: { name: '张三', unitName: '党政办', position: '副镇长' },
      allegation: { collection: 'sanctions', recordId: 'S1', kind: 'admin.warning', kindLabel: { zh: '政务警告' }, date: '2026-03-15', documentNo: '监处字〔2026〕3号', summary: '被举报违规' },
      verification: { verifiedBy: '镇纪委', verifiedOn: '2026-05-18' },
      scope: '原通报范围',
      today: '2026-06-01',
      fileName: '澄清正名通知书-张三-CL1.docx',
    });
    expect(m.effects.map((e) => e.zh)).toContain('2026-03 至 2026-05 共3个月绩效工资按10%扣发');
    expect(() => clearanceNoticeModel(b.state, 'NOPE', '2026-06-01')).toThrow(ClearanceNotFound);
  });
});
