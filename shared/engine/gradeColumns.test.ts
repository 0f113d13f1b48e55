// The index reads the grades as columns (GradeTable, docs/COLUMNS.md) or, for a plain Map or a
// table holding overflow records, record by record: both readings must give the same grades and
// the same findings (DECISIONS 190 for two records of one cadre and year).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualGrades, type AnnualGrade, type AnnualGradeValue } from '../domain/records';
import { GradeTable } from './columns/gradeTable';
import { gradeOf, gradeRun, gradeValueOf, lastGraded } from './facts';
import { evaluate, LedgerIndex } from './index';
import { LedgerBuilder } from './testkit';

function ledger(grades: { cadre: number; year: number; grade: AnnualGradeValue }[], cleared: string[] = []) {
  const b = new LedgerBuilder();
  b.unit('U1');
  for (let i = 0; i < 6; i++) b.cadre(`C${i}`, { unitId: 'U1' });
  for (const g of grades) b.grade(`C${g.cadre}`, g.year, g.grade);
  cleared.forEach((id, i) => b.clear(`CL${i}`, id, 'C0'));
  return b;
}

/** The same ledger with its grades in a plain Map (read record by record). */
function asPlainMap(b: LedgerBuilder) {
  return { ...b.state, grades: new Map(b.state.grades) } as unknown as LedgerBuilder['state'];
}

const gradeList = fc.array(
  fc.record({ cadre: fc.integer({ min: 0, max: 5 }), year: fc.integer({ min: 2019, max: 2026 }), grade: fc.constantFrom(...annualGrades) }),
  { maxLength: 40 },
);

describe('grades as columns', () => {
  it('the state holds its grades in a GradeTable', () => {
    expect(ledger([{ cadre: 0, year: 2025, grade: 'excellent' }]).state.grades).toBeInstanceOf(GradeTable);
  });

  it('property: columns and records give the same grade, last graded year, run and findings', () => {
    fc.assert(
      fc.property(gradeList, fc.integer({ min: 2019, max: 2026 }), (grades, asOfYear) => {
        const b = ledger(grades);
        const asOf = `${asOfYear}-12`;
        const columns = new LedgerIndex(b.state, { asOf });
        const records = new LedgerIndex(asPlainMap(b), { asOf });
        for (let c = 0; c < 6; c++) {
          for (let y = 2018; y <= 2027; y++) {
            expect(gradeOf(columns, c, y)).toEqual(gradeOf(records, c, y));
            expect(gradeValueOf(columns, c, y)).toBe(gradeValueOf(records, c, y));
            expect(lastGraded(columns, c, y)).toEqual(lastGraded(records, c, y));
            expect(gradeRun(columns, c, y, 'excellent')).toBe(gradeRun(records, c, y, 'excellent'));
            // Nothing after the as-of year is seen.
            if (y > asOfYear) expect(gradeOf(columns, c, y)).toBeUndefined();
          }
        }
        expect(JSON.stringify(evaluate(b.state, asOf))).toBe(JSON.stringify(evaluate(asPlainMap(b), asOf)));
      }),
      { numRuns: 150 },
    );
  });

  it('a grade record made from the columns is deep-equal (same JSON) to the one the state gives', () => {
    const b = ledger([{ cadre: 2, year: 2025, grade: 'basic' }]);
    const index = new LedgerIndex(b.state, { asOf: '2025-12' });
    expect(JSON.stringify(gradeOf(index, 2, 2025))).toBe(JSON.stringify(b.state.grades.get('C2:2025')));
    expect(gradeOf(index, 2, 2025)).toBe(gradeOf(index, 2, 2025)); // made once, then kept
  });

  it('a cleared grade is not seen, in the columns and record by record', () => {
    const b = ledger([{ cadre: 0, year: 2025, grade: 'excellent' }, { cadre: 0, year: 2024, grade: 'competent' }], ['C0:2025']);
    for (const state of [b.state, asPlainMap(b)]) {
      const index = new LedgerIndex(state, { asOf: '2025-12' });
      expect(gradeOf(index, 0, 2025)).toBeUndefined();
      expect(lastGraded(index, 0, 2025)?.year).toBe(2024);
    }
    expect(evaluate(b.state, '2025-12').filter((f) => f.rule === 'annual.excellent-reward')).toEqual([]);
  });

  it('two records of one cadre and year (a hand-made journal): the one last in id order counts (DECISIONS 190)', () => {
    const b = ledger([{ cadre: 1, year: 2025, grade: 'excellent' }]);
    // Another id for the same cadre and year: kept outside the columns, so the index reads record by record.
    const extra: AnnualGrade = { id: 'C1:2025:b', cadreId: 'C1', year: 2025, grade: 'ungraded' };
    b.state.grades.set(extra.id, extra);
    expect((b.state.grades as GradeTable).overflowRecords().size).toBe(1);
    const index = new LedgerIndex(b.state, { asOf: '2025-12' });
    expect(gradeOf(index, 1, 2025)).toBe(extra); // 'C1:2025:b' > 'C1:2025'
    expect(lastGraded(index, 1, 2025)).toBeUndefined(); // the ungraded record hides the excellent one
    expect(evaluate(b.state, '2025-12').filter((f) => f.rule === 'annual.excellent-reward')).toEqual([]);
    // Cleared, the overflow record no longer counts: the columns are read again.
    b.clear('CL9', extra.id, 'C1');
    expect(gradeOf(new LedgerIndex(b.state, { asOf: '2025-12' }), 1, 2025)?.grade).toBe('excellent');
  });

  it('record by record, only a year with a grade gets a row of records (one grade of 1950 makes no 75 empty rows of every cadre)', () => {
    const b = ledger([{ cadre: 0, year: 1950, grade: 'competent' }, { cadre: 1, year: 2025, grade: 'excellent' }]);
    const index = new LedgerIndex(asPlainMap(b), { asOf: '2025-12' });
    expect(index.grades.span).toBe(76);
    expect(index.grades.records.filter((row) => row !== undefined)).toHaveLength(2);
    expect(gradeOf(index, 0, 1950)?.grade).toBe('competent');
    expect(gradeValueOf(index, 1, 2025)).toBe('excellent');
    expect(gradeOf(index, 2, 1990)).toBeUndefined();
  });
});
