// The registry end to end, in the real renderer against the real host and store on disk: an
// officer creates units and cadres in Chinese, searches, opens a case file, switches language,
// reloads, restarts the host; invalid input shows on the fields; drafts survive a reload.
import type { Page } from '@playwright/test';
import { chooseOption, expect as baseExpect, screenshotPath, test } from './fixtures';

// Two cores shared with other work: waits are on DOM state, with room for a slow machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

async function createCadre(
  page: Page,
  c: { name: string; unit: string; peerGroup: string; position: string; category: string; appointedOn: string },
) {
  await page.getByTestId('menu-cadres').click();
  await page.getByTestId('cadre-new').click();
  await expect(page.getByTestId('cadre-form')).toBeVisible();
  await page.getByTestId('cadre-name').fill(c.name);
  await chooseOption(page, 'cadre-unit', c.unit);
  await page.getByTestId('cadre-peer-group').locator('input').fill(c.peerGroup);
  await page.getByTestId('cadre-position').fill(c.position);
  await chooseOption(page, 'cadre-category', c.category);
  const appointed = page.locator('input[data-testid=cadre-appointed], [data-testid=cadre-appointed] input');
  await appointed.fill(c.appointedOn);
  await page.getByTestId('cadre-save').click();
  // Saving opens the new cadre's case file.
  await expect(page.getByTestId('casefile-name')).toHaveText(c.name);
}

test('create a unit and three cadres in Chinese, search, open a case file, switch to English, reload and restart', async ({
  page,
  ledger,
}) => {
  await page.goto(ledger.launchUrl);
  // A fresh ledger greets with the first-run choices.
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByText('从空白开始')).toBeVisible();
  await page.screenshot({ path: screenshotPath('welcome'), fullPage: true, animations: 'disabled' });
  await page.getByTestId('welcome-empty').click();

  // Unit
  await expect(page.getByTestId('unit-new')).toBeVisible();
  await page.getByTestId('unit-new').click();
  await page.getByTestId('unit-name').fill('新区党工委办公室');
  await page.getByTestId('unit-save').click();
  await expect(page.getByTestId('unit-table')).toContainText('新区党工委办公室');
  await page.getByTestId('unit-new').click();
  await page.getByTestId('unit-name').fill('石洞镇人民政府');
  await page.getByTestId('unit-save').click();
  await expect(page.getByTestId('unit-table')).toContainText('石洞镇人民政府');
  await page.screenshot({ path: screenshotPath('units'), fullPage: true, animations: 'disabled' });

  // Three cadres
  await createCadre(page, { name: '张伟', unit: '新区党工委办公室', peerGroup: '乡镇领导', position: '党委副书记', category: '公务员', appointedOn: '2021-03-15' });
  await createCadre(page, { name: '张敏', unit: '石洞镇人民政府', peerGroup: '站所负责人', position: '农业站站长', category: '事业', appointedOn: '2019-07-01' });
  await createCadre(page, { name: '李强', unit: '石洞镇人民政府', peerGroup: '站所负责人', position: '财政所所长', category: '参公', appointedOn: '2020-01-06' });

  // The dates went through the zh_CN date picker into the store.
  const stored = await ledger.call<Array<{ name: string; appointedOn?: string }>>('cadres.list');
  expect(stored.map((c) => [c.name, c.appointedOn]).sort()).toEqual([
    ['张伟', '2021-03-15'],
    ['张敏', '2019-07-01'],
    ['李强', '2020-01-06'],
  ].sort());

  // Search
  await page.getByTestId('menu-cadres').click();
  await expect(page.getByTestId('cadre-count')).toHaveText('共 3 条');
  await page.getByTestId('cadre-search').locator('input').fill('张');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 2 / 3 条');
  await expect(page.getByTestId('cadre-table')).toContainText('张敏');
  await expect(page.getByTestId('cadre-table')).not.toContainText('李强');
  await page.screenshot({ path: screenshotPath('cadres-search'), fullPage: true, animations: 'disabled' });

  // Filter by unit as well
  await chooseOption(page, 'filter-unit', '石洞镇人民政府');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 1 / 3 条');

  // Open a case file from the list
  await page.getByTestId('cadre-table').getByText('张敏').click();
  await expect(page.getByTestId('casefile-name')).toHaveText('张敏');
  await expect(page.getByTestId('casefile-unit')).toHaveText('石洞镇人民政府');
  await expect(page.getByTestId('casefile-header')).toContainText('农业站站长');
  await page.screenshot({ path: screenshotPath('casefile-header'), fullPage: true, animations: 'disabled' });

  // English, remembered across a reload, on the same page
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('casefile-header')).toContainText('Case file');
  await expect(page.getByTestId('casefile-header')).toContainText('Public institution');
  await page.reload();
  await expect(page.getByTestId('casefile-name')).toHaveText('张敏');
  await expect(page.getByTestId('casefile-header')).toContainText('Case file');
  await page.getByTestId('menu-cadres').click();
  await expect(page.getByTestId('cadre-count')).toHaveText('3 in total');
  await page.screenshot({ path: screenshotPath('cadres-en'), fullPage: true, animations: 'disabled' });

  // Restart the host: everything is still there
  await ledger.restart();
  await page.reload();
  await expect(page.getByTestId('cadre-count')).toHaveText('3 in total');
  for (const name of ['张伟', '张敏', '李强']) await expect(page.getByTestId('cadre-table')).toContainText(name);
  await page.getByTestId('menu-units').click();
  await expect(page.getByTestId('unit-table')).toContainText('新区党工委办公室');
});

