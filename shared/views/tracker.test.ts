import { describe, expect, it } from 'vitest';
import { closeTracked, reviewDateOf, statusOf, trackerBoard, TrackerInputError } from './tracker';
import { createViewEngine } from './engineBinding';
import { fakeEngine, LedgerBuilder } from './testing';

const engine = fakeEngine({});

function township() {
  const b = new LedgerBuilder().unit('U1', '城关镇').unit('U2', '新区办');
  b.cadre('C1', { name: '张三', unitId: 'U1' }).cadre('C2', { name: '李四', unitId: 'U1' });
  b.cadre('C3', { name: '王五', unitId: 'U2' }).cadre('C4', { name: '赵六', unitId: 'U2' });
  for (const [id, s] of [['C1', 60], ['C2', 62], ['C3', 90], ['C4', 88]] as const) b.score(id, '2026-03', s);
  return b;
}

describe('status and review dates', () => {
  it('is due soon within 14 days, overdue after the review date', () => {
    expect(statusOf(15)).toBe('onTrack');
    expect(statusOf(14)).toBe('dueSoon');
    expect(statusOf(0)).toBe('dueSoon');
    expect(statusOf(-1)).toBe('overdue');
    expect(statusOf(null)).toBe('onTrack');
  });
  it('uses the recorded end, else the last day of the policy’s default length', () => {
    expect(reviewDateOf({ kind: 'probation', startsOn: '2026-01-15', endsOn: '2026-05-01' })).toEqual({ date: '2026-05-01', defaulted: false });
    expect(reviewDateOf({ kind: 'probation', startsOn: '2026-01-15' })).toEqual({ date: '2026-04-14', defaulted: true });
    expect(reviewDateOf({ kind: 'inquiry', startsOn: '2026-01-15' })).toEqual({ date: '2026-02-05', defaulted: true });
    expect(reviewDateOf({ kind: 'transitionalPlacement', startsOn: '2026-01-15' })).toEqual({ date: null, defaulted: false });
  });
});

