// Records put right in the case file, as an officer does it: Enter in a sanction's date field does
// not save a sanction without its 事由; a duplicate sanction is saved only after the warning, then
// voided (已作废); a score corrected with a reason and its history; a sanction's release recorded
// from the 影响期满待解除 finding; a sanction cleared (已澄清) with its bar lifted and the list of
// what it applied while it stood. Real renderer, real core, real store on disk.
import type { Page } from '@playwright/test';
import { chooseOption, expect as baseExpect, type LedgerHost, screenshotPath, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

/** Same day-of-month n months later (clamped). */
function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Both sizes the office uses: the 1366×650 browser area, and the whole page. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 650 });
  await page.screenshot({ path: screenshotPath(`${name}-1366x650`) });
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 800 });
}

async function cadre(ledger: LedgerHost, name = '张伟') {
  const unit = await ledger.call<{ id: string }>('units.create', { name: '城关镇' });
  const c = await ledger.call<{ id: string }>('cadres.create', { name, unitId: unit.id, peerGroup: '乡镇副职', category: 'civilServant', position: '副镇长' });
  const info = await ledger.call<{ today: string }>('session.info');
  return { id: c.id, unitId: unit.id, today: info.today };
}

const sanctions = (page: Page) => page.locator('[data-testid=timeline-entry][data-collection=sanctions]');

test('Enter in the date field does not save; a duplicate asks first and is then voided', async ({ page, ledger }) => {
  const c = await cadre(ledger);
  await page.goto(ledger.launchUrl);
  await page.goto(`${ledger.url}#/cadres/${c.id}`);
  await expect(page.getByTestId('casefile-name')).toHaveText('张伟');

  // (f) Kind chosen, 事由 left empty, a date typed and Enter pressed: nothing is saved.
  await page.getByTestId('add-sanction').click();
  const form = page.getByTestId('sanction-form');
  await chooseOption(page, 'sanction-kind', '记过');
  const date = page.getByTestId('sanction-date');
  await date.click();
  await date.fill(c.today);
  await date.press('Enter');
  await expect(form).toBeVisible();
  await date.press('Enter');
  await expect(form).toBeVisible();
  expect((await ledger.call<{ timeline: unknown[] }>('casefile.get', { cadreId: c.id, asOf: c.today.slice(0, 7) })).timeline).toHaveLength(0);
  // The primary button names what is missing.
  await form.getByTestId('sanction-form-submit').click();
  await expect(form.locator('.ant-form-item-explain-error')).toContainText('请填写事由');
  await shoot(page, 'sanction-required');
  await page.getByTestId('sanction-reason').fill('违规发放津补贴');
  await form.getByTestId('sanction-form-submit').click();
  await expect(form).toBeHidden();
  await expect(sanctions(page)).toHaveCount(1);

  // (d) The same sanction again: the warning first, saved only when the officer agrees.
  await page.getByTestId('add-sanction').click();
  await chooseOption(page, 'sanction-kind', '记过');
  await page.getByTestId('sanction-reason').fill('违规发放津补贴');
  await page.getByTestId('sanction-form-submit').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('已存在相同记录（同一干部、种类、日期），仍要保存吗？');
  await shoot(page, 'duplicate-warning');
  await page.getByTestId('duplicate-confirm').click();
  await expect(page.getByTestId('sanction-form')).toBeHidden();
  await expect(sanctions(page)).toHaveCount(2);

  // Void the duplicate: a reason, a confirmation; it stays, greyed and marked 已作废.
  const second = sanctions(page).first();
  const id = await second.getAttribute('data-id');
  await second.getByTestId('row-void').click();
  await page.getByTestId('void-submit').click();
  await expect(page.getByTestId('void-form').locator('.ant-form-item-explain-error')).toContainText('请填写作废原因');
  await page.getByTestId('void-reason').fill('重复录入');
  await expect(page.getByTestId('void-form').locator('.ant-form-item-explain-error')).toHaveCount(0);
  await shoot(page, 'void-dialog');
  await page.getByTestId('void-submit').click();
  await expect(page.getByTestId('void-form')).toBeHidden();
  const voided = page.locator(`[data-testid=timeline-entry][data-collection=sanctions][data-id="${id}"]`);
  await expect(voided).toHaveAttribute('data-standing', 'voided');
  await expect(voided.getByTestId('standing-tag')).toHaveText('已作废');
  await expect(voided).toContainText('重复录入');
  await expect(voided.getByTestId('row-correct')).toHaveCount(0);
  // One bar left: the voided sanction counts for nothing.
  await expect(page.getByTestId('bar-tag')).toHaveCount(1);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shoot(page, 'casefile-voided');

  // Its history: entered, then voided, each with who and when.
  await voided.getByTestId('row-history').click();
  const history = page.getByTestId('history-modal');
  await expect(history.getByTestId('history-row')).toHaveCount(2);
  await expect(history).toContainText('作废');
  await expect(history).toContainText('重复录入');
  await shoot(page, 'history-dialog');
});

