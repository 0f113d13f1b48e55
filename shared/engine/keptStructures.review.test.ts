// Review of the kept structures (keptStructures.ts) and packed evidence (packedMonths.ts): the
// cases a random sequence rarely builds. Same-day records ordered for one office must not be what
// an index of another office reads; two live evaluations of one state at different as-of months
// share the kept lists and memo without seeing each other's patches; a New Area's partitions kept
// across writes; packed evidence is a plain object to every reader.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/findings';
import { findingSchema } from '../domain/findings';
import type { LedgerState } from '../ledger/collections';
import { applyEvent, put, type LedgerEvent } from '../ledger/events';
import { createViewEngine } from '../views/engineBinding';
import { LedgerBuilder as ViewLedgerBuilder } from '../views/testing';
import { addMonthsToMonth } from './calendar';
import { evaluate, evaluateIndex, impactPeriodsOf, promotionBarsOf } from './index';
import { IncrementalEvaluation } from './incremental';
import { LedgerIndex } from './ledgerIndex';
import { LedgerBuilder, plainCopy } from './testkit';

const json = (x: unknown) => JSON.stringify(x);


const fresh = (state: LedgerState, asOf: string, office?: string) => json(evaluateIndex(new LedgerIndex(plainCopy(state), { asOf, office })));
const kept = (state: LedgerState, asOf: string, office?: string) => json(evaluateIndex(new LedgerIndex(state, { asOf, office })));

/** Nine cadres ranked all of 2025; C1 with same-day records whose order differs by office. */
function sameDayLedger(): LedgerState {
  const b = new LedgerBuilder().unit('U1').unit('U2');
  for (let i = 1; i <= 9; i++) b.cadre(`C${i}`, { peerGroup: 'G', unitId: i <= 4 ? 'U1' : 'U2' });
  for (let m = 0; m < 12; m++) for (let i = 1; i <= 9; i++) b.score(`C${i}`, addMonthsToMonth('2025-01', m), i === 1 ? 40 : 50 + i);
  // S1 and XZ01.S2 on the same day: plain ids order S1 first, at XZ02 the global XZ01.S2 comes first.
  b.sanction('S1', 'C1', 'admin.warning', '2025-03-01');
  b.sanction('XZ01.S2', 'C1', 'admin.demerit', '2025-03-01');
  b.measure('M1', 'C1', 'reminderTalk', '2025-06-15');
  b.measure('XZ01.M2', 'C1', 'admonishment', '2025-06-15');
  b.plan('P1', 'C1', 'M1', '2025-06-15');
  b.plan('XZ01.P2', 'C1', 'XZ01.M2', '2025-06-15');
  b.checkIn('P1', '2025-07-01');
  b.fault('F1', 'C1', '2025-05-01');
  b.fault('XZ01.F2', 'C1', '2025-05-01');
  return b.state;
}

