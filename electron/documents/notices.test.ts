import { describe, expect, it } from 'vitest';
import { noticeModel, noticesForMeeting, type NoticeKind } from '../../shared/documents/notices';
import { documentsLedger, documentsMeeting } from '../../shared/documents/testing';
import { renderNotice, renderNotices } from './notices';
import { expectOfficialLayout, openDocx } from './testing';

const state = documentsLedger();
const today = '2026-12-01';
const cases: Array<[NoticeKind, { measureId?: string; sanctionId?: string }, string[]]> = [
  ['reminderTalk', { measureId: 'M2' }, ['提醒谈话通知', '李四同志：', '谈话时间', '2026年11月30日']],
  ['inquiry', { measureId: 'M5' }, ['函询通知', '15个工作日内', '函询回复说明', '对函询问题的说明']],
  ['admonishment', { measureId: 'M3' }, ['关于给予王五同志诫勉的决定', '六个月内不得提拔或者重用', '抄送：']],
  ['probation', { measureId: 'M4' }, ['关于对赵六同志实行观察期管理的通知', '观察期为2026年11月30日至2027年5月29日']],
  ['transitionalPlacement', { measureId: 'M6' }, ['关于对赵六同志实行过渡性安置的决定', '复核日期', '2027年5月30日']],
  ['sanctionRelease', { sanctionId: 'S1' }, ['关于解除王五同志政务警告处分的通知', '不再受原处分影响', '城纪发〔2026〕2号']],
];

describe('renderNotice', () => {
  it.each(cases)('%s: its own template in the official layout', async (kind, record, texts) => {
    const model = noticeModel({ state, ...record, today, issuer: '中共城关镇委员会' });
    expect(model.kind).toBe(kind);
    const parts = await openDocx(await renderNotice(model));
    // A decision of admonishment has no facts table; every other notice has one.
    expectOfficialLayout(parts, { tables: kind !== 'admonishment' });
    for (const t of texts) expect(parts.text).toContain(t);
    expect(parts.text).toContain('中共城关镇委员会');
    expect(parts.text).toContain('2026年12月1日');
  });

  it('puts several notices in one file, one section each', async () => {
    const models = noticesForMeeting({ meeting: documentsMeeting(), state, today });
    const parts = await openDocx(await renderNotices(models));
    expect(parts.document.match(/<w:sectPr/g)).toHaveLength(models.length);
    for (const m of models) expect(parts.text).toContain(m.title);
  });
});
