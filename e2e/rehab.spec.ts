// The second half of the article, as an officer does it: a cadre demoted, a rehabilitation plan
// opened from the demotion (pre-filled), check-ins and a positive review, top-third months, and the
// way-back checklist filling until rehab.reascend appears; a fault taken through the tolerance
// procedure to 予以容错 with no deduction (factor 0); a team's probation not improved offering every
// remaining rung and its members. Real renderer, real core, real store on disk.
import type { Page } from '@playwright/test';
import { expect as baseExpect, screenshotPath, test, type LedgerHost } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Long option lists are virtual: the label is typed into the select's search first. */
async function chooseOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(label);
  // The filtered list re-renders while typing; Enter picks its active option without racing it.
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option-active')).toContainText(label);
  await page.keyboard.press('Enter');
}

async function typeDate(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 650 });
  await page.screenshot({ path: screenshotPath(`${name}-1366x650`) });
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 800 });
}

async function noToast(page: Page) {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
}

/** 张伟 and three peers in one peer group (so the group has thirds). */
async function township(ledger: LedgerHost) {
  const info = await ledger.call<{ today: string }>('session.info');
  const unit = await ledger.call<{ id: string }>('units.create', { name: '城关镇' });
  const ids: string[] = [];
  for (const name of ['张伟', '李娜', '王强', '赵敏']) {
    const c = await ledger.call<{ id: string }>('cadres.create', { name, unitId: unit.id, peerGroup: '乡镇副职', category: 'civilServant', position: '副镇长' });
    ids.push(c.id);
  }
  return { today: info.today, unitId: unit.id, target: ids[0], peers: ids.slice(1) };
}

async function scores(ledger: LedgerHost, t: { target: string; peers: string[] }, months: string[]) {
  for (const month of months) {
    await ledger.call('records.put', { collection: 'scores', record: { cadreId: t.target, month, score: 95 } });
    for (const [i, p] of t.peers.entries()) await ledger.call('records.put', { collection: 'scores', record: { cadreId: p, month, score: 80 - i * 4 } });
  }
}

const condition = (page: Page, scope: string, id: string) => page.locator(`[data-testid=${scope}] [data-testid=way-back-condition][data-condition=${id}]`);