describe('kept structures across offices and as-of months', () => {
  it('same-day records are ordered for the office asking, whichever office asked first', () => {
    const state = sameDayLedger();
    // The orders do differ by office (else this test would prove nothing).
    expect(fresh(state, '2025-12', 'XZ02')).not.toBe(fresh(state, '2025-12'));
    for (const office of [undefined, 'XZ02', undefined, 'XZ01', 'XZ02', 'XZ02', undefined]) {
      for (const asOf of ['2025-12', '2025-07']) expect(kept(state, asOf, office), `${office} ${asOf}`).toBe(fresh(state, asOf, office));
      const a = new LedgerIndex(state, { asOf: '2025-12', office });
      const p = new LedgerIndex(plainCopy(state), { asOf: '2025-12', office });
      expect(json(impactPeriodsOf(a, 'C1'))).toBe(json(impactPeriodsOf(p, 'C1')));
      expect(json(promotionBarsOf(a, 'C1', '2025-12'))).toBe(json(promotionBarsOf(p, 'C1', '2025-12')));
    }
  });

  it('two live evaluations at different as-of months share what is kept and never see each other’s patches', () => {
    const state = sameDayLedger();
    const late = new IncrementalEvaluation(state, '2025-12');
    const early = new IncrementalEvaluation(state, '2025-08', { office: 'XZ02' });
    // Both read the kept lists and periods first.
    expect(json(late.findings())).toBe(fresh(state, '2025-12'));
    expect(json(early.findings())).toBe(fresh(state, '2025-08', 'XZ02'));
    const commits: LedgerEvent[][] = [
      // After the early month's cutoff: the late evaluation re-works C1's periods, the early one must not take them.
      [put('sanctions', { id: 'S3', cadreId: 'C1', kind: 'admin.majorDemerit', decidedOn: '2025-10-01', reason: '' })],
      // A score of C1 in a month both see: both evaluate C1 again.
      [put('scores', { id: 'C1:2025-08', cadreId: 'C1', month: '2025-08', score: 99 })],
      [put('measures', { id: 'M3', subjectType: 'cadre', subjectId: 'C1', kind: 'demotion', startsOn: '2025-11-01', note: '' })],
      [put('scores', { id: 'C1:2025-07', cadreId: 'C1', month: '2025-07', score: 10 })],
      [put('clearances', { id: 'K1', cadreId: 'C1', recordId: 'S1', kind: 'clearance', date: '2025-09-01', note: '' })],
      [put('scores', { id: 'C1:2025-06', cadreId: 'C1', month: '2025-06', score: 98 })],
      [put('checkIns', { id: 'P1:2025-08-01', planId: 'P1', date: '2025-08-01', note: '' }), put('checkIns', { id: 'P1:2025-11-01', planId: 'P1', date: '2025-11-01', note: '' })],
      [put('cadres', { id: 'C1', name: '干部C1', unitId: 'U1', peerGroup: 'G', position: '', rankLevel: '', category: 'civilServant', leader: false, trialEndsOn: '2026-01-10' })],
      [put('scores', { id: 'C2:2025-08', cadreId: 'C2', month: '2025-08', score: 1 })],
    ];
    commits.forEach((events, i) => {
      for (const e of events) applyEvent(state, e);
      late.apply(state, events);
      early.apply(state, events);
      expect(json(late.findings()), `late after ${i + 1}`).toBe(fresh(state, '2025-12'));
      expect(json(early.findings()), `early after ${i + 1}`).toBe(fresh(state, '2025-08', 'XZ02'));
      // And a fresh index of the state (taking whatever is kept now) agrees too.
      expect(kept(state, '2025-08', 'XZ02'), `kept after ${i + 1}`).toBe(fresh(state, '2025-08', 'XZ02'));
      const a = new LedgerIndex(state, { asOf: '2025-08', office: 'XZ02' });
      const p = new LedgerIndex(plainCopy(state), { asOf: '2025-08', office: 'XZ02' });
      expect(json(impactPeriodsOf(a, 'C1'))).toBe(json(impactPeriodsOf(p, 'C1')));
      expect(json(impactPeriodsOf(early.index, 'C1'))).toBe(json(impactPeriodsOf(p, 'C1')));
    });
  });
});

