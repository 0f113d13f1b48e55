// Who may do what, in the browser against the real host (docs/ACCESS.md): the clerk, the reviewer
// and the auditor each log in and see what their role may do; the audit page; the lock; and an
// encrypted ledger leaves no readable cadre name in the browser profile's IndexedDB.
import { chromium, type Page } from '@playwright/test';
import { readdirSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../shared/contract';
import { chromiumFlags } from './playwright.config';
import { expect, screenshotPath, spawnHost, test, valueOf, type StartedHost } from './fixtures';

// Test hosts hash passwords with a cheaper scrypt (production: N=2^17).
process.env.LEDGER_TEST_SCRYPT_N = '1024';

const PASSWORD = 'e2e password 12';

/** API calls that keep the host's session cookie, as a browser does. */
function apiSession(host: { url: string; token: string }) {
  let cookie = '';
  return async <T = unknown>(name: string, input?: unknown): Promise<T> => {
    const res = await fetch(`${host.url}api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(input ?? {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return valueOf(name, (await res.json()) as Envelope<T>);
  };
}

/** A unit, a cadre and one account per role (each with its own password already set). */
async function office(host: { url: string; token: string }) {
  const admin = apiSession(host);
  const unit = await admin<{ id: string }>('units.create', { name: '城关镇' });
  await admin('cadres.create', { name: '王秀英', unitId: unit.id, peerGroup: '乡镇副职', category: 'civilServant' });
  // The first account turns logins on: the OS user ('e2e') becomes the administrator, who must set
  // a password before anything else.
  await admin('users.add', { name: 'clerk1', displayName: '李经办', role: 'clerk', password: PASSWORD });
  await admin('session.setPassword', { password: PASSWORD });
  await admin('users.add', { name: 'reviewer1', displayName: '赵审核', role: 'reviewer', password: PASSWORD });
  await admin('users.add', { name: 'auditor1', displayName: '钱审计', role: 'auditor', password: PASSWORD });
  for (const name of ['clerk1', 'reviewer1', 'auditor1']) {
    const s = apiSession(host);
    await s('session.login', { name, password: PASSWORD });
    await s('session.setPassword', { password: PASSWORD });
  }
}

async function logIn(page: Page, launchUrl: string, name: string) {
  await page.goto(launchUrl);
  await expect(page.getByTestId('login')).toBeVisible();
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('header-user')).toBeVisible();
}

test('the clerk enters records, the reviewer confirms, neither sees the audit trail', async ({ page, ledger }) => {
  await office(ledger);
  await logIn(page, ledger.launchUrl, 'clerk1');
  await expect(page.getByTestId('header-role')).toContainText('经办人');
  await expect(page.getByTestId('menu-cadres')).toBeVisible();
  await expect(page.getByTestId('menu-import')).toBeVisible();
  await expect(page.getByTestId('menu-audit')).toHaveCount(0);
  await page.goto(`${ledger.url}#/cadres`);
  await expect(page.getByText('王秀英').first()).toBeVisible();
  await expect(page.getByTestId('cadre-new')).toBeVisible();
  await page.goto(`${ledger.url}#/meeting`);
  await expect(page.getByTestId('meeting-new')).toBeVisible();
  await page.goto(`${ledger.url}#/audit`);
  await expect(page.getByTestId('forbidden-page')).toBeVisible();
  await page.goto(`${ledger.url}#/settings`);
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await expect(page.getByTestId('users-panel')).toHaveCount(0);

  // Locking from the header: the lock screen offers the same name again.
  await page.getByTestId('session-menu').click();
  await page.getByText('锁定', { exact: true }).click();
  await expect(page.getByTestId('login')).toBeVisible();
  await expect(page.getByTestId('login-name')).toHaveValue('clerk1');

  await logIn(page, ledger.launchUrl, 'reviewer1');
  await expect(page.getByTestId('header-role')).toContainText('审核人');
  await expect(page.getByTestId('menu-cadres')).toBeVisible();
  await expect(page.getByTestId('menu-import')).toHaveCount(0);
  await expect(page.getByTestId('menu-audit')).toHaveCount(0);
  // The reviewer sees the units but is offered no button to enter one.
  await page.goto(`${ledger.url}#/units`);
  await expect(page.getByTestId('unit-table').getByText('城关镇')).toBeVisible();
  await expect(page.getByTestId('unit-new')).toHaveCount(0);
  // Nor a cadre, a case-file record or a meeting: entering and preparing are the clerk's.
  await page.goto(`${ledger.url}#/cadres`);
  await expect(page.getByText('王秀英').first()).toBeVisible();
  await expect(page.getByTestId('cadre-new')).toHaveCount(0);
  await page.getByText('王秀英').first().click();
  await expect(page.getByTestId('casefile-bars')).toBeVisible();
  await expect(page.getByTestId('add-score')).toHaveCount(0);
  await page.goto(`${ledger.url}#/meeting`);
  await expect(page.getByTestId('meetings-print')).toBeVisible();
  await expect(page.getByTestId('meeting-new')).toHaveCount(0);
});

test('the auditor reads the audit trail and nothing else; the page fits the office screen', async ({ page, ledger }) => {
  await office(ledger);
  // A failed login, to be seen in the trail.
  const stranger = apiSession(ledger);
  await expect(stranger('session.login', { name: 'clerk1', password: 'not the password' })).rejects.toThrow(/UNAUTHORIZED/);

  await page.setViewportSize({ width: 1366, height: 650 });
  await logIn(page, ledger.launchUrl, 'auditor1');
  await expect(page.getByTestId('audit-page')).toBeVisible(); // the landing page of an auditor
  await expect(page.getByTestId('menu-cadres')).toHaveCount(0);
  await expect(page.getByTestId('menu-audit')).toBeVisible();
  await expect(page.getByTestId('audit-chain')).toContainText('审计链完整');
  const table = page.getByTestId('audit-table');
  await expect(table.getByText('auditor1').first()).toBeVisible();
  await expect(table.getByText('失败').first()).toBeVisible();
  await expect(table.getByText('cadres/C').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('audit-1366x650') });
  await page.screenshot({ path: screenshotPath('audit-full'), fullPage: true });

  // Filters: only the failed logins.
  await page.getByTestId('audit-filter-result').click();
  await page.getByTitle('失败').click();
  await expect(page.getByTestId('audit-count')).toContainText('显示 1 条');
  // The ledger itself is refused, by the core as much as by the menu.
  await page.goto(`${ledger.url}#/cadres`);
  await expect(page.getByTestId('forbidden-page')).toBeVisible();
  const auditor = apiSession(ledger);
  await auditor('session.login', { name: 'auditor1', password: PASSWORD });
  await expect(auditor('cadres.list', {})).rejects.toThrow(/FORBIDDEN/);
});

/** Every file under `dir` that holds `text` in UTF-8 or UTF-16LE. */
function filesHolding(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size < 50 << 20) {
        const bytes = readFileSync(p);
        if (needles.some((n) => bytes.includes(n))) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}

async function stop(host: StartedHost) {
  if (host.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    host.child.once('exit', () => resolve());
    host.child.kill('SIGTERM');
  });
}

