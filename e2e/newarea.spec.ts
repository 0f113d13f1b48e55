// The New Area's view (issue 12), with two hosts and two data directories: a township (青山镇,
// XZ01) records a sanction and a probation and exports its package; the New Area (XQ), which also
// manages a cadre of its own directly, imports it. The header then offers the office scope; the
// tracker shows the probation under 青山镇 with every office and with 青山镇 chosen, and not with the
// New Area's own office chosen; the overview's counts follow the scope. The New Area transfers its
// own cadre to 青山镇 from the case file, which then says so. Screenshots at 1366×650 and full page:
// e2e/screenshots/newarea-*.png.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect as baseExpect, screenshotPath, test } from './fixtures';
import { addMonths, townshipBesideNewArea } from './offices';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 90_000 });
test.use({ viewport: { width: 1366, height: 650 } });

/** The window (1366×650) and, for pages taller than it, the full page. */
async function shots(page: Page, name: string, full = true) {
  // Not while a table is still loading (antd blurs it).
  await expect(page.locator('.ant-spin-blur, .ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath(`newarea-${name}`) });
  if (full) await page.screenshot({ path: screenshotPath(`newarea-${name}-full`), fullPage: true });
}

/** Chooses an office in the header's scope selector. */
async function chooseScope(page: Page, office: string) {
  await page.getByTestId('office-scope-select').click();
  await page.locator(`.ant-select-dropdown:visible [data-testid="office-scope-option"][data-office="${office}"]`).click();
  await expect(page.getByTestId('office-scope')).toHaveAttribute('data-office', office);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('the New Area sees each township alone or all of them, and transfers a cadre it owns', async ({ page, ledger, browser }) => {
  // The package is written here (the stick).
  const dir = mkdtempSync(join(tmpdir(), 'cadre-e2e-stick-'));
  const township = await townshipBesideNewArea(ledger);
  const tc = township.call;
  const nc = ledger.call;
  const today = township.today;
  try {
    // The township records a sanction and a probation, and exports (the file on the stick).
    const unit = await tc<{ id: string }>('units.create', { name: '青山镇党政办' });
    const cadre = await tc<{ id: string }>('cadres.create', { name: '周明', unitId: unit.id, peerGroup: '乡镇干部', category: 'civilServant', position: '副镇长' });
    await tc('records.put', { collection: 'sanctions', record: { cadreId: cadre.id, kind: 'party.warning', decidedOn: today, reason: '违反工作纪律' } });
    await tc('records.put', { collection: 'measures', record: { subjectType: 'cadre', subjectId: cadre.id, kind: 'probation', startsOn: today, endsOn: addMonths(today, 3) } });
    const pkg = await tc<{ fileName: string; base64: string }>('sync.export', { to: 'XQ' });
    writeFileSync(join(dir, pkg.fileName), Buffer.from(pkg.base64, 'base64'));

    // The New Area manages one cadre directly, and imports the township's package.
    const own = await nc<{ id: string }>('units.create', { name: '新区组织人事部' });
    const lin = await nc<{ id: string }>('cadres.create', { name: '林华', unitId: own.id, peerGroup: '新区直管干部', category: 'civilServant', position: '科员' });
    const imported = await nc<{ committed: boolean }>('sync.import', { files: [{ name: pkg.fileName, base64: pkg.base64 }] });
    expect(imported.committed).toBe(true);

    // The header offers the scope: every office at the New Area by default.
    await page.goto(ledger.launchUrl);
    const scope = page.getByTestId('office-scope');
    await expect(scope).toBeVisible();
    await expect(scope).toHaveAttribute('data-office', '*');
    await expect(page.getByTestId('office-scope-value')).toHaveText('全部');
    await page.getByTestId('office-scope-select').click();
    await expect(page.locator('.ant-select-dropdown:visible')).toContainText('青山镇 (XZ01) · 1 名干部');
    await shots(page, 'scope-options', false);
    await page.keyboard.press('Escape');

    // The overview's counts follow the scope (each office's findings, as the core counts them).
    const month = (await nc<{ latestScoredMonth?: string | null; today: string }>('session.info')).today.slice(0, 7);
    const totalOf = async (office?: string) => (await nc<{ total: number }>('findings.overview', { asOf: month, ...(office ? { office } : {}) })).total;
    const [all, qingshan, newArea] = [await totalOf(), await totalOf('XZ01'), await totalOf('XQ')];
    expect(qingshan).toBeGreaterThan(0);
    expect(all).toBe(qingshan + newArea);
    await expect(page.getByTestId('overview-total')).toContainText(String(all));
    await expect(page.getByTestId('overview-unit').first()).toHaveText('青山镇 · 青山镇党政办');
    await shots(page, 'overview-all');

    // The tracker with every office: the probation, under 青山镇.
    await page.getByTestId('menu-tracker').click();
    const row = page.getByTestId('tracker-row').filter({ hasText: '周明' });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('tracker-office')).toHaveText('青山镇');
    await shots(page, 'tracker-all');

    // The same in English: the header still fits on one line.
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect(page.getByTestId('office-scope-value')).toHaveText('All');
    await expect(row.getByTestId('tracker-office')).toHaveText('青山镇');
    const header = await page.locator('.ant-layout-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    await shots(page, 'tracker-all-en', false);
    await page.getByTestId('lang-switch').getByText('中文').click();

    // 青山镇 alone: still there, and the page says whose board it is.
    await chooseScope(page, 'XZ01');
    await expect(page.getByTestId('page-scope')).toHaveText('青山镇');
    await expect(row).toBeVisible();
    await expect(page.getByTestId('tracker-office')).toHaveCount(0); // one office: no column
    await shots(page, 'tracker-township');

    // The New Area's own office: not there, and the empty board says in which scope.
    await chooseScope(page, 'XQ');
    await expect(page.getByTestId('tracker-table')).toContainText('范围：新区党工委办公室');
    await expect(page.getByTestId('tracker-row')).toHaveCount(0);
    await shots(page, 'tracker-other');

    // The overview of that office and of 青山镇 (the scope is kept across pages).
    await page.getByTestId('menu-overview').click();
    await expect(page.getByTestId('page-scope')).toHaveText('新区党工委办公室');
    await expect(page.getByTestId('overview-total')).toContainText(String(newArea));
    await chooseScope(page, 'XZ01');
    await expect(page.getByTestId('overview-total')).toContainText(String(qingshan));
    await shots(page, 'overview-township', false);

    // The cadre list with every office: the office column.
    await chooseScope(page, '*');
    await page.getByTestId('menu-cadres').click();
    await expect(page.getByTestId(`cadre-row-XZ01.${cadre.id}`).getByTestId('cadre-office')).toHaveText('青山镇');
    await expect(page.getByTestId(`cadre-row-${lin.id}`).getByTestId('cadre-office')).toHaveText('新区党工委办公室');
    await shots(page, 'cadres-all', false);
    await page.getByTestId('menu-units').click();
    await expect(page.locator('[data-testid="unit-row"][data-office="XZ01"]')).toContainText('青山镇');
    await shots(page, 'units-all', false);
    await page.getByTestId('menu-cadres').click();

    // The New Area transfers its own cadre to 青山镇 from the case file.
    await page.getByTestId(`cadre-row-${lin.id}`).getByRole('link', { name: '林华' }).click();
    await page.getByTestId('casefile-transfer').click();
    const dialog = page.getByTestId('transfer-form');
    await dialog.getByTestId('transfer-to').click();
    await page.locator('.ant-select-dropdown:visible').getByText('青山镇 (XZ01)').click();
    await expect(page.getByTestId('transfer-explain')).toContainText('林华 将调往 青山镇');
    await expect(page.getByTestId('transfer-explain')).toContainText('保留全部历史记录');
    // Enter in the date field confirms the date only: nothing is saved yet.
    await dialog.getByTestId('transfer-on').click();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('transfer-note').fill('新区党工委任免通知');
    await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
    await shots(page, 'transfer-dialog', false);
    await page.getByTestId('transfer-form-submit').click();
    await expect(page.getByTestId('casefile-transferred')).toHaveText(`已调往 青山镇（${today}）`);
    await expect(page.getByTestId('casefile-transfer')).toHaveCount(0); // no longer this office's to transfer
    await page.evaluate(() => window.scrollTo(0, 0));
    await shots(page, 'casefile-transferred');

    // The New Area's own office now holds no cadre: its list says why it is empty.
    await page.getByTestId('menu-cadres').click();
    await chooseScope(page, 'XQ');
    await expect(page.getByTestId('cadre-empty')).toContainText('本单位（新区党工委办公室）尚无干部');
    await shots(page, 'cadres-empty-scope', false);
    await page.getByTestId('menu-overview').click();
    await expect(page.getByTestId('scope-no-cadres')).toHaveText('本单位（新区党工委办公室）尚无干部');
    await expect(page.getByTestId('overview-total')).toContainText('0');

    // The transfer travels: the township imports the New Area's package and now owns 林华, with
    // the whole (empty) history; its header opens on its own township.
    const back = await nc<{ fileName: string; base64: string }>('sync.export', { to: 'XZ01' });
    await tc('sync.import', { files: [{ name: back.fileName, base64: back.base64 }] });
    const context = await browser.newContext({ viewport: { width: 1366, height: 650 } });
    try {
      const tpage = await context.newPage();
      await tpage.goto(`${township.url}#token=${township.token}`);
      await tpage.goto(`${township.url}#/cadres/${encodeURIComponent(`XQ.${lin.id}`)}`);
      await expect(tpage.getByTestId('casefile-transferred')).toHaveText(`调入自 新区党工委办公室（${today}）`);
      await expect(tpage.getByTestId('casefile-transfer')).toBeVisible();
      await expect(tpage.getByTestId('office-scope')).toHaveAttribute('data-office', 'XZ01');
      await expect(tpage.getByTestId('casefile-set-unit')).toContainText('其单位仍为 新区组织人事部（新区党工委办公室）');
      await tpage.screenshot({ path: screenshotPath('newarea-township-received') });

      // The township gives 林华 one of its units and peer groups (grouped by office in the form).
      await tpage.getByTestId('casefile-set-unit').getByRole('link', { name: '编辑基本信息' }).click();
      await tpage.getByTestId('cadre-unit').click();
      const townshipUnits = tpage.locator('.ant-select-dropdown:visible');
      await expect(townshipUnits.locator('.ant-select-item-group').first()).toHaveText('青山镇');
      await townshipUnits.locator('.ant-select-item-option').filter({ hasText: '青山镇党政办' }).click();
      await tpage.getByTestId('cadre-peer-group').locator('input').fill('乡镇干部');
      await tpage.screenshot({ path: screenshotPath('newarea-township-set-unit') });
      await tpage.getByTestId('cadre-save').click();
      await expect(tpage.getByTestId('casefile-unit')).toHaveText('青山镇党政办');
      await expect(tpage.getByTestId('casefile-set-unit')).toHaveCount(0);
    } finally {
      await context.close();
    }
  } finally {
    const log = township.output();
    await township.stop();
    rmSync(dir, { recursive: true, force: true });
    if (test.info().status !== test.info().expectedStatus) await test.info().attach('township-output.txt', { body: log, contentType: 'text/plain' });
  }
});
