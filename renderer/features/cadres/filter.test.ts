import { describe, expect, it } from 'vitest';
import type { CadreRow } from '../../../shared/contract';
import { filterCadres, peerGroupsOf } from './filter';

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
