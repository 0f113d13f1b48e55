import { describe, expect, it } from 'vitest';
import { demoTownshipEvents, monthBefore, townshipToEvents } from './demo';

describe('demo township', () => {
  it('ends its scores the month before today', () => {
    expect(monthBefore(new Date(2024, 0, 10))).toBe('2023-12');
    expect(monthBefore(new Date(2024, 5, 15))).toBe('2024-05');
  });

  it('turns generated records into validated put events, ignoring unknown collections', () => {
    const events = townshipToEvents({
      units: [{ id: 'U1', name: '示范镇党政办' }],
      cadres: [{ id: 'C1', name: '张三', unitId: 'U1', peerGroup: 'g', category: 'soe' }],
      notACollection: [{}],
    });
    expect(events).toEqual([
      { type: 'put', collection: 'units', record: { id: 'U1', name: '示范镇党政办' } },
      {
        type: 'put',
        collection: 'cadres',
        record: { id: 'C1', name: '张三', unitId: 'U1', peerGroup: 'g', category: 'soe', position: '', rankLevel: '', leader: false },
      },
    ]);
    expect(() => townshipToEvents({ units: [{ id: 'U1' }] })).toThrow();
  });

  it('asks the generator for 24 months ending last month', async () => {
    let asked: unknown;
    await demoTownshipEvents(new Date(2024, 5, 15), (o) => {
      asked = o;
      return {};
    });
    expect(asked).toEqual({ cadres: 300, endMonth: '2024-05', months: 24, seed: 1 });
  });
});

describe('demo township with the real generator', () => {
  it('gives a whole township of valid records', async () => {
    const events = await demoTownshipEvents(new Date(2024, 5, 15));
    const count = (c: string) => events.filter((e) => e.collection === c).length;
    expect(count('units')).toBeGreaterThan(1);
    expect(count('cadres')).toBe(300);
    expect(count('scores')).toBeGreaterThan(300 * 12);
  });
});
