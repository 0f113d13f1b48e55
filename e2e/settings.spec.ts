// Settings end to end: backup and restore through the UI, the demo township in and out, and the
// language choice.
import { expect as baseExpect, screenshotPath, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

test('back up, change the ledger, restore the backup', async ({ page, ledger }) => {
  await ledger.call('units.create', { id: 'U01', name: '石洞镇人民政府' });
  await page.goto(ledger.launchUrl);
  await page.getByTestId('menu-settings').click();
  await expect(page.getByTestId('settings-user')).toHaveText('e2e');
  await expect(page.getByTestId('settings-data-dir')).toContainText(ledger.dataDir);

  const rows = page.getByTestId('backup-table').locator('tbody tr.ant-table-row');
  const before = await ledger.call<{ backups: unknown[] }>('backup.list');
  await page.getByTestId('backup-create').click();
  await expect(rows).toHaveCount(before.backups.length + 1);
  await expect(rows.filter({ hasText: '手动' })).toHaveCount(1);

  // After the backup, another unit is created…
  await ledger.call('units.create', { id: 'U02', name: '新区党工委办公室' });
  // …and the restore brings the ledger back to one unit.
  const manual = rows.filter({ hasText: '手动' });
  await manual.getByRole('button', { name: '恢复' }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '恢复' }).click();
  await expect(page.locator('.ant-message')).toContainText('已从');
  await expect(rows.filter({ hasText: '恢复前' })).toHaveCount(1);
  await page.screenshot({ path: screenshotPath('settings-backup'), fullPage: true, animations: 'disabled' });

  const units = await ledger.call<Array<{ id: string }>>('units.list');
  expect(units.map((u) => u.id)).toEqual(['U01']);
  await page.getByTestId('menu-units').click();
  await expect(page.getByTestId('unit-table')).toContainText('石洞镇人民政府');
  await expect(page.getByTestId('unit-table')).not.toContainText('新区党工委办公室');

  await page.getByTestId('menu-settings').click();
  await page.getByTestId('backup-verify').click();
  await expect(page.getByTestId('backup-verify-result')).toContainText('校验通过');
});

test('open the demo township from the first-run page, see it labelled, and leave it', async ({ page, ledger }) => {
  await page.goto(ledger.launchUrl);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('welcome-demo').click();
  await expect(page.getByTestId('demo-badge')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await page.getByTestId('menu-cadres').click();
  await expect(page.getByTestId('cadre-table')).toContainText('C00001');
  await expect(page.getByTestId('cadre-count')).not.toHaveText('共 0 条');
  await page.screenshot({ path: screenshotPath('demo-cadres'), fullPage: true, animations: 'disabled' });

  await page.getByTestId('menu-settings').click();
  await page.getByTestId('demo-leave').click();
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  // The office's own ledger is still empty: the welcome is back.
  await expect(page.getByTestId('welcome')).toBeVisible();
});

test('the language chosen in settings is remembered', async ({ page, ledger }) => {
  await page.goto(ledger.launchUrl);
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByTestId('settings-lang').getByText('English').click();
  await expect(page.getByTestId('menu-settings')).toHaveText('Settings');
  await page.reload();
  await expect(page.getByTestId('settings-page')).toContainText('Backup and restore');
  await expect(page.getByTestId('menu-cadres')).toHaveText('Cadres');
});

test('an encrypted ledger opens locked and the passphrase unlocks it', async ({ page }) => {
  const { spawnHost } = await import('./fixtures');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dataDir = mkdtempSync(join(tmpdir(), 'cadre-e2e-locked-'));
  const stop = (child: import('node:child_process').ChildProcess) =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_USER: 'e2e', PORT: '0' };
  try {
    // First start with the passphrase creates the encrypted store.
    const first = await spawnHost({ ...env, LEDGER_PASSPHRASE: 'correct horse' }, () => undefined);
    await stop(first.child);
    // Started again without it: locked until the officer types it.
    const host = await spawnHost(env, () => undefined);
    try {
      await page.goto(`${host.url}#token=${host.token}`);
      await expect(page.getByTestId('unlock')).toBeVisible();
      await page.getByTestId('unlock').locator('input[type=password]').fill('wrong one');
      await page.getByTestId('unlock').getByRole('button', { name: '解锁' }).click();
      await expect(page.getByTestId('unlock').locator('.ant-form-item-explain-error')).toContainText('口令');
      await page.screenshot({ path: screenshotPath('unlock'), fullPage: true, animations: 'disabled' });
      await page.getByTestId('unlock').locator('input[type=password]').fill('correct horse');
      await page.getByTestId('unlock').getByRole('button', { name: '解锁' }).click();
      await expect(page.getByTestId('welcome')).toBeVisible();
    } finally {
      await stop(host.child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
