// On an office PC (1366×768 screen, a browser area of about 1366×650) every page and every dialog
// is usable: the primary buttons are inside the window without scrolling the page behind, and no
// table column squeezes a name into one character per line. Walks the demo township's pages and
// dialogs at 1366×650 and saves a screenshot of each (e2e/screenshots/fit-*.png) to look at.
import type { Locator, Page } from '@playwright/test';
import { expect as baseExpect, screenshotPath, test, type LedgerHost } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1366, height: 650 } });

const W = 1366;
const H = 650;

/** The element is wholly inside the window (it can be clicked without scrolling anything). */
async function expectInView(locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom within ${H}`).toBeLessThanOrEqual(H);
  expect(box!.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right within ${W}`).toBeLessThanOrEqual(W);
}

/** No cell of the table is a column of single characters (a name squeezed one character a line). */
async function expectNoSqueezedCells(page: Page, table: Locator, what: string) {
  await expect(table, what).toBeVisible();
  const squeezed = await table.evaluate((el) => {
    const bad: string[] = [];
    for (const cell of el.querySelectorAll<HTMLElement>('td')) {
      const text = (cell.innerText || '').trim();
      if (text.length < 2) continue;
      const style = getComputedStyle(cell);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
      // Narrower than two characters of its font, with a line per character: squeezed.
      if (cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) < parseFloat(style.fontSize) * 1.6 && cell.scrollHeight > line * 2.5) {
        bad.push(text.slice(0, 20));
      }
    }
    return bad;
  });
  expect(squeezed, `${what}: squeezed cells`).toEqual([]);
}

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: screenshotPath(`fit-${name}`), fullPage });
}

/** A dialog (modal or drawer) whose primary and cancel buttons must be in view. */
async function checkDialog(page: Page, name: string, open: () => Promise<void>, primary: (dialog: Locator) => Locator) {
  await open();
  const dialog = page.locator('.ant-modal-wrap:visible .ant-modal, .ant-drawer-content-wrapper:visible').last();
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(350); // the opening animation moves the buttons
  await expectInView(primary(dialog), `${name}: primary button`);
  const cancel = dialog.locator('.ant-modal-footer button, .ant-drawer-footer button, button').filter({ hasText: /^取\s*消$/ }).first();
  if (await cancel.count()) await expectInView(cancel, `${name}: cancel button`);
  await shot(page, `dialog-${name}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

async function openDemo(page: Page, ledger: LedgerHost) {
  await ledger.call('session.openDemo');
  await page.goto(ledger.launchUrl);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
}

async function go(page: Page, path: string) {
  await page.evaluate((p) => {
    location.hash = `#${p}`;
  }, path);
}

