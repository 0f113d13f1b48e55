import { describe, expect, it } from 'vitest';
import { generateTownship, townshipState } from '../demo/township';
import type { MeasureKind, SanctionKind } from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import { evaluate } from '../engine';
import { addMonthsToMonth } from '../engine/calendar';
import { LedgerBuilder } from '../engine/testkit';
import { indexFor, planDraftFromMeasure, planRows, RehabInputError, wayBackOf, withReview } from './rehab';

const cond = (state: LedgerState, cadreId: string, asOf: string) =>
  Object.fromEntries(wayBackOf(indexFor(state, asOf), cadreId).conditions.map((c) => [c.id, c]));

describe('the plan draft', () => {
  const b = new LedgerBuilder()
    .cadre('A', { position: '党政办主任' })
    .measure('D', 'A', 'demotion', '2025-01-10')
    .measure('T', 'A', 'admonishment', '2025-01-10');

  it('is pre-filled from a demotion', () => {
    expect(planDraftFromMeasure(b.state, 'D')).toMatchObject({
      cadreId: 'A',
      measureId: 'D',
      measureKind: 'demotion',
      startsOn: '2025-01-10',
      scheduledReviews: ['2025-07-10', '2026-01-10'],
      cadrePosition: '党政办主任',
    });
  });

  it('refuses other kinds and a measure with an open plan', () => {
    expect(() => planDraftFromMeasure(b.state, 'T')).toThrow(RehabInputError);
    expect(() => planDraftFromMeasure(b.state, 'NOPE')).toThrow(/unknown measure/);
    const withPlan = new LedgerBuilder().cadre('A').measure('D', 'A', 'demotion', '2025-01-10').plan('R', 'A', 'D', '2025-02-01');
    try {
      planDraftFromMeasure(withPlan.state, 'D');
      expect.unreachable();
    } catch (e) {
      expect((e as RehabInputError).code).toBe('CONFLICT');
    }
  });
});

