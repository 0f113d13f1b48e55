import { describe, expect, it } from 'vitest';
import { groupBySubject } from './segments';

describe('groupBySubject', () => {
  it('groups stably by subject, sorts each group, leaves out −1', () => {
    const records = [
      { s: 2, v: 5 },
      { s: 0, v: 3 },
      { s: -1, v: 0 },
      { s: 2, v: 1 },
      { s: 0, v: 9 },
    ];
    const g = groupBySubject(new Map(records.map((r, i) => [String(i), r])), 4, (r) => r.s, (a, b) => a.v - b.v);
    expect(g.of(0)?.map((r) => r.v)).toEqual([3, 9]);
    expect(g.of(1)).toBeUndefined();
    expect(g.of(2)?.map((r) => r.v)).toEqual([1, 5]);
    expect(g.count(3)).toBe(0);
    expect(g.items).toHaveLength(4);
    expect(g.of(0)).toBe(g.of(0)); // cached
  });

  it('sorts long groups too', () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ s: 0, v: (i * 7919) % 200 }));
    const g = groupBySubject(new Map(records.map((r, i) => [String(i), r])), 1, (r) => r.s, (a, b) => a.v - b.v);
    expect(g.of(0)?.map((r) => r.v)).toEqual([...Array(200).keys()]);
  });
});