describe('a New Area’s partitions kept across writes (views/engineBinding.ts with a change feed)', () => {
  function newArea() {
    const b = new ViewLedgerBuilder()
      .add('syncMeta', { id: 'identity', data: { code: 'XQ', name: '新区党工委办公室' } })
      .add('syncMeta', { id: 'trust/XZ01', data: { code: 'XZ01', name: '青山镇', anchor: false } })
      .add('syncMeta', { id: 'trust/XZ02', data: { code: 'XZ02', name: '绿水镇', anchor: false } })
      .unit('U1', '新区直属')
      .unit('XZ01.U0001', '青山镇党政办')
      .unit('XZ02.U0001', '绿水镇党政办');
    for (let i = 1; i <= 4; i++) b.cadre(`C${i}`);
    for (let i = 1; i <= 5; i++) b.cadre(`XZ01.C0000${i}`, { unitId: 'XZ01.U0001', peerGroup: 'XZ01.乡镇干部' });
    for (let i = 1; i <= 4; i++) b.cadre(`XZ02.C0000${i}`, { unitId: 'XZ02.U0001', peerGroup: 'XZ02.乡镇干部' });
    const ids = [...b.state.cadres.keys()];
    for (let m = 0; m < 12; m++) ids.forEach((id, i) => b.score(id, addMonthsToMonth('2025-01', m), 40 + ((i * 13 + m * 7) % 55)));
    b.sanction('XZ01.S0001', { cadreId: 'XZ01.C00001', kind: 'admin.warning', decidedOn: '2025-04-01' });
    b.sanction('S1', { cadreId: 'C1', kind: 'party.warning', decidedOn: '2025-04-01' });
    return b.state;
  }

  it('every evaluation after partition-neutral and splitting writes equals an uncached engine on a plain copy', () => {
    const state = newArea();
    const log: LedgerEvent[] = [];
    const engine = createViewEngine(() => log.length, (revision) => log.slice(revision));
    const reference = createViewEngine();
    const same = (what: string) => {
      const plain = plainCopy(state);
      for (const asOf of ['2025-12', '2025-09']) {
        expect(json(engine.evaluate(state, asOf)), `${what} ${asOf}`).toBe(json(reference.evaluate(plain, asOf)));
        for (const office of ['XQ', 'XZ01', 'XZ02']) {
          expect(json(engine.evaluate(state, asOf, undefined, office)), `${what} ${asOf} ${office}`).toBe(json(reference.evaluate(plain, asOf, undefined, office)));
        }
        expect(json(engine.impactPeriods(state, 'XZ01.C00001', asOf)), `${what} periods`).toBe(json(reference.impactPeriods(plain, 'XZ01.C00001', asOf)));
      }
    };
    same('initial');
    const commits: LedgerEvent[][] = [
      [put('scores', { id: 'XZ01.C00002:2025-12', cadreId: 'XZ01.C00002', month: '2025-12', score: 1 })],
      [put('sanctions', { id: 'XZ01.S0002', cadreId: 'XZ01.C00002', kind: 'admin.demerit', decidedOn: '2025-04-01', reason: '' })],
      [put('measures', { id: 'XZ02.M0001', subjectType: 'cadre', subjectId: 'XZ02.C00001', kind: 'admonishment', startsOn: '2025-08-01', note: '' })],
      [put('clearances', { id: 'XZ01.K0001', cadreId: 'XZ01.C00001', recordId: 'XZ01.S0001', kind: 'clearance', date: '2025-10-01', note: '' })],
      // A cadre write splits the ledger again (new partitions, new kept structures).
      [put('cadres', { id: 'XZ02.C00005', name: '干部', unitId: 'XZ02.U0001', peerGroup: 'XZ02.乡镇干部', position: '', rankLevel: '', category: 'civilServant', leader: false })],
      [put('scores', { id: 'XZ02.C00005:2025-12', cadreId: 'XZ02.C00005', month: '2025-12', score: 99 })],
      [put('grades', { id: 'XZ01.C00003:2025', cadreId: 'XZ01.C00003', year: 2025, grade: 'excellent' })],
    ];
    commits.forEach((events, i) => {
      for (const e of events) {
        applyEvent(state, e);
        log.push(e);
      }
      same(`after ${i + 1} ${json(events)}`);
    });
  });
});

describe('packed evidence is a plain object to every reader', () => {
  function streakFinding(): Finding {
    const b = new LedgerBuilder().unit('U1');
    for (let i = 1; i <= 9; i++) b.cadre(`C${i}`, { peerGroup: 'G' });
    for (let m = 0; m < 12; m++) for (let i = 1; i <= 9; i++) b.score(`C${i}`, addMonthsToMonth('2025-01', m), i === 1 ? 100 : 50 + i);
    const f = evaluate(b.state, '2025-12').find((x) => x.rule === 'raise.top-third-streak')!;
    expect(f).toBeDefined();
    return f;
  }

  it('JSON, spread, structuredClone, Object.assign, zod and toEqual read the months', () => {
    const months = JSON.parse(JSON.stringify(streakFinding().evidence)).months;
    expect(months.length).toBeGreaterThan(0);
    const ev = () => streakFinding().evidence;
    expect(JSON.parse(JSON.stringify(ev()))).toEqual(JSON.parse(JSON.stringify({ ...ev() })));
    expect(structuredClone(ev()).months).toEqual(months);
    expect(Object.assign({}, ev()).months).toEqual(months);
    expect(Object.keys(ev())).toEqual(Object.keys(JSON.parse(JSON.stringify(ev()))));
    expect(findingSchema.parse(streakFinding()).evidence.months).toEqual(months);
    expect(ev()).toEqual(JSON.parse(JSON.stringify(ev())));
    expect(structuredClone(streakFinding())).toEqual(JSON.parse(JSON.stringify(streakFinding())));
    // Written by a reader: the months it gets back are the ones it wrote; elements are its own.
    const e = ev();
    (e.months as { score: number }[])[0].score = -1;
    expect(e.months![0].score).toBe(-1);
    expect(ev().months![0].score).toBe(months[0].score);
    e.months = [];
    expect(e.months).toEqual([]);
    expect(JSON.parse(JSON.stringify(e)).months).toEqual([]);
    // The explanation reads the same months.
    const f = streakFinding();
    expect(JSON.parse(JSON.stringify(f)).explanation).toEqual(f.explanation);
  });
});
