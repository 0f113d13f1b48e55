import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { put } from '../../shared/ledger/events';
import { createTestContext } from './context';
import { reportsHandlers } from './reports';

describe('reports.meeting', () => {
  it('returns the §4.4 counts with the engine findings of the period', async () => {
    const ctx = createTestContext();
    await ctx.store.commit(
      [
        put('units', { id: 'U1', name: '城关镇' }),
        put('cadres', { id: 'C1', name: '甲', unitId: 'U1', peerGroup: 'g', position: '', rankLevel: '', category: 'civilServant', leader: false }),
        put('sanctions', { id: 'S1', cadreId: 'C1', kind: 'admin.majorDemerit', decidedOn: '2024-03-05', reason: '' }),
        put('measures', { id: 'M1', subjectType: 'cadre', subjectId: 'C1', kind: 'inquiry', startsOn: '2024-02-01', note: '' }),
      ],
      { user: 'seed', command: 'seed' },
    );
    const input = contract['reports.meeting'].input.parse({ from: '2024-01', to: '2024-06' });
    const out = await reportsHandlers(ctx)['reports.meeting'](input, { user: 'officer' });
    expect(contract['reports.meeting'].output.parse(out)).toBeTruthy();
    const item = (id: string) => out.items.find((i) => i.id === id)!;
    expect(out.withFindings).toBe(true);
    expect(item('violationCases')).toMatchObject({ count: 1, recordIds: ['S1'] });
    expect(item('remindersInquiries')).toMatchObject({ count: 1, recordIds: ['M1'] });
    // From the engine: the major demerit's impact period (salary deduction) and no honours in 2024.
    expect(item('salaryDeductions').cadreIds).toEqual(['C1']);
    expect(item('honoursDisqualified').cadreIds).toEqual(['C1']);
  });

  it('rejects a period that ends before it starts', () => {
    expect(contract['reports.meeting'].input.safeParse({ from: '2024-06', to: '2024-01' }).success).toBe(false);
  });
});