test('demoted, a plan opened from the demotion, check-ins, a review, top-third months: eligible to rise again', async ({ page, ledger }) => {
  const t = await township(ledger);
  const month = t.today.slice(0, 7);
  const months = [-3, -2, -1, 0].map((n) => addMonths(`${month}-01`, n).slice(0, 7));
  const demotedOn = addMonths(t.today, -13);

  await page.goto(ledger.launchUrl);
  await page.goto(`${ledger.url}#/cadres/${t.target}`);
  await expect(page.getByTestId('casefile-name')).toHaveText('张伟');

  // The demotion, entered on the case file.
  await page.getByTestId('add-measure').click();
  await chooseOption(page, 'measure-form-kind', '降职');
  await typeDate(page, 'measure-form-starts', demotedOn);
  await page.getByTestId('measure-form-note').fill('年度考核不称职，降低一个层次使用');
  await page.getByTestId('measure-form-submit').click();
  await expect(page.getByTestId('measure-form')).toBeHidden();

  // The way back up: time served, but no plan and no top-third months yet.
  await expect(condition(page, 'way-back-card', 'minTime')).toHaveAttribute('data-met', 'true');
  await expect(condition(page, 'way-back-card', 'plan')).toHaveAttribute('data-met', 'false');
  await expect(condition(page, 'way-back-card', 'topThird')).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('way-back-earliest')).not.toHaveText('—');

  // Open the plan from the demotion: pre-filled from the core's draft.
  const demotion = page.locator('[data-testid=timeline-entry][data-collection=measures][data-kind=demotion]');
  await demotion.getByTestId('row-plan').click();
  const form = page.getByTestId('plan-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('plan-starts')).not.toHaveValue('');
  await chooseOption(page, 'plan-assignment', '乡村振兴');
  await page.getByTestId('plan-post').fill('乡村振兴工作队队员');
  await page.getByTestId('plan-place').fill('城关镇东山村');
  await page.getByTestId('plan-fit').fill('曾任农业服务中心主任，熟悉产业项目');
  await page.getByTestId('plan-mentor').fill('王书记');
  await page.getByTestId('plan-goals').fill('半年内完成村集体经济项目申报');
  await page.getByTestId('plan-training-add').click();
  await page.getByTestId('plan-training-item').fill('乡村振兴专题培训');
  await typeDate(page, 'plan-training-from', t.today);
  await page.locator('.ant-modal-title').filter({ hasText: '制定帮扶计划' }).click(); // closes the date panel
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await shoot(page, 'plan-open-dialog');
  await form.getByTestId('plan-form-submit').click();

  // The plan's page.
  await expect(page.getByTestId('plan-page')).toBeVisible();
  await expect(page.getByTestId('plan-details')).toContainText('乡村振兴工作队队员');
  await expect(page.getByTestId('plan-no-checkins')).toBeVisible();

  // A check-in talk.
  await page.getByTestId('plan-add-checkin').click();
  const checkIn = page.getByTestId('checkin-form');
  await page.getByTestId('checkin-talked-by').fill('王书记');
  await page.getByTestId('checkin-thoughts').fill('思想稳定，正视问题');
  await page.getByTestId('checkin-workState').fill('积极参与产业项目');
  await page.getByTestId('checkin-concerns').fill('希望参加业务培训');
  await page.getByTestId('checkin-support').fill('安排参加专题培训');
  await shoot(page, 'checkin-dialog');
  await checkIn.getByTestId('checkin-form-submit').click();
  await expect(checkIn).toBeHidden();
  await expect(page.getByTestId('plan-checkin')).toHaveCount(1);

  // Two top-third months so far; the review shows them beside the form.
  await scores(ledger, t, months.slice(0, 2));
  await page.reload();
  await expect(page.getByTestId('plan-page')).toBeVisible();
  await page.getByTestId('plan-add-review').click();
  const review = page.getByTestId('review-form');
  await expect(review.getByTestId('review-ranks')).toContainText('第1/4名');
  await page.getByTestId('review-result').getByText('正面').click();
  await page.getByTestId('review-evidence').fill('完成东山村集体经济项目申报，群众评价好');
  await shoot(page, 'review-dialog');
  await review.getByTestId('review-form-submit').click();
  await expect(review).toBeHidden();
  await expect(page.locator('[data-testid=plan-review][data-result=positive]')).toHaveCount(1);
  // The way back is judged as of the latest scored month (two months ago): a review held today is
  // not on the record of that month yet (DOMAIN §4.1a; DECISIONS 161) — it counts from this month.
  await expect(condition(page, 'plan-way-back', 'plan')).toHaveAttribute('data-met', 'false');
  await expect(condition(page, 'plan-way-back', 'topThird')).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('plan-eligible')).toHaveCount(0);
  await noToast(page);
  await shoot(page, 'plan-page');

  // Two more top-third months: every condition met, the finding appears.
  await scores(ledger, t, months.slice(2));
  await page.reload();
  await expect(page.getByTestId('plan-eligible')).toBeVisible();
  await expect(condition(page, 'plan-way-back', 'plan')).toHaveAttribute('data-met', 'true');
  await expect(page.locator('[data-testid=plan-way-back] [data-testid=way-back-condition][data-met=false]')).toHaveCount(0);

  await page.getByRole('link', { name: '干部档案' }).click();
  await expect(page.getByTestId('way-back')).toHaveAttribute('data-eligible', 'true');
  const finding = page.locator('[data-testid=way-back] [data-testid=finding][data-rule="rehab.reascend"]');
  await expect(finding).toBeVisible();
  await expect(finding.getByTestId('finding-explanation')).toContainText('可重新使用');
  await page.getByTestId('way-back-card').scrollIntoViewIfNeeded();
  await shoot(page, 'casefile-way-back');

  // The list of all plans: eligible, exported.
  await page.getByTestId('menu-rehab').click();
  const row = page.getByTestId('rehab-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('rehab-eligible')).toBeVisible();
  await expect(row).toContainText('王书记');
  await shoot(page, 'rehab-list');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('rehab-export').click();
  expect((await downloadPromise).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByTestId('rehab-filter-overdue').click();
  await expect(page.getByTestId('rehab-table')).toContainText('没有符合筛选条件的帮扶计划');
  await page.getByTestId('rehab-filter-overdue').click();

  // Closing the plan records its outcome.
  await page.getByTestId('rehab-view').click();
  await page.getByTestId('plan-close').click();
  const close = page.getByTestId('plan-close-form');
  await page.getByTestId('plan-close-outcome').getByText('重新使用').click();
  await shoot(page, 'plan-close-dialog');
  await close.getByTestId('plan-close-form-submit').click();
  await expect(close).toBeHidden();
  await expect(page.getByTestId('plan-page')).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('plan-status')).toHaveText('已完成（重新使用）');
  await expect(page.getByTestId('plan-add-checkin')).toHaveCount(0);
});

