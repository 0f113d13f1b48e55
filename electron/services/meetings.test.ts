import { describe, expect, it } from 'vitest';
import type { ConfirmResult, MeetingView, ProposedDocket } from '../../shared/contract/meetings';
import { meetingServices, meetingTownship } from './meetings.testkit';

const details = {
  type: 'cadreWork',
  date: '2026-12-05',
  place: '镇政府三楼会议室',
  chair: '王书记',
  recorder: '刘干事',
  attendees: ['王书记', '陈镇长', '刘干事'],
  asOf: '2026-11',
};

async function withMeeting() {
  const { ledger, findings } = meetingTownship();
  const s = await meetingServices(ledger, findings);
  const proposal = await s.call<ProposedDocket>('meetings.proposeDocket', { asOf: '2026-11' });
  const meeting = await s.call<MeetingView>('meetings.create', { ...details, items: proposal.items });
  return { ...s, proposal, meeting };
}

const decide = (value: string, extra: object = {}) => ({ value, note: '', ...extra });

describe('meetings.proposeDocket', () => {
  it('proposes the open findings in docket-group order, with title, proposal and basis; informational rules counted', async () => {
    const { ledger, findings } = meetingTownship();
    const { call } = await meetingServices(ledger, findings);
    const p = await call<ProposedDocket>('meetings.proposeDocket', { asOf: '2026-11' });
    expect(p.hasScores).toBe(true);
    expect(p.items.map((i) => [i.group, i.rule, i.subjectName])).toEqual([
      ['rewards', 'raise.top-third-streak', '张三'],
      ['promotion', 'promote.candidate', '王五'],
      ['talks', 'warn.bottom-third-streak', '李四'],
      ['warnings', 'team.low-ranking', '新区办'],
      ['releases', 'sanction.release-due', '赵六'],
    ]);
    const talk = p.items[2];
    expect(talk).toMatchObject({
      title: '关于对李四进行提醒谈话的议题',
      proposedKind: 'reminderTalk',
      proposal: '拟进行提醒谈话',
      basis: '连续3个月位列同序列后三分之一，建议进行提醒谈话。',
      findingKey: 'warn.bottom-third-streak|cadre:C2',
      evidenceIds: ['C2:2026-09', '2026-11'],
      subject: { type: 'cadre', id: 'C2' },
    });
    expect(p.items[3]).toMatchObject({ proposedKind: 'probation', proposedMonths: 3 });
    expect(p.items[4]).toMatchObject({ sanctionId: 'S1', proposedKind: null });
    expect(p.informational).toEqual([{ rule: 'sanction.no-promotion', count: 1 }]);
  });

  it('leaves out dismissed and acted-on findings, and says when the month has no scores', async () => {
    const { ledger, findings } = meetingTownship();
    const { call } = await meetingServices(ledger, { ...findings, '2026-12': findings['2026-11'] });
    await call('findings.dismiss', { findingKey: 'promote.candidate|cadre:C3', reason: '尚在试用期' });
    await call('findings.act', { findingKey: 'raise.top-third-streak|cadre:C1', asOf: '2026-11' });
    const p = await call<ProposedDocket>('meetings.proposeDocket', { asOf: '2026-11' });
    expect(p.items.map((i) => i.rule)).toEqual(['warn.bottom-third-streak', 'team.low-ranking', 'sanction.release-due']);
    expect((await call<ProposedDocket>('meetings.proposeDocket', { asOf: '2026-12' })).hasScores).toBe(false);
  });
});

