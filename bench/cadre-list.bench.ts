// Cadre list benchmark (issues 2 and 13): the 干部名册 page with 50,000 cadres in the browser host,
// measured in the page with Playwright (Debian Chromium). Figures: from setting the route to the
// virtual list showing its first rows and the full count — after a write (the cached list is stale:
// shown from IndexedDB, then refetched over HTTP) and warm (the cache is stamped with the current
// revision: no HTTP at all; goal ≤ 300 ms) — from a search in the route to the filtered count, and
// from a keystroke in the search box to the filtered rows painted (goal ≤ 50 ms: the time of the
// keydown or input event, in the page, to the frame after the one whose DOM shows the expected count
// and rows; the expected counts are computed here from the generated cadres). The named peer is the
// raw `cadres.list` call over HTTP from Node, measured in the same run. Also printed: how many rows
// the DOM holds (virtualized).
//
// Run: npx tsx bench/cadre-list.bench.ts [cadres]   (npm run bench runs it too)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { callHost, spawnHost, valueOf } from '../e2e/fixtures';
import { chromiumFlags } from '../e2e/playwright.config';
import { openStore } from '../electron/store/index';
import { cadreCategories } from '../shared/domain/records';
import type { LedgerEvent } from '../shared/ledger/events';

const CADRES = Number(process.argv[2] ?? 50_000);
const RUNS = 5;
const GOAL_KEYSTROKE_MS = 50;
const GOAL_WARM_OPEN_MS = 300;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
  console.log('building the renderer (dist/renderer is missing)…');
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

// ---- the ledger: 200 units and CADRES cadres, seeded names ---------------------------------------
const generated: Array<{ id: string; name: string }> = [];
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pickOne = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯健俊帆帅旭宁龙林欣晨阳琳雪梅海波';
const peerGroups = ['乡镇班子正职', '乡镇班子副职', '站所负责人', '一般干部', '村党支部书记', '村委会主任', '事业单位负责人', '国企中层', '驻村工作队', '社区书记'];

const dataDir = mkdtempSync(join(tmpdir(), 'cadre-list-bench-'));
const store = await openStore(dataDir, { create: true, autoBackup: false });
const units = Array.from({ length: 200 }, (_, i) => ({ id: `U${String(i + 1).padStart(4, '0')}`, name: `第${i + 1}单位` }));
await store.commit(units.map((record) => ({ type: 'put', collection: 'units', record }) as LedgerEvent), { user: 'bench', command: 'bench.seed' });
for (let i = 0; i < CADRES; i += 10_000) {
  const batch: LedgerEvent[] = [];
  for (let j = i; j < Math.min(CADRES, i + 10_000); j++) {
    const record = {
      id: `C${String(j + 1).padStart(5, '0')}`,
      name: pickOne([...surnames]) + pickOne([...given]) + (rand() < 0.5 ? pickOne([...given]) : ''),
      unitId: pickOne(units).id,
      peerGroup: pickOne(peerGroups),
      position: '科员',
      rankLevel: '',
      category: pickOne(cadreCategories),
      leader: rand() < 0.1,
    };
    batch.push({ type: 'put', collection: 'cadres', record } as LedgerEvent);
    generated.push({ id: record.id, name: record.name });
  }
  await store.commit(batch, { user: 'bench', command: 'bench.seed' });
}
await store.close();
console.log(`ledger: ${units.length} units, ${CADRES} cadres written`);

