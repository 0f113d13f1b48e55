import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/findings';
import type { Measure } from '../domain/records';
import { emptyLedgerState, type LedgerState } from '../ledger/collections';
import { applyEvent, put } from '../ledger/events';
import { meetingStatistics, monthsBetween, type MeetingStatisticId } from './meeting';

const measure = (id: string, subjectId: string, kind: Measure['kind'], startsOn: string, extra: Partial<Measure> = {}): Measure => ({
  id, subjectType: 'cadre', subjectId, kind, startsOn, note: '', ...extra,
});

function ledger(): LedgerState {
  const s = emptyLedgerState();
  const events = [
    put('measures', measure('M1', 'C1', 'promotion', '2024-03-10')),
    put('measures', measure('M2', 'C2', 'demotion', '2023-01-05')),
    put('measures', measure('M3', 'C2', 'promotion', '2024-04-01')), // rose again
    put('measures', measure('M4', 'C3', 'reminderTalk', '2024-02-01')),
    put('measures', measure('M5', 'C3', 'reminderTalk', '2024-05-01')), // two occasions, one cadre
    put('measures', measure('M6', 'C4', 'inquiry', '2023-12-31')), // before the period
    put('measures', measure('M7', 'C4', 'removal', '2024-06-30')),
    put('measures', measure('M8', 'C5', 'salaryDeduction', '2023-11-01', { endsOn: '2024-01-31' })), // runs into the period
    put('measures', measure('M9', 'C6', 'admonishment', '2024-02-02')),
    put('measures', measure('M10', 'C6', 'trialPeriod', '2023-06-01', { endsOn: '2024-06-01', outcome: 'extended' })),
    put('measures', measure('M11', 'C7', 'retirement', '2024-07-01')),
    put('measures', measure('M12', 'C8', 'positionAdjustment', '2024-01-15')), // cleared below
    put('measures', { ...measure('M13', 'U1', 'probation', '2024-02-01'), subjectType: 'unit' as const }),
    put('sanctions', { id: 'S1', cadreId: 'C3', kind: 'admin.demerit', decidedOn: '2024-02-20', reason: '' }),
    put('sanctions', { id: 'S2', cadreId: 'C3', kind: 'party.warning', decidedOn: '2024-03-20', reason: '' }),
    put('sanctions', { id: 'S3', cadreId: 'C8', kind: 'admin.warning', decidedOn: '2024-03-01', reason: '' }), // cleared
    put('grades', { id: 'C1:2023', cadreId: 'C1', year: 2023, grade: 'excellent' }), // year ends before the period
    put('grades', { id: 'C1:2024', cadreId: 'C1', year: 2024, grade: 'excellent' }),
    put('grades', { id: 'C3:2024', cadreId: 'C3', year: 2024, grade: 'basic' }),
    put('clearances', { id: 'K1', cadreId: 'C8', recordId: 'S3', date: '2024-04-01', note: '', kind: 'clearance' }),
    put('clearances', { id: 'K2', cadreId: 'C8', recordId: 'M12', date: '2024-04-02', note: '', kind: 'revocation' }),
    put('rehabPlans', { id: 'P1', cadreId: 'C2', measureId: 'M2', assignment: 'ruralRevitalization', startsOn: '2023-02-01', status: 'active' }),
    put('rehabPlans', { id: 'P2', cadreId: 'C4', measureId: 'M7', assignment: 'other', startsOn: '2023-01-01', status: 'completed' }),
  ];
  for (const e of events) applyEvent(s, e as never);
  return s;
}

const pick = (stats: ReturnType<typeof meetingStatistics>, id: MeetingStatisticId) => stats.items.find((i) => i.id === id)!;

