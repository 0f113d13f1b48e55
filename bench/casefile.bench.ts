// Case-file benchmark (issue 5): the case file of a cadre with 10 years of monthly history, in a
// ledger of a few thousand cadres (generated township, written to a real file store), opened in the
// browser host with Playwright (Debian Chromium). Measured inside the page: from setting the route
// to the case file rendered (header, findings and the 120-entry timeline in the DOM, confirmed by
// the store, one frame painted) — goal ≤ 300 ms — and to the chart drawn. The named peer is the
// raw `casefile.get` call over HTTP from Node, measured in the same run: the ratio shows what the
// renderer adds on top of the data.
//
// Two situations, both printed: "warm" — the store has not changed since the last read, so the
// ledger index of the as-of month is cached (opening one case file after another); "after a write"
// — a record was just written, so the first read rebuilds the index (the whole ledger).
//
// Run: npx tsx bench/casefile.bench.ts [cadres] [months]   (npm run bench runs it too; it builds
// the renderer first if dist/renderer is missing)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { callHost, spawnHost, valueOf } from '../e2e/fixtures';
import { chromiumFlags } from '../e2e/playwright.config';
import { openStore } from '../electron/store/index';
import { generateTownship } from '../shared/demo/township';
import type { CollectionName } from '../shared/ledger/collections';
import type { LedgerEvent } from '../shared/ledger/events';

const CADRES = Number(process.argv[2] ?? 3_000);
const MONTHS = Number(process.argv[3] ?? 120);
const RUNS = 7;
const GOAL_MS = 300;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
  console.log('building the renderer (dist/renderer is missing)…');
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

