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

/** A dialog (modal or drawer) whose primary and cancel buttons must be in view; with `problems`, its layout defects are added there too. */
async function checkDialog(page: Page, name: string, open: () => Promise<void>, primary: (dialog: Locator) => Locator, problems?: string[]) {
  await open();
  const dialog = page.locator('.ant-modal-wrap:visible .ant-modal, .ant-drawer-content-wrapper:visible').last();
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(350); // the opening animation moves the buttons
  await expectInView(primary(dialog), `${name}: primary button`);
  const cancel = dialog.locator('.ant-modal-footer button, .ant-drawer-footer button, button').filter({ hasText: /^(取\s*消|Cancel)$/ }).first();
  if (await cancel.count()) await expectInView(cancel, `${name}: cancel button`);
  if (problems) await collect(page, `dialog-${name}`, problems, '.ant-modal-wrap .ant-modal, .ant-drawer-content-wrapper');
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

// What a look at every page in both languages found (issue: the settings' policy sections hidden
// in antd's “…” menu at 1366 px, the tracker's English "Next step" header on two lines, dates
// broken as "2024-03-" / "25", tags spilling into the next column, a page wider than the window):
// each page is checked for these and the whole list must be empty.
type Layout = { hiddenTabs: string[]; wrappedHeaders: string[]; brokenDates: string[]; spilling: string[]; clippedTitles: string[]; pageWidth: number };

/** The layout defects on the page now, or in the open dialog matching `within` (only what is shown: hidden tab panes and pages are skipped). */
function layoutOf(page: Page, within?: string): Promise<Layout> {
  return page.evaluate((within) => {
    const shown = (el: HTMLElement) => el.offsetParent !== null && el.getClientRects().length > 0;
    const lineOf = (el: HTMLElement) => {
      const style = getComputedStyle(el);
      return parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
    };
    /** The height of the element's text (its padding not counted). */
    const textHeight = (el: HTMLElement) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getBoundingClientRect().height;
    };
    const text = (el: HTMLElement) => (el.innerText || '').trim().replace(/\s+/g, ' ');
    const root: ParentNode = (within && Array.from(document.querySelectorAll<HTMLElement>(within)).filter(shown).pop()) || document;
    // antd shows the “…” operations (not -hidden) only when some tab of the list does not fit.
    const hiddenTabs = Array.from(root.querySelectorAll<HTMLElement>('.ant-tabs-nav-operations:not(.ant-tabs-nav-operations-hidden)')).map((ops) =>
      Array.from(ops.closest('.ant-tabs-nav')?.querySelectorAll<HTMLElement>('.ant-tabs-tab') ?? [])
        .map(text)
        .join(' | '),
    );
    const wrappedHeaders: string[] = [];
    for (const th of root.querySelectorAll<HTMLElement>('.ant-table-thead th, [role=columnheader]')) {
      if (!shown(th) || !text(th)) continue;
      if (textHeight(th) > lineOf(th) * 1.6) wrappedHeaders.push(text(th));
    }
    const brokenDates = new Set<string>();
    const spilling = new Set<string>();
    for (const td of root.querySelectorAll<HTMLElement>('.ant-table-tbody td, [role=cell]')) {
      if (!shown(td)) continue;
      const t = text(td);
      // A date (2024-03-25, 2024-03) anywhere in the cell whose characters sit on two lines.
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\d{4}-\d{2}(-\d{2})?/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
          if (tops.size > 1) brokenDates.add(m[0]);
        }
      }
      // Content wider than its column runs under the next one (a cell cut with “…” on purpose aside).
      if (getComputedStyle(td).textOverflow !== 'ellipsis' && td.scrollWidth > td.clientWidth + 1) spilling.add(t.slice(0, 40));
    }
    const clippedTitles: string[] = [];
    for (const title of root.querySelectorAll<HTMLElement>('.ant-card-head-title')) {
      if (shown(title) && title.scrollWidth > title.clientWidth + 1) clippedTitles.push(text(title).slice(0, 60));
    }
    return { hiddenTabs, wrappedHeaders, brokenDates: [...brokenDates], spilling: [...spilling], clippedTitles, pageWidth: document.documentElement.scrollWidth };
  }, within);
}

/** Two frames: antd measures its tab list and table after a render. */
const settled = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** The page's layout defects, each named with the page (`name`), into `problems`. */
async function collect(page: Page, name: string, problems: string[], within?: string) {
  await settled(page);
  const l = await layoutOf(page, within);
  problems.push(
    ...l.hiddenTabs.map((t) => `${name}: tabs hidden in the “…” menu: ${t}`),
    ...l.wrappedHeaders.map((t) => `${name}: header on two lines: ${t}`),
    ...l.brokenDates.map((t) => `${name}: date broken over two lines: ${t}`),
    ...l.spilling.map((t) => `${name}: cell wider than its column: ${t}`),
    ...l.clippedTitles.map((t) => `${name}: card title cut: ${t}`),
    ...(l.pageWidth > W && !within ? [`${name}: page ${l.pageWidth} px wide`] : []),
  );
}

/** collect() and the page's screenshots, in the window and whole. */
async function lookAt(page: Page, name: string, problems: string[]) {
  await collect(page, name, problems);
  await shot(page, name);
  await shot(page, `${name}-full`, true);
}

