import { describe, expect, it } from 'vitest';
import { appointmentFormsForMeeting, fieldsLeftToFill } from '../../shared/documents/appointmentForm';
import { documentsLedger, documentsMeeting } from '../../shared/documents/testing';
import { renderAppointmentForms } from './appointmentForm';
import { expectOfficialLayout, openDocx } from './testing';

describe('renderAppointmentForms', () => {
  it('prints one national form per cadre with the fields the ledger holds and the rest marked (待填)', async () => {
    const models = appointmentFormsForMeeting({ meeting: documentsMeeting(), state: documentsLedger(), today: '2026-12-01' });
    const parts = await openDocx(await renderAppointmentForms(models));
    expectOfficialLayout(parts);
    expect(parts.document.match(/<w:sectPr/g)).toHaveLength(2);
    for (const label of ['姓  名', '现任职务', '拟任职务', '拟免职务', '奖\n惩\n情\n况', '年度考\n核结果', '任\n免\n理\n由', '家庭主要\n成员及', '呈报\n单位', '审批机\n关意见', '填表人']) {
      expect(parts.text).toContain(label);
    }
    expect(parts.text).toContain('张三');
    expect(parts.text).toContain('城关镇党政办主任');
    expect(parts.text).toContain('一级主任科员');
    expect(parts.text).toContain('2023年度称职；2024年度优秀；2025年度优秀');
    expect(parts.text).toContain('连续六个月排名前三分之一，近三年考核优秀。');
    expect(parts.text).toContain('（待填）');
    expect(fieldsLeftToFill.length).toBeGreaterThan(10);
    // The photo and 学历学位 cells span rows.
    expect(parts.document).toContain('<w:vMerge w:val="restart"/>');
  });

  it('says when a meeting has no promotion or adjustment items', async () => {
    const parts = await openDocx(await renderAppointmentForms([]));
    expect(parts.text).toContain('本次会议没有提拔或调整议题。');
  });
});