// ---- the ledger: a generated township written to a real store -----------------------------------
const loadAtStart = loadavg()[0];
const today = localToday();
const asOf = today.slice(0, 7);
let t = performance.now();
const data = generateTownship({ cadres: CADRES, endMonth: asOf, months: MONTHS, seed: 20 });
const dataDir = mkdtempSync(join(tmpdir(), 'cadre-casefile-bench-'));
const store = await openStore(dataDir, { create: true, autoBackup: false });
let events = 0;
for (const [collection, records] of Object.entries(data) as Array<[CollectionName, Array<{ id: string }>]>) {
  for (let i = 0; i < records.length; i += 20_000) {
    const batch: LedgerEvent[] = records.slice(i, i + 20_000).map((record) => ({ type: 'put', collection, record }) as LedgerEvent);
    await store.commit(batch, { user: 'bench', command: 'bench.seed' });
    events += batch.length;
  }
}
await store.close();
console.log(
  `ledger: ${CADRES} cadres, ${data.scores.length} monthly scores (${MONTHS} months to ${asOf}), ${data.sanctions.length} sanctions, ` +
    `${data.measures.length} measures; ${events} events written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// Cadres with a score in every month: the 10-year histories to open (a different one each run, so
// the renderer's read cache never has it).
const perCadre = new Map<string, number>();
for (const s of data.scores) perCadre.set(s.cadreId, (perCadre.get(s.cadreId) ?? 0) + 1);
const full = [...perCadre.entries()].filter(([, n]) => n === MONTHS).map(([id]) => id);
if (full.length < 4 * RUNS + 2) throw new Error(`only ${full.length} cadres with ${MONTHS} months of scores`);
const pickCadre = (() => {
  let i = 0;
  return () => full[i++];
})();

const host = await spawnHost({ LEDGER_DATA_DIR: dataDir, PORT: '0', LEDGER_USER: 'bench' }, () => undefined);
const api = async (name: string, input: unknown): Promise<unknown> => valueOf(name, await callHost(host, name, input));
/** A write that changes nothing the case files show, so the next read rebuilds the index. */
let touch = 0;
const writeSomething = () =>
  api('records.put', { collection: 'dismissals', record: { findingKey: `bench|touch|${touch++}`, reason: 'benchmark', date: today } });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumFlags });
try {
  // ---- the peer: casefile.get over HTTP ----------------------------------------------------------
  const rawWarm: number[] = [];
  const rawCold: number[] = [];
  let timelineLength = 0;
  for (let i = 0; i < RUNS; i++) {
    await writeSomething();
    let t0 = performance.now();
    const cf = (await api('casefile.get', { cadreId: pickCadre(), asOf })) as { timeline: unknown[] };
    rawCold.push(performance.now() - t0);
    timelineLength = cf.timeline.length;
    t0 = performance.now();
    await api('casefile.get', { cadreId: pickCadre(), asOf });
    rawWarm.push(performance.now() - t0);
  }

  // ---- the browser host --------------------------------------------------------------------------
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  await page.goto(`${host.url}#token=${host.token}`);
  await page.getByTestId('menu-units').waitFor();

  /**
   * Sets the route and waits, inside the page, for the case file rendered (and the chart drawn).
   * A string, not a function: tsx would wrap a function's inner helpers in `__name`, which the page
   * does not have.
   */
  const inPage = `async (id) => {
    const done = (sel) => new Promise((resolve) => {
      const check = () => (document.querySelector(sel) ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(check));
      check();
    });
    const t0 = performance.now();
    location.hash = '#/cadres/' + id;
    const rendered = await done('[data-testid=casefile][data-stale=false] [data-testid=timeline] [data-testid=timeline-entry]');
    const chart = await done('[data-testid=rank-chart] canvas');
    return { rendered: rendered - t0, chart: chart - t0 };
  }`;
  const open = (p: Page, cadreId: string) =>
    p.evaluate(`(${inPage})(${JSON.stringify(cadreId)})`) as Promise<{ rendered: number; chart: number }>;
  /** The floor: the same navigation to the small units page (same frame, one tiny query). */
  const leave = (p: Page) =>
    p.evaluate(`(async () => {
      const t0 = performance.now();
      location.hash = '#/units';
      await new Promise((resolve) => {
        const check = () => (document.querySelector('[data-testid=unit-table] tbody tr') && !document.querySelector('[data-testid=casefile]') ? requestAnimationFrame(resolve) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    })()`) as Promise<number>;

  // Warm-up: loads the case-file page's code and the chart's (lazy chunks), not counted.
  await open(page, pickCadre());
  await leave(page);

  const warm: Array<{ rendered: number; chart: number }> = [];
  const cold: Array<{ rendered: number; chart: number }> = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await writeSomething();
    await page.waitForTimeout(50);
    cold.push(await open(page, pickCadre()));
    await leave(page);
    warm.push(await open(page, pickCadre()));
    floor.push(await leave(page));
  }

  const rows = {
    'casefile.get over HTTP (peer)': { warm: ms(median(rawWarm)), 'after a write': ms(median(rawCold)) },
    'browser: case file rendered': { warm: ms(median(warm.map((x) => x.rendered))), 'after a write': ms(median(cold.map((x) => x.rendered))) },
    'browser: chart drawn': { warm: ms(median(warm.map((x) => x.chart))), 'after a write': ms(median(cold.map((x) => x.chart))) },
    'browser: units page (navigation floor)': { warm: ms(median(floor)), 'after a write': '—' },
  };
  console.log(`machine load (1-min average, 2 cores): ${loadAtStart.toFixed(1)} before seeding, ${loadavg()[0].toFixed(1)} after the runs`);
  console.log(`\ncase file of a cadre with ${MONTHS} months of scores (${timelineLength} timeline entries), median of ${RUNS} runs each:`);
  console.table(rows);
  const warmRendered = median(warm.map((x) => x.rendered));
  const coldRendered = median(cold.map((x) => x.rendered));
  console.log(
    `browser / raw call: warm ${(warmRendered / median(rawWarm)).toFixed(1)}×, after a write ${(coldRendered / median(rawCold)).toFixed(1)}×; ` +
      `case file / navigation floor (warm): ${(warmRendered / median(floor)).toFixed(1)}×`,
  );
  console.log(
    `goal ≤ ${GOAL_MS} ms (case file rendered): warm ${warmRendered <= GOAL_MS ? 'MET' : 'NOT MET'} (${ms(warmRendered)}), ` +
      `after a write ${coldRendered <= GOAL_MS ? 'MET' : 'NOT MET'} (${ms(coldRendered)})`,
  );
} finally {
  await browser.close();
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
