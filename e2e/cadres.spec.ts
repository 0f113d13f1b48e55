// 干部名册 on the demo township, at the office PC's 1366×650: the virtual list fits and reads, sorts
// (kept in the address), filters as one types, says why it is empty, scrolls through every cadre with
// only the rows in view in the DOM, and opens a case file from a name.
import type { Page } from '@playwright/test';
import { expect as baseExpect, screenshotPath, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 650 } });

const rowsInDom = (page: Page) => page.locator('[data-testid=cadre-table] [data-testid^=cadre-row-]');
const ids = (page: Page) =>
  rowsInDom(page).evaluateAll((rows) =>
    rows
      .map((r) => ({ id: r.getAttribute('data-testid')!.slice('cadre-row-'.length), top: r.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.id),
  );

/** Every row's cells start where their header does, and no header label is cut. */
async function expectColumnsLinedUp(page: Page) {
  const problems = await page.getByTestId('cadre-table').evaluate((el) => {
    const out: string[] = [];
    const heads = [...el.querySelectorAll<HTMLElement>('[role=columnheader]')];
    const lefts = heads.map((h) => Math.round(h.getBoundingClientRect().left));
    for (const h of heads) {
      const label = h.querySelector<HTMLElement>('button > span:first-child') ?? h;
      if (label.scrollWidth > label.clientWidth + 1) out.push(`header cut: ${h.innerText}`);
    }
    for (const row of el.querySelectorAll<HTMLElement>('[role=row][data-testid]')) {
      const cells = [...row.querySelectorAll<HTMLElement>('[role=cell]')].map((c) => Math.round(c.getBoundingClientRect().left));
      if (cells.join() !== lefts.join()) out.push(`${row.dataset.testid}: ${cells.join()} vs ${lefts.join()}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}

test('the demo township list fits 1366×650, sorts, filters as one types, scrolls and opens a case file', async ({ page, ledger }) => {
  await ledger.call('session.openDemo');
  const cadres = await ledger.call<Array<{ id: string; name: string; status: string }>>('cadres.list');
  await page.goto(ledger.launchUrl);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await page.getByTestId('menu-cadres').click();
  await expect(page.getByTestId('cadre-count')).toHaveText(`共 ${cadres.length} 条`);
  await expect(rowsInDom(page).first()).toBeVisible();

  // Fits: the new-cadre button and the whole table in the window; every cell one readable line,
  // names never cut.
  const button = await page.getByTestId('cadre-new').boundingBox();
  expect(button!.y + button!.height).toBeLessThanOrEqual(650);
  const table = await page.getByTestId('cadre-table').boundingBox();
  expect(table!.x + table!.width).toBeLessThanOrEqual(1366);
  expect(table!.y + table!.height).toBeLessThanOrEqual(650);
  const cells = await page.getByTestId('cadre-table').evaluate((el) => {
    const out = { narrow: [] as string[], cutNames: [] as string[], hScroll: false };
    for (const cell of el.querySelectorAll<HTMLElement>('[role=cell], [role=columnheader]')) {
      const fontSize = parseFloat(getComputedStyle(cell).fontSize);
      if (cell.clientWidth < fontSize * 4) out.narrow.push(cell.innerText);
    }
    for (const link of el.querySelectorAll<HTMLElement>('[role=cell] a')) {
      const cell = link.parentElement!;
      if (cell.scrollWidth > cell.clientWidth) out.cutNames.push(link.innerText);
    }
    const scroll = el.querySelector<HTMLElement>('.cadre-list-scroll')!;
    out.hScroll = scroll.scrollWidth > scroll.clientWidth;
    return out;
  });
  expect(cells).toEqual({ narrow: [], cutNames: [], hScroll: false });
  await expectColumnsLinedUp(page);
  await page.screenshot({ path: screenshotPath('cadres-list-1366x650'), animations: 'disabled' });
  await page.screenshot({ path: screenshotPath('cadres-list-full'), fullPage: true, animations: 'disabled' });

  // In English too (longer labels).
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('cadre-count')).toHaveText(`${cadres.length} in total`);
  await expectColumnsLinedUp(page);
  await page.screenshot({ path: screenshotPath('cadres-list-en-1366x650'), animations: 'disabled' });
  await page.getByTestId('lang-switch').getByText('中文').click();
  await expect(page.getByTestId('cadre-count')).toHaveText(`共 ${cadres.length} 条`);

  // Virtualized: a screenful of rows in the DOM, not all of them; scrolling reaches the last cadre.
  expect(await rowsInDom(page).count()).toBeLessThan(40);
  await page.locator('.cadre-list-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByTestId(`cadre-row-${cadres[cadres.length - 1].id}`)).toBeVisible();
  expect(await rowsInDom(page).count()).toBeLessThan(40);

  // Sorting by name, then descending: kept in the address and across a reload.
  const byName = [...cadres].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }) || (a.id < b.id ? -1 : 1));
  await page.getByTestId('cadre-sort-name').click();
  await expect(page.locator('[role=columnheader][aria-sort=ascending]')).toHaveCount(1);
  expect((await ids(page)).slice(0, 5)).toEqual(byName.slice(0, 5).map((c) => c.id));
  await page.getByTestId('cadre-sort-name').click();
  await expect(page.locator('[role=columnheader][aria-sort=descending]')).toHaveCount(1);
  expect(page.url()).toContain('sort=-name');
  await page.reload();
  await expect(page.locator('[role=columnheader][aria-sort=descending]')).toHaveCount(1);
  await expect.poll(async () => (await ids(page)).slice(0, 3)).toEqual([...byName].reverse().slice(0, 3).map((c) => c.id));
  await page.getByTestId('cadre-sort-name').click(); // a third click: the list's own order again
  await expect(page.locator('[role=columnheader][aria-sort=ascending], [role=columnheader][aria-sort=descending]')).toHaveCount(0);

  // Filtering as one types: the count follows each keystroke; the address follows after a pause.
  const someone = cadres[17];
  const search = page.getByTestId('cadre-search').locator('input');
  await search.pressSequentially(someone.id.toLowerCase());
  const matching = cadres.filter((c) => c.id.toLowerCase().includes(someone.id.toLowerCase()) || c.name.includes(someone.id));
  await expect(page.getByTestId('cadre-count')).toHaveText(`显示 ${matching.length} / ${cadres.length} 条`);
  await expect(page.getByTestId(`cadre-row-${someone.id}`)).toBeVisible();
  await expect.poll(() => page.url()).toContain(`q=${someone.id.toLowerCase()}`);

  // Nothing matches: the list says which conditions and offers to clear them.
  await page.getByTestId('filter-status').click();
  const otherStatus = someone.status === 'exited' ? '在岗' : '已退出';
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: otherStatus }).first().click();
  await expect(page.getByTestId('cadre-empty')).toContainText(`共 ${cadres.length} 名干部，没有一名同时符合`);
  await expect(page.getByTestId('cadre-empty')).toContainText(`姓名或编号含“${someone.id.toLowerCase()}”`);
  await expect(page.getByTestId('cadre-empty')).toContainText(`状态为“${otherStatus}”`);
  await page.screenshot({ path: screenshotPath('cadres-list-empty-filtered'), animations: 'disabled' });
  await page.getByTestId('cadre-empty').getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByTestId('cadre-count')).toHaveText(`共 ${cadres.length} 条`);
  await expect(search).toHaveValue('');

  // A name is a link to the case file.
  await search.fill(someone.name);
  await page.getByTestId(`cadre-row-${someone.id}`).getByRole('link', { name: someone.name }).click();
  await expect(page.getByTestId('casefile-name')).toHaveText(someone.name);
});

test('an empty ledger says there are no cadres yet and how to add them', async ({ page, ledger }) => {
  await ledger.call('units.create', { name: '石洞镇人民政府' });
  await page.goto(ledger.launchUrl);
  await page.evaluate(() => (location.hash = '#/cadres'));
  await expect(page.getByTestId('cadre-empty')).toContainText('台账里还没有干部');
  await page.screenshot({ path: screenshotPath('cadres-list-empty-ledger'), animations: 'disabled' });
  await page.getByTestId('cadre-empty').getByRole('button', { name: '导入花名册' }).click();
  await expect.poll(() => page.url()).toContain('#/import');
});
