import { describe, expect, it } from 'vitest';
import { listFindings, measureFromFinding, monthOverview, suggestedMeasure } from './findings';
import { fakeEngine, finding, LedgerBuilder } from './testing';

const c1 = { type: 'cadre' as const, id: 'C1' };
const c2 = { type: 'cadre' as const, id: 'C2' };
const u1 = { type: 'unit' as const, id: 'U1' };

function ledger() {
  return new LedgerBuilder().unit('U1', '城关镇').cadre('C1', { name: '张三' }).cadre('C2', { name: '李四' });
}

describe('listFindings', () => {
  it('marks a finding new when the month before did not have its key', () => {
    const engine = fakeEngine({
      '2026-02': [finding('warn.bottom-third-streak', c1, '2026-02')],
      '2026-03': [finding('warn.bottom-third-streak', c1, '2026-03'), finding('team.low-ranking', u1, '2026-03')],
    });
    const list = listFindings(ledger().state, engine, { asOf: '2026-03', today: '2026-03-20' });
    expect(list.previousMonth).toBe('2026-02');
    expect(list.items.map((f) => [f.rule, f.isNew])).toEqual([
      ['warn.bottom-third-streak', false],
      ['team.low-ranking', true],
    ]);
    expect(list.items[0]).toMatchObject({ subjectName: '张三', unitId: 'U1', unitName: '城关镇' });
    expect(list.items[1]).toMatchObject({ subjectName: '城关镇', unitId: 'U1' });
  });

  it('hides dismissed findings and findings a counting measure was recorded from', () => {
    const b = ledger();
    const f1 = finding('warn.bottom-third-streak', c1, '2026-03');
    const f2 = finding('warn.bottom-third-streak', c2, '2026-03');
    const f3 = finding('raise.top-third-streak', c2, '2026-03');
    b.add('dismissals', { id: 'D1', findingKey: f1.key, reason: '已口头提醒', date: '2026-03-21' });
    b.measure('M1', { kind: 'reminderTalk', startsOn: '2026-03-21', subjectId: 'C2', findingKey: f2.key });
    const engine = fakeEngine({ '2026-03': [f1, f2, f3] });
    const list = listFindings(b.state, engine, { asOf: '2026-03', today: '2026-03-22' });
    expect(list.items.map((f) => f.key)).toEqual([f3.key]);
    expect(list).toMatchObject({ dismissedCount: 1, actedCount: 1 });
  });

  it('shows the finding again when the measure recorded from it is cleared', () => {
    const b = ledger();
    const f = finding('warn.bottom-third-streak', c1, '2026-03');
    b.measure('M1', { kind: 'reminderTalk', startsOn: '2026-03-21', findingKey: f.key }).clear('M1', '2026-03-25');
    const list = listFindings(b.state, fakeEngine({ '2026-03': [f] }), { asOf: '2026-03', today: '2026-03-26' });
    expect(list.items).toHaveLength(1);
  });

  it('keeps only the asked subject', () => {
    const engine = fakeEngine({ '2026-03': [finding('a', c1, '2026-03'), finding('b', c2, '2026-03')] });
    const list = listFindings(ledger().state, engine, { asOf: '2026-03', today: '2026-03-20', subject: c2 });
    expect(list.items.map((f) => f.rule)).toEqual(['b']);
  });
});

describe('suggested measures', () => {
  it('pre-fills the suggested kind, the subject, the reference date and the why', () => {
    const f = finding('warn.bottom-third-streak', c1, '2026-03');
    expect(suggestedMeasure(f, '2026-03-20')).toEqual({
      subjectType: 'cadre',
      subjectId: 'C1',
      kind: 'reminderTalk',
      startsOn: '2026-03-20',
      note: 'warn.bottom-third-streak 的说明',
    });
  });
  it('gives a probation its 3 months, or the length the suggestion names', () => {
    const team = finding('team.low-ranking', u1, '2026-03', { suggestion: { kind: 'probation', params: {} } });
    expect(suggestedMeasure(team, '2026-03-20')).toMatchObject({ subjectType: 'unit', kind: 'probation', endsOn: '2026-06-19' });
    const six = finding('x', c1, '2026-03', { suggestion: { kind: 'transitionalPlacement', params: { months: 6 } } });
    expect(suggestedMeasure(six, '2026-03-31')?.endsOn).toBe('2026-09-29');
  });
  it('is null when the suggestion is not a measure', () => {
    expect(suggestedMeasure(finding('x', c1, '2026-03', { suggestion: { kind: 'reviewMeeting', params: {} } }), '2026-03-01')).toBeNull();
  });
  it('records the officer’s changes over the suggestion, with the finding key and a fresh id', () => {
    const b = ledger().measure('M000007', { kind: 'reminderTalk', startsOn: '2026-01-01' });
    const f = finding('warn.bottom-third-streak', c1, '2026-03');
    const m = measureFromFinding(b.state, f, '2026-03-20', { startsOn: '2026-03-18', note: '已谈话', endsOn: undefined });
    expect(m).toEqual({
      id: 'M000008',
      subjectType: 'cadre',
      subjectId: 'C1',
      kind: 'reminderTalk',
      startsOn: '2026-03-18',
      note: '已谈话',
      findingKey: f.key,
    });
  });
});

describe('monthOverview', () => {
  it('counts by rule, most first, and lists who is new', () => {
    const engine = fakeEngine({
      '2026-02': [finding('warn.bottom-third-streak', c1, '2026-02')],
      '2026-03': [
        finding('warn.bottom-third-streak', c1, '2026-03'),
        finding('warn.bottom-third-streak', c2, '2026-03'),
        finding('team.low-ranking', u1, '2026-03'),
      ],
    });
    const o = monthOverview(listFindings(ledger().state, engine, { asOf: '2026-03', today: '2026-03-20' }));
    expect(o.byRule).toEqual([
      { rule: 'warn.bottom-third-streak', count: 2, newCount: 1 },
      { rule: 'team.low-ranking', count: 1, newCount: 1 },
    ]);
    expect(o.total).toBe(3);
    expect(o.newItems.map((f) => f.subjectName)).toEqual(['李四', '城关镇']);
  });
});
