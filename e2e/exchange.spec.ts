// Two offices, two hosts, two data directories: a township (青山镇, XZ01) and the New Area (XQ).
// The township records a sanction and a probation and exports a package from 数据交换; the New
// Area previews and imports it and sees the probation on its tracker. Both then change the same
// cadre's position: the New Area's change comes back to the township as a conflict, which the
// township resolves. Screenshots in e2e/screenshots/exchange-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect as baseExpect, screenshotPath, test } from './fixtures';
import { addMonths, townshipBesideNewArea } from './offices';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

test('a township’s sanction reaches the New Area, and the New Area’s edit comes back as a conflict', async ({ page, ledger, browser }) => {
  // Downloaded packages go here (the stick).
  const dir = mkdtempSync(join(tmpdir(), 'cadre-e2e-stick-'));
  const township = await townshipBesideNewArea(ledger);
  const tc = township.call;
  const nc = ledger.call;
  const today = township.today;
  const context = await browser.newContext({ viewport: { width: 1366, height: 650 }, acceptDownloads: true });
  try {
    // The township's records.
    const unit = await tc<{ id: string }>('units.create', { name: '青山镇党政办' });
    const cadre = await tc<Record<string, unknown> & { id: string }>('cadres.create', {
      name: '周明',
      unitId: unit.id,
      peerGroup: '乡镇干部',
      category: 'civilServant',
      position: '副镇长',
    });
    await tc('records.put', { collection: 'sanctions', record: { cadreId: cadre.id, kind: 'party.warning', decidedOn: today, reason: '违反工作纪律' } });
    await tc('records.put', { collection: 'measures', record: { subjectType: 'cadre', subjectId: cadre.id, kind: 'probation', startsOn: today, endsOn: addMonths(today, 3) } });

    // The township exports from 数据交换 (the download is the file on the stick).
    const tpage = await context.newPage();
    await tpage.goto(`${township.url}#token=${township.token}`);
    await tpage.goto(`${township.url}#/exchange`);
    await expect(tpage.getByTestId('exchange-office')).toContainText('青山镇（XZ01）');
    await expect(tpage.getByTestId('exchange-target')).toContainText('新区党工委办公室（XQ）');
    const [download] = await Promise.all([tpage.waitForEvent('download'), tpage.getByTestId('exchange-export-button').click()]);
    const packageFile = join(dir, download.suggestedFilename());
    await download.saveAs(packageFile);
    await tpage.screenshot({ path: screenshotPath('exchange-township-export'), fullPage: true });

    // The New Area previews and imports it.
    await page.setViewportSize({ width: 1366, height: 650 });
    await page.goto(ledger.launchUrl);
    await page.getByTestId('menu-settings').click();
    await page.getByTestId('exchange-open').click();
    await page.getByTestId('exchange-import').locator('input[type=file]').setInputFiles(packageFile);
    await expect(page.getByTestId('exchange-import')).toContainText(download.suggestedFilename());
    await page.getByTestId('exchange-preview').click();
    const counts = page.getByTestId('exchange-counts');
    await expect(counts).toContainText('青山镇（XZ01）');
    await expect(counts.locator('tbody tr').first()).toContainText('4');
    await page.screenshot({ path: screenshotPath('exchange-newarea-preview'), fullPage: true });
    await page.getByTestId('exchange-import-button').click();
    await expect(page.getByText('已导入。')).toBeVisible();
    await page.getByRole('tab', { name: '单位' }).click();
    await expect(page.getByTestId('exchange-offices')).toContainText('青山镇（XZ01）');
    await page.screenshot({ path: screenshotPath('exchange-newarea-offices'), fullPage: true });

    // On the New Area's tracker, under the township's unit.
    await page.getByTestId('menu-tracker').click();
    await expect(page.getByTestId('tracker')).toContainText('周明');
    await expect(page.getByTestId('tracker')).toContainText('青山镇党政办');
    await page.screenshot({ path: screenshotPath('exchange-newarea-tracker'), fullPage: true });

    // Both change the cadre's position, neither having seen the other's change.
    const globalId = `XZ01.${cadre.id}`;
    await nc('cadres.update', { ...cadre, id: globalId, unitId: `XZ01.${unit.id}`, position: '党委副书记' });
    await tc('cadres.update', { ...cadre, position: '镇长' });
    const back = await nc<{ fileName: string; base64: string }>('sync.export', { to: 'XZ01' });
    const imported = await tc<{ offices: Array<{ office: string; conflict: number }> }>('sync.import', { files: [{ name: back.fileName, base64: back.base64 }] });
    expect(imported.offices[0]).toMatchObject({ office: 'XQ', conflict: 1 });

    // The township sees the conflict, its own value shown meanwhile, and resolves it.
    await tpage.goto(`${township.url}#/exchange`);
    await tpage.getByRole('tab', { name: '冲突' }).click();
    const conflicts = tpage.getByTestId('exchange-conflicts');
    await expect(conflicts).toContainText('党委副书记');
    await expect(conflicts).toContainText('镇长');
    await tpage.screenshot({ path: screenshotPath('exchange-township-conflict'), fullPage: true });
    await conflicts.locator('tr', { hasText: '新区党工委办公室' }).getByTestId('exchange-resolve').click();
    await expect(tpage.getByTestId('exchange-conflicts-empty')).toBeVisible();
    expect(await tc<{ position: string }>('cadres.get', { id: cadre.id })).toMatchObject({ position: '党委副书记' });
  } finally {
    await context.close();
    await township.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