describe('meetings: create, list, get, shape the docket', () => {
  it('creates a draft with a default title and item ids; lists it with counts; gets it', async () => {
    const { call, meeting, store } = await withMeeting();
    expect(meeting).toMatchObject({ id: 'MT0001', title: '2026年12月干部工作会议', status: 'draft', asOf: '2026-11' });
    expect(meeting.items.map((i) => i.id)).toEqual(['I01', 'I02', 'I03', 'I04', 'I05']);
    expect(meeting.itemDocuments.find((d) => d.itemId === 'I02')).toEqual({ itemId: 'I02', notice: null, appointmentForm: true });
    expect(store.journal.at(-1)?.meta).toEqual({ user: 'reviewer.li', command: 'meetings.create' });
    const list = await call('meetings.list', {});
    expect(list.items).toEqual([
      expect.objectContaining({ id: 'MT0001', itemCount: 5, decidedCount: 0, upcoming: true, status: 'draft', decisions: {} }),
    ]);
    expect(await call('meetings.get', { id: 'MT0001' })).toEqual(meeting);
  });

  it('removes, reorders, edits and adds free items; a kept item keeps its draft decision', async () => {
    const { call, meeting } = await withMeeting();
    await call('meetings.decide', { id: meeting.id, itemId: 'I03', ...decide('approved') });
    const [i1, i2, i3, , i5] = meeting.items;
    const m = await call<MeetingView>('meetings.setDocket', {
      id: meeting.id,
      items: [
        i3,
        { ...i1, title: '关于提高张三薪酬待遇的议题（修改）', attachCaseFile: true },
        i5,
        { group: 'free', freeKind: 'inspectionTargets', subject: null, title: '确定2026年度考察对象', proposal: '拟确定考察对象3名' },
        { group: 'free', subject: { type: 'cadre', id: 'C2' }, title: '其他事项', proposal: '' },
      ],
    });
    expect(m.items.map((i) => [i.id, i.title])).toEqual([
      ['I03', '关于对李四进行提醒谈话的议题'],
      ['I01', '关于提高张三薪酬待遇的议题（修改）'],
      ['I05', '关于解除赵六处分影响期的议题'],
      ['I06', '确定2026年度考察对象'],
      ['I07', '其他事项'],
    ]);
    expect(m.items[0].decision?.value).toBe('approved');
    expect(m.items[1].attachCaseFile).toBe(true);
    expect(m.items[3]).toMatchObject({ freeKind: 'inspectionTargets', subjectName: '' });
    expect(m.items[4]).toMatchObject({ freeKind: 'other', subjectName: '李四' });
    void i2;
  });

  it('refuses an unknown subject or a duplicate item id, naming the field', async () => {
    const { raw, meeting } = await withMeeting();
    const r = await raw('meetings.setDocket', {
      id: meeting.id,
      items: [meeting.items[0], meeting.items[0], { group: 'free', subject: { type: 'cadre', id: 'NOPE' }, title: 'x' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.fields?.map((f) => f.path)).toEqual(['items.1.id', 'items.2.subject']);
    }
    const missing = await raw('meetings.get', { id: 'MT9999' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('updates details of a draft and deletes a draft', async () => {
    const { call, raw, meeting } = await withMeeting();
    const m = await call<MeetingView>('meetings.update', { id: meeting.id, place: '二楼会议室', type: 'partyWorkCommittee' });
    expect(m).toMatchObject({ place: '二楼会议室', type: 'partyWorkCommittee', chair: '王书记' });
    expect(await call('meetings.delete', { id: meeting.id })).toEqual({ id: meeting.id });
    const gone = await raw('meetings.get', { id: meeting.id });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
  });
});

describe('meetings: decisions and confirmation', () => {
  it('keeps draft decisions changeable (and clearable) until confirmation', async () => {
    const { call, meeting } = await withMeeting();
    await call('meetings.decide', { id: meeting.id, itemId: 'I01', ...decide('deferred') });
    let m = await call<MeetingView>('meetings.decide', {
      id: meeting.id,
      itemId: 'I01',
      ...decide('approved', { votes: { for: 5, against: 1, abstain: 0 }, note: '一致通过' }),
    });
    expect(m.items[0].decision).toEqual({ value: 'approved', votes: { for: 5, against: 1, abstain: 0 }, note: '一致通过' });
    m = await call<MeetingView>('meetings.decide', { id: meeting.id, itemId: 'I01', value: null });
    expect(m.items[0].decision).toBeUndefined();
  });

  it('refuses to confirm while an item has no decision, naming the items', async () => {
    const { raw, call, meeting } = await withMeeting();
    await call('meetings.decide', { id: meeting.id, itemId: 'I01', ...decide('approved') });
    const r = await raw('meetings.confirm', { id: meeting.id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.fields?.map((f) => f.path)).toEqual(['items.1.decision', 'items.2.decision', 'items.3.decision', 'items.4.decision']);
    }
  });

  it('confirms in one commit: measures linked to meeting, item and finding; a release; a dismissal naming the meeting; nothing for 暂缓', async () => {
    const { call, meeting, store } = await withMeeting();
    const id = meeting.id;
    await call('meetings.decide', { id, itemId: 'I01', ...decide('approved') }); // raise 张三
    await call('meetings.decide', { id, itemId: 'I02', ...decide('deferred') }); // promotion 王五
    await call('meetings.decide', { id, itemId: 'I03', ...decide('approvedAmended', { amendedKind: 'inquiry', amendedProposal: '改为函询' }) }); // 李四
    await call('meetings.decide', { id, itemId: 'I04', ...decide('approved') }); // team probation 新区办
    await call('meetings.decide', { id, itemId: 'I05', ...decide('approved') }); // release S1
    // Add a rejected item from a finding: put the promotion back as a second meeting later; here reject I02 instead.
    await call('meetings.decide', { id, itemId: 'I02', ...decide('rejected', { note: '群众基础有待加强' }) });
    const before = store.journal.length;
    const r = await call<ConfirmResult>('meetings.confirm', { id });
    // One commit (the memory store journals its events one by one, under the same meta).
    const written = store.journal.slice(before);
    expect(new Set(written.map((j) => j.meta)).size).toBe(1);
    expect(written.length).toBe(r.measureIds.length + r.dismissalIds.length + r.releasedSanctionIds.length + 1);
    expect(written[0].meta).toEqual({ user: 'reviewer.li', command: 'meetings.confirm' });
    expect(r.meeting).toMatchObject({ status: 'confirmed', confirmedBy: 'reviewer.li' });
    expect(r.releasedSanctionIds).toEqual(['S1']);
    const state = store.state();
    const measures = r.measureIds.map((m) => state.measures.get(m)!);
    expect(measures.map((m) => [m.subjectId, m.kind, m.startsOn, m.endsOn ?? null, m.findingKey, m.meetingId, m.meetingItemId])).toEqual([
      ['C1', 'salaryRaise', '2026-12-05', null, 'raise.top-third-streak|cadre:C1', id, 'I01'],
      ['C2', 'inquiry', '2026-12-05', null, 'warn.bottom-third-streak|cadre:C2', id, 'I03'],
      ['U2', 'probation', '2026-12-05', '2027-03-04', 'team.low-ranking|unit:U2', id, 'I04'],
    ]);
    expect(measures[1].note).toContain('修改后同意：改为函询');
    expect(state.sanctions.get('S1')?.releasedOn).toBe('2026-12-05');
    const [dismissal] = r.dismissalIds.map((d) => state.dismissals.get(d)!);
    expect(dismissal).toMatchObject({ findingKey: 'promote.candidate|cadre:C3', date: '2026-12-05' });
    expect(dismissal.reason).toBe('经2026年12月干部工作会议（2026-12-05）研究不同意：群众基础有待加强');
    // The decisions carry what they recorded.
    expect(r.meeting.items.map((i) => Object.keys(i.decision!).filter((k) => k.endsWith('Id')))).toEqual([
      ['measureId'],
      ['dismissalId'],
      ['measureId'],
      ['measureId'],
      ['sanctionId'],
    ]);
    // The findings are acted on or dismissed: the month's list no longer shows them.
    const left = await call('findings.list', { asOf: '2026-11' });
    expect(left.items.map((f: { rule: string }) => f.rule).sort()).toEqual(['sanction.no-promotion', 'sanction.release-due']);
    expect(left).toMatchObject({ actedCount: 3, dismissedCount: 1 });
    // Notices the decisions call for.
    expect(r.meeting.itemDocuments.map((d) => d.notice)).toEqual([null, null, 'inquiry', 'probation', 'sanctionRelease']);
    const row = (await call('meetings.list', {})).items[0];
    expect(row).toMatchObject({ status: 'confirmed', upcoming: false, decidedCount: 5, decisions: { approved: 3, approvedAmended: 1, rejected: 1 } });
  });

  it('a confirmed meeting is read-only; a correction is a new, visible entry', async () => {
    const { call, raw, meeting } = await withMeeting();
    const id = meeting.id;
    for (const item of meeting.items) await call('meetings.decide', { id, itemId: item.id, ...decide('deferred') });
    const draftCorrection = await raw('meetings.correct', { id, text: '更正' });
    expect(!draftCorrection.ok && draftCorrection.error.code).toBe('CONFLICT');
    const r = await call('meetings.confirm', { id });
    expect(r).toMatchObject({ measureIds: [], dismissalIds: [], releasedSanctionIds: [] });
    for (const [name, input] of [
      ['meetings.confirm', { id }],
      ['meetings.decide', { id, itemId: 'I01', value: 'approved' }],
      ['meetings.setDocket', { id, items: [] }],
      ['meetings.update', { id, place: 'x' }],
      ['meetings.delete', { id }],
    ] as const) {
      const res = await raw(name, input);
      expect(res.ok, name).toBe(false);
      if (!res.ok) expect(res.error.code, name).toBe('CONFLICT');
    }
    const m = await call<MeetingView>('meetings.correct', { id, itemId: 'I03', text: '记录人笔误：应为“函询”' });
    expect(m.corrections).toEqual([{ at: expect.any(String), by: 'reviewer.li', itemId: 'I03', text: '记录人笔误：应为“函询”' }]);
    expect(m.items).toEqual(r.meeting.items);
    const badItem = await raw('meetings.correct', { id, itemId: 'I99', text: 'x' });
    expect(!badItem.ok && badItem.error.code).toBe('NOT_FOUND');
    expect((await call('meetings.list', {})).items[0].correctionCount).toBe(1);
  });

  it('does not record a measure twice when the finding was acted on before the meeting', async () => {
    const { call, meeting, store } = await withMeeting();
    const id = meeting.id;
    const acted = await call('findings.act', { findingKey: 'raise.top-third-streak|cadre:C1', asOf: '2026-11' });
    for (const item of meeting.items) await call('meetings.decide', { id, itemId: item.id, ...decide(item.id === 'I01' ? 'approved' : 'deferred') });
    const r = await call('meetings.confirm', { id });
    expect(r.measureIds).toEqual([]);
    expect(r.meeting.items[0].decision.measureId).toBe(acted.id);
    expect([...store.state().measures.values()].filter((m) => m.kind === 'salaryRaise')).toHaveLength(1);
  });
});
