// The New Area's view of a ledger: owners, offices, policy timelines, partitions.
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default';
import type { PolicyVersion } from '../policy/schema';
import {
  areaOfficesOf,
  holdsOneOffice,
  officesOf,
  ownerOf,
  partitionLedger,
  policyTimelineOf,
  selfOfficeOf,
  withPoliciesOf,
} from './officeScope';
import { LedgerBuilder } from './testing';

const version = (id: string, effectiveFrom: string, v = '2'): PolicyVersion => ({ ...defaultPolicy, id, version: v, effectiveFrom });

/** The New Area (XQ, the root: no certificate) holding its own cadre and two townships'. */
function newArea() {
  const b = new LedgerBuilder()
    .add('syncMeta', { id: 'identity', data: { code: 'XQ', name: '新区党工委办公室' } })
    .add('syncMeta', { id: 'trust/XZ01', data: { code: 'XZ01', name: '青山镇', anchor: false } })
    .add('syncMeta', { id: 'trust/XZ02', data: { code: 'XZ02', name: '绿水镇', anchor: false } })
    .unit('U1', '新区直属')
    .unit('XZ01.U0001', '青山镇党政办')
    .unit('XZ02.U0001', '绿水镇党政办')
    .cadre('C1')
    .cadre('XZ01.C00001', { unitId: 'XZ01.U0001', peerGroup: 'XZ01.乡镇干部' })
    .cadre('XZ01.C00002', { unitId: 'XZ01.U0001', peerGroup: 'XZ01.乡镇干部' })
    .cadre('XZ02.C00001', { unitId: 'XZ02.U0001', peerGroup: 'XZ02.乡镇干部' });
  return b;
}

describe('owners and offices', () => {
  it('a cadre belongs to the office its id comes from, unless a transfer names another', () => {
    const b = newArea();
    expect(ownerOf(b.state, 'cadres', 'C1')).toBe('XQ');
    expect(ownerOf(b.state, 'cadres', 'XZ01.C00002')).toBe('XZ01');
    b.add('owners', { id: 'XZ01.C00002', collection: 'cadres', office: 'XZ02', history: [{ from: 'XZ01', to: 'XZ02', on: '2026-05-01', by: 'x', note: '' }] });
    expect(ownerOf(b.state, 'cadres', 'XZ01.C00002')).toBe('XZ02');
    // An owners record of a cadre says nothing about a unit of the same id.
    expect(ownerOf(b.state, 'units', 'XZ01.C00002')).toBe('XZ01');
  });

  it('lists every office holding cadres or units, this office first, with names from trust records', () => {
    const b = newArea();
    expect(selfOfficeOf(b.state)).toEqual({ code: 'XQ', name: '新区党工委办公室' });
    expect(officesOf(b.state)).toEqual([
      { code: 'XQ', name: '新区党工委办公室', self: true, cadres: 1, units: 1 },
      { code: 'XZ01', name: '青山镇', self: false, cadres: 2, units: 1 },
      { code: 'XZ02', name: '绿水镇', self: false, cadres: 1, units: 1 },
    ]);
  });

  it('a ledger without an identity is one office, coded ""', () => {
    const b = new LedgerBuilder().unit('U1').cadre('C1');
    expect(selfOfficeOf(b.state)).toBeNull();
    expect(holdsOneOffice(b.state)).toBe(true);
    expect(officesOf(b.state)).toEqual([{ code: '', name: '', self: true, cadres: 1, units: 1 }]);
    const parts = partitionLedger(b.state);
    expect([...parts.keys()]).toEqual(['']);
    expect(parts.get('')).toBe(b.state);
  });
});

