import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import { lastDayOf } from '../engine/calendar';
import { collectionSchemas, type CollectionName } from '../ledger/collections';
import { checkReferences, lookupIn } from '../ledger/references';
import { generateTownship, townshipState } from './township';

const data = generateTownship({ endMonth: '2026-05' });
const state = townshipState(data);

describe('generateTownship', () => {
  it('is deterministic for the same options and differs by seed', () => {
    expect(JSON.stringify(generateTownship({ endMonth: '2026-05' }))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateTownship({ endMonth: '2026-05', seed: 2 }))).not.toBe(JSON.stringify(data));
  });

  it('every record is valid against its schema and refers only to existing records', () => {
    const problems: string[] = [];
    const exists = lookupIn(state);
    for (const [collection, records] of Object.entries(data) as Array<[CollectionName, Array<{ id: string }>]>) {
      const ids = new Set<string>();
      for (const record of records) {
        const parsed = collectionSchemas[collection].safeParse(record);
        if (!parsed.success) problems.push(`${collection} ${record.id}: ${parsed.error.message}`);
        for (const e of checkReferences(collection, record as never, exists)) problems.push(`${collection} ${record.id}: ${e.message.en}`);
        if (ids.has(record.id)) problems.push(`${collection}: duplicate id ${record.id}`);
        ids.add(record.id);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has 300 cadres in several peer groups, realistic Chinese names and township units', () => {
    expect(data.cadres).toHaveLength(300);
    expect(new Set(data.cadres.map((c) => c.peerGroup)).size).toBeGreaterThanOrEqual(5);
    expect(data.units.map((u) => u.name)).toEqual(expect.arrayContaining(['中川镇党政办', '中川镇经济发展办', '中川镇社会事务办']));
    expect(data.units.some((u) => /村$/.test(u.name))).toBe(true);
    for (const c of data.cadres) expect(c.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
  });

  it('has 24 months of scores with ties and gaps, nothing after endMonth', () => {
    const months = new Set(data.scores.map((s) => s.month));
    expect(months.size).toBe(24);
    expect([...months].sort()[23]).toBe('2026-05');
    const byGroupMonth = new Map<string, number[]>();
    const group = new Map(data.cadres.map((c) => [c.id, c.peerGroup]));
    for (const s of data.scores) {
      const key = `${group.get(s.cadreId)}|${s.month}`;
      byGroupMonth.set(key, [...(byGroupMonth.get(key) ?? []), s.score]);
    }
    const ties = [...byGroupMonth.values()].some((scores) => new Set(scores).size < scores.length);
    expect(ties).toBe(true);
    const perCadre = new Map<string, number>();
    for (const s of data.scores) perCadre.set(s.cadreId, (perCadre.get(s.cadreId) ?? 0) + 1);
    expect([...perCadre.values()].some((n) => n < 24)).toBe(true);
  });

  it('has the record kinds a ledger holds, all dated by the end of endMonth', () => {
    const kinds = new Set(data.measures.map((m) => m.kind));
    for (const k of ['reminderTalk', 'probation', 'transitionalPlacement', 'salaryRaise', 'commendation'] as const) expect(kinds.has(k), k).toBe(true);
    expect(data.measures.some((m) => m.subjectType === 'unit')).toBe(true);
    expect(data.sanctions.length).toBeGreaterThan(0);
    expect(data.faults.length).toBeGreaterThan(0);
    expect(data.rehabPlans.length).toBeGreaterThan(0);
    expect(data.checkIns.length).toBeGreaterThan(0);
    expect(data.clearances.length).toBeGreaterThan(0);
    expect(new Set(data.grades.map((g) => g.grade)).size).toBeGreaterThanOrEqual(4);
    const end = lastDayOf('2026-05');
    for (const s of data.sanctions) expect(s.decidedOn <= end).toBe(true);
    for (const m of data.measures) expect(m.startsOn <= end).toBe(true);
    for (const f of data.faults) expect(f.date <= end).toBe(true);
    for (const c of data.checkIns) expect(c.date <= end).toBe(true);
    for (const c of data.clearances) expect(c.date <= end).toBe(true);
  });

  it('gives the engine something to say', () => {
    const rules = new Set([...evaluate(state, '2026-05'), ...evaluate(state, '2025-12')].map((f) => f.rule));
    expect(rules.size).toBeGreaterThanOrEqual(12);
  });

  it('scales: more cadres make more townships with the same shape', () => {
    const big = generateTownship({ cadres: 1000, endMonth: '2026-12', months: 36, seed: 7 });
    expect(big.cadres).toHaveLength(1000);
    expect(new Set(big.units.map((u) => u.id)).size).toBe(big.units.length);
    expect(new Set(big.scores.map((s) => s.month)).size).toBe(36);
    expect(new Set(big.cadres.map((c) => c.id)).size).toBe(1000);
  });

  it('rejects bad options clearly', () => {
    expect(() => generateTownship({ endMonth: '2026-13' })).toThrow(/endMonth/);
    expect(() => generateTownship({ endMonth: '2026-05', cadres: 0 })).toThrow(/cadres/);
  });
});
