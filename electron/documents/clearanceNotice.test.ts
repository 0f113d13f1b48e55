import { describe, expect, it } from 'vitest';
import { documentsLedger } from '../../shared/documents/testing';
import { clearanceNoticeModel } from '../../shared/views/clearance';
import { renderClearanceNotice } from './clearanceNotice';
import { expectOfficialLayout, openDocx } from './testing';

describe('renderClearanceNotice', () => {
  it('tells the cadre the allegation was false, who verified it and what is restored', async () => {
    const state = documentsLedger();
    const c = state.clearances.get('CL-S2')!;
    state.clearances.set(c.id, { ...c, verifiedBy: '镇纪委', verifiedOn: '2024-05-20', scope: '镇机关', documentNo: '城纪函〔2024〕5号' });
    const parts = await openDocx(await renderClearanceNotice(clearanceNoticeModel(state, 'CL-S2', '2026-12-01'), { issuer: '中共城关镇纪律检查委员会' }));
    expectOfficialLayout(parts);
    expect(parts.text).toContain('澄清正名通知书');
    expect(parts.text).toContain('城纪函〔2024〕5号');
    expect(parts.text).toContain('张三同志：');
    expect(parts.text).toContain('关于反映你“不实举报”的问题，经镇纪委于2024年5月20日调查核实，反映问题不属实。现予以澄清正名。');
    expect(parts.text).toContain('澄清范围：镇机关。');
    expect(parts.text).toContain('中共城关镇纪律检查委员会');
    expect(parts.text).toContain('2024年6月1日');
  });

  it('words a revocation as the withdrawal of a decision', async () => {
    const state = documentsLedger();
    const c = state.clearances.get('CL-S2')!;
    state.clearances.set(c.id, { ...c, kind: 'revocation' });
    const parts = await openDocx(await renderClearanceNotice(clearanceNoticeModel(state, 'CL-S2', '2026-12-01')));
    expect(parts.text).toContain('撤销决定通知书');
    expect(parts.text).toContain('2024年6月1日，决定撤销2024年1月5日对你作出的党内警告。');
    expect(parts.text).not.toContain('核实日期');
  });
});