for (const lang of ['zh', 'en'] as const) {
  test(`in ${lang === 'zh' ? 'Chinese' : 'English'} no tab is hidden, no header wraps, no date breaks, nothing is wider than its column`, async ({ page, ledger }) => {
    await openDemo(page, ledger);
    if (lang === 'en') {
      await page.getByTestId('lang-switch').getByText('English').click();
      await expect(page.getByTestId('menu-settings')).toHaveText(/Settings/);
    }
    const cadres = await ledger.call<Array<{ id: string; name: string }>>('cadres.list');
    const { latestScoredMonth } = await ledger.call<{ latestScoredMonth: string }>('session.info');
    const findings = await ledger.call<{ items: Array<{ subject: { type: string; id: string } }> }>('findings.list', { asOf: latestScoredMonth });
    const someone = findings.items.find((f) => f.subject.type === 'cadre')?.subject.id ?? cadres[0].id;
    const plans = await ledger.call<{ items: Array<{ plan: { id: string } }> }>('rehab.list', { asOf: latestScoredMonth, filters: {} });
    const problems: string[] = [];
    const pages: Array<[name: string, path: string, ready: Locator]> = [
      ['overview', '/', page.getByTestId('overview-finding').first()],
      ['cadres', '/cadres', page.getByTestId('cadres').getByText(cadres[0].name).first()],
      ['casefile', `/cadres/${someone}`, page.getByTestId('timeline-entry').first()],
      ['units', '/units', page.getByTestId('unit-table').locator('.ant-table-row').first()],
      ['tracker', '/tracker', page.getByTestId('team-ranking-row').first()],
      ['rehab', '/rehab', page.getByTestId('rehab-row').first()],
      ['rehab-plan', `/rehab/${plans.items[0].plan.id}`, page.getByTestId('plan-status').first()],
      ['meetings', '/meeting', page.getByTestId('meeting-new')],
      ['statistics', '/meeting/statistics', page.getByTestId('meeting-table').locator('.ant-table-row').first()],
      ['cadre-form', '/cadres/new', page.getByTestId('cadre-save')],
      ['import', '/import', page.getByTestId('import-kind')],
      ['audit', '/audit', page.getByTestId('audit-chain').first()],
      ['settings', '/settings', page.getByTestId('policy-open')],
      ['exchange', '/exchange', page.locator('[data-testid=exchange-create], [data-testid=exchange-counts]').first()],
      ['policy', '/policy', page.getByTestId('policy-section-ranking')],
    ];
    for (const [name, path, ready] of pages) {
      await go(page, path);
      await expect(ready, name).toBeVisible();
      await lookAt(page, `${lang}-${name}`, problems);
    }

    // The preview of a file that cannot be imported says why.
    await go(page, '/import');
    await page.getByTestId('import-page').locator('input[type=file]').setInputFiles({
      name: 'cadres.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFF姓名,单位\n张三,中川镇财政所\n', 'utf8'),
    });
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await lookAt(page, `${lang}-import-preview`, problems);

    // In English (the Chinese dialogs are walked above): the entry dialogs keep their buttons in view too.
    if (lang === 'en') {
      const submit = (d: Locator) => d.locator('button[type=submit], .ant-btn-primary').last();
      await go(page, '/policy');
      await checkDialog(page, 'en-policy-issue', () => page.getByTestId('policy-issue-open').click(), (d) => d.getByTestId('policy-issue-next'), problems);
      await go(page, `/cadres/${someone}`);
      await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
      for (const kind of ['score', 'grade', 'sanction', 'measure'] as const) {
        await checkDialog(page, `en-casefile-${kind}`, () => page.getByTestId(`add-${kind}`).click(), submit, problems);
      }
      await go(page, '/units');
      await checkDialog(page, 'en-unit', () => page.getByTestId('unit-new').click(), (d) => d.locator('.ant-btn-primary').last(), problems);
      await go(page, '/tracker');
      await expect(page.getByTestId('close-item').first()).toBeVisible();
      await checkDialog(page, 'en-tracker-register', () => page.getByTestId('tracker-register').click(), submit, problems);
      await checkDialog(page, 'en-tracker-close', () => page.getByTestId('close-item').first().click(), (d) => d.getByTestId('close-submit'), problems);
      await go(page, '/meeting');
      await checkDialog(page, 'en-meeting-create', () => page.getByTestId('meeting-new').click(), (d) => d.getByTestId('meeting-create-submit'), problems);
    }
    expect(problems, 'layout defects').toEqual([]);

    // Settings → 政策版本: every section's tab is in the window (none behind “…”), the last one opens.
    await go(page, '/policy');
    const tabs = page.getByTestId('policy-sections').getByRole('tab');
    await expect(tabs.first()).toBeVisible();
    expect(await tabs.count()).toBeGreaterThanOrEqual(9);
    for (const tab of await tabs.all()) await expectInView(tab, `policy tab ${await tab.innerText()}`);
    await tabs.last().click();
    await expect(page.getByTestId('policy-section-ladder')).toBeVisible();
    const ladder: string[] = [];
    await lookAt(page, `${lang}-policy-ladder`, ladder);
    expect(ladder, 'layout defects').toEqual([]);
  });
}
