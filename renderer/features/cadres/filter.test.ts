import { describe, expect, it } from 'vitest';
import type { CadreRow } from '../../../shared/contract';
import { CadreIndex, filterCadres, formatSort, parseSort, peerGroupsOf, type CadreFilter } from './filter';

const row = (id: string, name: string, over: Partial<CadreRow> = {}): CadreRow => ({
  id,
  name,
  unitId: 'U1',
  peerGroup: '站所负责人',
  position: '',
  rankLevel: '',
  category: 'civilServant',
  leader: false,
  status: 'inPost',
  office: '',
  ...over,
});

const rows = [
  row('C001', '张伟'),
  row('C002', '张敏', { unitId: 'U2', status: 'probation' }),
  row('C003', '李强', { peerGroup: '村党支部书记', category: 'soe' }),
];

describe('filterCadres', () => {
  it('returns every row without a filter', () => {
    expect(filterCadres(rows, {})).toHaveLength(3);
  });
  it('searches names and numbers, every word must match', () => {
    expect(filterCadres(rows, { q: '张' }).map((c) => c.id)).toEqual(['C001', 'C002']);
    expect(filterCadres(rows, { q: 'c003' }).map((c) => c.id)).toEqual(['C003']);
    expect(filterCadres(rows, { q: '张 C002' }).map((c) => c.id)).toEqual(['C002']);
    expect(filterCadres(rows, { q: '王' })).toEqual([]);
  });
  it('filters by the owning office (the header’s office scope) with the other conditions', () => {
    const held = [row('C001', '张伟', { office: 'XQ' }), row('XZ01.C001', '张敏', { office: 'XZ01' }), row('XZ01.C002', '李强', { office: 'XZ01' })];
    expect(filterCadres(held, { office: 'XZ01' }).map((c) => c.id)).toEqual(['XZ01.C001', 'XZ01.C002']);
    expect(filterCadres(held, { office: 'XZ01', q: '张' }).map((c) => c.id)).toEqual(['XZ01.C001']);
    expect(filterCadres(held, { office: 'XZ02' })).toEqual([]);
    expect([...new CadreIndex(held).filter({}, { key: 'office', desc: true })].map((i) => held[i].office)).toEqual(['XZ01', 'XZ01', 'XQ']);
  });
  it('filters by unit, peer group, category and status together', () => {
    expect(filterCadres(rows, { unit: 'U2' }).map((c) => c.id)).toEqual(['C002']);
    expect(filterCadres(rows, { peerGroup: '村党支部书记' }).map((c) => c.id)).toEqual(['C003']);
    expect(filterCadres(rows, { category: 'soe', unit: 'U1' }).map((c) => c.id)).toEqual(['C003']);
    expect(filterCadres(rows, { status: 'probation', q: '张' }).map((c) => c.id)).toEqual(['C002']);
    expect(filterCadres(rows, { status: 'exited' })).toEqual([]);
  });
  it('lists distinct peer groups', () => {
    expect(peerGroupsOf(rows)).toHaveLength(2);
  });
});

describe('CadreIndex', () => {
  it('matches full-width input as typed with a Chinese input method, and never across name and number', () => {
    expect(filterCadres(rows, { q: 'Ｃ００２' }).map((c) => c.id)).toEqual(['C002']);
    expect(filterCadres(rows, { q: '伟c' })).toEqual([]);
    expect(filterCadres(rows, { q: '  ' })).toHaveLength(3);
  });

  it('an unknown unit or status keeps nothing', () => {
    expect(filterCadres(rows, { unit: 'U9' })).toEqual([]);
    expect(filterCadres(rows, { status: 'nope' })).toEqual([]);
  });

  it('sorts by a column, both ways, ties in list order, filtered or not', () => {
    const index = new CadreIndex(rows);
    const ids = (f: CadreFilter, s?: string) => [...index.filter(f, parseSort(s), (u) => ({ U1: '乙单位', U2: '甲单位' })[u] ?? u)].map((i) => rows[i].id);
    expect(ids({}, 'name')).toEqual(['C003', 'C002', 'C001']); // 李 l, 张敏 zhang min, 张伟 zhang wei
    expect(ids({}, '-id')).toEqual(['C003', 'C002', 'C001']);
    expect(ids({ q: '张' }, '-name')).toEqual(['C001', 'C002']);
    expect(ids({}, 'unit')).toEqual(['C002', 'C001', 'C003']); // 甲 jia before 乙 yi; ties in list order
    expect(ids({}, 'status')).toEqual(['C001', 'C003', 'C002']);
    expect(parseSort('-bogus')).toBeUndefined();
    expect(formatSort(parseSort('-name'))).toBe('-name');
  });

  it('agrees with a plain filter over many generated rows and random filters', () => {
    let seed = 1;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const names = '王李张刘陈杨伟芳娜敏静强';
    const many = Array.from({ length: 5000 }, (_, i) =>
      row(`C${String(i + 1).padStart(5, '0')}`, names[rand(12)] + names[rand(12)] + (rand(2) ? names[rand(12)] : ''), {
        unitId: `U${rand(7)}`,
        peerGroup: `序列${rand(5)}`,
        status: (['inPost', 'probation', 'transitional', 'exited'] as const)[rand(4)],
      }),
    );
    const index = new CadreIndex(many);
    for (let t = 0; t < 200; t++) {
      const f: CadreFilter = {
        q: [rand(3) ? names[rand(12)] : '', rand(3) ? '' : `c0${rand(10)}`].join(' '),
        unit: rand(2) ? `U${rand(8)}` : undefined,
        peerGroup: rand(3) ? undefined : `序列${rand(5)}`,
        status: rand(3) ? undefined : (['inPost', 'exited'] as const)[rand(2)],
      };
      const words = f.q!.toLowerCase().split(/\s+/).filter(Boolean);
      const expected = many.filter(
        (c) =>
          (!f.unit || c.unitId === f.unit) &&
          (!f.peerGroup || c.peerGroup === f.peerGroup) &&
          (!f.status || c.status === f.status) &&
          words.every((w) => c.name.includes(w) || c.id.toLowerCase().includes(w)),
      );
      expect([...index.filter(f)].map((i) => many[i].id), JSON.stringify(f)).toEqual(expected.map((c) => c.id));
    }
  });
});
