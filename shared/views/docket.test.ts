import { describe, expect, it } from 'vitest';
import type { FindingRow } from '../contract/findings';
import { docketGroups, type Meeting } from '../domain/meetings';
import { ruleIds } from '../engine/rule';
import {
  caseFileSummary,
  confirmationEffects,
  defaultMeetingTitle,
  informationalRules,
  itemFromFinding,
  meetingView,
  proposeDocket,
} from './docket';
import { engineForViews } from './engineBinding';
import { finding, LedgerBuilder } from './testing';

const row = (rule: string, extra: Partial<FindingRow> = {}, subjectName = '张三'): FindingRow => ({
  ...finding(rule, { type: 'cadre', id: 'C1' }, '2026-11'),
  isNew: true,
  subjectName,
  unitId: 'U1',
  unitName: '城关镇',
  suggestedMeasure: null,
  ...extra,
});

describe('the docket groups', () => {
  it('puts every rule in a group or among the informational ones', () => {
    const grouped = ruleIds.filter((r) => itemFromFinding(row(r, { suggestion: { kind: r === 'probation.not-improved' ? 'transitionalPlacement' : 'x', params: {} } })));
    expect([...grouped, ...informationalRules].sort()).toEqual([...ruleIds].sort());
  });

  it('maps each docket rule to its group, in the order meetings take them', () => {
    const cases: Array<[string, Record<string, unknown>, string, string | null]> = [
      ['annual.excellent-reward', { year: 2025 }, 'rewards', 'commendation'],
      ['annual.merit3', {}, 'rewards', 'merit3'],
      ['raise.top-third-streak', {}, 'rewards', 'salaryRaise'],
      ['promote.candidate', {}, 'promotion', 'promotion'],
      ['warn.bottom-third-streak', {}, 'talks', 'reminderTalk'],
      ['annual.bonus-cancel', { admonishment: true, year: 2025 }, 'talks', 'admonishment'],
      ['team.low-ranking', { months: 3 }, 'warnings', 'probation'],
      ['probation.review-due', { measureKind: 'probation', endsOn: '2026-12-10' }, 'warnings', null],
      ['place.bottom-third-long', {}, 'adjustments', 'transitionalPlacement'],
      ['annual.demote', {}, 'adjustments', 'demotion'],
      ['annual.dismiss', {}, 'adjustments', 'dismissal'],
      ['rehab.reascend', {}, 'reascend', null],
      ['trial.review', { recommended: 'confirm' }, 'trials', null],
      ['sanction.release-due', { sanctionId: 'S1' }, 'releases', null],
      ['annual.grade-conflict', {}, 'grades', null],
      ['annual.excellent-quota', {}, 'grades', null],
    ];
    for (const [rule, params, group, kind] of cases) {
      const item = itemFromFinding(row(rule, { suggestion: { kind: 'x', params } }))!;
      expect([rule, item.group, item.proposedKind]).toEqual([rule, group, kind]);
    }
    expect(itemFromFinding(row('annual.excellent-reward', { suggestion: { kind: 'commendation', params: {} } }))!.title).toBe('关于给予张三嘉奖的议题');
    // A trial review ends among the trials, a placement review among the adjustments.
    expect(itemFromFinding(row('probation.review-due', { suggestion: { kind: 'reviewMeeting', params: { measureKind: 'trialPeriod' } } }))!.group).toBe('trials');
    expect(itemFromFinding(row('probation.review-due', { suggestion: { kind: 'reviewMeeting', params: { measureKind: 'transitionalPlacement' } } }))!.group).toBe('adjustments');
    expect(itemFromFinding(row('probation.not-improved', { suggestion: { kind: 'positionAdjustment', params: {} } }))).toMatchObject({
      group: 'adjustments',
      proposedKind: 'positionAdjustment',
      title: '关于调整张三岗位的议题',
    });
  });

  it('orders the proposal by group, then rule, then name', () => {
    const p = proposeDocket(
      '2026-11',
      [
        row('sanction.release-due', { suggestion: { kind: 'releaseNotice', params: { sanctionId: 'S1' } } }, '乙'),
        row('warn.bottom-third-streak', {}, '丙'),
        row('raise.top-third-streak', {}, '甲'),
        row('annual.excellent-reward', {}, '丁'),
        row('warn.bottom-third-streak', {}, '乙'),
        row('deduction.fault', {}, '甲'),
      ],
      true,
    );
    expect(p.items.map((i) => `${i.group}:${i.subjectName}`)).toEqual(['rewards:丁', 'rewards:甲', 'talks:丙', 'talks:乙', 'releases:乙']);
    expect(p.items.map((i) => docketGroups.indexOf(i.group))).toEqual([...p.items.map((i) => docketGroups.indexOf(i.group))].sort());
    expect(p.informational).toEqual([{ rule: 'deduction.fault', count: 1 }]);
  });
});