test('a score corrected with a reason keeps its history', async ({ page, ledger }) => {
  const c = await cadre(ledger);
  const month = c.today.slice(0, 7);
  await ledger.call('records.put', { collection: 'scores', record: { cadreId: c.id, month, score: 68 } });
  await page.goto(ledger.launchUrl);
  await page.goto(`${ledger.url}#/cadres/${c.id}`);
  const score = page.locator('[data-testid=timeline-entry][data-collection=scores]');
  await expect(score).toContainText('68');

  await score.getByTestId('row-correct').click();
  const form = page.getByTestId('correct-form');
  await expect(page.getByTestId('correct-score')).toHaveValue(/^68(\.0)?$/);
  await page.getByTestId('correct-score').fill('86');
  await form.getByTestId('correct-form-submit').click();
  await expect(form.locator('.ant-form-item-explain-error')).toContainText('请填写更正原因');
  await page.getByTestId('correct-reason').fill('录入时数字颠倒');
  await expect(form.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await shoot(page, 'correct-dialog');
  await form.getByTestId('correct-form-submit').click();
  await expect(form).toBeHidden();

  await expect(score).toContainText('86');
  await expect(score.getByTestId('corrected-tag')).toHaveText('已更正 1 次');
  await expect(score).toContainText('录入时数字颠倒');
  await score.getByTestId('row-history').click();
  const history = page.getByTestId('history-modal');
  await expect(history).toContainText('录入时数字颠倒');
  await expect(history).toContainText('68');
  await expect(history).toContainText('86');
  await expect(history).toContainText('e2e');
  await page.locator('.ant-modal-close').click();

  // A transitional placement shows its review date field; left empty, the core fills it from policy.
  await page.getByTestId('add-measure').click();
  await page.getByTestId('measure-form-kind').click();
  await page.keyboard.type('过渡性安置');
  // The filtered list re-renders while typing; Enter picks its active option without racing it.
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option-active')).toContainText('过渡性安置');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('measure-form-review')).toBeVisible();
  // Pre-filled from policy (the core's default) before saving; saved as shown.
  const reviewInput = page.locator('[data-testid=measure-form-review] input, input[data-testid=measure-form-review]').first();
  await expect(reviewInput).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  const prefilled = await reviewInput.inputValue();
  await page.getByTestId('measure-form-submit').click();
  await expect(page.getByTestId('measure-form')).toBeHidden();
  await expect(page.locator('[data-testid=timeline-entry][data-kind=transitionalPlacement]').getByTestId('review-on-tag')).toContainText(`复核 ${prefilled}`);
});

test('a release is recorded from the 影响期满待解除 finding, which then goes away', async ({ page, ledger }) => {
  const c = await cadre(ledger);
  // A demerit (12 months) decided 13 months ago: its impact period is over, no release recorded.
  await ledger.call('records.put', {
    collection: 'sanctions',
    record: { cadreId: c.id, kind: 'admin.demerit', decidedOn: addMonths(c.today, -13), reason: '违反工作纪律' },
  });
  await page.goto(ledger.launchUrl);
  await page.goto(`${ledger.url}#/cadres/${c.id}`);
  const finding = page.locator('[data-testid=findings-card] [data-testid=finding][data-rule="sanction.release-due"]');
  await expect(finding).toBeVisible();
  await finding.getByTestId('finding-release').click();
  const form = page.getByTestId('release-form');
  await expect(page.getByTestId('release-date')).toHaveValue(c.today);
  await form.getByTestId('release-form-submit').click();
  await expect(form.locator('.ant-form-item-explain-error')).toContainText('请填写解除文号');
  await page.getByTestId('release-document').fill('城关纪解〔2026〕3号');
  await expect(form.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await shoot(page, 'release-dialog');
  await form.getByTestId('release-form-submit').click();
  await expect(form).toBeHidden();
  await expect(page.locator('[data-testid=finding][data-rule="sanction.release-due"]')).toHaveCount(0);
  await expect(sanctions(page)).toContainText(`已解除（${c.today}）`);
});

test('a cleared sanction: 已澄清, its bar lifted, what it applied listed, the notice downloads', async ({ page, ledger }) => {
  const c = await cadre(ledger);
  const decidedOn = addMonths(c.today, -3);
  await ledger.call('records.put', {
    collection: 'sanctions',
    record: { cadreId: c.id, kind: 'admin.demerit', decidedOn, reason: '被反映违规审批' },
  });
  await page.goto(ledger.launchUrl);
  await page.goto(`${ledger.url}#/cadres/${c.id}`);
  await expect(page.getByTestId('bar-tag')).toHaveCount(1);

  await sanctions(page).getByTestId('row-clear').click();
  const form = page.getByTestId('clear-form');
  await form.getByTestId('clear-form-submit').click();
  await expect(form.locator('.ant-form-item-explain-error').first()).toContainText('请填写');
  await page.getByTestId('clear-verified-by').fill('镇纪委');
  await page.getByTestId('clear-scope').fill('在镇党政联席会议上');
  await page.getByTestId('clear-document').fill('城关纪澄〔2026〕1号');
  await expect(form.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await shoot(page, 'clear-dialog');
  await form.getByTestId('clear-form-submit').click();
  await expect(form).toBeHidden();

  const cleared = sanctions(page);
  await expect(cleared).toHaveAttribute('data-standing', 'cleared');
  await expect(cleared.getByTestId('standing-tag')).toHaveText('已澄清');
  await expect(page.getByTestId('casefile-bars')).toHaveText('无');
  const effects = page.getByTestId('clearance-effect');
  await expect(effects).toBeVisible();
  await expect(effects.locator('[data-testid=clearance-effect-item][data-type=promotionBar]')).toBeVisible();
  await expect(effects.locator('[data-testid=clearance-effect-item][data-type=salaryDeduction]')).toBeVisible();
  await expect(effects).toContainText('镇纪委');

  const downloadPromise = page.waitForEvent('download');
  await effects.getByTestId('clearance-notice').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  // Toasts (saved, downloaded) gone before the screenshot.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await page.getByTestId('clearances-card').scrollIntoViewIfNeeded();
  await shoot(page, 'casefile-cleared');
});
