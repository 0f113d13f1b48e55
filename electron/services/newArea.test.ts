// The New Area's view (issue 12, docs/SYNC.md): a New Area holding two townships' ledgers shows
// each township's findings, tracker and statistics through `office` exactly as the township itself
// computes them (ids mapped), ranks each township's units among its own, and the townships'
// statistics add up to the whole.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTownship } from '../../shared/demo/township';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { exportPackage, importPackages } from '../sync/exchange';
import { ceremony, closeOffices, NOW, openOffice, type TestOffice } from '../sync/testkit';
import { createTestContext, type ServiceContext } from './context';
import { findingsHandlers } from './findings';
import { registryHandlers } from './registry';
import { reportsHandlers } from './reports';
import { syncHandlers } from './sync';
import { trackerHandlers } from './tracker';
import { rehabHandlers } from './rehab';
import { meetingsHandlers } from './meetings';

const call = { user: 'tester' };
const ASOF = '2026-05';

/** A township's ledger (the demo generator, small), committed as an office would enter it. */
function seedCommits(seed: number): LedgerEvent[][] {
  const data = generateTownship({ endMonth: ASOF, months: 10, cadres: 60, seed });
  const commits: LedgerEvent[][] = [[...data.units.map((u) => put('units', u)), ...data.cadres.map((c) => put('cadres', c))]];
  commits.push(data.scores.map((s) => put('scores', s)));
  for (const c of ['grades', 'sanctions', 'measures', 'faults', 'rehabPlans', 'checkIns', 'clearances', 'policies'] as const) {
    const rows = data[c] as unknown[];
    if (rows.length) commits.push(rows.map((r) => put(c, r as never)));
  }
  return commits;
}

function handlers(office: TestOffice) {
  const ctx: ServiceContext = createTestContext({ store: office.store, now: () => NOW });
  return {
    ...findingsHandlers(ctx),
    ...trackerHandlers(ctx),
    ...reportsHandlers(ctx),
    ...registryHandlers(ctx),
    ...syncHandlers(ctx),
    ...rehabHandlers(ctx),
    ...meetingsHandlers(ctx),
  };
}
type Handlers = ReturnType<typeof handlers>;


/** The New Area's answer about one township, written as the township writes it. */
const asAtTownship = (value: unknown, code: string) => JSON.parse(JSON.stringify(value).replaceAll(`${code}.`, ''));

let xq: TestOffice;
let towns: TestOffice[];
let at: { xq: Handlers; towns: Handlers[] };

beforeAll(async () => {
  xq = await openOffice('XQ', '新区党工委办公室');
  towns = [await openOffice('XZ01', '青山镇'), await openOffice('XZ02', '绿水镇')];
  for (const [i, t] of towns.entries()) {
    await ceremony(xq, t);
    for (const c of seedCommits(11 + i)) await t.store.commit(c, { user: 'clerk', command: 'test.seed' });
    const pkg = await exportPackage(t.store, 'XQ', { now: NOW });
    const report = await importPackages(xq.store, [{ name: pkg.fileName, bytes: pkg.bytes }], { now: NOW });
    expect(report.committed).toBe(true);
  }
  at = { xq: handlers(xq), towns: towns.map(handlers) };
}, 60_000);

afterAll(async () => {
  await closeOffices(xq, ...towns);
});

