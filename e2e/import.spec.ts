// The import page end to end: a CSV with one bad row is previewed with the row, column and reason
// of the rejection, nothing is written until the officer chooses, then only the valid rows go in.
import { expect as baseExpect, screenshotPath, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const csv = [
  'id,name,unit_id,peer_group,category,position',
  'C101,张伟,U01,站所负责人,公务员,农业站站长',
  'C102,李强,U9999,站所负责人,civilServant,财政所所长',
  'C103,王芳,U01,站所负责人,事业,综治办主任',
].join('\r\n');

test('import a CSV with one bad row: see row, column and reason, then import the valid rows only', async ({ page, ledger }) => {
  await ledger.call('units.create', { id: 'U01', name: '石洞镇人民政府' });
  await page.goto(ledger.launchUrl);
  await page.getByTestId('menu-import').click();
  await expect(page.getByTestId('import-page')).toBeVisible();
  // Cadres is the default kind.
  await expect(page.getByTestId('import-kind')).toContainText('干部');

  await page.getByTestId('import-page').locator('input[type=file]').setInputFiles({
    name: '干部名册.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFF' + csv, 'utf8'),
  });

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('import-valid')).toContainText('2');
  await expect(page.getByTestId('import-rejected-count')).toContainText('1');
  const rejected = page.getByTestId('import-rejected').locator('tbody tr');
  await expect(rejected).toHaveCount(1);
  // Header is row 1, so 李强 is row 3.
  await expect(rejected.locator('td').nth(0)).toHaveText('3');
  await expect(rejected.locator('td').nth(1)).toHaveText('unit_id');
  await expect(rejected.locator('td').nth(2)).toContainText('U9999');
  // "Import all" is not offered while a row is rejected; nothing was written by the preview.
  await expect(page.getByTestId('import-all')).toHaveCount(0);
  expect(await ledger.call<unknown[]>('cadres.list')).toEqual([]);
  await page.screenshot({ path: screenshotPath('import-preview'), fullPage: true, animations: 'disabled' });

  await page.getByTestId('import-valid-only').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 2 条');
  await page.screenshot({ path: screenshotPath('import-done'), fullPage: true, animations: 'disabled' });

  const cadres = await ledger.call<Array<{ id: string; name: string }>>('cadres.list');
  expect(cadres.map((c) => c.id).sort()).toEqual(['C101', 'C103']);

  await page.getByTestId('menu-cadres').click();
  await expect(page.getByTestId('cadre-count')).toHaveText('共 2 条');
  await expect(page.getByTestId('cadre-table')).toContainText('王芳');
});

test('the template for a kind can be saved from the import page', async ({ page, ledger }) => {
  await page.goto(ledger.launchUrl);
  await page.evaluate(() => (location.hash = '#/import'));
  await expect(page.getByTestId('import-page')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('import-template').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = await download.path();
  expect(path).toBeTruthy();
});
