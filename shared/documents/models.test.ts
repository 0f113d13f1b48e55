import { describe, expect, it } from 'vitest';
import { appointmentFormModel, appointmentFormsForMeeting, fieldsLeftToFill } from './appointmentForm';
import { docketModel, groupItems } from './docket';
import { DocumentInputError } from './errors';
import { minutesModel } from './minutes';
import { noticeKindOf, noticeModel, noticesForMeeting } from './notices';
import { documentsLedger, documentsMeeting } from './testing';
import { chineseDate, chineseMonth, chineseNumeral, level1, level2 } from './text';

describe('wording', () => {
  it('writes dates and heading numbers as official documents do', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseMonth('2026-11')).toBe('2026年11月');
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105, 110].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
    expect(level1(3)).toBe('三、');
    expect(level2(12)).toBe('（十二）');
  });
});

describe('docketModel', () => {
  const state = documentsLedger();
  const meeting = documentsMeeting();

  it('groups items in the order the docket takes them and numbers them within each group', () => {
    const model = docketModel({ meeting, state });
    expect(model.groups.map((g) => g.heading)).toEqual([
      '一、奖励事项（嘉奖、记功、提高薪酬）',
      '二、提拔人选',
      '三、提醒谈话、函询、诫勉',
      '四、预警与观察期',
      '五、调整事项（过渡性安置、调整岗位、降职、免职、辞退）',
      '六、处分期满解除',
      '七、其他议题',
    ]);
    expect(model.groups[2].items.map((i) => [i.number, i.subject])).toEqual([
      ['（一）', '李四（城关镇财政所所长）'],
      ['（二）', '王五（城关镇党政办副主任）'],
    ]);
    expect(model.itemCount).toBe(8);
    expect(model.header).toContainEqual(['参会人员', '陈书记、周镇长、吴委员']);
  });

  it("keeps the officer's order: a group appears where its first item is", () => {
    const [a, b, c] = meeting.items;
    expect(groupItems([c, a, b, { ...c, id: 'I09' }]).map((g) => [g.group, g.items.map((i) => i.id)])).toEqual([
      ['talks', ['I03', 'I09']],
      ['rewards', ['I01']],
      ['promotion', ['I02']],
    ]);
  });

  it("attaches the ledger's facts when no case-file summary is passed, without cleared records", () => {
    const item = docketModel({ meeting, state }).groups[0].items[0];
    const rows = Object.fromEntries(item.caseFile!.rows);
    expect(rows['近年年度考核']).toBe('2023年度称职；2024年度优秀；2025年度优秀');
    expect(rows['奖惩情况']).toBe('2025年3月1日 嘉奖（城党发〔2025〕3号）');
    expect(docketModel({ meeting, state }).groups[1].items[0].caseFile).toBeUndefined();
  });
});

describe('minutesModel', () => {
  const model = minutesModel({ meeting: documentsMeeting(), state: documentsLedger() });
  const items = model.groups.flatMap((g) => g.items);
  const byId = Object.fromEntries(items.map((i) => [i.id, i]));

  it('words each decision, with votes, notes and what was recorded', () => {
    expect(byId.I01).toMatchObject({ decisionLabel: '同意', decision: '会议同意给予张三嘉奖。', votes: '表决结果：同意3票，反对0票，弃权0票。', recorded: '已记入干部档案（措施 M1）。' });
    expect(byId.I02).toMatchObject({ decisionLabel: '暂缓', decision: '会议决定暂缓研究该议题。', note: '待考察后再议。' });
    expect(byId.I04).toMatchObject({ decisionLabel: '修改后同意', decision: '会议同意按修改后的意见办理：诫勉并责令书面检查。', note: '' });
    expect(byId.I06).toMatchObject({ decisionLabel: '不同意', decision: '会议不同意该议题。' });
    expect(byId.I07.recorded).toBe('已记录处分解除（处分 S1）。');
    expect(byId.I08.decision).toBe('会议同意拟办意见：提请会议研究。');
  });

  it('puts a correction beside its item and says whether the meeting is confirmed', () => {
    expect(byId.I03.corrections).toEqual(['更正（2026年12月1日，刘干事）：谈话时间改为12月3日。']);
    expect(model.status).toBe('会议决定已于2026年11月30日确认（刘干事）。');
    expect(model.title).toBe('2026年11月党工委会议纪要');
    const draft = minutesModel({ meeting: documentsMeeting({ status: 'draft', items: [documentsMeeting().items[0]].map((i) => ({ ...i, decision: undefined })) }), state: documentsLedger() });
    expect(draft.status).toBe('本纪要为草稿，会议决定尚未确认。');
    expect(draft.groups[0].items[0].decision).toBe('会议未对该议题作出决定。');
  });
});

