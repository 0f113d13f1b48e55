// The checks between a record and what it names (issue 11): dates in order, the same cadre, the
// right kind, and ids unique across the case-record collections.
import { describe, expect, it } from 'vitest';
import { LedgerBuilder } from '../views/testing';
import { checkReferences, lookupIn } from './references';

const ledger = () =>
  new LedgerBuilder()
    .unit('U1', '城关镇')
    .cadre('C1', { appointedOn: '2024-03-15' })
    .cadre('C2')
    .measure('M1', { subjectId: 'C1', kind: 'demotion', startsOn: '2024-05-01' })
    .measure('M2', { subjectId: 'C2', kind: 'demotion', startsOn: '2024-05-01' })
    .measure('M3', { subjectId: 'C1', kind: 'commendation', startsOn: '2024-05-01' })
    .add('rehabPlans', { id: 'P1', cadreId: 'C1', measureId: 'M1', assignment: '乡村振兴', startsOn: '2024-06-01', status: 'active' } as never).state;

const paths = (errors: { path: string; message: { en: string } }[]) => errors.map((e) => `${e.path}: ${e.message.en}`);

describe('checkReferences with the records referred to', () => {
  const state = ledger();
  const check = (c: Parameters<typeof checkReferences>[0], r: object) => paths(checkReferences(c, r as never, lookupIn(state)));

  it('refuses a score before the cadre was appointed, accepts the month of appointment', () => {
    expect(check('scores', { id: 'C1:2024-02', cadreId: 'C1', month: '2024-02', score: 80 })).toEqual(['month: 2024-02 is before the cadre was appointed (2024-03-15)']);
    expect(check('scores', { id: 'C1:2024-03', cadreId: 'C1', month: '2024-03', score: 80 })).toEqual([]);
    expect(check('scores', { id: 'C2:1990-01', cadreId: 'C2', month: '1990-01', score: 80 })).toEqual([]); // no appointment date on record
  });

  it('refuses a check-in dated before its plan starts', () => {
    expect(check('checkIns', { id: 'P1:2024-05-31', planId: 'P1', date: '2024-05-31', note: '' })).toEqual([
      'date: the check-in is dated before its plan starts (2024-06-01)',
    ]);
    expect(check('checkIns', { id: 'P1:2024-06-01', planId: 'P1', date: '2024-06-01', note: '' })).toEqual([]);
  });

  it("refuses a plan on another cadre's measure, on a measure of the wrong kind, or before its measure", () => {
    const plan = { id: 'P2', cadreId: 'C1', assignment: '乡村振兴', startsOn: '2024-06-01', status: 'active' };
    expect(check('rehabPlans', { ...plan, measureId: 'M2' })).toEqual(['measureId: measure "M2" is not a measure of cadre "C1"']);
    expect(check('rehabPlans', { ...plan, measureId: 'M3' })).toEqual(['measureId: measure "M3" is not a measure a rehabilitation plan follows']);
    expect(check('rehabPlans', { ...plan, measureId: 'M1', startsOn: '2024-04-30' })).toEqual(['startsOn: the plan starts before its measure (2024-05-01)']);
    expect(check('rehabPlans', { ...plan, measureId: 'M1' })).toEqual([]);
  });

  it("refuses a sanction whose id is a measure's", () => {
    const sanction = { cadreId: 'C1', kind: 'admin.warning', decidedOn: '2024-05-02', reason: '' };
    expect(check('sanctions', { ...sanction, id: 'M1' })).toEqual(['id: id "M1" is already used by a record of another kind (measures)']);
    expect(check('sanctions', { ...sanction, id: 'S1' })).toEqual([]);
    // An update of the record itself is no clash.
    expect(check('measures', { id: 'M1', subjectType: 'cadre', subjectId: 'C1', kind: 'demotion', startsOn: '2024-05-01', note: '' })).toEqual([]);
  });
});
