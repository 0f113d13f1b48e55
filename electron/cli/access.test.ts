// The CLI runs as a user: init --admin, --user with LEDGER_PASSWORD, users add/list/disable/reset,
// permissions per command, the lockout across runs, head, and verify listing restores.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './testing';

let dir: string;
let data: string;
let savedN: string | undefined;
beforeAll(() => {
  savedN = process.env.LEDGER_TEST_SCRYPT_N;
  process.env.LEDGER_TEST_SCRYPT_N = '1024';
});
afterAll(() => {
  if (savedN === undefined) delete process.env.LEDGER_TEST_SCRYPT_N;
  else process.env.LEDGER_TEST_SCRYPT_N = savedN;
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-cli-access-'));
  data = join(dir, 'ledger');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ADMIN_PW = 'admin password 1';
const CLERK_PW = 'clerk password 1';
const io = { osUser: 'officer' };
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
// The environment of a run as `user` (its name goes in --user).
const as = (_user: string, password: string) => ({ LEDGER_PASSWORD: password });

async function office() {
  expect((await cli(['--data', data, 'init', '--admin', 'zhang'], { LEDGER_PASSWORD: ADMIN_PW }, io)).code).toBe(0);
  const add = (name: string, role: string) =>
    cli(['--data', data, '--user', 'zhang', 'users', 'add', name, '--role', role], { LEDGER_PASSWORD: ADMIN_PW, LEDGER_NEW_PASSWORD: CLERK_PW }, io);
  expect((await add('li', 'clerk')).code).toBe(0);
  expect((await add('wang', 'auditor')).code).toBe(0);
  // The administrator set these passwords: each person must replace theirs before anything else.
  const before = await cli(['--data', data, '--user', 'li', 'evaluate', '--as-of', '2024-01'], { LEDGER_PASSWORD: CLERK_PW }, io);
  expect(before).toMatchObject({ code: 3, stderr: expect.stringContaining('password') });
  for (const name of ['li', 'wang']) {
    expect((await cli(['--data', data, '--user', name, 'password'], { LEDGER_PASSWORD: CLERK_PW, LEDGER_NEW_PASSWORD: CLERK_PW }, io)).code).toBe(0);
  }
}

describe('the CLI runs as a user', () => {
  it('init --admin turns logins on: every later call needs --user and the right password', async () => {
    await office();
    const noUser = await cli(['--data', data, 'evaluate', '--as-of', '2024-01'], {}, io);
    expect(noUser).toMatchObject({ code: 3, stderr: expect.stringContaining('--user') });
    const wrong = await cli(['--data', data, '--user', 'li', 'evaluate', '--as-of', '2024-01'], as('li', 'not the password'), io);
    expect(wrong).toMatchObject({ code: 3, stderr: expect.stringContaining('用户名或密码不正确') });
    expect((await cli(['--data', data, '--user', 'li', 'evaluate', '--as-of', '2024-01'], as('li', CLERK_PW), io)).code).toBe(0);
  });

  it('refuses what the role may not do, naming the permission', async () => {
    await office();
    const clerkUsers = await cli(['--data', data, '--lang', 'en', '--user', 'li', 'users', 'list'], as('li', CLERK_PW), io);
    expect(clerkUsers).toMatchObject({ code: 3, stderr: expect.stringContaining('users.manage') });
    const auditorReads = await cli(['--data', data, '--lang', 'en', '--user', 'wang', 'evaluate', '--as-of', '2024-01'], as('wang', CLERK_PW), io);
    expect(auditorReads).toMatchObject({ code: 3, stderr: expect.stringContaining('ledger.read') });
    const adminImports = await cli(['--data', data, '--user', 'zhang', 'import', 'units', file('u.csv', 'id,name\nU1,城关镇\n')], as('zhang', ADMIN_PW), io);
    expect(adminImports.code).toBe(3);
    expect((await cli(['--data', data, '--user', 'wang', 'verify'], as('wang', CLERK_PW), io)).code).toBe(0);
  });

  it('records the logged-in user as the author, never the OS user or free text', async () => {
    await office();
    const out = await cli(['--data', data, '--user', 'li', 'import', 'units', file('u.csv', 'id,name\nU1,城关镇\n')], as('li', CLERK_PW), io);
    expect(out.code).toBe(0);
    const journal = readFileSync(join(data, 'journal.log'), 'utf8');
    expect(journal).toMatch(/"user":"li","command":"import.units"/);
  });

  it('lists, disables and resets accounts; a disabled account cannot log in; reset clears a lockout', async () => {
    await office();
    const admin = { LEDGER_PASSWORD: ADMIN_PW };
    const list = await cli(['--data', data, '--user', 'zhang', 'users', 'list'], admin, io);
    expect(list.stdout).toMatch(/zhang .*系统管理员/);
    expect(list.stdout).toMatch(/li .*经办人 .*正常/);
    expect(list.stdout).not.toMatch(/verifier|salt/);
    for (let i = 0; i < 5; i++) await cli(['--data', data, '--user', 'li', 'evaluate', '--as-of', '2024-01'], as('li', 'wrong wrong wrong'), io);
    const lockedOut = await cli(['--data', data, '--user', 'li', 'evaluate', '--as-of', '2024-01'], as('li', CLERK_PW), io);
    expect(lockedOut).toMatchObject({ code: 3, stderr: expect.stringContaining('已锁定') });
    expect((await cli(['--data', data, '--user', 'zhang', 'users', 'reset', 'li'], { ...admin, LEDGER_NEW_PASSWORD: 'a new password 2' }, io)).code).toBe(0);
    expect((await cli(['--data', data, '--user', 'li', 'password'], { LEDGER_PASSWORD: 'a new password 2', LEDGER_NEW_PASSWORD: 'a new password 2' }, io)).code).toBe(0);
    expect((await cli(['--data', data, '--user', 'li', 'evaluate', '--as-of', '2024-01'], as('li', 'a new password 2'), io)).code).toBe(0);
    expect((await cli(['--data', data, '--user', 'zhang', 'users', 'disable', 'li'], admin, io)).code).toBe(0);
    expect((await cli(['--data', data, '--user', 'li', 'evaluate', '--as-of', '2024-01'], as('li', 'a new password 2'), io)).code).toBe(3);
    // The failures and the lockout are in the audit trail.
    const journal = readFileSync(join(data, 'journal.log'), 'utf8');
    expect(journal).toContain('"session.lockout"');
  });

  it('the first users add of a single-user ledger turns logins on and needs the OS user its password', async () => {
    expect((await cli(['--data', data, 'init'], {}, io)).code).toBe(0);
    const noPw = await cli(['--data', data, 'users', 'add', 'li', '--role', 'clerk'], { LEDGER_NEW_PASSWORD: CLERK_PW }, io);
    expect(noPw.code).toBe(2);
    const add = await cli(['--data', data, 'users', 'add', 'li', '--role', 'clerk'], { LEDGER_NEW_PASSWORD: CLERK_PW, LEDGER_PASSWORD: ADMIN_PW }, io);
    expect(add).toMatchObject({ code: 0, stdout: expect.stringContaining('已开启登录') });
    expect((await cli(['--data', data, 'evaluate', '--as-of', '2024-01'], {}, io)).code).toBe(3);
    expect((await cli(['--data', data, '--user', 'officer', 'users', 'list'], { LEDGER_PASSWORD: ADMIN_PW }, io)).code).toBe(0);
  });

  it('prints the chain head, and verify lists every restore with the head it replaced', async () => {
    await office();
    const admin = { LEDGER_PASSWORD: ADMIN_PW };
    const backup = join(dir, 'b.cbak');
    expect((await cli(['--data', data, '--user', 'zhang', 'backup', backup], admin, io)).code).toBe(0);
    const head = await cli(['--data', data, '--user', 'zhang', 'head'], admin, io);
    expect(head.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect((await cli(['--data', data, '--user', 'zhang', 'restore', backup], admin, io)).code).toBe(0);
    const verify = await cli(['--data', data, '--user', 'zhang', 'verify'], admin, io);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/恢复记录 #\d+：.* 由 zhang 从 b\.cbak 恢复，替换了第 \d+ 个事件处的链头 [0-9a-f]{64}/);
  });

  it('an encrypted ledger with accounts opens with a password alone; its recovery key is shown once and confirmed', async () => {
    const enc = { LEDGER_PASSWORD: ADMIN_PW, LEDGER_PASSPHRASE: 'store passphrase' };
    expect((await cli(['--data', data, 'init', '--admin', 'zhang'], enc, io)).code).toBe(2); // no terminal, no confirmation
    const init = await cli(['--data', data, 'init', '--admin', 'zhang', '--confirm-recovery-key-saved'], enc, io);
    expect(init).toMatchObject({ code: 0, stdout: expect.stringMatching(/恢复密钥[\s\S]*([0-9A-Z]{4}-){12}[0-9A-Z]{4}/) });
    expect((await cli(['--data', data, '--user', 'zhang', 'head'], { LEDGER_PASSWORD: ADMIN_PW }, io)).code).toBe(0);
    expect((await cli(['--data', data, '--user', 'zhang', 'head'], { LEDGER_PASSWORD: 'wrong password!' }, io)).code).toBe(3);
  });
});
