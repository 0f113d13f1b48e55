// Import of a 50,000-row scores .xlsx (DOMAIN.md §5; goal ≤ 5 s on this machine), against the
// named peer "exceljs load alone" (the same file parsed by exceljs without our guard, mapping,
// validation and commit) measured in the same run. Also the same rows as CSV.
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { put } from '../shared/ledger/events';
import { runImport } from '../electron/import/importer';
import { MemoryStore } from '../electron/store/memory';

const ROWS = 50_000;
const CADRES = 1_000;
const MONTHS = ROWS / CADRES; // 50 months

const monthOf = (i: number) => {
  const y = 2021 + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const cadreId = (c: number) => `C${String(c + 1).padStart(5, '0')}`;
const scoreOf = (c: number, m: number) => 60 + ((c * 7919 + m * 104729) % 400) / 10;

async function buildXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('月度绩效得分');
  sheet.addRow(['干部编号', '月份', '得分']);
  sheet.addRow(['cadre_id', 'month', 'score']);
  for (let m = 0; m < MONTHS; m++) for (let c = 0; c < CADRES; c++) sheet.addRow([cadreId(c), monthOf(m), scoreOf(c, m)]);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function buildCsv(): Uint8Array {
  const lines = ['干部编号,月份,得分', 'cadre_id,month,score'];
  for (let m = 0; m < MONTHS; m++) for (let c = 0; c < CADRES; c++) lines.push(`${cadreId(c)},${monthOf(m)},${scoreOf(c, m)}`);
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

async function seededStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.commit(
    [
      put('units', { id: 'U1', name: '城关镇' }),
      ...Array.from({ length: CADRES }, (_, c) =>
        put('cadres', { id: cadreId(c), name: `干部${c}`, unitId: 'U1', peerGroup: 'g', position: '', rankLevel: '', category: 'civilServant', leader: false }),
      ),
    ],
    { user: 'bench', command: 'seed' },
  );
  return store;
}

async function time<T>(task: () => Promise<T>): Promise<[T, number]> {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const out = await task();
  return [out, (performance.now() - t0) / 1000];
}

const t0 = performance.now();
const xlsx = await buildXlsx();
const csv = buildCsv();
console.log(`generated ${ROWS} rows: xlsx ${(xlsx.length / 1024 / 1024).toFixed(1)} MB, csv ${(csv.length / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const [, peer] = await time(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as never);
  return wb;
});

const store = await seededStore();
const [first, xlsxTime] = await time(() => runImport(store, 'scores', { fileName: 'scores.xlsx', bytes: xlsx }, { user: 'bench' }));
if (first.plan.inserted !== ROWS || first.plan.rejected.length) throw new Error(`unexpected import result: ${JSON.stringify({ ...first.plan, rows: undefined, events: undefined })}`);
const [again, reimportTime] = await time(() => runImport(store, 'scores', { fileName: 'scores.xlsx', bytes: xlsx }, { user: 'bench' }));
if (again.plan.unchanged !== ROWS) throw new Error('re-import was not idempotent');

const csvStore = await seededStore();
const [csvOut, csvTime] = await time(() => runImport(csvStore, 'scores', { fileName: 'scores.csv', bytes: csv }, { user: 'bench' }));
if (csvOut.plan.inserted !== ROWS) throw new Error('csv import failed');

const rate = (s: number) => `${Math.round(ROWS / s).toLocaleString('en-US')} rows/s`;
const goal = 5;
console.table([
  { case: 'xlsx import (guard + exceljs + plan + commit)', seconds: xlsxTime.toFixed(2), rate: rate(xlsxTime), goal: `≤ ${goal} s ${xlsxTime <= goal ? 'met' : 'MISSED'}` },
  { case: 'xlsx re-import (all unchanged)', seconds: reimportTime.toFixed(2), rate: rate(reimportTime), goal: '' },
  { case: 'peer: exceljs load alone', seconds: peer.toFixed(2), rate: rate(peer), goal: '' },
  { case: 'csv import (same rows)', seconds: csvTime.toFixed(2), rate: rate(csvTime), goal: '' },
]);
console.log(`xlsx import / exceljs load alone = ${(xlsxTime / peer).toFixed(2)}×; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