/** Opens the app in a browser profile on disk, lists the cadres and starts a draft naming the canary. */
async function useLedgerIn(profile: string, host: StartedHost, canary: string, confirmRecoveryKey: boolean) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: chromiumFlags,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 650 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${host.url}#token=${host.token}`);
    if (confirmRecoveryKey) {
      // An encrypted ledger this launch created shows its recovery key once.
      await expect(page.getByTestId('recovery-key-text')).toContainText(/([0-9A-Z]{4}-){12}[0-9A-Z]{4}/);
      await page.getByTestId('recovery-key-saved').click();
      await page.getByTestId('recovery-key-confirm').click();
      await expect(page.getByTestId('recovery-key')).toHaveCount(0);
    }
    await page.goto(`${host.url}#/cadres`);
    await expect(page.getByText(canary).first()).toBeVisible();
    await page.goto(`${host.url}#/cadres/new`);
    await page.getByLabel('姓名').first().fill(`${canary}的草稿`);
    await page.waitForTimeout(800); // the draft autosave is debounced (400 ms): let it land
    await page.goto(`${host.url}#/cadres`);
    await expect(page.getByText(canary).first()).toBeVisible();
  } finally {
    await context.close();
  }
}

test('an encrypted ledger leaves no readable cadre name in the browser profile', async () => {
  test.setTimeout(90_000);
  const canary = '欧阳金凤';
  const root = mkdtempSync(join(tmpdir(), 'cadre-e2e-canary-'));
  try {
    for (const encrypted of [false, true]) {
      const data = join(root, encrypted ? 'encrypted' : 'plain');
      const profile = join(root, encrypted ? 'profile-encrypted' : 'profile-plain');
      const host = await spawnHost({ LEDGER_DATA_DIR: data, LEDGER_USER: 'e2e', PORT: '0', ...(encrypted ? { LEDGER_PASSPHRASE: 'e2e store passphrase' } : {}) }, () => undefined);
      try {
        const admin = apiSession(host);
        const unit = await admin<{ id: string }>('units.create', { name: '城关镇' });
        await admin('cadres.create', { name: canary, unitId: unit.id, peerGroup: '乡镇副职', category: 'civilServant' });
        await useLedgerIn(profile, host, canary, encrypted);
      } finally {
        await stop(host);
      }
      const hits = filesHolding(profile, canary);
      if (encrypted) expect(hits).toEqual([]);
      // The control: a plain ledger's cache does keep the name, so the scan would have seen it.
      else expect(hits.length).toBeGreaterThan(0);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
