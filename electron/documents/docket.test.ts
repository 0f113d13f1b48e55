import { describe, expect, it } from 'vitest';
import { docketModel } from '../../shared/documents/docket';
import { documentsLedger, documentsMeeting } from '../../shared/documents/testing';
import { renderDocket } from './docket';
import { expectOfficialLayout, openDocx } from './testing';

describe('renderDocket', () => {
  it('prints every item with its subject, proposal and basis, in the official layout', async () => {
    const model = docketModel({ meeting: documentsMeeting(), state: documentsLedger() });
    const parts = await openDocx(await renderDocket(model));
    expectOfficialLayout(parts);
    expect(parts.text).toContain('2026年11月党工委会议议题');
    expect(parts.text).toContain('一、奖励事项（嘉奖、记功、提高薪酬）');
    expect(parts.text).toContain('（一）关于给予张三嘉奖的议题');
    expect(parts.text).toContain('对象：张三（城关镇党政办主任）');
    expect(parts.text).toContain('拟办意见：拟给予张三嘉奖。');
    expect(parts.text).toContain('依据：张三2024、2025年度考核连续优秀。');
    // Two talks items: numbered within their group.
    expect(parts.text).toContain('（一）关于对李四进行提醒谈话的议题');
    expect(parts.text).toContain('（二）关于对王五进行诫勉的议题');
    expect(parts.text).toContain('议题类型：动议');
    // The attached case file, from the ledger: the cleared sanction is not there.
    expect(parts.text).toContain('干部档案摘要：');
    expect(parts.text).toContain('2023年度称职；2024年度优秀；2025年度优秀');
    expect(parts.text).not.toContain('党内警告');
    // The header table repeats nothing and no row splits; the headings use the heading styles.
    expect(parts.document).toContain('w:pStyle w:val="GwHeading1"');
    expect(parts.document).toContain('w:pStyle w:val="GwHeading2"');
  });

  it('takes the case-file summary the caller passes', async () => {
    const model = docketModel({
      meeting: documentsMeeting(),
      state: documentsLedger(),
      caseFiles: new Map([['I01', { rows: [['现实表现', '工作扎实']], lines: ['附：近六个月排名'] }]]),
    });
    const parts = await openDocx(await renderDocket(model));
    expect(parts.text).toContain('现实表现');
    expect(parts.text).toContain('附：近六个月排名');
  });

  it('says when a meeting has no items', async () => {
    const model = docketModel({ meeting: documentsMeeting({ items: [] }), state: documentsLedger() });
    const parts = await openDocx(await renderDocket(model));
    expect(parts.text).toContain('本次会议暂无议题。');
  });
});