const host = await spawnHost({ LEDGER_DATA_DIR: dataDir, PORT: '0', LEDGER_USER: 'bench' }, () => undefined);
const api = async (name: string, input: unknown): Promise<unknown> => valueOf(name, await callHost(host, name, input));
let touch = 0;
/** A write that moves the revision (the cached list is then stale and refetched). */
const writeSomething = () => api('units.update', { id: 'U0001', name: touch++ % 2 ? '第1单位' : '第1单位·' });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumFlags });
try {
  const raw: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await api('cadres.list', {});
    raw.push(performance.now() - t0);
  }

  const page = await browser.newPage({ viewport: { width: 1366, height: 650 }, locale: 'zh-CN' }); // the office PC's browser area
  await page.goto(`${host.url}#token=${host.token}`);
  await page.getByTestId('menu-units').waitFor();

  // Route → table with rows and the full count, measured in the page (string: see casefile.bench).
  const inPage = `async ([route, countText]) => {
    const done = () => new Promise((resolve) => {
      const check = () => {
        const count = document.querySelector('[data-testid=cadre-count]');
        const row = document.querySelector('[data-testid=cadre-table] .ant-table-row, [data-testid=cadre-table] [data-testid^=cadre-row-]');
        if (count && row && count.textContent.includes(countText)) requestAnimationFrame(() => resolve(performance.now()));
        else requestAnimationFrame(check);
      };
      check();
    });
    const t0 = performance.now();
    location.hash = route;
    const t1 = await done();
    const rows = document.querySelectorAll('[data-testid=cadre-table] .ant-table-row, [data-testid=cadre-table] [data-testid^=cadre-row-]').length;
    return { ms: t1 - t0, rows };
  }`;
  const open = (route: string, countText: string) =>
    page.evaluate(`(${inPage})(${JSON.stringify([route, countText])})`) as Promise<{ ms: number; rows: number }>;
  const leave = async () => {
    await page.evaluate(() => (location.hash = '#/units'));
    await page.getByTestId('unit-table').waitFor();
  };

  const total = `共 ${CADRES} 条`;
  await open('#/cadres', total); // warm-up: code chunks
  await leave();

  const cold: number[] = [];
  const warm: number[] = [];
  const search: number[] = [];
  let domRows = 0;
  for (let i = 0; i < RUNS; i++) {
    await writeSomething();
    const c = await open('#/cadres', total);
    cold.push(c.ms);
    domRows = c.rows;
    await leave();
    warm.push((await open('#/cadres', total)).ms);
    const s = await open(`#/cadres?q=${encodeURIComponent('王')}`, `/ ${CADRES} 条`);
    search.push(s.ms);
    await leave();
  }
  // ---- keystrokes in the search box ---------------------------------------------------------------
  // What the list must show after each keystroke: counted here, from the generated cadres, with the
  // page's rule (every word in the name or the number, case- and width-insensitive).
  const countText = (query: string) => {
    const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return total;
    const n = generated.filter((c) => words.every((w) => c.name.includes(w) || c.id.toLowerCase().includes(w))).length;
    return `显示 ${n} / ${CADRES} 条`;
  };
  // Armed before the key is sent: the keydown (or, for a character typed through an input method,
  // the input event) starts the clock in the page; the list counts as painted at the first frame
  // after the one in which the count and a row are in the DOM.
  const arm = `(countText) => {
    window.__keystroke = new Promise((resolve) => {
      let t0;
      const start = (e) => { if (t0 === undefined) t0 = e.timeStamp; };
      document.addEventListener('keydown', start, { capture: true, once: true });
      document.addEventListener('input', start, { capture: true, once: true });
      const check = () => {
        const count = document.querySelector('[data-testid=cadre-count]');
        const rows = document.querySelector('[data-testid=cadre-table] [data-testid^=cadre-row-]');
        const empty = document.querySelector('[data-testid=cadre-empty]');
        if (t0 !== undefined && count && count.textContent === countText && (rows || empty)) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - t0);
          requestAnimationFrame(() => channel.port2.postMessage(0));
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }`;
  const keystroke = async (typed: string, key: { press?: string; insert?: string }) => {
    await page.evaluate(`(${arm})(${JSON.stringify(countText(typed))})`);
    if (key.press) await page.keyboard.press(key.press);
    else await page.keyboard.insertText(key.insert!);
    return (await page.evaluate('window.__keystroke')) as number;
  };
  await open('#/cadres', total);
  const searchBox = page.getByTestId('cadre-search').locator('input');
  const keys: number[] = [];
  const keyRows: Array<{ typed: string; ms: number }> = [];
  for (let run = 0; run < 3; run++) {
    await searchBox.click();
    let typed = '';
    // A surname and a given name through the input method, then a cadre number key by key, each
    // deleted again: the first and the last keystrokes filter (or unfilter) all 50,000 rows.
    const steps: Array<{ press?: string; insert?: string }> = [
      { insert: '王' }, { insert: '伟' }, { press: 'Backspace' }, { press: 'Backspace' },
      { press: 'c' }, { press: '1' }, { press: '2' }, { press: '3' },
      { press: 'Backspace' }, { press: 'Backspace' }, { press: 'Backspace' }, { press: 'Backspace' },
    ];
    for (const step of steps) {
      typed = step.press === 'Backspace' ? typed.slice(0, -1) : typed + (step.insert ?? step.press);
      const t = await keystroke(typed, step);
      keys.push(t);
      if (run === 0) keyRows.push({ typed: typed || '(empty)', ms: t });
    }
  }
  const keyMedian = median(keys);
  const keyWorst = Math.max(...keys);
  await leave();

  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`\n干部名册 with ${CADRES} cadres, median of ${RUNS} runs:`);
  console.table({
    'cadres.list over HTTP (peer)': { time: ms(median(raw)) },
    'browser: list shown, after a write': { time: ms(median(cold)), 'vs peer': `${(median(cold) / median(raw)).toFixed(1)}×` },
    'browser: list shown, warm (read cache)': {
      time: ms(median(warm)),
      'vs peer': `${(median(warm) / median(raw)).toFixed(1)}×`,
      goal: `≤ ${GOAL_WARM_OPEN_MS} ms: ${met(median(warm) <= GOAL_WARM_OPEN_MS)}`,
    },
    'browser: search "王" in the route → filtered': { time: ms(median(search)), 'vs peer': `${(median(search) / median(raw)).toFixed(1)}×` },
    [`browser: keystroke → filtered rows painted (median of ${keys.length})`]: {
      time: ms(keyMedian),
      goal: `≤ ${GOAL_KEYSTROKE_MS} ms: ${met(keyMedian <= GOAL_KEYSTROKE_MS)}`,
      note: `worst ${ms(keyWorst)}`,
    },
  });
  console.log('keystrokes of the first run (text in the box → ms):', keyRows.map((k) => `${k.typed} ${k.ms.toFixed(0)}`).join(', '));
  console.log(`rows in the DOM for ${CADRES} cadres: ${domRows} (virtualized)`);
} finally {
  await browser.close();
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