test('an invalid cadre shows field-level messages from the contract', async ({ page, ledger }) => {
  const unit = await ledger.call<{ id: string }>('units.create', { name: '石洞镇人民政府' });
  await page.goto(`${ledger.launchUrl}`);
  await page.evaluate(() => (location.hash = '#/cadres/new'));
  await expect(page.getByTestId('cadre-form')).toBeVisible();

  // Missing name
  await chooseOption(page, 'cadre-unit', '石洞镇人民政府');
  await page.getByTestId('cadre-peer-group').locator('input').fill('站所负责人');
  await page.getByTestId('cadre-save').click();
  const nameItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('cadre-name') });
  await expect(nameItem.locator('.ant-form-item-explain-error')).toHaveText('必填');
  await page.screenshot({ path: screenshotPath('cadre-invalid-name'), fullPage: true, animations: 'disabled' });

  // Unknown unit (a stale link to a unit number that does not exist)
  await page.evaluate(() => (location.hash = '#/cadres/new?unit=U9999'));
  await page.getByTestId('draft-banner').getByRole('button', { name: '丢弃' }).click();
  await page.getByTestId('cadre-name').fill('王芳');
  await page.getByTestId('cadre-peer-group').locator('input').fill('站所负责人');
  await page.getByTestId('cadre-save').click();
  const unitItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('cadre-unit') });
  await expect(unitItem.getByText('单位“U9999”不存在')).toBeVisible();
  await page.screenshot({ path: screenshotPath('cadre-invalid-unit'), fullPage: true, animations: 'disabled' });

  // In English the same error reads in English, without submitting again
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(unitItem.getByText('unknown unit "U9999"')).toBeVisible();

  // Nothing was written
  expect(await ledger.call<unknown[]>('cadres.list')).toEqual([]);
  expect(unit.id).toBeTruthy();
});

test('a half-filled cadre form survives a reload as a draft', async ({ page, ledger }) => {
  await ledger.call('units.create', { name: '石洞镇人民政府' });
  await page.goto(ledger.launchUrl);
  await page.evaluate(() => (location.hash = '#/cadres/new'));
  await page.getByTestId('cadre-name').fill('王芳');
  await page.getByTestId('cadre-position').fill('综治办主任');
  await expect(page.getByTestId('draft-saved')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('draft-banner')).toContainText('发现未保存的草稿，是否恢复？');
  await page.screenshot({ path: screenshotPath('draft-banner'), fullPage: true, animations: 'disabled' });
  await page.getByTestId('draft-banner').getByRole('button', { name: '恢复草稿' }).click();
  await expect(page.getByTestId('cadre-name')).toHaveValue('王芳');
  await expect(page.getByTestId('cadre-position')).toHaveValue('综治办主任');

  // Finishing and saving clears the draft
  await chooseOption(page, 'cadre-unit', '石洞镇人民政府');
  await page.getByTestId('cadre-peer-group').locator('input').fill('站所负责人');
  await page.getByTestId('cadre-save').click();
  await expect(page.getByTestId('casefile-name')).toHaveText('王芳');
  await page.evaluate(() => (location.hash = '#/cadres/new'));
  await expect(page.getByTestId('cadre-form')).toBeVisible();
  await expect(page.locator('[data-draft-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('cadre-name')).toHaveValue('');
  await expect(page.getByTestId('draft-banner')).toHaveCount(0);
});

test('the app opened without the launch token says how to open it', async ({ page, ledger }) => {
  await page.goto(ledger.url);
  await expect(page.getByTestId('unauthorized')).toContainText('访问令牌无效');
});
