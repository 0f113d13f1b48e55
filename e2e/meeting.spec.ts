// The §4.4 meeting statistics as an officer prepares the evaluation meeting (the 会议统计 tab of the
// meeting section): on the demo township the page shows, for the as-of year so far (the as-of
// month is the latest with scores), the numbers the core computes; a count opens the
// cadres behind it, linked to their case files; the table exports as CSV; an impossible period is
// refused in words; English shows the English labels. Real renderer, core and store.
import { readFileSync } from 'node:fs';
import type { MeetingStatistics } from '../shared/reports/meeting';
import { expect as baseExpect, screenshotPath, test } from './fixtures';

// These machines are shared and often loaded: waits are generous, the steps themselves are quick.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

test('the demo township’s meeting statistics match the core and open to the cadres behind them', async ({ page, ledger }) => {
  await ledger.call('session.openDemo');
  const { latestScoredMonth: asOf } = await ledger.call<{ latestScoredMonth: string }>('session.info');
  const period = { from: `${asOf.slice(0, 4)}-01`, to: asOf };
  const core = await ledger.call<MeetingStatistics>('reports.meeting', period);
  const names = new Map((await ledger.call<Array<{ id: string; name: string }>>('cadres.list')).map((c) => [c.id, c.name]));

  await page.goto(ledger.launchUrl);
  await page.getByTestId('menu-meeting').click();
  await expect(page.getByTestId('menu-meeting')).toHaveText('评议会议');
  await page.getByTestId('meeting-tab-statistics').click();

  // Every number on the page is the core's for the same (default) period.
  const rows = page.getByTestId('meeting-row');
  await expect(rows).toHaveCount(core.items.length);
  const row = (id: string) => page.locator(`[data-testid=meeting-row][data-id="${id}"]`);
  for (const item of core.items) {
    await expect(row(item.id).getByTestId('meeting-label')).toHaveText(item.label.zh);
    await expect(row(item.id).getByTestId('meeting-count')).toHaveText(String(item.count));
  }

  // A count opens its basis and the cadres behind it, by name.
  const opened = core.items.find((i) => i.cadreIds.length > 0);
  expect(opened, 'the demo township has someone behind at least one count this year').toBeTruthy();
  await row(opened!.id).getByTestId('meeting-count').click();
  const behind = page.getByTestId('meeting-behind');
  await expect(behind).toContainText(opened!.basis.zh);
  const links = behind.getByTestId('meeting-cadre');
  await expect(links).toHaveCount(Math.min(opened!.cadreIds.length, 20));
  const first = opened!.cadreIds[0];
  await expect(links.first()).toHaveText(names.get(first)!);
  await page.screenshot({ path: screenshotPath('meeting'), fullPage: true });

  // The CSV has the same numbers.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('meeting-export').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`会议统计-${period.from}至${period.to}.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')).toContain(
    `${core.items[0].label.zh},${core.items[0].count},${core.items[0].counts === 'cadres' ? '人数' : '人次/件数'},${core.items[0].cadreIds.map((id) => names.get(id)).join('、')},${core.items[0].basis.zh}`,
  );

  // The name links to the case file.
  await links.first().click();
  await expect(page.getByTestId('casefile-name')).toHaveText(names.get(first)!);
  expect(new URL(page.url()).hash).toBe(`#/cadres/${first}`);

  // A period that ends before it starts is refused, and said so.
  await page.evaluate(() => {
    location.hash = '#/meeting/statistics?from=2030-01&to=2020-01';
  });
  await expect(page.getByTestId('meeting-error')).toContainText('统计期间无效');
  await expect(page.getByTestId('meeting-table')).toHaveCount(0);

  // Back to the year so far, in English.
  await page.getByTestId('menu-meeting').click();
  await page.getByTestId('meeting-tab-statistics').click();
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('menu-meeting')).toHaveText('Meetings');
  for (const item of core.items) {
    await expect(row(item.id).getByTestId('meeting-label')).toHaveText(item.label.en);
  }
});