describe('confirmation effects', () => {
  const meeting = (items: Meeting['items']): Meeting => ({
    id: 'MT0001',
    type: 'cadreGroup',
    title: defaultMeetingTitle('cadreGroup', '2026-12-05'),
    date: '2026-12-05',
    place: '',
    chair: '',
    recorder: '',
    attendees: [],
    asOf: '2026-11',
    status: 'draft',
    items,
    corrections: [],
  });
  const base = { subjectName: '张三', proposal: '拟', basis: '', evidenceIds: [], attachCaseFile: false, subject: { type: 'cadre' as const, id: 'C1' } };

  it('amended approval records the amended kind and length; deferred and free items record nothing', () => {
    const b = new LedgerBuilder().cadre('C1', { name: '张三' });
    const m = meeting([
      { ...base, id: 'I01', group: 'warnings', title: 'a', proposedKind: 'probation', proposedMonths: 3, findingKey: 'k1', decision: { value: 'approvedAmended', note: '', amendedKind: 'probation', amendedMonths: 6 } },
      { ...base, id: 'I02', group: 'talks', title: 'b', proposedKind: 'reminderTalk', findingKey: 'k2', decision: { value: 'deferred', note: '' } },
      { ...base, id: 'I03', group: 'free', freeKind: 'motion', title: 'c', proposedKind: null, decision: { value: 'approved', note: '' } },
      { ...base, id: 'I04', group: 'free', freeKind: 'other', title: 'd', proposedKind: null, decision: { value: 'rejected', note: '' } },
    ]);
    const e = confirmationEffects(b.state, m);
    expect(e.measures).toEqual([
      expect.objectContaining({ kind: 'probation', startsOn: '2026-12-05', endsOn: '2027-06-04', findingKey: 'k1', meetingId: 'MT0001', meetingItemId: 'I01' }),
    ]);
    expect(e.dismissals).toEqual([]);
    expect(meetingView({ ...m, items: e.items }).itemDocuments.map((d) => d.notice)).toEqual(['probation', null, null, null]);
  });
});

describe('caseFileSummary', () => {
  it('summarises grades, ranks, sanctions with the last day of their period, measures and bars, judged on the month end', () => {
    const b = new LedgerBuilder().unit('U1', '城关镇').cadre('C1', { name: '张三', position: '站长' }).cadre('C2', { name: '李四' });
    for (const m of ['2026-09', '2026-10', '2026-11']) b.score('C1', m, 90).score('C2', m, 70);
    b.add('grades', { id: 'C1:2025', cadreId: 'C1', year: 2025, grade: 'excellent' });
    b.sanction('S1', { kind: 'party.warning', decidedOn: '2026-06-16' });
    b.measure('M1', { kind: 'reminderTalk', startsOn: '2026-03-01' });
    const s = caseFileSummary(b.state, engineForViews, 'C1', '2026-11', '2026-12-01')!;
    expect(s).toMatchObject({ name: '张三', unitName: '城关镇', position: '站长', referenceDate: '2026-11-30', status: 'inPost' });
    expect(s.grades).toEqual([{ year: 2025, grade: '优秀' }]);
    expect(s.ranks.map((r) => `${r.month}:${r.rank}/${r.n}`)).toEqual(['2026-09:1/2', '2026-10:1/2', '2026-11:1/2']);
    expect(s.sanctions).toEqual([{ id: 'S1', kind: '党内警告', decidedOn: '2026-06-16', periodLastDay: '2027-06-15', inForce: true, releasedOn: null }]);
    expect(s.measures.map((m) => m.kind)).toEqual(['提醒谈话']);
    expect(s.barredUntil).toBe('2027-06-15');
    expect(Object.fromEntries(s.rows)).toMatchObject({ 单位: '城关镇', 处分: '2026-06-16党内警告（影响期至2027-06-15，期内）', 不得提拔期: '至2027-06-15（含）' });
    expect(caseFileSummary(b.state, engineForViews, 'NOPE', '2026-11', '2026-12-01')).toBeNull();
  });
});
