import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory';
import { createTestContext, type SessionControl } from './context';
import { sessionHandlers } from './session';

describe('session handlers', () => {
  it('reports the open ledger, the caller and the host day', async () => {
    const store = new MemoryStore();
    await store.commit([{ type: 'put', collection: 'units', record: { id: 'U1', name: 'x' } }], { user: 'u', command: 'c' });
    const h = sessionHandlers(createTestContext({ store, appVersion: '9.9.9' }));
    expect(await h['session.info']({}, { user: '王芳' })).toEqual({
      revision: 1,
      dataDir: ':memory:',
      demo: false,
      user: '王芳',
      appVersion: '9.9.9',
      encrypted: false,
      locked: false,
      today: '2024-06-15',
      latestScoredMonth: null,
      // Without the core's session control (service tests) the caller is taken as given.
      logins: false,
      signedIn: true,
      displayName: '王芳',
      roles: ['admin', 'clerk', 'reviewer', 'auditor'],
      permissions: expect.arrayContaining(['ledger.read', 'users.manage', 'audit.read']),
      mustSetPassword: false,
      idleLockMinutes: 10,
    });
  });

  it('names the latest month with scores (cleared scores do not count), following new commits', async () => {
    const store = new MemoryStore();
    const h = sessionHandlers(createTestContext({ store }));
    const score = (cadreId: string, month: string) => ({
      type: 'put' as const,
      collection: 'scores' as const,
      record: { id: `${cadreId}:${month}`, cadreId, month, score: 80 },
    });
    await store.commit([score('C1', '2026-10'), score('C2', '2026-11')], { user: 'u', command: 'c' });
    expect((await h['session.info']({}, { user: 'u' })).latestScoredMonth).toBe('2026-11');
    await store.commit(
      [{ type: 'put', collection: 'clearances', record: { id: 'K1', cadreId: 'C2', recordId: 'C2:2026-11', date: '2026-12-01', note: '录入错误', kind: 'clearance' } }],
      { user: 'u', command: 'c' },
    );
    expect((await h['session.info']({}, { user: 'u' })).latestScoredMonth).toBe('2026-10');
  });

  it('refuses the demo switch where the core provides no session control', async () => {
    const h = sessionHandlers(createTestContext());
    await expect(h['session.openDemo']({}, { user: 'u' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('asks the core to unlock only while locked', async () => {
    const calls: string[] = [];
    let locked = true;
    const ctx = createTestContext({
      session: {
        homeDataDir: '/d',
        get locked() {
          return locked;
        },
        encrypted: true,
        unlock: async (p: string) => {
          calls.push(p);
          locked = false;
        },
        openDemo: async () => {},
        leaveDemo: async () => {},
        identify: () => ({ name: 'u', displayName: 'u', roles: ['admin'] }),
        mustSetPassword: () => false,
        idleLockMinutes: 10,
      } as unknown as SessionControl,
    });
    const h = sessionHandlers(ctx);
    expect(await h['session.unlock']({ passphrase: 'pw' }, { user: 'u' })).toMatchObject({ locked: false, encrypted: true });
    await h['session.unlock']({ passphrase: 'again' }, { user: 'u' });
    expect(calls).toEqual(['pw']);
  });
});