describe('meetingStatistics', () => {
  const stats = meetingStatistics(ledger(), '2024-01', '2024-12');

  it('counts recorded actions of the period, per cadre or per occasion, with the ids behind them', () => {
    expect(pick(stats, 'promoted')).toMatchObject({ count: 2, cadreIds: ['C1', 'C2'], recordIds: ['M1', 'M3'] });
    expect(pick(stats, 'roseAgain')).toMatchObject({ count: 1, cadreIds: ['C2'], recordIds: ['M3'] });
    expect(pick(stats, 'remindersInquiries')).toMatchObject({ counts: 'records', count: 2, recordIds: ['M4', 'M5'] });
    expect(pick(stats, 'admonishmentsOrgActions')).toMatchObject({ counts: 'records', count: 2, recordIds: ['M7', 'M9'] });
    expect(pick(stats, 'adjusted.removal')).toMatchObject({ count: 1, cadreIds: ['C4'] });
    expect(pick(stats, 'adjusted.retirement')).toMatchObject({ count: 1, cadreIds: ['C7'] });
    expect(pick(stats, 'salaryDeductions')).toMatchObject({ count: 1, cadreIds: ['C5'] });
    expect(pick(stats, 'trialExtended')).toMatchObject({ count: 1, cadreIds: ['C6'], recordIds: ['M10'] });
    expect(pick(stats, 'violationCases')).toMatchObject({ counts: 'records', count: 2, recordIds: ['S1', 'S2'] });
    expect(pick(stats, 'commended')).toMatchObject({ count: 1, recordIds: ['C1:2024'] });
    expect(pick(stats, 'bonusesCancelled')).toMatchObject({ count: 1, cadreIds: ['C3'] });
    expect(pick(stats, 'namesCleared')).toMatchObject({ count: 1, cadreIds: ['C8'], recordIds: ['K1'] });
    expect(pick(stats, 'inRehabilitation')).toMatchObject({ count: 1, cadreIds: ['C2'] });
  });

  it('tells a clearance, a revocation and a correction apart', () => {
    const s = ledger();
    const revision = (id: string, action: 'create' | 'correct' | 'void', date: string) =>
      applyEvent(s, put('revisions', { id, collection: 'scores', recordId: 'C1:2024-02', cadreId: 'C1', action, reason: action === 'create' ? '' : '录入错误', at: `${date}T08:00:00.000Z`, by: 'officer', date, before: null, after: null }));
    revision('V1', 'create', '2024-02-01');
    revision('V2', 'correct', '2024-02-03');
    revision('V3', 'void', '2023-02-03'); // before the period
    const st = meetingStatistics(s, '2024-01', '2024-12');
    expect(pick(st, 'namesCleared')).toMatchObject({ count: 1, recordIds: ['K1'] });
    expect(pick(st, 'decisionsRevoked')).toMatchObject({ counts: 'records', count: 1, recordIds: ['K2'], label: { zh: '撤销处分或处理决定' } });
    expect(pick(st, 'recordsCorrected')).toMatchObject({ counts: 'records', count: 1, recordIds: ['scores/C1:2024-02'] });
  });

  it('never counts cleared or revoked records', () => {
    expect(pick(stats, 'violationCases').recordIds).not.toContain('S3');
    expect(pick(stats, 'adjusted.positionAdjustment').count).toBe(0);
  });

  it('narrows to the period', () => {
    const spring = meetingStatistics(ledger(), '2024-03', '2024-04');
    expect(pick(spring, 'promoted').count).toBe(2);
    expect(pick(spring, 'remindersInquiries').count).toBe(0);
    expect(pick(spring, 'commended').count).toBe(0); // the 2024 grade belongs to December
    expect(pick(spring, 'violationCases').recordIds).toEqual(['S2']);
  });

  it('takes outstanding, deductions and honours from the findings of every month of the period', () => {
    const seen: string[] = [];
    const finding = (rule: string, id: string, extra: Record<string, unknown> = {}): Finding => ({
      key: `${rule}|cadre:${id}`, rule, subject: { type: 'cadre', id }, asOf: '2024-01',
      suggestion: { kind: 'x', params: {} }, evidence: { recordIds: [`R-${id}`], ...extra }, explanation: { zh: '', en: '' },
    });
    const out = meetingStatistics(ledger(), '2024-01', '2024-03', {
      findingsAsOf: (m) => {
        seen.push(m);
        return m === '2024-02'
          ? [finding('promote.candidate', 'C9'), finding('sanction.salary-deduction', 'C3'), finding('deduction.fault', 'C7', { factor: 0 }), finding('sanction.no-honours', 'C3')]
          : [finding('raise.top-third-streak', 'C9')];
      },
    });
    expect(seen).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(out.withFindings).toBe(true);
    expect(pick(out, 'outstandingIdentified')).toMatchObject({ count: 1, cadreIds: ['C9'] });
    expect(pick(out, 'salaryDeductions').cadreIds).toEqual(['C3', 'C5']); // tolerated fault (factor 0) not counted
    expect(pick(out, 'honoursDisqualified').cadreIds).toEqual(['C3']);
  });

  it('lists months across a year end', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('2024-02', '2024-01')).toEqual([]);
  });
});
