import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonthlyScore } from '../../domain/records';
import { NO_SCORE, ScoreTable } from './scoreTable';

const score = (cadreId: string, month: string, s: number): MonthlyScore => ({ id: `${cadreId}:${month}`, cadreId, month, score: s });
const sorted = (xs: Iterable<[string, unknown]>) => [...xs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('ScoreTable', () => {
  it('answers like a Map and keeps scores as hundredths columns', () => {
    const t = new ScoreTable();
    t.set('C1:2025-01', score('C1', '2025-01', 90.5));
    t.set('C2:2025-01', score('C2', '2025-01', 80));
    t.set('C1:2025-03', score('C1', '2025-03', 70.25));
    expect(t.size).toBe(3);
    expect(t.get('C1:2025-01')).toEqual(score('C1', '2025-01', 90.5));
    expect(JSON.stringify(t.get('C1:2025-03'))).toBe(JSON.stringify(score('C1', '2025-03', 70.25)));
    expect(t.has('C2:2025-01')).toBe(true);
    expect(t.has('C2:2025-02')).toBe(false);
    expect(t.get('nope')).toBeUndefined();
    expect([...t.keys()]).toEqual(['C1:2025-01', 'C1:2025-03', 'C2:2025-01']);
    expect(t.row16(2025 * 12)![t.slotOf('C1')]).toBe(9050);
    expect(t.row16(2025 * 12 + 1)).toBeUndefined();
    expect(t.monthRange()).toEqual({ min: 2025 * 12, max: 2025 * 12 + 2 });
    expect(t.delete('C1:2025-01')).toBe(true);
    expect(t.delete('C1:2025-01')).toBe(false);
    expect(t.row16(2025 * 12)![t.slotOf('C1')]).toBe(NO_SCORE);
    expect(t.size).toBe(2);
    expect(t.ofCadre('C1')).toEqual([score('C1', '2025-03', 70.25)]);
    expect(t.latestMonth()).toBe('2025-03');
  });

  it('turns a month into floats for a score that is not a hundredth', () => {
    const t = new ScoreTable();
    t.set('C1:2025-01', score('C1', '2025-01', 90));
    t.set('C2:2025-01', score('C2', '2025-01', 1 / 3));
    expect(t.row16(2025 * 12)).toBeUndefined();
    expect(t.row64(2025 * 12)![t.slotOf('C2')]).toBe(1 / 3);
    expect(t.get('C1:2025-01')!.score).toBe(90);
    expect(t.get('C2:2025-01')!.score).toBe(1 / 3);
  });

  it('lends its rows: a reader keeps its view, the next write copies the row', () => {
    const t = new ScoreTable();
    t.set('C1:2025-01', score('C1', '2025-01', 90));
    const lent = t.row16(2025 * 12)!;
    t.set('C1:2025-01', score('C1', '2025-01', 70));
    t.set('C2:2025-01', score('C2', '2025-01', 60));
    t.delete('C1:2025-01');
    expect(lent[t.slotOf('C1')]).toBe(9000);
    expect(t.get('C1:2025-01')).toBeUndefined();
    expect(t.get('C2:2025-01')!.score).toBe(60);
    const again = t.row16(2025 * 12)!;
    expect(again).not.toBe(lent);
    expect(again[t.slotOf('C2')]).toBe(6000);
  });

  it('keeps what the columns cannot reproduce as the object it is', () => {
    const t = new ScoreTable();
    const odd = { id: 'X1', cadreId: 'C1', month: '2025-01', score: 90 };
    const extra = { ...score('C1', '2025-02', 80), note: 'n' } as MonthlyScore;
    const reordered = { cadreId: 'C1', id: 'C1:2025-03', month: '2025-03', score: 70 };
    const bad = { id: 'C1:2025-04', cadreId: 'C1', month: '2025-04', score: 'x' } as unknown as MonthlyScore;
    for (const r of [odd, extra, reordered, bad]) t.set(r.id, r);
    expect(t.size).toBe(4);
    expect(t.get('X1')).toBe(odd);
    expect(t.get('C1:2025-02')).toBe(extra);
    expect(t.get('C1:2025-03')).toBe(reordered);
    expect(t.get('C1:2025-04')).toBe(bad);
    expect(t.countIn(2025 * 12)).toBe(0);
    // A canonical record replaces the overflow one of the same id, and back.
    t.set('C1:2025-02', score('C1', '2025-02', 81));
    expect(t.get('C1:2025-02')).toEqual(score('C1', '2025-02', 81));
    expect(t.overflowRecords().size).toBe(3);
    t.set('C1:2025-02', extra);
    expect(t.get('C1:2025-02')).toBe(extra);
    expect(t.countIn(2025 * 12 + 1)).toBe(0);
    expect(t.size).toBe(4);
  });

  it('round-trips through its canonical columns whatever its history', () => {
    const a = new ScoreTable();
    const b = new ScoreTable();
    a.set('C2:2025-01', score('C2', '2025-01', 50));
    a.set('C1:2025-02', score('C1', '2025-02', 1 / 7));
    a.set('C1:2025-01', score('C1', '2025-01', 60));
    b.set('C1:2025-01', score('C1', '2025-01', 60));
    b.set('C3:2025-01', score('C3', '2025-01', 10));
    b.delete('C3:2025-01');
    b.set('C1:2025-02', score('C1', '2025-02', 1 / 7));
    b.set('C2:2025-01', score('C2', '2025-01', 50));
    expect(b.columns()).toEqual(a.columns());
    const c = a.columns();
    const back = ScoreTable.fromColumns(c.cadres, c.rows);
    expect(sorted(back.entries())).toEqual(sorted(a.entries()));
    expect(back.columns()).toEqual(c);
  });

  it('behaves like a Map under any sequence of puts and removes (property)', () => {
    const cadre = fc.constantFrom('C1', 'C2', 'C3', 'XZ01.C4');
    const month = fc.constantFrom('2024-12', '2025-01', '2025-02', '1900-01', '2199-12', '2200-01', '2025-13');
    const value = fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100), fc.double({ min: 0, max: 100, noNaN: true }));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), cadre, month, value, oddId: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), cadre, month }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const map = new Map<string, MonthlyScore>();
        const t = new ScoreTable();
        for (const o of ops) {
          const id = `${o.cadre}:${o.month}`;
          if (o.kind === 'put') {
            const r = o.oddId ? { id: `${id}#`, cadreId: o.cadre, month: o.month, score: o.value } : score(o.cadre, o.month, o.value);
            map.set(r.id, r);
            t.set(r.id, r);
          } else {
            expect(t.delete(id)).toBe(map.delete(id));
          }
        }
        expect(t.size).toBe(map.size);
        expect(sorted(t.entries())).toEqual(sorted(map.entries()));
        for (const id of map.keys()) expect(t.has(id)).toBe(true);
        const c = t.columns();
        const back = ScoreTable.fromColumns(c.cadres, c.rows);
        for (const r of t.overflowRecords().values()) back.set(r.id, r);
        expect(sorted(back.entries())).toEqual(sorted(map.entries()));
      }),
      { numRuns: 300 },
    );
  });
});