describe("the New Area's view of two townships", () => {
  it('stays what a fresh evaluation gives after the New Area records about a township cadre', async () => {
    // Warm the cached (incremental) evaluation of each township, then write at the New Area.
    for (const t of towns) await at.xq['findings.list']({ asOf: ASOF, office: t.code }, call);
    const cadre = [...xq.store.state().cadres.keys()].find((id) => id.startsWith('XZ02.'))!;
    await xq.store.commit(
      [{ type: 'put', collection: 'sanctions', record: { id: 'S000901', cadreId: cadre, kind: 'party.warning', decidedOn: '2026-05-06', reason: '新区查处' } }],
      { user: 'tester', command: 'test' },
    );
    const fresh = handlers(xq);
    for (const t of towns) {
      const live = await at.xq['findings.list']({ asOf: ASOF, office: t.code }, call);
      expect(live).toEqual(await fresh['findings.list']({ asOf: ASOF, office: t.code }, call));
    }
    expect((await at.xq['findings.list']({ asOf: ASOF, office: 'XZ02' }, call)).items.some((f) => f.evidence.recordIds.includes('S000901'))).toBe(true);
    await xq.store.commit([{ type: 'remove', collection: 'sanctions', id: 'S000901' }], { user: 'tester', command: 'test' });
  });

  it('lists the offices it holds (sync.scopes), and cadre and unit rows carry their office', async () => {
    const scopes = await at.xq['sync.scopes']({}, call);
    expect(scopes.self).toEqual({ code: 'XQ', name: '新区党工委办公室' });
    expect(scopes.offices.map((o) => [o.code, o.name, o.self, o.cadres])).toEqual([
      ['XZ01', '青山镇', false, 60],
      ['XZ02', '绿水镇', false, 60],
    ]);
    const own = await at.towns[0]['sync.scopes']({}, call);
    expect(own.offices.map((o) => [o.code, o.self])).toEqual([['XZ01', true]]);
    const cadres = await at.xq['cadres.list']({}, call);
    expect(new Set(cadres.map((c) => c.office))).toEqual(new Set(['XZ01', 'XZ02']));
    expect(cadres.every((c) => c.id.startsWith(`${c.office}.`))).toBe(true);
    expect((await at.xq['units.list']({}, call)).every((u) => u.id.startsWith(`${u.office}.`))).toBe(true);
    expect((await at.towns[1]['cadres.list']({}, call)).every((c) => c.office === 'XZ02')).toBe(true);
  });

  it("each township's findings through office are the township's own", async () => {
    let total = 0;
    for (const [i, t] of towns.entries()) {
      const there = await at.towns[i]['findings.list']({ asOf: ASOF }, call);
      const here = await at.xq['findings.list']({ asOf: ASOF, office: t.code }, call);
      expect(there.items.length).toBeGreaterThan(5);
      expect(asAtTownship(here, t.code)).toEqual(there);
      const overview = await at.xq['findings.overview']({ asOf: ASOF, office: t.code }, call);
      expect(asAtTownship(overview, t.code)).toEqual(await at.towns[i]['findings.overview']({ asOf: ASOF }, call));
      total += here.items.length;
    }
    const all = await at.xq['findings.list']({ asOf: ASOF }, call);
    expect(all.items).toHaveLength(total);
    const out = await at.xq['findings.export']({ asOf: ASOF, lang: 'zh' }, call);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe('乡镇（单位）');
    expect(sheet.rowCount).toBe(total + 2);
    // A subject's findings come from its own township's partition.
    const one = all.items.find((f) => f.subject.type === 'cadre' && f.subject.id.startsWith('XZ02.'))!;
    const bySubject = await at.xq['findings.list']({ asOf: ASOF, subject: one.subject }, call);
    expect(bySubject.items.map((f) => f.key)).toEqual(all.items.filter((f) => f.subject.id === one.subject.id).map((f) => f.key));
  });

  it("each township's tracker through office is the township's own, units ranked among its own", async () => {
    const rankings = [];
    for (const [i, t] of towns.entries()) {
      const there = await at.towns[i]['tracker.board']({ asOf: ASOF, filters: {} }, call);
      const here = await at.xq['tracker.board']({ asOf: ASOF, filters: {}, office: t.code }, call);
      expect(there.team.ranking.length).toBeGreaterThan(2);
      expect(asAtTownship(here, t.code)).toEqual(there);
      expect(here.team.ranking.every((r) => r.office === t.code && r.n === there.team.ranking.length)).toBe(true);
      rankings.push(...here.team.ranking);
    }
    const all = await at.xq['tracker.board']({ asOf: ASOF, filters: {} }, call);
    // Two rank-1 units: one per township, never one list of all the New Area's units.
    expect(all.team.ranking).toEqual(rankings);
    expect(all.team.ranking.filter((r) => r.rank === 1)).toHaveLength(2);
    expect(all.counts.overdue + all.counts.dueSoon + all.counts.onTrack).toBe(all.items.length);
    // The export of every office's board says whose each row is.
    const out = await at.xq['tracker.export']({ asOf: ASOF, filters: {}, lang: 'zh' }, call);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const team = wb.worksheets[1];
    expect(team.getRow(1).values).toContain('乡镇（单位）');
    const townships = new Set<unknown>();
    team.eachRow((row, n) => n > 1 && townships.add(row.getCell(1).value));
    expect(townships).toEqual(new Set(['青山镇', '绿水镇']));
    const one = await at.xq['tracker.export']({ asOf: ASOF, filters: {}, office: 'XZ01', lang: 'zh' }, call);
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load(Buffer.from(one.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb1.worksheets[1].getRow(1).values).not.toContain('乡镇（单位）');
  });

  it("each township's statistics through office are the township's own, and they add up to the whole", async () => {
    const from = '2025-08';
    const parts = [];
    for (const [i, t] of towns.entries()) {
      const there = await at.towns[i]['reports.meeting']({ from, to: ASOF }, call);
      const here = await at.xq['reports.meeting']({ from, to: ASOF, office: t.code }, call);
      expect(asAtTownship(here, t.code)).toEqual(there);
      parts.push(here);
    }
    const whole = await at.xq['reports.meeting']({ from, to: ASOF }, call);
    expect(whole.items.some((s) => s.count > 0)).toBe(true);
    for (const [k, item] of whole.items.entries()) {
      expect(item.count).toBe(parts[0].items[k].count + parts[1].items[k].count);
      expect(item.cadreIds).toEqual([...parts[0].items[k].cadreIds, ...parts[1].items[k].cadreIds].sort());
    }
  });

  it("rehabilitation plans and the docket through office are the township's own", async () => {
    for (const [i, t] of towns.entries()) {
      const plans = await at.towns[i]['rehab.list']({ asOf: ASOF, filters: {} }, call);
      expect(plans.items.length).toBeGreaterThan(0);
      expect(asAtTownship(await at.xq['rehab.list']({ asOf: ASOF, filters: {}, office: t.code }, call), t.code)).toEqual(plans);
      const docket = await at.towns[i]['meetings.proposeDocket']({ asOf: ASOF }, call);
      expect(asAtTownship(await at.xq['meetings.proposeDocket']({ asOf: ASOF, office: t.code }, call), t.code)).toEqual(docket);
    }
    // A meeting prepared for one township keeps the office it was prepared for.
    const proposal = await at.xq['meetings.proposeDocket']({ asOf: ASOF, office: 'XZ02' }, call);
    expect(proposal.items.length).toBeGreaterThan(0);
    expect(proposal.items.every((i) => !i.subject || i.subject.id.startsWith('XZ02.'))).toBe(true);
    const meeting = await at.xq['meetings.create'](
      { type: 'cadreWork', date: '2026-06-20', place: '', chair: '', recorder: '', attendees: [], asOf: ASOF, office: 'XZ02', items: proposal.items },
      call,
    );
    expect(meeting.office).toBe('XZ02');
    expect((await at.xq['meetings.list']({}, call)).items.find((m) => m.id === meeting.id)).toMatchObject({ office: 'XZ02' });
    const all = await at.xq['rehab.list']({ asOf: ASOF, filters: {} }, call);
    const each = await Promise.all(towns.map((t) => at.xq['rehab.list']({ asOf: ASOF, filters: {}, office: t.code }, call)));
    expect(all.items).toHaveLength(each[0].items.length + each[1].items.length);
  });
});