describe('trackerBoard', () => {
  it('lists what is in progress, overdue first, with days left', () => {
    const b = township();
    b.measure('M1', { kind: 'probation', startsOn: '2026-01-01', endsOn: '2026-04-01', subjectId: 'C1' });
    b.measure('M2', { kind: 'warning', startsOn: '2025-11-01', endsOn: '2026-03-01', subjectId: 'C2' });
    b.measure('M3', { kind: 'inquiry', startsOn: '2026-03-10', subjectId: 'C3' });
    b.measure('M4', { kind: 'probation', startsOn: '2026-03-01', subjectType: 'unit', subjectId: 'U1' });
    // Not in progress: closed with an outcome, not yet started, not a tracked kind, cleared.
    b.measure('X1', { kind: 'probation', startsOn: '2026-01-01', endsOn: '2026-03-01', outcome: 'improved', subjectId: 'C3' });
    b.measure('X2', { kind: 'probation', startsOn: '2026-04-01', subjectId: 'C4' });
    b.measure('X3', { kind: 'reminderTalk', startsOn: '2026-03-01', subjectId: 'C4' });
    b.measure('X4', { kind: 'probation', startsOn: '2026-03-01', subjectId: 'C4' }).clear('X4', '2026-03-05', 'C4');
    const board = trackerBoard(b.state, engine, { asOf: '2026-03', today: '2026-03-20' });
    // Days are counted from the month's last day (2026-03-31), as the engine judges the month.
    expect(board.referenceDate).toBe('2026-03-31');
    expect(board.items.map((i) => [i.id, i.status, i.daysLeft])).toEqual([
      ['M2', 'overdue', -30],
      ['M3', 'dueSoon', 0],
      ['M1', 'dueSoon', 1],
      ['M4', 'onTrack', 61],
    ]);
    expect(board.counts).toEqual({ onTrack: 1, dueSoon: 2, overdue: 1 });
    const team = board.items.find((i) => i.id === 'M4')!;
    expect(team).toMatchObject({ subject: { type: 'unit', id: 'U1' }, subjectName: '城关镇', reviewDate: '2026-05-31', reviewDateDefaulted: true });
  });

  it('is "due soon" exactly when the engine puts the review on the agenda: the policy window from the month end', () => {
    const b = township();
    // 43 days after today (2026-12-01) but 12 days after the month's last day: due soon.
    b.measure('P1', { kind: 'transitionalPlacement', startsOn: '2026-06-01', endsOn: '2027-01-12', subjectId: 'C1' });
    // 15 days after the month's last day: outside the 14-day window.
    b.measure('P2', { kind: 'probation', startsOn: '2026-10-16', endsOn: '2027-01-15', subjectId: 'C2' });
    // A trial period's window is policy.reviewWindows.trialDays (30).
    b.measure('T1', { kind: 'trialPeriod', startsOn: '2026-01-25', endsOn: '2027-01-24', subjectId: 'C3' });
    const board = trackerBoard(b.state, engine, { asOf: '2026-12', today: '2026-12-01' });
    const byId = new Map(board.items.map((i) => [i.id, i]));
    expect([byId.get('P1')!.daysLeft, byId.get('P1')!.status]).toEqual([12, 'dueSoon']);
    expect([byId.get('P2')!.daysLeft, byId.get('P2')!.status]).toEqual([15, 'onTrack']);
    expect([byId.get('T1')!.daysLeft, byId.get('T1')!.status]).toEqual([24, 'dueSoon']);
    const due = createViewEngine(() => 0).evaluate(b.state, '2026-12').filter((f) => f.rule === 'probation.review-due').map((f) => f.key);
    expect(due.some((k) => k.endsWith('|P1'))).toBe(true);
    expect(due.some((k) => k.endsWith('|P2'))).toBe(false);
  });

  it('filters by unit, kind and status; counts ignore the status filter', () => {
    const b = township();
    b.measure('M1', { kind: 'probation', startsOn: '2026-01-01', endsOn: '2026-04-01', subjectId: 'C1' });
    b.measure('M2', { kind: 'warning', startsOn: '2025-11-01', endsOn: '2026-03-01', subjectId: 'C2' });
    b.measure('M3', { kind: 'inquiry', startsOn: '2026-03-10', subjectId: 'C3' });
    const q = (filters: object) => trackerBoard(b.state, engine, { asOf: '2026-03', today: '2026-03-20', filters }).items.map((i) => i.id);
    expect(q({ unitId: 'U2' })).toEqual(['M3']);
    expect(q({ kinds: ['probation', 'warning'] })).toEqual(['M2', 'M1']);
    expect(q({ statuses: ['overdue'] })).toEqual(['M2']);
    const board = trackerBoard(b.state, engine, { asOf: '2026-03', today: '2026-03-20', filters: { statuses: ['overdue'] } });
    expect(board.counts).toEqual({ onTrack: 0, dueSoon: 2, overdue: 1 });
  });

  it('tracks a trial period from the cadre record until a measure records it; leaves exited cadres out', () => {
    const b = township();
    b.cadre('C5', { name: '钱七', appointedOn: '2025-04-01', trialEndsOn: '2026-04-01' });
    b.cadre('C6', { name: '孙八', appointedOn: '2025-04-01', trialEndsOn: '2026-04-01' });
    b.measure('T6', { kind: 'trialPeriod', startsOn: '2025-04-01', endsOn: '2026-04-01', outcome: 'confirmed', subjectId: 'C6' });
    b.measure('P1', { kind: 'probation', startsOn: '2026-01-01', subjectId: 'C2' });
    b.measure('E2', { kind: 'retirement', startsOn: '2026-02-01', subjectId: 'C2' });
    const board = trackerBoard(b.state, engine, { asOf: '2026-03', today: '2026-03-20' });
    expect(board.items.map((i) => [i.id, i.kind, i.reviewDate])).toEqual([['trial:C5', 'trialPeriod', '2026-04-01']]);
  });

  it('judges a past month on its last day', () => {
    const b = township();
    b.measure('M1', { kind: 'probation', startsOn: '2026-01-01', endsOn: '2026-02-10', subjectId: 'C1' });
    const jan = trackerBoard(b.state, engine, { asOf: '2026-01', today: '2026-03-20' });
    expect(jan.referenceDate).toBe('2026-01-31');
    expect(jan.items[0]).toMatchObject({ daysLeft: 10, status: 'dueSoon' });
  });

  it('ranks units and shows a team under warning and probation once, with its members', () => {
    const b = township();
    b.measure('M4', { kind: 'probation', startsOn: '2026-03-01', subjectType: 'unit', subjectId: 'U1' });
    b.measure('W4', { kind: 'warning', startsOn: '2026-03-01', subjectType: 'unit', subjectId: 'U1' });
    const board = trackerBoard(b.state, engine, { asOf: '2026-03', today: '2026-03-20' });
    expect(board.items.map((i) => i.id).sort()).toEqual(['M4', 'W4']);
    expect(board.team.ranking.map((r) => [r.unitName, r.rank, r.mean])).toEqual([
      ['新区办', 1, 89],
      ['城关镇', 2, 61],
    ]);
    // The warning and the probation of the same team: one entry, the probation's.
    expect(board.team.underWatch).toHaveLength(1);
    const watch = board.team.underWatch[0];
    expect(watch.measureId).toBe('M4');
    expect(watch).toMatchObject({ unitName: '城关镇', kind: 'probation', standing: { rank: 2 } });
    expect(watch.members.map((m) => [m.name, m.score, m.rank])).toEqual([
      ['李四', 62, 3],
      ['张三', 60, 4],
    ]);
  });
});

