// 政策版本 as the reviewer uses it, on the demo township: Settings → 政策版本 lists the default in
// force and reads it as named sections; 发布新版本 starts from it (Enter in the month field does not
// go on; a missing note is named), "查看改动" lists the change and what it does to months already
// scored, and once issued the version is listed in force from its month and the month's findings
// follow it. A version the New Area issues reaches a township (a second host) in a package and is
// listed there as 新区下发, in force. Screenshots at 1366×650. Real renderer, core and store.
import type { Page } from '@playwright/test';
import { defaultPolicy } from '../shared/policy/default';
import { expect as baseExpect, screenshotPath, test, type LedgerHost } from './fixtures';
import { townshipBesideNewArea } from './offices';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

const inputOf = (page: Page, testId: string) => page.getByTestId(testId).locator('xpath=descendant-or-self::input').first();

function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Both sizes the office uses: the 1366×650 browser area, and the whole page. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 650 });
  await page.screenshot({ path: screenshotPath(`${name}-1366x650`) });
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function openDemo(page: Page, ledger: LedgerHost) {
  await ledger.call('session.openDemo');
  await page.setViewportSize({ width: 1366, height: 650 });
  await page.goto(ledger.launchUrl);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
}

const raises = async (ledger: LedgerHost, asOf: string) =>
  (await ledger.call<{ items: Array<{ rule: string }> }>('findings.list', { asOf })).items.filter((f) => f.rule === 'raise.top-third-streak').length;

test('lists the versions, reads one, and issues the next one in force from its month', async ({ page, ledger }) => {
  await openDemo(page, ledger);
  const info = await ledger.call<{ latestScoredMonth: string }>('session.info');
  const latest = info.latestScoredMonth;
  const from = monthBefore(latest);

  // Settings → 政策版本.
  await page.goto(`${ledger.url}#/settings`);
  await page.getByTestId('policy-open').click();
  await expect(page.getByTestId('policy-page')).toBeVisible();
  const rows = page.getByTestId('policy-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('适用中');
  await expect(rows.first()).toContainText('默认规则');
  const detail = page.getByTestId('policy-detail');
  await detail.getByRole('tab', { name: '连续排名规则' }).click();
  await expect(page.getByTestId('policy-section-streaks')).toContainText('连续位列前三分之一（提高薪酬）');
  await expect(page.getByTestId('policy-section-streaks')).toContainText('6 个月');
  await expect(page.getByTestId('policy-issue-open')).toBeInViewport();
  await shoot(page, 'policy-list');

  // 发布新版本: the month typed and Enter pressed does not go on; the missing fields are named.
  const before = await raises(ledger, latest);
  await page.getByTestId('policy-issue-open').click();
  const drawer = page.getByTestId('policy-issue');
  await expect(inputOf(page, 'policy-field-streaks.raiseTopThirdMonths')).toHaveValue('6');
  await drawer.getByTestId('policy-issue-version').fill('2026.1');
  const month = inputOf(page, 'policy-issue-from');
  await month.click();
  await month.fill(from);
  await month.press('Enter');
  await month.press('Enter');
  await expect(page.getByTestId('policy-issue-review')).toHaveCount(0);
  await page.getByTestId('policy-issue-next').click();
  await expect(drawer.locator('.ant-form-item-explain-error').first()).toContainText('说明');
  await expect(page.getByTestId('policy-issue-review')).toHaveCount(0);
  await drawer.getByTestId('policy-issue-note').fill('党委会议决定（e2e）');
  const field = inputOf(page, 'policy-field-streaks.raiseTopThirdMonths');
  await field.fill('3');
  await expect(drawer.getByTestId('policy-field-was')).toHaveText('已修改，原值 6 个月');
  await shoot(page, 'policy-issue-form');

  // 查看改动: the change, named, and what it does to months already scored.
  await page.getByTestId('policy-issue-next').click();
  const review = page.getByTestId('policy-issue-review');
  await expect(review).toBeVisible();
  await expect(review.getByTestId('policy-change-list')).toContainText('连续位列前三分之一（提高薪酬）');
  await expect(review.getByTestId('policy-change-list')).toContainText('6 个月');
  await expect(review.getByTestId('policy-change-list')).toContainText('3 个月');
  await expect(review.getByTestId('policy-issue-warning').first()).toContainText('已评分月份');
  await expect(page.getByTestId('policy-issue-confirm')).toBeInViewport();
  await shoot(page, 'policy-issue-review');
  await page.getByTestId('policy-issue-confirm').click();

  // Listed in force from its month; the default before it.
  await expect(page.getByTestId('policy-issue')).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  const issued = page.locator('[data-testid=policy-row][data-id=P0001]');
  await expect(issued).toContainText('2026.1');
  await expect(issued).toContainText(from);
  await expect(issued).toContainText('适用中');
  await expect(rows.first()).not.toContainText('适用中');
  await expect(page.getByTestId('policy-detail')).toContainText(`自 ${from} 起`);
  await page.getByTestId('policy-detail').getByRole('tab', { name: /改动/ }).click();
  await expect(page.getByTestId('policy-changes')).toContainText('3 个月');
  await shoot(page, 'policy-issued');

  // The month's findings follow it: a shorter streak raises more cadres.
  expect(await raises(ledger, latest)).toBeGreaterThan(before);
  const list = await ledger.call<{ inForceId: string; currentMonth: string }>('policy.list', { month: monthBefore(from) });
  expect(list.inForceId).not.toBe('P0001');

  // A version for a later month, issued in error, is withdrawn with a reason and stays in the history.
  const [y, m] = list.currentMonth.split('-').map(Number);
  const later = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const document = (await ledger.call<{ document: { streaks: { raiseTopThirdMonths: number } } }>('policy.get', { id: 'P0001' })).document;
  document.streaks.raiseTopThirdMonths = 2;
  await ledger.call('policy.issue', { basedOn: 'P0001', version: '2026.2', effectiveFrom: later, note: '误录', document });
  await page.reload(); // written behind the page's back: read the ledger again
  const pending = page.locator('[data-testid=policy-row][data-id=P0002]');
  await expect(pending).toContainText('尚未生效');
  await pending.click();
  await page.getByTestId('policy-withdraw-open').click();
  await page.getByTestId('policy-withdraw-confirm').click();
  await expect(page.getByTestId('policy-withdraw-modal')).toContainText('撤回原因');
  await page.getByTestId('policy-withdraw-reason').fill('数值录入错误');
  await page.getByTestId('policy-withdraw-confirm').click();
  await expect(page.getByTestId('policy-withdraw-modal')).toHaveCount(0);
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId('policy-withdrawn')).toContainText('2026.2（P0002');
  await expect(page.getByTestId('policy-withdrawn')).toContainText('数值录入错误');
});

