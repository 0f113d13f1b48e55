import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MeetingView, ProposedDocket } from '../../shared/contract/meetings';
import { finding } from '../../shared/views/testing';
import { expectOfficialLayout, openDocx } from '../documents/testing';
import { meetingServices, meetingTownship } from './meetings.testkit';

const docx = async (out: { base64: string }) => openDocx(Buffer.from(out.base64, 'base64'));

async function confirmedMeeting() {
  const { ledger, findings } = meetingTownship();
  const s = await meetingServices(ledger, findings);
  const proposal = await s.call<ProposedDocket>('meetings.proposeDocket', { asOf: '2026-11' });
  const items = proposal.items.map((i) => (i.rule === 'raise.top-third-streak' ? { ...i, attachCaseFile: true } : i));
  const m = await s.call<MeetingView>('meetings.create', {
    type: 'partyWorkCommittee',
    date: '2026-12-05',
    chair: '王书记',
    recorder: '刘干事',
    attendees: ['王书记', '刘干事'],
    asOf: '2026-11',
    items,
  });
  return { ...s, meeting: m };
}

async function decideAll(call: (n: string, i: unknown) => Promise<any>, m: MeetingView, value = 'approved') {
  for (const item of m.items) await call('meetings.decide', { id: m.id, itemId: item.id, value, note: '' });
}

describe('documents.*', () => {
  it('documents.docket: a meeting’s docket with each item’s basis and the attached case-file summary', async () => {
    const { call, meeting } = await confirmedMeeting();
    const out = await call('documents.docket', { meetingId: meeting.id });
    expect(out.fileName).toMatch(/\.docx$/);
    const parts = await docx(out);
    expectOfficialLayout(parts);
    for (const item of meeting.items) expect(parts.text).toContain(item.title);
    expect(parts.text).toContain('连续6个月位列前三分之一');
    // The summary of 张三's case file (shared/views/docket.ts caseFileSummary).
    expect(parts.text).toContain('近六个月排名');
    expect(parts.text).toContain('2026-11 第1/4名');
  });

  it('documents.docket {asOf}: the docket proposed from the month’s findings, without a meeting', async () => {
    const { call } = await confirmedMeeting();
    const parts = await docx(await call('documents.docket', { asOf: '2026-11' }));
    expect(parts.text).toContain('关于对李四进行提醒谈话的议题');
    expect(parts.text).toContain('关于解除赵六处分影响期的议题');
  });

  it('documents.minutes, notices and appointment forms after confirmation', async () => {
    const { call, raw, meeting } = await confirmedMeeting();
    await decideAll(call, meeting);
    const early = await raw('documents.notice', { meetingId: meeting.id, itemId: 'I03' });
    expect(!early.ok && early.error.code).toBe('CONFLICT');
    await call('meetings.confirm', { id: meeting.id });
    const minutes = await docx(await call('documents.minutes', { meetingId: meeting.id }));
    expectOfficialLayout(minutes, { tables: false });
    expect(minutes.text).toContain('同意');
    const talk = meeting.items.find((i) => i.rule === 'warn.bottom-third-streak')!;
    const notice = await call('documents.notice', { meetingId: meeting.id, itemId: talk.id });
    expect((await docx(notice)).text).toContain('提醒谈话');
    const all = await docx(await call('documents.notice', { meetingId: meeting.id }));
    expect(all.text).toContain('解除');
    const raise = meeting.items.find((i) => i.rule === 'raise.top-third-streak')!;
    const none = await raw('documents.notice', { meetingId: meeting.id, itemId: raise.id });
    expect(!none.ok && none.error.code).toBe('VALIDATION');
    const promotion = meeting.items.find((i) => i.group === 'promotion')!;
    const form = await docx(await call('documents.appointmentForm', { meetingId: meeting.id, itemId: promotion.id }));
    expect(form.text).toContain('王五');
    const team = meeting.items.find((i) => i.subject?.type === 'unit')!;
    const notCadre = await raw('documents.appointmentForm', { meetingId: meeting.id, itemId: team.id });
    expect(!notCadre.ok && notCadre.error.code).toBe('VALIDATION');
    const unknown = await raw('documents.minutes', { meetingId: 'MT0404' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });

  it('documents.periodReport: the prose report, with the statistics page’s figures', async () => {
    const { call } = await confirmedMeeting();
    const stats = await call('reports.meeting', { from: '2026-01', to: '2026-12' });
    const out = await call('documents.periodReport', { from: '2026-01', to: '2026-12' });
    const parts = await docx(out);
    expectOfficialLayout(parts, { tables: false });
    expect(parts.text).toContain('2026年');
    expect(stats.items.length).toBeGreaterThan(0);
  });
});

describe('findings.export', () => {
  it('exports the month’s open findings, all or by rule, with formula-like cells neutralised', async () => {
    const { ledger, findings } = meetingTownship();
    ledger.cadre('C9', { name: '=HYPERLINK("http://x","点我")', unitId: 'U1' });
    const injected = finding('warn.bottom-third-streak', { type: 'cadre', id: 'C9' }, '2026-11', {
      explanation: { zh: '+1 连续后三分之一', en: '-1 bottom' },
      evidence: { recordIds: ['@S1'] },
    });
    const { call } = await meetingServices(ledger, { '2026-11': [...findings['2026-11'], injected] });
    const read = async (input: object) => {
      const out = await call('findings.export', input);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
      return { out, ws: wb.worksheets[0] };
    };
    const all = await read({ asOf: '2026-11' });
    expect(all.out.fileName).toBe('考核提示-2026-11.xlsx');
    expect(all.ws.getRow(1).getCell(1).value).toBe('考核提示 — 考核月份 2026-11（按 2026-11-30 判断）');
    expect(all.ws.rowCount).toBe(2 + 7);
    const byRule = await read({ asOf: '2026-11', rule: 'warn.bottom-third-streak', lang: 'en' });
    expect(byRule.out.fileName).toBe('findings-2026-11-warn.bottom-third-streak.xlsx');
    expect(byRule.ws.rowCount).toBe(2 + 2);
    const values = all.ws.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(values).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(values).toContain(`'+1 连续后三分之一`);
    expect(values).toContain(`'@S1`);
    expect(values.some((v) => /^[=+\-@]/.test(v))).toBe(false);
  });
});

describe('findings.overview readiness', () => {
  it('says how many cadres have scores in the month, and when there are none', async () => {
    const { ledger, findings } = meetingTownship();
    const { call } = await meetingServices(ledger, findings);
    expect(await call('findings.overview', { asOf: '2026-11' })).toMatchObject({ scoredCadres: 4, hasScores: true });
    expect(await call('findings.overview', { asOf: '2026-12' })).toMatchObject({ scoredCadres: 0, hasScores: false, total: 0 });
  });
});
