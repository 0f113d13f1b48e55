import { beforeEach, describe, expect, it } from 'vitest';
import type { OfficeScopes } from '../../shared/contract/sync';
import type { UnitRow } from '../../shared/contract/registry';
import { ALL_OFFICES, defaultScope, officeScopeOf, scopeValue, unitOptionsOf, useOfficeScopeStore } from './officeScope';

const office = (code: string, name: string, cadres: number, self = false) => ({ code, name, self, cadres, units: cadres ? 1 : 0 });
const newArea: OfficeScopes = {
  self: { code: 'XQ', name: '新区党工委办公室' },
  offices: [office('XQ', '新区党工委办公室', 12, true), office('XZ01', '青山镇', 312), office('XZ02', '白水镇', 280)],
};
const township: OfficeScopes = {
  self: { code: 'XZ01', name: '青山镇' },
  offices: [office('XZ01', '青山镇', 312, true), office('XQ', '新区党工委办公室', 12)],
};

describe('the office scope', () => {
  beforeEach(() => {
    sessionStorage.clear();
    useOfficeScopeStore.setState({ scopes: null, ready: false, chosen: null });
  });

  it('opens on every office at the New Area, and on its own office at a township holding a few of the New Area’s cadres', () => {
    expect(defaultScope(newArea)).toBe(ALL_OFFICES);
    expect(defaultScope(township)).toBe('XZ01');
    // A tie, or no identity: every office (nothing is hidden when in doubt).
    expect(defaultScope({ self: { code: 'XQ', name: 'XQ' }, offices: [office('XQ', 'XQ', 1, true), office('XZ01', '青山镇', 1)] })).toBe(ALL_OFFICES);
    expect(defaultScope({ self: null, offices: [office('XZ01', '青山镇', 3), office('XZ02', '白水镇', 4)] })).toBe(ALL_OFFICES);
  });

  it('keeps the officer’s choice while the ledger holds that office, else falls back to the default', () => {
    expect(scopeValue(newArea, 'XZ02')).toBe('XZ02');
    expect(scopeValue(newArea, ALL_OFFICES)).toBe(ALL_OFFICES);
    expect(scopeValue(newArea, 'XZ09')).toBe(ALL_OFFICES);
    expect(scopeValue(township, ALL_OFFICES)).toBe(ALL_OFFICES);
    expect(scopeValue(township, null)).toBe('XZ01');
  });

  it('passes no office with one office or every office, and the chosen code otherwise', () => {
    const one: OfficeScopes = { self: { code: 'XZ01', name: '青山镇' }, offices: [office('XZ01', '青山镇', 3, true)] };
    expect(officeScopeOf(one, true, 'XZ01')).toMatchObject({ office: undefined, several: false, entry: null });
    expect(officeScopeOf(newArea, true, null)).toMatchObject({ office: undefined, several: true, entry: null });
    expect(officeScopeOf(newArea, true, 'XZ01')).toMatchObject({ office: 'XZ01', entry: { name: '青山镇', cadres: 312 } });
    expect(officeScopeOf(newArea, true, 'XZ01').nameOf('XZ02')).toBe('白水镇');
    expect(officeScopeOf(null, false, 'XZ01')).toMatchObject({ ready: false, office: undefined });
  });

  it('keeps the choice for the session', () => {
    useOfficeScopeStore.getState().choose('XZ02');
    expect(sessionStorage.getItem('cadre-ledger.office')).toBe('XZ02');
    useOfficeScopeStore.getState().setScopes(newArea);
    const s = useOfficeScopeStore.getState();
    expect(officeScopeOf(s.scopes, s.ready, s.chosen)).toMatchObject({ ready: true, office: 'XZ02' });
  });

  it('offers the scope’s units in the unit filters, grouped by township when every office is shown', () => {
    const unit = (id: string, name: string, officeCode: string): UnitRow => ({ id, name, office: officeCode, cadreCount: 1 }) as UnitRow;
    const units = [unit('XZ01.U001', '党政办', 'XZ01'), unit('XZ02.U001', '党政办', 'XZ02'), unit('U001', '组织部', 'XQ')];
    expect(unitOptionsOf(units, officeScopeOf(newArea, true, 'XZ02'))).toEqual([{ value: 'XZ02.U001', label: '党政办' }]);
    expect(unitOptionsOf(units, officeScopeOf(newArea, true, null))).toEqual([
      { label: '新区党工委办公室', title: '新区党工委办公室', options: [{ value: 'U001', label: '组织部' }] },
      { label: '青山镇', title: '青山镇', options: [{ value: 'XZ01.U001', label: '党政办' }] },
      { label: '白水镇', title: '白水镇', options: [{ value: 'XZ02.U001', label: '党政办' }] },
    ]);
    expect(unitOptionsOf(units, officeScopeOf(null, true, null))).toHaveLength(3);
  });
});