describe('closeTracked', () => {
  it('records the outcome and today as the end, and offers transitional placement after a failed team probation', () => {
    const b = township();
    b.measure('M4', { kind: 'probation', startsOn: '2026-03-01', subjectType: 'unit', subjectId: 'U1' });
    const { measure, nextStep } = closeTracked(b.state, { measureId: 'M4', outcome: 'notImproved' }, '2026-06-05');
    expect(measure).toMatchObject({ id: 'M4', outcome: 'notImproved', endsOn: '2026-06-05' });
    expect(nextStep).toMatchObject({
      kind: 'transitionalPlacement',
      draft: { subjectType: 'unit', subjectId: 'U1', kind: 'transitionalPlacement', startsOn: '2026-06-05', note: '观察期（M4）结果：未改进' },
    });
  });

  it('keeps a recorded end date and offers nothing after an improvement', () => {
    const b = township();
    b.measure('M1', { kind: 'probation', startsOn: '2026-01-01', endsOn: '2026-04-01', subjectId: 'C1', note: '首次' });
    const { measure, nextStep } = closeTracked(b.state, { measureId: 'M1', outcome: 'improved', note: '已改进' }, '2026-04-03');
    expect(measure).toMatchObject({ endsOn: '2026-04-01', outcome: 'improved', note: '首次\n已改进' });
    expect(nextStep).toBeNull();
  });

  it('records a trial known from the cadre record, and pre-fills an extension', () => {
    const b = township().cadre('C5', { appointedOn: '2025-04-01', trialEndsOn: '2026-04-01' });
    const { measure, nextStep } = closeTracked(b.state, { trialOf: 'C5', outcome: 'extended' }, '2026-04-02');
    expect(measure).toMatchObject({ id: 'M000001', kind: 'trialPeriod', subjectId: 'C5', startsOn: '2025-04-01', endsOn: '2026-04-01', outcome: 'extended' });
    expect(nextStep?.draft).toMatchObject({ kind: 'trialExtension', subjectId: 'C5' });
  });

  it('refuses an unknown measure and an end before the start', () => {
    const b = township();
    b.measure('M1', { kind: 'probation', startsOn: '2026-01-01', subjectId: 'C1' });
    expect(() => closeTracked(b.state, { measureId: 'NOPE', outcome: 'improved' }, '2026-04-01')).toThrow(TrackerInputError);
    expect(() => closeTracked(b.state, { measureId: 'M1', outcome: 'improved', endsOn: '2025-12-01' }, '2026-04-01')).toThrow(/end date/);
  });
});