test('a version the New Area issues is listed at the township as 新区下发, in force from its month', async ({ ledger, browser }) => {
  const township = await townshipBesideNewArea(ledger);
  const tc = township.call;
  const nc = ledger.call;
  const today = township.today;
  const context = await browser.newContext({ viewport: { width: 1366, height: 650 } });
  try {

    // The New Area issues a version from this month and sends it.
    const month = today.slice(0, 7);
    const document = structuredClone(defaultPolicy) as unknown as { streaks: { raiseTopThirdMonths: number } };
    document.streaks.raiseTopThirdMonths = 4;
    await nc('policy.issue', { basedOn: defaultPolicy.id, version: '新区2026.1', effectiveFrom: month, note: '新区党工委会议决定', document });
    const pkg = await nc<{ fileName: string; base64: string }>('sync.export', { to: 'XZ01' });
    await tc('sync.import', { files: [{ name: pkg.fileName, base64: pkg.base64 }] });

    const page = await context.newPage();
    await page.goto(`${township.url}#token=${township.token}`);
    await page.goto(`${township.url}#/policy`);
    const row = page.locator('[data-testid=policy-row][data-id="XQ.P0001"]');
    await expect(row).toContainText('新区2026.1');
    await expect(row.getByTestId('policy-tag-new-area')).toHaveText('新区下发');
    await expect(row.getByTestId('policy-tag-in-force')).toBeVisible();
    await row.click();
    await expect(page.getByTestId('policy-detail')).toContainText('新区党工委办公室（XQ）');
    await page.getByTestId('policy-detail').getByRole('tab', { name: /改动/ }).click();
    await expect(page.getByTestId('policy-changes')).toContainText('4 个月');
    await page.screenshot({ path: screenshotPath('policy-township-1366x650') });
    // In English: the tags and the sections' threshold names.
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect(row.getByTestId('policy-tag-new-area')).toHaveText('from the New Area');
    await page.getByTestId('policy-detail').getByRole('tab', { name: 'Streak rules' }).click();
    await expect(page.getByTestId('policy-section-streaks')).toContainText('Top third in a row (salary raise)');
    await page.screenshot({ path: screenshotPath('policy-township-en-1366x650') });
  } finally {
    await context.close();
    await township.stop();
  }
});
