// Access control end to end through the core, on a real file store: every endpoint for every
// role, the lockout, the author of each event, the key forgotten on lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endpointNames } from '../../../shared/contract';
import { accessOf, permissionFor, rolePermissions } from '../../../shared/contract/permissions';
import { roles, type Role } from '../../../shared/domain/access';
import { FileStore } from '../../store/file-store';
import { initStore } from '../../store/index';
import { openCore, type Core } from '../app';

const PASSWORD = 'correct horse battery';
const dirs: string[] = [];
const cores: Core[] = [];
let savedN: string | undefined;
beforeAll(() => {
  savedN = process.env.LEDGER_TEST_SCRYPT_N;
  process.env.LEDGER_TEST_SCRYPT_N = '1024'; // fast scrypt in tests (production: 2^17)
});
afterAll(() => {
  if (savedN === undefined) delete process.env.LEDGER_TEST_SCRYPT_N;
  else process.env.LEDGER_TEST_SCRYPT_N = savedN;
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'cadre-access-'));
  dirs.push(d);
  return join(d, 'ledger');
}

async function core(dataDir = tempDir(), extra: Partial<Parameters<typeof openCore>[0]> = {}) {
  const c = await openCore({ dataDir, user: 'officer', appVersion: '1.0.0', checkOutput: true, demoEvents: () => [], ...extra });
  cores.push(c);
  return c;
}

