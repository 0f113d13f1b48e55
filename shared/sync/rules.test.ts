import { describe, expect, it } from 'vitest';
import { classifyFeed, gapMessage } from './classify';
import { localizeRecord, qualifyRecord } from './ids';
import { headsOf, mergeVersions, type Version } from './merge';

const v = (id: string, office: string, bases: string[], value: Record<string, unknown> | null): Version => ({ id, office, bases, value });

describe('merge rules', () => {
  const base = v('A/1/1', 'A', [], { id: 'x', position: '副镇长', rank: '副科', note: '' });
  it('one head: its value; a later version supersedes the one it was based on', () => {
    const later = v('B/1/1', 'B', ['A/1/1'], { id: 'x', position: '镇长', rank: '副科', note: '' });
    expect(headsOf([base, later]).map((h) => h.id)).toEqual(['B/1/1']);
    expect(mergeVersions([later, base], 'A')).toMatchObject({ value: later.value, conflictFields: [] });
  });
  it('concurrent edits of different fields merge; of the same field conflict and show the owner’s side', () => {
    const a = v('A/1/2', 'A', ['A/1/1'], { id: 'x', position: '镇长', rank: '副科', note: '' });
    const b = v('B/1/1', 'B', ['A/1/1'], { id: 'x', position: '书记', rank: '正科', note: '' });
    const r = mergeVersions([base, a, b], 'A');
    expect(r.conflictFields).toEqual(['position']);
    expect(r.value).toEqual({ id: 'x', position: '镇长', rank: '正科', note: '' });
    expect(mergeVersions([b, a, base], 'B').value).toMatchObject({ position: '书记' });
    // The same change on both sides is no conflict.
    const c = v('B/1/1', 'B', ['A/1/1'], { id: 'x', position: '镇长', rank: '副科', note: '' });
    expect(mergeVersions([base, a, c], 'A').conflictFields).toEqual([]);
  });
  it('a removal against a concurrent change is a conflict on the whole record; a resolution naming both ends it', () => {
    const removed = v('A/1/2', 'A', ['A/1/1'], null);
    const changed = v('B/1/1', 'B', ['A/1/1'], { id: 'x', position: '书记', rank: '副科', note: '' });
    expect(mergeVersions([base, removed, changed], 'A')).toMatchObject({ value: null, conflictFields: ['*'] });
    const resolved = v('A/1/3', 'A', ['A/1/2', 'B/1/1'], changed.value);
    expect(mergeVersions([base, removed, changed, resolved], 'A')).toMatchObject({ value: changed.value, conflictFields: [] });
  });
  it('does not depend on the order versions arrived in', () => {
    const a = v('A/1/2', 'A', ['A/1/1'], { id: 'x', position: '镇长', rank: '副科', note: 'a' });
    const b = v('B/1/1', 'B', ['A/1/1'], { id: 'x', position: '书记', rank: '正科', note: '' });
    const c = v('C/1/1', 'C', ['B/1/1'], { id: 'x', position: '书记', rank: '正科', note: 'c' });
    const orders = [[base, a, b, c], [c, b, a, base], [b, base, c, a]];
    const results = orders.map((o) => mergeVersions(o, 'A'));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});

describe('feed classification', () => {
  const held = new Map([['F/1/1', 'h1'], ['F/1/2', 'h2']]);
  const e = (seq: number, prevHash: string, hash: string) => ({ id: `F/1/${seq}`, seq, prevHash, hash });
  it('new, already held, gap and fork', () => {
    expect(classifyFeed({ seq: 2, hash: 'h2' }, (id) => held.get(id), [e(1, 'g', 'h1'), e(2, 'h1', 'h2'), e(3, 'h2', 'h3')])).toEqual(['held', 'held', 'new']);
    expect(classifyFeed({ seq: 2, hash: 'h2' }, (id) => held.get(id), [e(4, 'h3', 'h4'), e(5, 'h4', 'h5')])).toEqual(['gap', 'gap']);
    expect(classifyFeed({ seq: 2, hash: 'h2' }, (id) => held.get(id), [e(2, 'h1', 'other'), e(3, 'other', 'h3')])).toEqual(['fork', 'fork']);
    expect(classifyFeed({ seq: 2, hash: 'h2' }, (id) => held.get(id), [e(3, 'not-h2', 'h3')])).toEqual(['fork']);
    expect(classifyFeed(undefined, () => undefined, [e(1, 'g', 'h1')])).toEqual(['new']);
    expect(gapMessage('青山镇', 2, 5).zh).toContain('缺少来自 青山镇 的第 5 号之前的数据包');
  });
});

describe('ids across offices', () => {
  it('qualifies ids, references, subjects, finding keys and peer groups, and takes the own prefix off again', () => {
    const measure = { id: 'M1', subjectType: 'cadre', subjectId: 'C1', memberIds: ['C2'], findingKey: 'rule|cadre:C1|2026-01', note: 'x' };
    const q = qualifyRecord(measure, 'XZ01');
    expect(q).toEqual({ id: 'XZ01.M1', subjectType: 'cadre', subjectId: 'XZ01.C1', memberIds: ['XZ01.C2'], findingKey: 'rule|cadre:XZ01.C1|2026-01', note: 'x' });
    expect(localizeRecord(q, 'XZ01')).toEqual(measure);
    expect(localizeRecord(q, 'XQ')).toEqual(q);
    expect(qualifyRecord({ id: 'XQ.S1', cadreId: 'XZ01.C1' }, 'XQ')).toEqual({ id: 'XQ.S1', cadreId: 'XZ01.C1' });
    expect(qualifyRecord({ id: 'C1', peerGroup: '乡镇班子', unitId: 'U1' }, 'XZ01')).toEqual({ id: 'XZ01.C1', peerGroup: 'XZ01.乡镇班子', unitId: 'XZ01.U1' });
  });
});
