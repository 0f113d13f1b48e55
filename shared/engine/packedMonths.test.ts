// Packed months of rank evidence (packedMonths.ts) read back exactly as the objects they replace,
// through every way a finding is read: JSON, structured cloning (IPC), spreading, the explanation.
import { describe, expect, it } from 'vitest';
import { monthIndex } from './calendar';
import { rankList } from './explain';
import { LedgerIndex } from './ledgerIndex';
import { MonthsPool } from './packedMonths';
import { cadreMonths, cadreSubject, createContext, evidenceCitesMonth, makeFinding, packedCadreMonths, packedUnitMonths, unitMonths } from './rule';
import { LedgerBuilder } from './testkit';
import type { RankEvidence } from '../domain/findings';

function context() {
  const b = new LedgerBuilder();
  for (let i = 1; i <= 7; i++) b.cadre(`C${i}`, { unitId: `U${(i % 3) + 1}` });
  const months = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];
  months.forEach((m, k) => {
    for (let i = 1; i <= 7; i++) if (!(i === 2 && k === 3)) b.score(`C${i}`, m, i === 5 ? 61.005 : 50 + ((i * 13 + k * 7) % 40));
  });
  const index = new LedgerIndex(b.state, { asOf: '2025-12' });
  index.rankAll();
  return createContext(index, monthIndex('2025-12'), index.cadres.map((_, i) => i), index.units.map((_, i) => i), () => {});
}

const explainRanks = (f: { months: readonly RankEvidence[] }) => rankList(f.months);

describe('packed months', () => {
  it('unpack to the months cadreMonths and unitMonths give (a month without a score left out)', () => {
    const ctx = context();
    const from = monthIndex('2025-06'); // before the first scored month
    for (let c = 0; c < 7; c++) expect(packedCadreMonths(ctx, c, from, ctx.month).unpack()).toEqual(cadreMonths(ctx, c, from, ctx.month));
    for (let u = 0; u < 3; u++) expect(packedUnitMonths(ctx, u, from, ctx.month).unpack()).toEqual(unitMonths(ctx, u, from, ctx.month));
    expect(packedCadreMonths(ctx, 1, from, ctx.month).length).toBe(5);
  });

  it('keep every run intact when a pool moves to a new block', () => {
    const pool = new MonthsPool();
    const runs = [];
    for (let r = 0; r < 3000; r++) {
      pool.begin(3);
      for (let k = 0; k < 3; k++) pool.push(24_300 + r + k, r + k / 4, k + 1, 10, (k % 3) + 1);
      runs.push(pool.end());
    }
    expect(runs[0].unpack()[2]).toEqual({ month: monthIndexName(24_302), score: 0.5, rank: 3, n: 10, third: 'bottom' });
    expect(runs[2999].unpack().map((e) => e.score)).toEqual([2999, 2999.25, 2999.5]);
    expect(runs.every((run, r) => run.unpack()[0].rank === 1 && run.unpack()[0].score === r)).toBe(true);
  });

  it('read in a finding exactly as months given as objects: JSON, structured clone, spread, explanation', () => {
    const ctx = context();
    const c = 4;
    const from = monthIndex('2025-08');
    const make = (months: ReturnType<typeof packedCadreMonths> | RankEvidence[]) =>
      makeFinding(ctx, 'raise.top-third-streak', cadreSubject(ctx, c), '2025-08', { kind: 'salaryRaise', params: { streakMonths: 5 } }, { months, recordIds: [], extra: 1 }, explainRanks, { months });
    const plain = make(cadreMonths(ctx, c, from, ctx.month));
    const packed = make(packedCadreMonths(ctx, c, from, ctx.month));
    expect(JSON.stringify(packed)).toBe(JSON.stringify(plain));
    expect(structuredClone(packed)).toEqual(structuredClone(plain));
    expect({ ...packed.evidence }).toEqual({ ...plain.evidence });
    expect(Object.keys(packed.evidence)).toEqual(['months', 'recordIds', 'extra']);
    expect(packed.evidence.months).toBe(packed.evidence.months); // made once
    expect(packed.explanation).toEqual(plain.explanation);
    // Which months a finding cites (incremental updates ask), packed or not, before and after a read.
    const fresh = make(packedCadreMonths(ctx, c, from, ctx.month));
    for (const m of ['2025-07', '2025-08', '2025-10', '2025-12', '2026-01']) {
      expect(evidenceCitesMonth(fresh.evidence, m)).toBe(evidenceCitesMonth(plain.evidence, m));
    }
    expect(evidenceCitesMonth(fresh.evidence, '2025-08')).toBe(true);
    expect(evidenceCitesMonth(fresh.evidence, '2025-07')).toBe(false);
    // Correctable like any property (a caller replacing the months).
    (packed.evidence as { months: RankEvidence[] }).months = [];
    expect(packed.evidence.months).toEqual([]);
    expect(evidenceCitesMonth(packed.evidence, '2025-08')).toBe(false);
  });
});

function monthIndexName(m: number): string {
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}