/** Turns logins on as the OS user and adds one account per role (all with PASSWORD, changed once). */
async function office(c: Core) {
  expect(await c.call('users.add', { name: 'clerk1', displayName: '李经办', role: 'clerk', password: PASSWORD })).toMatchObject({ ok: true });
  expect(await c.call('session.info', {})).toMatchObject({ ok: true, value: { logins: true, signedIn: true, user: 'officer', mustSetPassword: true } });
  expect(await c.call('session.setPassword', { password: PASSWORD })).toMatchObject({ ok: true, value: { mustSetPassword: false } });
  for (const [name, role] of [['reviewer1', 'reviewer'], ['auditor1', 'auditor']] as const) {
    expect(await c.call('users.add', { name, displayName: name, role, password: PASSWORD })).toMatchObject({ ok: true });
  }
  // Each person replaces the initial password the administrator set (until then nothing else answers).
  for (const name of ['clerk1', 'reviewer1', 'auditor1']) {
    const session = { session: `setup:${name}` };
    expect(await c.call('session.login', { name, password: PASSWORD }, session)).toMatchObject({ ok: true, value: { mustSetPassword: true } });
    expect(await c.call('cadres.list', {}, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await c.call('session.setPassword', { password: PASSWORD }, session)).toMatchObject({ ok: true, value: { mustSetPassword: false } });
    await c.call('session.logout', {}, session);
  }
}

const accountOf: Record<Role, string> = { admin: 'officer', clerk: 'clerk1', reviewer: 'reviewer1', auditor: 'auditor1' };

describe('access through the core', () => {
  it('walks every endpoint for every role: allowed, or refused naming the permission', async () => {
    const c = await core();
    await office(c);
    for (const role of roles) {
      const session = `host:${role}`;
      const login = () => c.call('session.login', { name: accountOf[role], password: PASSWORD }, { session });
      expect(await login()).toMatchObject({ ok: true, value: { signedIn: true, roles: [role] } });
      for (const name of endpointNames) {
        // session.logout and session.lock sign the session out: sign in again before the next.
        const info = (await c.call('session.info', {}, { session })) as { value: { signedIn: boolean } };
        if (!info.value.signedIn) await login();
        const needed = permissionFor(accessOf(name)!, {});
        const allowed = rolePermissions[role].includes(needed) || needed === 'session';
        // An empty input: allowed calls fail validation at most; refused ones never reach it.
        const env = await c.call(name, name === 'session.login' ? { name: 'nobody', password: 'x' } : {}, { session });
        const code = env.ok ? 'ok' : env.error.code;
        if (allowed) expect([name, code]).not.toEqual([name, 'FORBIDDEN']);
        else {
          expect([name, code]).toEqual([name, 'FORBIDDEN']);
          if (!env.ok) expect(env.error.message.en).toContain(needed);
        }
      }
    }
    // Not logged in: only what needs no login.
    for (const name of endpointNames) {
      const env = await c.call(name, {}, { session: 'host:stranger' });
      const needed = permissionFor(accessOf(name)!, {});
      if (needed !== 'session') expect([name, env.ok ? 'ok' : env.error.code]).toEqual([name, 'UNAUTHORIZED']);
    }
  }, 60_000);

  it('lets the clerk enter a clearance only through the reviewer', async () => {
    const c = await core();
    await office(c);
    await c.call('session.login', { name: 'clerk1', password: PASSWORD }, { session: 'host:c' });
    const clearance = { collection: 'clearances', record: { cadreId: 'C1', recordId: 'S1', date: '2024-01-01', note: 'x' } };
    expect(await c.call('records.put', clearance, { session: 'host:c' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await c.call('session.login', { name: 'reviewer1', password: PASSWORD }, { session: 'host:r' });
    const asReviewer = await c.call('records.put', clearance, { session: 'host:r' });
    expect(asReviewer.ok || asReviewer.error.code).not.toBe('FORBIDDEN');
  });

  it('records the logged-in user as the author of each event, never a name given by the caller', async () => {
    const dataDir = tempDir();
    const c = await core(dataDir);
    await office(c);
    await c.call('session.login', { name: 'clerk1', password: PASSWORD }, { session: 'host:c' });
    expect(await c.call('units.create', { name: '党政办' }, { session: 'host:c', user: '县委组织部长' })).toMatchObject({ ok: true });
    const history = await (c.ctx.store as FileStore).history();
    const last = history.at(-1)!;
    expect(last).toMatchObject({ user: 'clerk1', command: 'units.create' });
    expect(history.some((h) => h.user === '县委组织部长')).toBe(false);
  });

  it('locks an account for 15 minutes after five failed logins, and logs the failures and the lockout', async () => {
    let now = new Date(2024, 5, 15, 9, 0, 0);
    const c = await core(tempDir(), { now: () => now });
    await office(c);
    const s = { session: 'host:x' };
    for (let i = 1; i <= 4; i++) {
      expect(await c.call('session.login', { name: 'clerk1', password: 'wrong password!' }, s)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    const fifth = await c.call('session.login', { name: 'clerk1', password: 'wrong password!' }, s);
    expect(fifth).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    if (!fifth.ok) expect(fifth.error.message.zh).toContain('已锁定');
    // Even the right password is refused while locked out.
    expect(await c.call('session.login', { name: 'clerk1', password: PASSWORD }, s)).toMatchObject({ ok: false });
    const rows = (await c.call('audit.list', {})) as { ok: true; value: { rows: { command: string; result: string; user: string }[] } };
    expect(rows.ok).toBe(true);
    const mine = rows.value.rows.filter((r) => r.user === 'clerk1');
    expect(mine.filter((r) => r.command === 'session.login' && r.result === 'failed')).toHaveLength(5);
    expect(mine.filter((r) => r.command === 'session.lockout')).toHaveLength(1);
    expect(mine.filter((r) => r.command === 'session.login' && r.result === 'refused')).toHaveLength(1);
    // The administrator sees the lockout in the list of users.
    const users = (await c.call('users.list', {})) as { ok: true; value: { users: { name: string; lockedUntil?: string }[] } };
    expect(users.value.users.find((u) => u.name === 'clerk1')?.lockedUntil).toBeDefined();
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    expect(await c.call('session.login', { name: 'clerk1', password: PASSWORD }, s)).toMatchObject({ ok: true, value: { signedIn: true } });
  });

  it('counts failed logins across processes (the CLI is a new one every time)', async () => {
    const dataDir = tempDir();
    const a = await core(dataDir);
    await office(a);
    for (let i = 0; i < 3; i++) await a.call('session.login', { name: 'auditor1', password: 'nope nope nope' }, { session: 'host:a' });
    await a.close();
    const b = await core(dataDir);
    for (let i = 0; i < 2; i++) await b.call('session.login', { name: 'auditor1', password: 'nope nope nope' }, { session: 'host:a' });
    expect(await b.call('session.login', { name: 'auditor1', password: PASSWORD }, { session: 'host:a' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('answers the same for an unknown name as for a wrong password', async () => {
    const c = await core();
    await office(c);
    const unknown = await c.call('session.login', { name: 'ghost', password: PASSWORD }, { session: 'host:g' });
    const wrong = await c.call('session.login', { name: 'clerk1', password: 'not the password' }, { session: 'host:g' });
    expect(!unknown.ok && unknown.error).toEqual(!wrong.ok && wrong.error);
  });

  it('never returns a password hash', async () => {
    const c = await core();
    await office(c);
    const listed = JSON.stringify(await c.call('users.list', {}));
    expect(listed).not.toMatch(/verifier|salt|credential/);
    expect(JSON.stringify(await c.call('session.info', {}))).not.toMatch(/verifier|salt/);
  });

  it('keeps the last administrator, and a disabled account cannot log in', async () => {
    const c = await core();
    await office(c);
    expect(await c.call('users.setRole', { name: 'officer', role: 'clerk' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await c.call('users.disable', { name: 'clerk1' })).toMatchObject({ ok: true, value: { disabled: true } });
    expect(await c.call('session.login', { name: 'clerk1', password: PASSWORD }, { session: 'host:c' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('signs a session out on lock; the single-user ledger of a plain store has nothing to lock', async () => {
    const single = await core();
    expect(await single.call('session.lock', {})).toMatchObject({ ok: true, value: { signedIn: true, logins: false } });
    const c = await core();
    await office(c);
    await c.call('session.login', { name: 'clerk1', password: PASSWORD }, { session: 'host:c' });
    expect(await c.call('session.lock', {}, { session: 'host:c' })).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(await c.call('cadres.list', {}, { session: 'host:c' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('an encrypted store forgets its key on lock; each password and the recovery key unwrap it again', async () => {
    const dataDir = tempDir();
    const { recoveryKey } = await initStore(dataDir, { passphrase: 'store passphrase', scryptParams: { N: 1024, r: 8, p: 1 } });
    const c = await core(dataDir, { passphrase: 'store passphrase' });
    await office(c);
    await c.call('session.login', { name: 'clerk1', password: PASSWORD }, { session: 'host:c' });
    expect(await c.call('units.create', { name: '党政办' }, { session: 'host:c' })).toMatchObject({ ok: true });
    expect(c.ctx.store).toBeInstanceOf(FileStore);

    expect(await c.call('session.lock', {}, { session: 'host:c' })).toMatchObject({ ok: true, value: { locked: true, logins: true } });
    expect(c.ctx.store).not.toBeInstanceOf(FileStore); // the key went with the closed store
    expect(await c.call('units.list', {}, { session: 'host:c' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await c.call('session.login', { name: 'clerk1', password: 'wrong password' }, { session: 'host:c' })).toMatchObject({ ok: false });
    expect(await c.call('session.login', { name: 'reviewer1', password: PASSWORD }, { session: 'host:r' })).toMatchObject({ ok: true, value: { locked: false, signedIn: true } });
    expect(await c.call('units.list', {}, { session: 'host:r' })).toMatchObject({ ok: true, value: [{ name: '党政办' }] });
    // The failure while locked reached the journal once the store was unlocked.
    const history = await (c.ctx.store as FileStore).history();
    expect(history.some((h) => h.command === 'session.login' && h.user === 'clerk1' && JSON.stringify(h.events).includes('"failed"'))).toBe(true);

    await c.call('session.lock', {}, { session: 'host:r' });
    expect(await c.call('session.unlock', { passphrase: recoveryKey! })).toMatchObject({ ok: true, value: { locked: false } });
  });
});
