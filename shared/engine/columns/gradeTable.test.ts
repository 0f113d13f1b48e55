import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxYear, minYear } from '../../domain/primitives';
import { annualGrades, type AnnualGrade, type AnnualGradeValue } from '../../domain/records';
import { GradeTable, NO_GRADE, NO_SLOT, YEAR_CEILING, YEAR_FLOOR, gradeCode, gradeOfCode, gradesOfCadre } from './gradeTable';

const grade = (cadreId: string, year: number, g: AnnualGradeValue): AnnualGrade => ({ id: `${cadreId}:${year}`, cadreId, year, grade: g });
const byKey = <T,>(xs: Iterable<[string, T]>) => [...xs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const json = (xs: Iterable<[string, unknown]>) => byKey([...xs].map(([k, v]): [string, string] => [k, JSON.stringify(v)]));

/** The rule the table keeps records by, written from the spec: what the columns can give back exactly. */
function canonical(key: string, r: unknown): boolean {
  if (!r || typeof r !== 'object') return false;
  const g = r as Record<string, unknown>;
  return (
    Object.keys(g).join() === 'id,cadreId,year,grade' &&
    typeof g.cadreId === 'string' &&
    g.cadreId !== '' &&
    typeof g.year === 'number' &&
    Number.isInteger(g.year) &&
    g.year >= YEAR_FLOOR &&
    g.year < YEAR_CEILING &&
    (annualGrades as readonly unknown[]).includes(g.grade) &&
    g.id === key &&
    key === `${g.cadreId}:${g.year}`
  );
}

describe('grade codes', () => {
  it('give every grade value its own code 1–5, and back', () => {
    expect(gradeCode).toEqual({ excellent: 1, competent: 2, basic: 3, incompetent: 4, ungraded: 5 });
    expect(gradeOfCode).toEqual([undefined, 'excellent', 'competent', 'basic', 'incompetent', 'ungraded']);
    for (const g of annualGrades) expect(gradeOfCode[gradeCode[g]]).toBe(g);
    expect(NO_GRADE).toBe(0);
  });

  it('keep rows for every year yearSchema admits', () => {
    expect(YEAR_FLOOR).toBeLessThanOrEqual(minYear);
    expect(YEAR_CEILING).toBeGreaterThan(maxYear);
  });
});

describe('GradeTable', () => {
  it('answers like a Map and keeps grades as one byte per cadre and year', () => {
    const t = new GradeTable();
    t.set('C1:2024', grade('C1', 2024, 'excellent'));
    t.set('C2:2024', grade('C2', 2024, 'basic'));
    t.set('C1:2026', grade('C1', 2026, 'incompetent'));
    expect(t.size).toBe(3);
    expect(t.get('C1:2024')).toEqual(grade('C1', 2024, 'excellent'));
    expect(JSON.stringify(t.get('C1:2026'))).toBe(JSON.stringify(grade('C1', 2026, 'incompetent')));
    expect(t.has('C2:2024')).toBe(true);
    expect(t.has('C2:2025')).toBe(false);
    expect(t.get('nope')).toBeUndefined();
    expect([...t.keys()]).toEqual(['C1:2024', 'C1:2026', 'C2:2024']);
    expect(t.slotOf('C1')).toBe(1);
    expect(t.slotOf('C3')).toBe(NO_SLOT);
    expect(t.cadreOfSlot(2)).toBe('C2');
    expect(t.slots).toBe(3);
    expect(t.row(2024)![t.slotOf('C1')]).toBe(gradeCode.excellent);
    expect(t.row(2024)![t.slotOf('C2')]).toBe(gradeCode.basic);
    expect(t.row(2025)).toBeUndefined();
    expect(t.codeAt(t.slotOf('C1'), 2026)).toBe(gradeCode.incompetent);
    expect(t.codeAt(t.slotOf('C2'), 2026)).toBe(NO_GRADE);
    expect(t.codeAt(NO_SLOT, 2024)).toBe(NO_GRADE);
    expect(t.yearRange()).toEqual({ min: 2024, max: 2026 });
    expect(t.yearRange(2025)).toEqual({ min: 2024, max: 2024 });
    expect(t.yearRange(2023)).toBeUndefined();
    expect(t.delete('C1:2024')).toBe(true);
    expect(t.delete('C1:2024')).toBe(false);
    expect(t.row(2024)![t.slotOf('C1')]).toBe(NO_GRADE);
    expect(t.size).toBe(2);
    expect(t.ofCadre('C1')).toEqual([grade('C1', 2026, 'incompetent')]);
    expect(gradesOfCadre(t, 'C2')).toEqual([grade('C2', 2024, 'basic')]);
    expect(gradesOfCadre(new Map([['C2:2024', grade('C2', 2024, 'basic')]]), 'C2')).toEqual([grade('C2', 2024, 'basic')]);
    expect(Object.prototype.toString.call(t)).toBe('[object GradeTable]');
  });

  it('makes a fresh record per get and per grade iterated, keys in the canonical order', () => {
    const t = GradeTable.from([grade('C1', 2025, 'competent')]);
    const a = t.get('C1:2025')!;
    const b = t.get('C1:2025')!;
    expect(a).not.toBe(b);
    expect(Object.keys(a)).toEqual(['id', 'cadreId', 'year', 'grade']);
    a.grade = 'basic';
    expect(t.get('C1:2025')!.grade).toBe('competent');
    expect([...t.values()][0]).not.toBe([...t.values()][0]);
  });

  it('grows its rows as cadres arrive and never reuses a slot', () => {
    const t = new GradeTable();
    for (let i = 0; i < 300; i++) t.set(`C${i}:2025`, grade(`C${i}`, 2025, annualGrades[i % 5]));
    t.set('C0:2024', grade('C0', 2024, 'excellent'));
    expect(t.slots).toBe(301);
    expect(t.row(2025)!.length).toBeGreaterThanOrEqual(t.slots);
    expect(t.row(2024)!.length).toBeGreaterThanOrEqual(t.slots);
    for (let i = 0; i < 300; i++) expect(t.get(`C${i}:2025`)!.grade).toBe(annualGrades[i % 5]);
    t.delete('C7:2025');
    expect(t.slotOf('C7')).toBe(8);
    t.set('C300:2025', grade('C300', 2025, 'basic'));
    expect(t.slotOf('C300')).toBe(301);
    t.set('C7:2026', grade('C7', 2026, 'basic'));
    expect(t.slotOf('C7')).toBe(8);
    expect([...t.keys()].slice(0, 9)).toEqual(['C0:2024', 'C0:2025', 'C1:2025', 'C2:2025', 'C3:2025', 'C4:2025', 'C5:2025', 'C6:2025', 'C7:2026']);
    t.clear();
    expect(t.size).toBe(0);
    expect(t.slots).toBe(1);
    expect(t.row(2025)).toBeUndefined();
  });

  it('keeps what the columns cannot reproduce as the object it is', () => {
    const t = new GradeTable();
    const odd = { id: 'X1', cadreId: 'C1', year: 2025, grade: 'excellent' } as AnnualGrade;
    const extra = { ...grade('C1', 2024, 'basic'), note: 'n' } as AnnualGrade;
    const reordered = { cadreId: 'C1', id: 'C1:2023', year: 2023, grade: 'basic' } as AnnualGrade;
    const unknown = { id: 'C1:2022', cadreId: 'C1', year: 2022, grade: 'good' } as unknown as AnnualGrade;
    const stringYear = { id: 'C1:2021', cadreId: 'C1', year: '2021', grade: 'basic' } as unknown as AnnualGrade;
    const floatYear = { id: 'C1:2020.5', cadreId: 'C1', year: 2020.5, grade: 'basic' } as AnnualGrade;
    const farYear = grade('C1', YEAR_CEILING, 'basic');
    const records = [odd, extra, reordered, unknown, stringYear, floatYear, farYear];
    for (const r of records) t.set(r.id, r);
    expect(t.size).toBe(records.length);
    for (const r of records) expect(t.get(r.id)).toBe(r);
    expect(t.yearRange()).toBeUndefined();
    expect(t.ofCadre('C1')).toEqual(records);
    // A canonical record replaces the overflow one of the same id, and back.
    t.set('C1:2024', grade('C1', 2024, 'competent'));
    expect(t.get('C1:2024')).toEqual(grade('C1', 2024, 'competent'));
    expect(t.overflowRecords().size).toBe(records.length - 1);
    expect(t.codeAt(t.slotOf('C1'), 2024)).toBe(gradeCode.competent);
    t.set('C1:2024', extra);
    expect(t.get('C1:2024')).toBe(extra);
    expect(t.codeAt(t.slotOf('C1'), 2024)).toBe(NO_GRADE);
    expect(t.yearRange()).toBeUndefined();
    expect(t.size).toBe(records.length);
    // A record put under another id than its own is kept under the id it was put by.
    const elsewhere = grade('C2', 2025, 'basic');
    t.set('C2:2024', elsewhere);
    expect(t.get('C2:2024')).toBe(elsewhere);
    expect(t.has('C2:2025')).toBe(false);
    expect(new Map(t.entries()).get('C2:2024')).toBe(elsewhere);
    const misnamed = { ...grade('C3', 2025, 'basic'), id: 'C3-2025' };
    t.set('C3:2025', misnamed);
    expect(t.get('C3:2025')).toBe(misnamed);
    expect(t.slotOf('C3')).toBe(NO_SLOT);
  });

  it('round-trips through its canonical columns whatever its history', () => {
    const a = new GradeTable();
    const b = new GradeTable();
    a.set('C2:2025', grade('C2', 2025, 'basic'));
    a.set('C1:2026', grade('C1', 2026, 'ungraded'));
    a.set('C1:2025', grade('C1', 2025, 'excellent'));
    b.set('C1:2025', grade('C1', 2025, 'excellent'));
    b.set('C3:2024', grade('C3', 2024, 'incompetent'));
    b.delete('C3:2024');
    b.set('C1:2026', grade('C1', 2026, 'ungraded'));
    b.set('C2:2025', grade('C2', 2025, 'basic'));
    const c = a.columns();
    expect(c).toEqual({
      cadres: ['C1', 'C2'],
      rows: [
        { year: 2025, codes: Uint8Array.of(gradeCode.excellent, gradeCode.basic) },
        { year: 2026, codes: Uint8Array.of(gradeCode.ungraded, NO_GRADE) },
      ],
    });
    expect(b.columns()).toEqual(c);
    const back = GradeTable.fromColumns(c.cadres, c.rows);
    expect(byKey(back.entries())).toEqual(byKey(a.entries()));
    expect(back.columns()).toEqual(c);
    expect(back.row(2025)!.length).toBeGreaterThanOrEqual(back.slots);
    // The table's rows are its own: changing the form afterwards changes nothing.
    c.rows[0].codes[0] = gradeCode.basic;
    expect(back.get('C1:2025')!.grade).toBe('excellent');
    // And it goes on as any table.
    back.set('C4:2025', grade('C4', 2025, 'competent'));
    back.delete('C1:2026');
    expect(back.size).toBe(3);
    expect(back.yearRange()).toEqual({ min: 2025, max: 2025 });
  });

  it('rejects a malformed column form', () => {
    const ok = Uint8Array.of(1, 2);
    const bad: [string, () => unknown][] = [
      ['unknown code', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: 2025, codes: Uint8Array.of(1, 6) }])],
      ['code 255', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: 2025, codes: Uint8Array.of(255, 0) }])],
      ['duplicate cadre', () => GradeTable.fromColumns(['C1', 'C1'], [{ year: 2025, codes: ok }])],
      ['empty cadre id', () => GradeTable.fromColumns(['C1', ''], [{ year: 2025, codes: ok }])],
      ['short row', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: 2025, codes: Uint8Array.of(1) }])],
      ['long row', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: 2025, codes: Uint8Array.of(1, 2, 3) }])],
      ['not bytes', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: 2025, codes: [1, 2] as unknown as Uint8Array }])],
      ['year below', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: YEAR_FLOOR - 1, codes: ok }])],
      ['year above', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: YEAR_CEILING, codes: ok }])],
      ['float year', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: 2025.5, codes: ok }])],
      ['duplicate year', () => GradeTable.fromColumns(['C1', 'C2'], [{ year: 2025, codes: ok }, { year: 2025, codes: ok }])],
    ];
    for (const [what, f] of bad) expect(f, what).toThrow(/grade columns/);
    expect(GradeTable.fromColumns(['C1', 'C2'], [{ year: YEAR_FLOOR, codes: ok }, { year: YEAR_CEILING - 1, codes: ok }]).size).toBe(4);
  });

  it('holds a New Area (50,000 cadres × 5 years) in five rows', () => {
    const t = new GradeTable();
    for (let y = 2022; y <= 2026; y++) for (let i = 0; i < 50_000; i++) t.set(`C${i}:${y}`, grade(`C${i}`, y, annualGrades[(i + y) % 5]));
    expect(t.size).toBe(250_000);
    expect(t.overflowRecords().size).toBe(0);
    for (let y = YEAR_FLOOR; y < YEAR_CEILING; y++) expect(t.row(y) !== undefined).toBe(y >= 2022 && y <= 2026);
    expect(t.row(2024)!.length).toBe(65_536);
    expect(t.get('C49999:2026')).toEqual(grade('C49999', 2026, annualGrades[(49_999 + 2026) % 5]));
  });

  it('behaves like a Map under any sequence of puts, removes and clears (property)', () => {
    const cadre = fc.constantFrom('C1', 'C2', 'C3', 'XZ01.C4', 'C1:2025', '');
    const year = fc.constantFrom<unknown>(2024, 2025, 2026, minYear, maxYear, YEAR_FLOOR, YEAR_CEILING - 1, YEAR_CEILING, YEAR_FLOOR - 1, 2025.5, '2025', -0);
    const value = fc.constantFrom<unknown>(...annualGrades, ...annualGrades, 'good', 'toString', 3);
    // How the record is spelled: canonical, or what the columns cannot give back.
    const shape = fc.constantFrom('canonical', 'canonical', 'canonical', 'otherId', 'ownIdDiffers', 'extraField', 'keyOrder', 'putElsewhere');
    const op = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), cadre, year, value, shape }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), cadre, year, seen: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const map = new Map<string, AnnualGrade>();
        const t = new GradeTable();
        const seen = new Set<string>();
        const cadres = new Set<string>();
        /** Cadres in the order their first canonical grade arrived since the last clear (slot order). */
        let slotOrder: string[] = [];
        for (const o of ops) {
          const before = t.version;
          if (o.kind === 'put') {
            const id = `${o.cadre}:${o.year}`;
            let key = id;
            let r: Record<string, unknown> = { id, cadreId: o.cadre, year: o.year, grade: o.value };
            if (o.shape === 'otherId') key = (r.id = `${id}#`) as string;
            if (o.shape === 'ownIdDiffers') r.id = `${id}#`;
            if (o.shape === 'extraField') r.note = '';
            if (o.shape === 'keyOrder') r = { cadreId: o.cadre, id, year: o.year, grade: o.value };
            if (o.shape === 'putElsewhere') key = `${o.cadre}:2024`;
            map.set(key, r as AnnualGrade);
            t.set(key, r as AnnualGrade);
            seen.add(key);
            cadres.add(o.cadre);
            if (canonical(key, r) && !slotOrder.includes(o.cadre)) slotOrder.push(o.cadre);
            expect(t.version).toBe(before + 1);
          } else if (o.kind === 'remove') {
            const ids = [...seen];
            const id = ids.length && o.seen % 2 ? ids[o.seen % ids.length] : `${o.cadre}:${o.year}`;
            const removed = map.delete(id);
            expect(t.delete(id)).toBe(removed);
            expect(t.version).toBe(before + (removed ? 1 : 0));
          } else {
            map.clear();
            t.clear();
            slotOrder = [];
            expect(t.version).toBe(before + 1);
          }
          check(t, map, seen, cadres, slotOrder);
        }
        const c = t.columns();
        const back = GradeTable.fromColumns(c.cadres, c.rows);
        for (const [id, r] of t.overflowRecords()) back.set(id, r);
        expect(json(back.entries())).toEqual(json(map.entries()));
        expect(back.columns()).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });
});