describe('policy timeline', () => {
  it("at the New Area: a township's own versions and the New Area's, never another township's", () => {
    const b = newArea()
      .add('policies', version('P1', '2026-01'))
      .add('policies', version('XZ01.P1', '2026-06', '3'))
      .add('policies', version('XZ02.P1', '2026-03', '5'));
    expect(areaOfficesOf(b.state)).toEqual(new Set(['XQ']));
    expect(policyTimelineOf(b.state, 'XZ01').map((p) => p.id)).toEqual(['P1', 'XZ01.P1']);
    expect(policyTimelineOf(b.state, 'XZ02').map((p) => p.id)).toEqual(['P1', 'XZ02.P1']);
    expect(policyTimelineOf(b.state, 'XQ').map((p) => p.id)).toEqual(['P1']);
    // A later New Area version replaces the township's own from its month on.
    b.add('policies', version('P2', '2026-09', '4'));
    expect(policyTimelineOf(b.state, 'XZ01').map((p) => p.id)).toEqual(['P1', 'XZ01.P1', 'P2']);
    // A view about one cadre reads its township's timeline.
    expect([...withPoliciesOf(b.state, { type: 'cadre', id: 'XZ02.C00001' }).policies.keys()].sort()).toEqual(['P1', 'P2', 'XZ02.P1']);
    expect([...withPoliciesOf(b.state, { type: 'unit', id: 'U1' }).policies.keys()].sort()).toEqual(['P1', 'P2']);
  });

  it('at a township: its own versions and those of the anchor it trusts (the New Area)', () => {
    const b = new LedgerBuilder()
      .add('syncMeta', { id: 'identity', data: { code: 'XZ01', name: '青山镇' } })
      .add('syncMeta', { id: 'certificate', data: { issuer: 'XQ' } })
      .add('syncMeta', { id: 'trust/XQ', data: { code: 'XQ', name: '新区', anchor: true } })
      .add('policies', version('XQ.P1', '2026-01'))
      .add('policies', version('P1', '2026-06', '3'))
      .unit('U0001')
      .cadre('C00001', { unitId: 'U0001' });
    expect(areaOfficesOf(b.state)).toEqual(new Set(['XQ']));
    expect(policyTimelineOf(b.state, 'XZ01').map((p) => p.id)).toEqual(['XQ.P1', 'P1']);
    // One office holding only its own and the New Area's versions: the state itself.
    expect(partitionLedger(b.state).get('XZ01')).toBe(b.state);
    expect(withPoliciesOf(b.state, { type: 'cadre', id: 'C00001' })).toBe(b.state);
  });
});

describe('partitions', () => {
  it("split the cadres and units by owner, share every other collection, and carry each office's timeline", () => {
    const b = newArea()
      .add('policies', version('P1', '2026-01'))
      .add('policies', version('XZ02.P1', '2026-03', '5'))
      .score('XZ01.C00001', '2026-01', 80)
      .sanction('XZ01.S000001', { cadreId: 'XZ01.C00001', kind: 'admin.warning', decidedOn: '2026-01-05' });
    const parts = partitionLedger(b.state);
    expect([...parts.keys()]).toEqual(['XQ', 'XZ01', 'XZ02']);
    const xz01 = parts.get('XZ01')!;
    expect([...xz01.cadres.keys()]).toEqual(['XZ01.C00001', 'XZ01.C00002']);
    expect([...xz01.units.keys()]).toEqual(['XZ01.U0001']);
    expect(xz01.sanctions).toBe(b.state.sanctions);
    expect(xz01.scores).toBe(b.state.scores);
    expect([...xz01.policies.keys()]).toEqual(['P1']);
    expect([...parts.get('XZ02')!.policies.keys()]).toEqual(['P1', 'XZ02.P1']);
    expect([...parts.get('XQ')!.cadres.keys()]).toEqual(['C1']);
  });

  it('a transferred cadre goes with its new owner', () => {
    const b = newArea().add('owners', { id: 'XZ01.C00002', collection: 'cadres', office: 'XZ02', history: [] });
    const parts = partitionLedger(b.state);
    expect([...parts.get('XZ01')!.cadres.keys()]).toEqual(['XZ01.C00001']);
    expect([...parts.get('XZ02')!.cadres.keys()]).toEqual(['XZ01.C00002', 'XZ02.C00001']);
  });

  it('a township holding a cadre transferred to it from another township is several offices', () => {
    const b = new LedgerBuilder()
      .add('syncMeta', { id: 'identity', data: { code: 'XZ01', name: '青山镇' } })
      .cadre('C00001')
      .cadre('XZ02.C00009');
    expect(holdsOneOffice(b.state)).toBe(false);
    b.add('owners', { id: 'XZ02.C00009', collection: 'cadres', office: 'XZ01', history: [] });
    expect(holdsOneOffice(b.state)).toBe(true);
  });
});
