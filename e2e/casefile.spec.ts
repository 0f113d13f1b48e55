// The case file as an officer uses it: monthly scores entered on the page, the reminder-talk
// finding with its explanation, the talk recorded from the finding, a sanction with its impact
// period and promotion bar. Real renderer, real core, real store on disk.
import type { Page } from '@playwright/test';
import { lastDayOfPeriod } from '../shared/views/dates';
import { chooseOption, expect as baseExpect, type LedgerHost, screenshotPath, test } from './fixtures';

// These machines are shared and often loaded: waits are generous, the steps themselves are quick.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

/** The host's month and the two before it (the default as-of month is the host's). */
async function lastThreeMonths(ledger: LedgerHost): Promise<{ today: string; months: string[] }> {
  const info = await ledger.call<{ today: string }>('session.info');
  const [y, m] = info.today.split('-').map(Number);
  const months = [2, 1, 0].map((back) => {
    const d = new Date(Date.UTC(y, m - 1 - back, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  return { today: info.today, months };
}

/** Same day-of-month n months later (clamped), as the engine counts impact periods. */
function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  const t = new Date(Date.UTC(y, m - 1 + n, Math.min(d, last)));
  return t.toISOString().slice(0, 10);
}

async function pickDate(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('scores → reminder-talk finding → talk recorded from it; a sanction bars promotion', async ({ page, ledger }) => {
  const { today, months } = await lastThreeMonths(ledger);
  const unit = await ledger.call<{ id: string }>('units.create', { name: '城关镇' });
  const mk = (name: string) =>
    ledger.call<{ id: string }>('cadres.create', {
      name,
      unitId: unit.id,
      peerGroup: '乡镇副职',
      category: 'civilServant',
      position: '副镇长',
      rankLevel: '四级主任科员',
    });
  const target = await mk('张伟');
  // Three peers, so the group has thirds (n ≥ 3): their scores go in through the API.
  for (const [i, name] of ['李娜', '王强', '赵敏'].entries()) {
    const peer = await mk(name);
    for (const month of months) {
      await ledger.call('records.put', { collection: 'scores', record: { cadreId: peer.id, month, score: 90 - i * 3 } });
    }
  }

  await page.goto(ledger.launchUrl);
  await page.goto(`${ledger.url}#/cadres/${target.id}`);
  await expect(page.getByTestId('casefile-name')).toHaveText('张伟');
  await expect(page.getByTestId('findings-empty')).toBeVisible();

  // The officer enters three bottom-third months on the case file.
  for (const month of months) {
    await page.getByTestId('add-score').click();
    await pickDate(page, 'score-month', month);
    await page.getByTestId('score-value').fill('61.5');
    await page.getByTestId('score-form-submit').click();
    await expect(page.getByTestId('score-form')).toBeHidden();
    await expect(page.locator(`[data-testid=timeline-entry][data-collection=scores]`).filter({ hasText: month })).toContainText('第4/4名，后三分之一');
  }

  // The finding, with its explanation (the "why").
  const finding = page.locator('[data-testid=finding][data-rule="warn.bottom-third-streak"]');
  await expect(finding).toBeVisible();
  await expect(finding.getByTestId('finding-explanation')).toContainText(`连续3个月（${months[0]}至${months[2]}）位列同序列后三分之一`);
  await expect(finding).toContainText('提醒谈话');
  await expect(page.getByTestId('rank-chart').locator('canvas')).toBeVisible();

  // Record the talk from the finding: the form comes pre-filled with the suggested measure.
  await finding.getByTestId('finding-act').click();
  const act = page.getByTestId('act-form');
  await expect(act.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText('提醒谈话');
  await act.getByTestId('act-form-note').fill('已由组织委员进行提醒谈话');
  await act.getByTestId('act-form-submit').click();
  await expect(page.getByTestId('act-form')).toBeHidden();

  await expect(page.locator('[data-testid=finding][data-rule="warn.bottom-third-streak"]')).toHaveCount(0);
  const talk = page.locator('[data-testid=timeline-entry][data-collection=measures][data-kind=reminderTalk]');
  await expect(talk).toBeVisible();
  await expect(talk).toContainText('依据系统提示记录');
  await expect(talk).toContainText('已由组织委员进行提醒谈话');

  // A sanction: the impact period and the promotion bar appear in the header at once.
  await page.getByTestId('add-sanction').click();
  await chooseOption(page, 'sanction-kind', '记过');
  await page.getByTestId('sanction-reason').fill('违规发放津补贴');
  await page.getByTestId('sanction-form-submit').click();
  await expect(page.getByTestId('sanction-form')).toBeHidden();

  // The period is shown by its last day (the stored end is exclusive): 2026-12-01 至 2027-11-30.
  const end = lastDayOfPeriod(addMonths(today, 12));
  await expect(page.getByTestId('casefile-periods')).toContainText(`记过：${today} 至 ${end}`);
  await expect(page.getByTestId('casefile-bars')).toContainText(`不得提拔至 ${end}`);
  const sanction = page.locator('[data-testid=timeline-entry][data-collection=sanctions]');
  await expect(sanction).toContainText('违规发放津补贴');
  await expect(sanction.getByTestId('period-bar')).toBeVisible();

  await expect(page.locator('.ant-message-notice')).toHaveCount(0); // the "saved" toast would cover the header
  await page.screenshot({ path: screenshotPath('casefile'), fullPage: true });

  // Everything above went through the store: the journal names the officer's commands.
  const stored = await ledger.call<{ timeline: Array<{ collection: string; kind: string; record: { findingKey?: string } }> }>('casefile.get', {
    cadreId: target.id,
    asOf: months[2],
  });
  expect(stored.timeline.find((e) => e.kind === 'reminderTalk')?.record.findingKey).toMatch(/^warn\.bottom-third-streak\|cadre:/);
});

test('a form refused by the contract shows the field errors in Chinese', async ({ page, ledger }) => {
  const unit = await ledger.call<{ id: string }>('units.create', { name: '城关镇' });
  const cadre = await ledger.call<{ id: string }>('cadres.create', { name: '张伟', unitId: unit.id, peerGroup: '乡镇副职', category: 'civilServant' });
  await page.goto(ledger.launchUrl);
  await page.goto(`${ledger.url}#/cadres/${cadre.id}`);
  await page.getByTestId('add-score').click();
  await page.getByTestId('score-value').fill('120');
  await page.getByTestId('score-form-submit').click();
  await expect(page.getByTestId('score-form').locator('.ant-form-item-explain-error')).toContainText('不能大于 100');
  await expect(page.getByTestId('score-form')).toBeVisible();
});