test('a fault through the procedure to 予以容错: no deduction, factor 0', async ({ page, ledger }) => {
  const t = await township(ledger);
  await page.goto(ledger.launchUrl);
  await page.goto(`${ledger.url}#/cadres/${t.target}`);
  await expect(page.getByTestId('faults-empty')).toBeVisible();

  await page.getByTestId('add-fault').click();
  const form = page.getByTestId('fault-form');
  await typeDate(page, 'fault-date', t.today);
  await page.getByTestId('fault-description').fill('推进土地流转试点时程序不完备');
  await page.getByTestId('fault-intentional-no').click();
  await page.getByTestId('fault-personalInterest-no').click();
  await page.getByTestId('fault-violation-no').click();
  await page.getByTestId('fault-intentional-evidence').fill('会议纪要显示系对政策理解偏差');
  await page.getByTestId('fault-personalInterest-evidence').fill('未获取任何个人利益');
  await page.getByTestId('fault-violation-evidence').fill('属改革试点中的探索');
  await shoot(page, 'fault-dialog');
  await form.getByTestId('fault-form-submit').click();
  await expect(form).toBeHidden();

  const card = page.getByTestId('fault-card');
  await expect(card.getByTestId('fault-procedure')).toHaveAttribute('data-awaiting', 'application');

  const step = async (name: string, decision?: string) => {
    await card.getByTestId('fault-next-step').click();
    const f = page.getByTestId('fault-step-form');
    await expect(f).toBeVisible();
    await expect(page.getByTestId('fault-step-by')).toHaveValue('e2e');
    if (decision) {
      await page.getByTestId('fault-decision').getByText(decision).click();
      await shoot(page, 'fault-decision-dialog');
    }
    await f.getByTestId('fault-step-form-submit').click();
    await expect(f).toBeHidden();
    await expect(card.getByTestId(`fault-step-${name}`)).toContainText('e2e');
  };
  await step('application');

  // The tracker lists it as awaiting acceptance.
  await page.getByTestId('menu-tracker').click();
  const due = page.getByTestId('fault-due-row');
  await expect(due).toHaveCount(1);
  await expect(due).toContainText('受理');
  await noToast(page);
  await shoot(page, 'tracker-due');
  await page.goBack();

  await step('acceptance');
  await step('verification');
  await step('decision', '予以容错');
  await step('filing');
  await expect(card.getByTestId('fault-procedure')).toHaveAttribute('data-awaiting', 'none');
  await expect(card.getByTestId('fault-next-step')).toHaveCount(0);
  const deduction = card.getByTestId('fault-deduction');
  await expect(deduction).toHaveAttribute('data-factor', '0');
  await expect(deduction).toHaveAttribute('data-amount', '0');
  await expect(deduction).toContainText('× 系数 0');
  await noToast(page);
  await page.getByTestId('faults-card').scrollIntoViewIfNeeded();
  await shoot(page, 'casefile-fault');
});

test("a team's probation not improved offers every remaining rung and its members", async ({ page, ledger }) => {
  const t = await township(ledger);
  await ledger.call('records.put', {
    collection: 'measures',
    record: { subjectType: 'unit', subjectId: t.unitId, kind: 'probation', startsOn: addMonths(t.today, -3), endsOn: addMonths(t.today, 0) },
  });
  await page.goto(ledger.launchUrl);
  await page.getByTestId('menu-tracker').click();
  const row = page.locator(`[data-testid=tracker-row][data-subject="${t.unitId}"][data-kind=probation]`);
  await row.getByTestId('close-item').click();
  await page.getByTestId('close-outcome').getByText('未改进').click();
  await page.getByTestId('close-submit').click();
  const next = page.getByTestId('next-step-form');
  await expect(next).toBeVisible();
  await expect(page.getByTestId('next-step-intro')).toContainText('按阶梯，下一步为：');
  await expect(page.getByTestId('next-step-member')).toHaveCount(4);
  await page.getByTestId('next-step-form-kind').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.filter({ hasText: '调整岗位' })).toHaveCount(1);
  expect(await options.count()).toBeGreaterThan(1);
  await page.getByTestId('next-step-intro').click(); // closes the list again
  await expect(options).toHaveCount(0);
  await shoot(page, 'tracker-next-step-team');

  // An individual measure for one member.
  await page.getByTestId('next-step-member').first().click();
  const member = page.getByTestId('member-measure-form');
  await expect(member).toBeVisible();
  await shoot(page, 'tracker-member-measure');
  await member.getByTestId('member-measure-form-submit').click();
  await expect(member).toBeHidden();
  await expect(next).toBeVisible();
});