test('every page fits 1366×650 and its primary buttons are in view', async ({ page, ledger }) => {
  await openDemo(page, ledger);
  const cadres = await ledger.call<Array<{ id: string; name: string }>>('cadres.list');
  const withFindings = await ledger.call<{ items: Array<{ subject: { type: string; id: string } }> }>('findings.list', {
    asOf: (await ledger.call<{ latestScoredMonth: string }>('session.info')).latestScoredMonth,
  });
  const someone = withFindings.items.find((f) => f.subject.type === 'cadre')?.subject.id ?? cadres[0].id;

  // Overview: the findings of the month, the table of one rule readable.
  await expect(page.getByTestId('overview-total')).toBeVisible();
  await expectInView(page.getByTestId('asof-picker'), 'header month picker');
  await expectInView(page.getByTestId('overview-export-all'), 'overview export');
  await shot(page, 'overview');
  await expectNoSqueezedCells(page, page.getByTestId('overview-new'), 'overview new findings');
  await page.getByTestId('overview-rule-row').first().click();
  await expect(page.getByTestId('overview-finding').first()).toBeVisible();
  await expectNoSqueezedCells(page, page.getByTestId('overview-rule-list'), 'overview rule list');
  await shot(page, 'overview-rule');
  await shot(page, 'overview-rule-full', true);

  // Cadres register and its form.
  await page.getByTestId('menu-cadres').click();
  await expect(page.locator('[data-testid=cadres], .ant-table').first()).toBeVisible();
  await shot(page, 'cadres');
  await go(page, '/cadres/new');
  await expectInView(page.getByTestId('cadre-save'), 'cadre form save');
  await expectInView(page.getByTestId('cadre-cancel'), 'cadre form cancel');
  await shot(page, 'cadre-form');
  await shot(page, 'cadre-form-full', true);

  // Case file and its entry dialogs.
  await go(page, `/cadres/${someone}`);
  await expect(page.getByTestId('casefile-name')).toBeVisible();
  await shot(page, 'casefile');
  await shot(page, 'casefile-full', true);
  // A record id in a finding's evidence opens that record in the case file, marked.
  await page.getByTestId('finding-evidence').first().click();
  const recordLink = page.getByTestId('finding-record-link').first();
  if (await recordLink.count()) {
    const id = (await recordLink.innerText()).trim();
    await recordLink.click();
    await expect(page.locator(`[data-testid=timeline-entry][data-id="${id}"]`)).toHaveAttribute('data-highlighted', 'true');
  }
  for (const [button, name] of [
    ['add-score', 'score'],
    ['add-grade', 'grade'],
    ['add-sanction', 'sanction'],
    ['add-measure', 'measure'],
  ] as const) {
    await checkDialog(
      page,
      `casefile-${name}`,
      () => page.getByTestId(button).click(),
      (d) => d.locator('button[type=submit], .ant-btn-primary').last(),
    );
  }

  // Units.
  await page.getByTestId('menu-units').click();
  await expect(page.locator('.ant-table').first()).toBeVisible();
  await shot(page, 'units');
  const newUnit = page.locator('button.ant-btn-primary').first();
  await checkDialog(page, 'unit', () => newUnit.click(), (d) => d.locator('.ant-btn-primary').last());

  // Tracker and its dialogs.
  await page.getByTestId('menu-tracker').click();
  await expect(page.getByTestId('tracker-table')).toBeVisible();
  await expectInView(page.getByTestId('tracker-print'), 'tracker print');
  await expectNoSqueezedCells(page, page.getByTestId('tracker-table'), 'tracker table');
  await shot(page, 'tracker');
  await shot(page, 'tracker-full', true);
  await checkDialog(page, 'tracker-register', () => page.getByTestId('tracker-register').click(), (d) => d.locator('button[type=submit], .ant-btn-primary').last());
  if (await page.getByTestId('close-item').count()) {
    await checkDialog(page, 'tracker-close', () => page.getByTestId('close-item').first().click(), (d) => d.getByTestId('close-submit'));
  }

  // Meetings, statistics.
  await page.getByTestId('menu-meeting').click();
  await expectInView(page.getByTestId('meeting-new'), 'new meeting');
  await expectInView(page.getByTestId('meetings-proposed-docket'), 'proposed docket document');
  await shot(page, 'meetings');
  await checkDialog(page, 'meeting-create', () => page.getByTestId('meeting-new').click(), (d) => d.getByTestId('meeting-create-submit'));
  await page.getByTestId('meeting-tab-statistics').click();
  await expect(page.getByTestId('meeting-table')).toBeVisible();
  await expectInView(page.getByTestId('meeting-print'), 'statistics print');
  await shot(page, 'statistics');

  // Import and settings.
  await page.getByTestId('menu-import').click();
  await expect(page.locator('.ant-card').first()).toBeVisible();
  await shot(page, 'import');
  // The preview of a file with a bad row: its buttons and the rejected rows readable.
  await page.getByTestId('import-page').locator('input[type=file]').setInputFiles({
    name: '干部名册.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '\uFEFF姓名,单位,考核序列,人员类别\n张三,中川镇财政所,一般干部,公务员\n李四,不存在的单位名称很长很长很长,一般干部,公务员\n',
      'utf8',
    ),
  });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await shot(page, 'import-preview');
  await shot(page, 'import-full', true);
  if (await page.getByTestId('import-rejected').count()) await expectNoSqueezedCells(page, page.getByTestId('import-rejected'), 'import rejected rows');
  await page.getByTestId('menu-settings').click();
  await expect(page.locator('.ant-card').first()).toBeVisible();
  await shot(page, 'settings');
  await shot(page, 'settings-full', true);
});

test('a meeting’s docket and its dialogs fit 1366×650', async ({ page, ledger }) => {
  await openDemo(page, ledger);
  const { latestScoredMonth } = await ledger.call<{ latestScoredMonth: string }>('session.info');
  const proposed = await ledger.call<{ items: unknown[] }>('meetings.proposeDocket', { asOf: latestScoredMonth });
  const meeting = await ledger.call<{ id: string }>('meetings.create', {
    type: 'cadreWork',
    date: `${latestScoredMonth}-28`,
    place: '镇政府三楼会议室',
    chair: '王书记',
    recorder: '李干事',
    attendees: ['王书记', '张镇长', '刘委员'],
    asOf: latestScoredMonth,
    items: proposed.items,
  });
  await go(page, `/meeting/${meeting.id}`);
  await expect(page.getByTestId('docket-item').first()).toBeVisible();
  await expectInView(page.getByTestId('docket-add'), 'add item');
  await shot(page, 'meeting-detail');
  await shot(page, 'meeting-detail-full', true);
  const first = page.getByTestId('docket-item').first();
  await checkDialog(page, 'item-edit', () => first.getByTestId('item-edit').click(), (d) => d.getByTestId('item-save'));
  await checkDialog(page, 'item-add', () => page.getByTestId('docket-add').click(), (d) => d.getByTestId('item-save'));
  await checkDialog(page, 'decision', () => first.getByTestId('item-decide').click(), (d) => d.getByTestId('decision-save'));
  await checkDialog(page, 'meeting-edit', () => page.getByTestId('meeting-edit-open').click(), (d) => d.getByTestId('meeting-edit-save'));

  // On paper: no menu, no buttons, the items whole.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('docket-add')).toBeHidden();
  await page.screenshot({ path: screenshotPath('fit-meeting-detail-print'), fullPage: true, clip: { x: 0, y: 0, width: W, height: 1000 } });
  await page.emulateMedia({ media: 'screen' });

  // In English the labels are longer: the header's buttons still fit.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('docket-add')).toHaveText('Add item');
  await expectInView(page.getByTestId('docket-add'), 'add item (English)');
  await expectInView(page.getByTestId('meeting-detail-print'), 'print (English)');
  await shot(page, 'meeting-detail-en');
  await page.getByTestId('menu-meeting').click();
  await expectInView(page.getByTestId('meeting-new'), 'new meeting (English)');
  await shot(page, 'meetings-en');
});
