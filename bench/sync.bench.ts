// Sync between offices (docs/SYNC.md; issue 12): one year of a 300-cadre township (the demo
// generator, 12 months; about 5,000 events in realistic commits) exported as a package and
// imported by the New Area; the package's size against the same records as .xlsx; and 20
// townships' packages imported into one New Area. Goals: ≤ 1 s to export and ≤ 1 s to import one
// township's year; ≤ 10 s for all 20.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateTownship } from '../shared/demo/township';
import type { CollectionName } from '../shared/ledger/collections';
import type { LedgerEvent } from '../shared/ledger/events';
import { replicatedCollections } from '../shared/sync/records';
import { workbookOf } from '../electron/export/xlsx';
import { exportPackage, importPackages } from '../electron/sync/exchange';
import { ceremony, closeOffices, NOW, openOffice, type TestOffice } from '../electron/sync/testkit';

const TOWNSHIPS = 20;
const work = mkdtempSync(join(tmpdir(), 'cadre-sync-bench-'));

/** One township's year as commits: the register at once, scores a month at a time, other records in tens. */
function yearOf(seed: number): { commits: LedgerEvent[][]; events: number; data: ReturnType<typeof generateTownship> } {
  const data = generateTownship({ cadres: 300, endMonth: '2026-05', months: 12, seed });
  const put = (collection: CollectionName, record: unknown): LedgerEvent => ({ type: 'put', collection, record } as LedgerEvent);
  const commits: LedgerEvent[][] = [[...data.units.map((u) => put('units', u)), ...data.cadres.map((c) => put('cadres', c))]];
  const months = [...new Set(data.scores.map((s) => s.month))].sort();
  for (const m of months) commits.push(data.scores.filter((s) => s.month === m).map((s) => put('scores', s)));
  for (const c of ['grades', 'sanctions', 'measures', 'faults', 'rehabPlans', 'checkIns', 'clearances', 'policies'] as const) {
    const rows = data[c] as unknown[];
    for (let i = 0; i < rows.length; i += 10) commits.push(rows.slice(i, i + 10).map((r) => put(c, r)));
  }
  return { commits, events: commits.reduce((n, c) => n + c.length, 0), data };
}

async function township(i: number, newArea: TestOffice): Promise<{ office: TestOffice; events: number; data: ReturnType<typeof generateTownship> }> {
  const code = `XZ${String(i + 1).padStart(2, '0')}`;
  const office = await openOffice(code, `第${i + 1}镇`, work);
  await ceremony(newArea, office);
  const { commits, events, data } = yearOf(1000 + i);
  for (const c of commits) await office.store.commit(c, { user: 'clerk', command: 'bench.seed' });
  return { office, events, data };
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

try {
  const newArea = await openOffice('XQ', '新区党工委办公室', work);
  const t0 = performance.now();
  const towns = [];
  for (let i = 0; i < TOWNSHIPS; i++) towns.push(await township(i, newArea));
  console.log(`set up ${TOWNSHIPS} townships (${towns[0].events} events each) in ${seconds(t0).toFixed(1)} s`);

  // One township: export (cutting its feed from the journal, then writing the package) and import.
  const first = towns[0];
  let t = performance.now();
  const pkg = await exportPackage(first.office.store, 'XQ', { now: NOW });
  const exportTime = seconds(t);
  const xlsx = await workbookOf(
    replicatedCollections
      .filter((c) => (first.data[c] as unknown[]).length > 0)
      .map((c) => {
        const rows = first.data[c] as Record<string, unknown>[];
        const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
        return { name: c, header, rows: rows.map((r) => header.map((h) => (typeof r[h] === 'object' && r[h] !== null ? JSON.stringify(r[h]) : (r[h] as never)))) };
      }),
  );
  t = performance.now();
  const again = await exportPackage(first.office.store, 'XQ', { now: NOW });
  const reexportTime = seconds(t);
  t = performance.now();
  const one = await importPackages(newArea.store, [{ name: pkg.fileName, bytes: pkg.bytes }], { now: NOW });
  const importTime = seconds(t);
  if (one.offices[0].new !== pkg.entries) throw new Error(`unexpected import: ${JSON.stringify(one.offices)}`);
  t = performance.now();
  const replay = await importPackages(newArea.store, [{ name: again.fileName, bytes: again.bytes }], { now: NOW });
  const replayTime = seconds(t);
  if (replay.committed) throw new Error('a replay changed the store');

  // The other 19 into the same New Area: all 20 townships' years, one package each.
  const packages = [];
  for (const town of towns.slice(1)) {
    const p = await exportPackage(town.office.store, 'XQ', { now: NOW });
    packages.push({ name: p.fileName, bytes: p.bytes });
  }
  t = performance.now();
  for (const p of packages) {
    const r = await importPackages(newArea.store, [p], { now: NOW });
    if (!r.committed) throw new Error(`package ${p.name} not imported`);
  }
  const allTime = importTime + seconds(t);
  const records = newArea.store.state().cadres.size;

  const verdict = (v: number, goal: number) => `≤ ${goal} s ${v <= goal ? 'met' : 'NOT met'}`;
  console.table([
    { case: `export one township's year (${pkg.entries} entries, ${first.events} events)`, seconds: exportTime.toFixed(3), goal: verdict(exportTime, 1) },
    { case: 're-export (feed already cut)', seconds: reexportTime.toFixed(3), goal: '' },
    { case: "import one township's year", seconds: importTime.toFixed(3), goal: verdict(importTime, 1) },
    { case: 'import the same package again (nothing new)', seconds: replayTime.toFixed(3), goal: '' },
    { case: `import ${TOWNSHIPS} townships into one New Area (${records} cadres)`, seconds: allTime.toFixed(3), goal: verdict(allTime, 10) },
  ]);
  console.table([
    { what: 'package (.ledgerpkg, signed, encrypted)', size: mb(pkg.bytes.length) },
    { what: 'the same records as .xlsx (one sheet per collection)', size: mb(xlsx.length) },
  ]);
  console.log(`package / xlsx = ${(pkg.bytes.length / xlsx.length).toFixed(2)}×; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await closeOffices(newArea, ...towns.map((x) => x.office));
} finally {
  rmSync(work, { recursive: true, force: true });
}