describe('noticeModel', () => {
  const state = documentsLedger();
  const meeting = documentsMeeting();
  const today = '2026-12-01';

  it('has one kind per decided measure, a warning notified as probation', () => {
    expect(noticeKindOf('reminderTalk')).toBe('reminderTalk');
    expect(noticeKindOf('warning')).toBe('probation');
    expect(noticeKindOf('promotion')).toBeUndefined();
    expect(noticesForMeeting({ meeting, state, today }).map((n) => [n.kind, n.recordId])).toEqual([
      ['reminderTalk', 'M2'],
      ['admonishment', 'M3'],
      ['probation', 'M4'],
      ['sanctionRelease', 'S1'],
    ]);
  });

  it('words the reminder talk from the item that decided it (the meeting found in the ledger)', () => {
    state.meetings.set(meeting.id, meeting);
    const n = noticeModel({ state, measureId: 'M2', today, issuer: '中共城关镇委员会' });
    state.meetings.delete(meeting.id);
    expect(n.title).toBe('提醒谈话通知');
    expect(n.addressee).toBe('李四同志：');
    expect(n.paragraphs[0]).toBe('李四连续三个月排名后三分之一。经2026年11月30日党工委会议研究，决定对你进行提醒谈话。');
    expect(n.fields).toContainEqual(['谈话地点', '（待填）']);
    expect(n).toMatchObject({ issuer: '中共城关镇委员会', date: '2026年12月1日' });
  });

  it('writes a decision for an admonishment and a placement, a notice for the others', () => {
    const a = noticeModel({ state, measureId: 'M3', today });
    expect(a.title).toBe('关于给予王五同志诫勉的决定');
    expect(a.addressee).toBe('');
    expect(a.paragraphs.join('')).toContain('六个月内不得提拔或者重用');
    const p = noticeModel({ state, measureId: 'M6', today });
    expect(p.title).toBe('关于对赵六同志实行过渡性安置的决定');
    expect(p.fields).toContainEqual(['复核日期', '2027年5月30日']);
    const w = noticeModel({ state, measureId: 'M7', today });
    expect(w.title).toBe('关于对王五同志予以警示的通知');
    const o = noticeModel({ state, measureId: 'M4', today });
    expect(o.paragraphs[0]).toContain('观察期为2026年11月30日至2027年5月29日');
    const ranked = noticeModel({ state, meeting: { ...meeting, items: meeting.items.map((x) => (x.id === 'I03' ? { ...x, basis: '连续3个月（2026-09 至 2026-11）位列后三分之一（2026-09 第9/10名、2026-10 第10/10名），建议进行提醒谈话。' } : x)) }, itemId: 'I03', today });
    expect(ranked.paragraphs[0]).toBe('连续3个月（2026-09 至 2026-11）位列后三分之一。经2026年11月30日党工委会议研究，决定对你进行提醒谈话。');
    const i = noticeModel({ state, measureId: 'M5', today });
    expect(i.paragraphs[0]).toBe('群众反映有关问题。经研究，决定就有关问题向你函询。');
    expect(i.reply?.rows[0]).toEqual(['姓名', '李四']);
  });

  it('finds the record from a meeting item and refuses what has no notice', () => {
    expect(noticeModel({ state, meeting, itemId: 'I07', today })).toMatchObject({ kind: 'sanctionRelease', title: '关于解除王五同志政务警告处分的通知' });
    expect(noticeModel({ state, meeting, itemId: 'I07', today }).paragraphs[0]).toContain('（城纪发〔2026〕2号）');
    expect(() => noticeModel({ state, meeting, itemId: 'I02', today })).toThrow(DocumentInputError);
    expect(() => noticeModel({ state, measureId: 'M1', today })).toThrow(/no notice template/);
    expect(() => noticeModel({ state, measureId: 'NOPE', today })).toThrow(/unknown measure/);
    expect(() => noticeModel({ state, today })).toThrow(DocumentInputError);
  });
});

describe('appointmentFormModel', () => {
  const state = documentsLedger();
  const meeting = documentsMeeting();

  it('fills what the ledger holds and marks the rest to be filled', () => {
    const [promotion, adjustment] = appointmentFormsForMeeting({ meeting, state, today: '2026-12-01' });
    expect(promotion).toMatchObject({
      name: '张三',
      currentPost: '城关镇党政办主任',
      rankLevel: '一级主任科员',
      category: '公务员',
      appointedOn: '2022年3月1日',
      proposedPost: '拟任城关镇党政办主任（正科级）',
      proposedRemoval: '（待填）',
      annualGrades: '2023年度称职；2024年度优秀；2025年度优秀',
      rewardsAndPenalties: '2025年3月1日 嘉奖（城党发〔2025〕3号）',
      reason: '连续六个月排名前三分之一，近三年考核优秀。',
    });
    expect(adjustment).toMatchObject({ name: '赵六', proposedRemoval: '城关镇财政所副所长', rankLevel: '（待填）', appointedOn: '（待填）' });
    expect(fieldsLeftToFill).toContain('出生年月（岁）');
    expect(fieldsLeftToFill).toContain('家庭主要成员及重要社会关系');
  });

  it('lists sanctions in force (not cleared) under 奖惩情况', () => {
    const m = appointmentFormModel({ state, cadreId: 'C3', today: '2026-12-01' });
    expect(m.rewardsAndPenalties).toBe('2026年4月10日 受到政务警告处分（城纪发〔2026〕2号）；\n2026年10月1日 警示；\n2026年11月30日 诫勉');
    expect(m.reason).toBe('（待填）');
    expect(() => appointmentFormModel({ state, cadreId: 'X', today: '2026-12-01' })).toThrow(/unknown cadre/);
  });
});