/** Everything the table answers, against the plain Map it stands for. */
function check(t: GradeTable, map: Map<string, AnnualGrade>, seen: Set<string>, cadres: Set<string>, slotOrder: string[]): void {
  expect(t.size).toBe(map.size);
  for (const id of seen) {
    expect(t.has(id)).toBe(map.has(id));
    expect(t.get(id)).toEqual(map.get(id));
    expect(JSON.stringify(t.get(id))).toBe(JSON.stringify(map.get(id)));
  }
  const want = json(map.entries());
  const each: [string, AnnualGrade][] = [];
  t.forEach((r, id, m) => {
    expect(m).toBe(t);
    each.push([id, r]);
  });
  expect(json(t.entries())).toEqual(want);
  expect(json(t)).toEqual(want);
  expect(json(each)).toEqual(want);
  const ids = [...t.keys()];
  expect(ids).toEqual([...t.entries()].map(([id]) => id));
  expect([...t.values()]).toEqual([...t.entries()].map(([, r]) => r));
  expect(new Set(ids).size).toBe(ids.length);

  // The columns hold exactly the canonical records, in slot order and years ascending, then the overflow.
  const held = [...map].filter(([id, r]) => canonical(id, r)).map(([, r]) => r);
  const ofCadre = (c: string) => held.filter((r) => r.cadreId === c).sort((a, b) => a.year - b.year);
  expect([...t.values()].slice(0, held.length)).toEqual(slotOrder.flatMap(ofCadre));
  expect(json(t.overflowRecords())).toEqual(json([...map].filter(([id, r]) => !canonical(id, r))));
  for (const c of cadres) {
    const got = t.ofCadre(c);
    const n = ofCadre(c).length;
    expect(got.slice(0, n)).toEqual(ofCadre(c));
    const odd = [...map].filter(([id, r]) => !canonical(id, r) && r.cadreId === c).map(([, r]) => r);
    expect(got.slice(n)).toHaveLength(odd.length);
    expect(new Set(got.slice(n))).toEqual(new Set(odd));
  }

  // The engine's reads agree with get().
  expect(t.slots).toBe(slotOrder.length + 1);
  slotOrder.forEach((c, i) => {
    expect(t.slotOf(c)).toBe(i + 1);
    expect(t.cadreOfSlot(i + 1)).toBe(c);
  });
  for (const c of cadres) if (!slotOrder.includes(c)) expect(t.slotOf(c)).toBe(NO_SLOT);
  const years = held.map((r) => r.year);
  for (const y of [YEAR_FLOOR - 1, YEAR_FLOOR, 2024, 2025, 2026, YEAR_CEILING - 1, YEAR_CEILING]) {
    const row = t.row(y);
    if (!years.includes(y)) expect(row === undefined || row.every((code) => code === NO_GRADE)).toBe(true);
    if (row) expect(row.length).toBeGreaterThanOrEqual(t.slots);
    for (const c of slotOrder) {
      const r = t.get(`${c}:${y}`);
      const code = r && canonical(`${c}:${y}`, r) ? gradeCode[r.grade] : NO_GRADE;
      expect(t.codeAt(t.slotOf(c), y)).toBe(code);
      expect(row?.[t.slotOf(c)] ?? NO_GRADE).toBe(code);
    }
    expect(t.codeAt(NO_SLOT, y)).toBe(NO_GRADE);
    const upTo = years.filter((x) => x <= y);
    expect(t.yearRange(y)).toEqual(upTo.length ? { min: Math.min(...upTo), max: Math.max(...upTo) } : undefined);
  }
  expect(t.yearRange()).toEqual(years.length ? { min: Math.min(...years), max: Math.max(...years) } : undefined);
}