describe('the way back up', () => {
  // Demotion 2025-01-10: 12 months → from 2026-01; its bar runs to 2026-01-10, so 2026-01 is held.
  const base = () =>
    new LedgerBuilder()
      .peers('G', '2025-07', 8)
      .cadre('A')
      .pattern('A', '2025-07', 'MMTTMTMT')
      .measure('D', 'A', 'demotion', '2025-01-10')
      .plan('R', 'A', 'D', '2025-02-01', { status: 'active' });

  it('says what is missing, in the words of the rule', () => {
    const c = cond(base().state, 'A', '2025-12');
    expect(c.measure.met).toBe(true);
    expect(c.minTime).toMatchObject({ met: false, metFrom: '2026-01', detail: { zh: '距降职满12个月还差1个月（2026-01起）' } });
    expect(c.plan).toMatchObject({ met: false, detail: { zh: '帮扶计划未完成且无积极评估' } });
    expect(c.topThird.detail.zh).toMatch(/^前三分之一 \d\/4 个月$/);
    expect(c.noBar).toMatchObject({ met: false, detail: { zh: '提拔限制至 2026-01-10' }, metFrom: '2026-02' });
    expect(c.noPromotion.met).toBe(true);
    expect(c.inPost.met).toBe(true);
    const wb = wayBackOf(indexFor(base().state, '2025-12'), 'A');
    expect(wb).toMatchObject({ eligible: false, earliestDate: '2026-02-01', judgedOn: '2025-12-31', planId: 'R' });
  });

  it('fills until the rule fires', () => {
    const b = base();
    b.state.rehabPlans.set('R', withReview(b.state.rehabPlans.get('R')!, { date: '2025-12-01', result: 'positive', evidence: '表现良好', by: '' }));
    const wb = wayBackOf(indexFor(b.state, '2026-02'), 'A');
    expect(wb.conditions.filter((c) => !c.met)).toEqual([]);
    expect(wb.eligible).toBe(true);
    expect(evaluate(b.state, '2026-02').some((f) => f.rule === 'rehab.reascend' && f.subject.id === 'A')).toBe(true);
    // A promotion recorded: the office has acted.
    b.measure('P', 'A', 'promotion', '2026-02-10');
    const after = cond(b.state, 'A', '2026-02');
    expect(after.noPromotion).toMatchObject({ met: false, detail: { zh: '2026-02-10已记录提拔（P）' } });
  });

  it('is all met exactly when rehab.reascend fires: the demo township, month by month', () => {
    const state = townshipState(generateTownship({ endMonth: '2026-05', seed: 3, cadres: 900 })) as unknown as LedgerState;
    const cadres = [...new Set([...state.rehabPlans.values()].map((p) => p.cadreId))];
    expect(cadres.length).toBeGreaterThan(5);
    let fired = 0;
    for (let k = 0; k < 12; k++) {
      const asOf = addMonthsToMonth('2026-05', -k);
      const firing = new Set(evaluate(state, asOf, { rules: ['rehab.reascend'] }).map((f) => f.subject.id));
      const index = indexFor(state, asOf);
      for (const id of cadres) {
        const wb = wayBackOf(index, id);
        expect(wb.eligible, `${id} ${asOf}`).toBe(firing.has(id));
        expect(wb.conditions.every((c) => c.met), `${id} ${asOf}`).toBe(firing.has(id));
        if (firing.has(id)) fired++;
      }
    }
    expect(fired).toBeGreaterThan(0);
  });

  it('is all met exactly when rehab.reascend fires: random cadres', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    let fired = 0;
    let notFired = 0;
    for (let n = 0; n < 120; n++) {
      const b = new LedgerBuilder().peers('G', '2024-01', 36, 5).cadre('A');
      b.pattern('A', '2024-01', Array.from({ length: 36 }, () => pick(['T', 'T', 'M', 'B', '-'])).join(''));
      const kind = pick<MeasureKind>(['demotion', 'removal', 'transitionalPlacement', 'positionAdjustment']);
      const start = `${addMonthsToMonth('2024-01', Math.floor(rnd() * 24))}-${pick(['01', '10', '28'])}`;
      b.measure('D', 'A', kind, start);
      if (rnd() < 0.85) b.plan('R', 'A', pick(['D', 'X']), start, { status: pick(['active', 'completed', 'closed'] as const), ...(rnd() < 0.6 ? { lastReview: pick(['positive', 'negative'] as const) } : {}) });
      if (rnd() < 0.3) b.sanction('S', 'A', pick<SanctionKind>(['admin.warning', 'party.warning', 'admin.demerit', 'party.probation1y']), `${addMonthsToMonth('2024-06', Math.floor(rnd() * 24))}-15`);
      if (rnd() < 0.15) b.measure('P', 'A', 'promotion', `${addMonthsToMonth(start.slice(0, 7), Math.floor(rnd() * 20))}-05`);
      if (rnd() < 0.08) b.measure('E', 'A', 'retirement', `${addMonthsToMonth('2025-06', Math.floor(rnd() * 12))}-01`);
      if (rnd() < 0.1) b.clear('CL', 'D', 'A');
      for (const asOf of ['2025-03', '2025-09', '2026-01', '2026-06', '2026-12']) {
        const fires = evaluate(b.state, asOf, { rules: ['rehab.reascend'] }).some((f) => f.subject.id === 'A');
        const wb = wayBackOf(indexFor(b.state, asOf), 'A');
        expect(wb.eligible, `case ${n} ${asOf}`).toBe(fires);
        expect(wb.conditions.every((c) => c.met), `case ${n} ${asOf}`).toBe(fires);
        if (fires) {
          fired++;
          // Time alone allowed this month: the earliest date is not later.
          expect(wb.earliestDate! <= `${asOf}-01`).toBe(true);
        } else notFired++;
      }
    }
    expect(fired).toBeGreaterThan(5);
    expect(notFired).toBeGreaterThan(5);
  });
});

describe('plan rows', () => {
  it('show the next check-in, the overdue flag and eligibility', () => {
    const b = new LedgerBuilder()
      .cadre('A', { name: '张三' })
      .measure('D', 'A', 'transitionalPlacement', '2025-01-10')
      .plan('R', 'A', 'D', '2025-02-01', { mentor: '王建国' })
      .checkIn('R', '2025-03-15');
    const [row] = planRows(b.state, indexFor(b.state, '2025-04'));
    expect(row).toMatchObject({ cadreName: '张三', lastCheckIn: '2025-03-15', nextCheckIn: '2025-05-14', checkInOverdue: false, checkInCount: 1, eligible: false });
    const [late] = planRows(b.state, indexFor(b.state, '2025-05'));
    expect(late).toMatchObject({ checkInOverdue: true, checkInFindingKey: 'rehab.checkin-due|cadre:A|R:2025-03-15' });
    expect(planRows(b.state, indexFor(b.state, '2025-05'), { mentor: '李' })).toEqual([]);
    expect(planRows(b.state, indexFor(b.state, '2025-05'), { overdueOnly: true })).toHaveLength(1);
    expect(planRows(b.state, indexFor(b.state, '2025-05'), { status: ['completed'] })).toEqual([]);
  });
});
