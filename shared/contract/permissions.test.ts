import { describe, expect, it } from 'vitest';
import { roles } from '../domain/access';
import { endpointNames } from './index';
import { endpointAccess, permissions, rolePermissions } from './permissions';

describe('the permission table', () => {
  it('lists exactly the contract endpoints (a new endpoint must name its permission here)', () => {
    const listed = Object.keys(endpointAccess).sort();
    const missing = endpointNames.filter((n) => !listed.includes(n));
    const stale = listed.filter((n) => !(endpointNames as string[]).includes(n));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('names only known permissions, and each role holds session and self', () => {
    for (const a of Object.values(endpointAccess)) expect(permissions).toContain(a.permission);
    for (const r of roles) {
      expect(rolePermissions[r]).toEqual(expect.arrayContaining(['session', 'self']));
      for (const p of rolePermissions[r]) expect(permissions).toContain(p);
    }
  });

  it('separates the three duties: the administrator edits no record, the auditor reads only the audit trail', () => {
    expect(rolePermissions.admin).not.toContain('ledger.write');
    expect(rolePermissions.admin).not.toContain('ledger.read');
    expect(rolePermissions.auditor.filter((p) => !['session', 'self'].includes(p)).sort()).toEqual(['audit.read', 'chain.verify']);
    expect(rolePermissions.clerk).not.toContain('meetings.confirm');
    expect(rolePermissions.reviewer).not.toContain('ledger.write');
  });
});
