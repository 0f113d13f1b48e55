import { afterEach, describe, expect, it } from 'vitest';
import { exportPackage, importPackages, listConflicts, listOffices, resolveConflict } from './exchange';
import { cadre, ceremony, closeOffices, NOW, openOffice, sanction, unit, who, type TestOffice } from './testkit';

let open: TestOffice[] = [];
afterEach(async () => {
  await closeOffices(...open);
  open = [];
});

async function twoOffices() {
  const xq = await openOffice('XQ', '新区党工委办公室');
  const xz = await openOffice('XZ01', '青山镇');
  open.push(xq, xz);
  await ceremony(xq, xz);
  return { xq, xz };
}

const pkg = async (from: TestOffice, to: string) => {
  const r = await exportPackage(from.store, to, { now: NOW });
  return { name: r.fileName, bytes: r.bytes };
};

describe('exchange between a township and the New Area', () => {
  it('carries a township sanction to the New Area under global ids; importing twice changes nothing', async () => {
    const { xq, xz } = await twoOffices();
    await xz.store.commit([unit('U0001'), cadre('C00001', 'U0001')], who);
    await xz.store.commit([sanction('S000001', 'C00001')], who);
    const p = await pkg(xz, 'XQ');
    const report = await importPackages(xq.store, [p], { now: NOW });
    expect(report.files[0]).toMatchObject({ ok: true, office: 'XZ01' });
    expect(report.offices[0]).toMatchObject({ office: 'XZ01', new: 2, held: 0, gap: 0, conflict: 0, refused: 0 });
    const s = xq.store.state();
    expect(s.cadres.get('XZ01.C00001')).toMatchObject({ unitId: 'XZ01.U0001' });
    expect(s.sanctions.get('XZ01.S000001')).toMatchObject({ cadreId: 'XZ01.C00001' });
    const rev = xq.store.revision;
    const again = await importPackages(xq.store, [p], { now: NOW });
    expect(again.committed).toBe(false);
    expect(again.offices[0]).toMatchObject({ new: 0, held: 2 });
    expect(xq.store.revision).toBe(rev);
  });

  it('sends the New Area’s edits back in the township’s own ids, and concurrent edits become a conflict resolved by a person', async () => {
    const { xq, xz } = await twoOffices();
    await xz.store.commit([unit('U0001'), cadre('C00001', 'U0001')], who);
    await importPackages(xq.store, [await pkg(xz, 'XQ')], { now: NOW });
    // The New Area records a sanction about the township's cadre: a fact, unioned.
    await xq.store.commit([sanction('S000001', 'XZ01.C00001')], who);
    await importPackages(xz.store, [await pkg(xq, 'XZ01')], { now: NOW });
    expect(xz.store.state().sanctions.get('XQ.S000001')).toMatchObject({ cadreId: 'C00001' });

    // Both edit the cadre's position without having seen each other's edit.
    const c = xz.store.state().cadres.get('C00001')!;
    await xz.store.commit([{ type: 'put', collection: 'cadres', record: { ...c, position: '镇长' } }], who);
    const cq = xq.store.state().cadres.get('XZ01.C00001')!;
    await xq.store.commit([{ type: 'put', collection: 'cadres', record: { ...cq, position: '党委书记', rankLevel: '正科' } }], who);
    await importPackages(xz.store, [await pkg(xq, 'XZ01')], { now: NOW });
    await importPackages(xq.store, [await pkg(xz, 'XQ')], { now: NOW });
    for (const o of [xz, xq]) {
      const conflicts = listConflicts(o.store.state());
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0].fields).toEqual(['position']);
    }
    // The owner's (township's) value shows; the unconflicted field merged.
    expect(xz.store.state().cadres.get('C00001')).toMatchObject({ position: '镇长', rankLevel: '正科' });
    expect(xq.store.state().cadres.get('XZ01.C00001')).toMatchObject({ position: '镇长', rankLevel: '正科' });
    // The New Area's administrator resolves for its own side.
    const item = listConflicts(xq.store.state())[0];
    const xqSide = item.sides.find((s) => s.office === 'XQ')!;
    await resolveConflict(xq.store, { key: item.key, version: xqSide.version }, { user: 'admin' });
    expect(listConflicts(xq.store.state())).toHaveLength(0);
    expect(xq.store.state().cadres.get('XZ01.C00001')).toMatchObject({ position: '党委书记' });
    await importPackages(xz.store, [await pkg(xq, 'XZ01')], { now: NOW });
    expect(listConflicts(xz.store.state())).toHaveLength(0);
    expect(xz.store.state().cadres.get('C00001')).toMatchObject({ position: '党委书记', rankLevel: '正科' });
    const offices = listOffices(xz.store.state());
    expect(offices.map((o) => o.code)).toEqual(['XQ', 'XZ01']);
    expect(offices[0].lastReceived).toBeDefined();
    expect(offices[0].lastSent).toBeDefined();
  });

  it('holds a package back until the missing earlier one arrives, and names what is missing', async () => {
    const { xq, xz } = await twoOffices();
    await xz.store.commit([unit('U0001')], who);
    await xz.store.commit([cadre('C00001', 'U0001')], who);
    const first = await pkg(xz, 'XQ'); // entries 1–2
    // Pretend the New Area acknowledged them (its answer arrived, the first package got lost on the way in).
    await xz.store.commit([{ type: 'put', collection: 'syncMeta', record: { id: 'ack/XQ', data: { 'XZ01/1': 2 } } }], who);
    await xz.store.commit([sanction('S000001', 'C00001')], who);
    const second = await pkg(xz, 'XQ'); // entry 3 only
    const held = await importPackages(xq.store, [second], { now: NOW });
    expect(held.offices[0]).toMatchObject({ new: 0, gap: 1 });
    expect(held.offices[0].messages[0].zh).toContain('缺少来自 青山镇 的第 3 号之前的数据包');
    expect(xq.store.state().sanctions.size).toBe(0);
    const filled = await importPackages(xq.store, [first], { now: NOW });
    expect(filled.offices[0]).toMatchObject({ new: 3, gap: 0 });
    expect(xq.store.state().sanctions.get('XZ01.S000001')).toMatchObject({ cadreId: 'XZ01.C00001' });
    expect(xq.store.state().syncPending.size).toBe(0);
  });
});

describe('epochs and encryption', () => {
  it('a restored backup starts a new epoch: what was exported before is never written again under the same numbers', async () => {
    const { cpSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { openStore } = await import('../store/index');
    const { xq, xz } = await twoOffices();
    await xz.store.commit([unit('U0001')], who);
    const p1 = await pkg(xz, 'XQ');
    await xz.store.close();
    // The backup: what a .cbak holds (meta and journal), not the files beside them.
    const saved = `${xz.dir}-backup`;
    for (const f of ['meta.json', 'meta.backup.json', 'journal.log']) cpSync(join(xz.dir, f), join(saved, f));
    xz.store = await openStore(xz.dir, { autoBackup: false });
    await xz.store.commit([cadre('C00001', 'U0001')], who);
    const p2 = await pkg(xz, 'XQ');
    await xz.store.close();
    // The restore: the older journal back in place (head and snapshots go, as restoreStore does).
    for (const f of ['meta.json', 'meta.backup.json', 'journal.log']) cpSync(join(saved, f), join(xz.dir, f));
    rmSync(join(xz.dir, 'head.json'), { force: true });
    rmSync(join(xz.dir, 'snapshots'), { recursive: true, force: true });
    rmSync(saved, { recursive: true, force: true });
    xz.store = await openStore(xz.dir, { autoBackup: false });
    await xz.store.commit([cadre('C00002', 'U0001')], who);
    const p3 = await pkg(xz, 'XQ');
    const r = await importPackages(xq.store, [p1, p2, p3], { now: NOW });
    expect(r.offices[0]).toMatchObject({ refused: 0, gap: 0 });
    expect(listOffices(xq.store.state()).find((o) => o.code === 'XZ01')!.held).toEqual({ 'XZ01/1': 2, 'XZ01/2': 1 });
    expect([...xq.store.state().cadres.keys()].sort()).toEqual(['XZ01.C00001', 'XZ01.C00002']);
  });

  it('an encrypted township keeps its private keys encrypted and exchanges like any other', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const xq = await openOffice('XQ', '新区党工委办公室');
    const xz = await openOffice('XZ01', '青山镇', undefined, 'township passphrase');
    open.push(xq, xz);
    await ceremony(xq, xz);
    await xz.store.commit([unit('U0001'), cadre('C00001', 'U0001')], who);
    const r = await importPackages(xq.store, [await pkg(xz, 'XQ')], { now: NOW });
    expect(r.offices[0]).toMatchObject({ new: 1 });
    const identity = xz.store.state().syncMeta.get('identity')!.data as { signPrivate: string };
    const journal = readFileSync(join(xz.dir, 'journal.log'));
    expect(journal.includes(Buffer.from(identity.signPrivate))).toBe(false);
    expect(journal.includes(Buffer.from('青山镇'))).toBe(false);
  });
});

describe('findings at the New Area', () => {
  it('ranks each township’s cadres within that township’s own peer groups', async () => {
    const { evaluate } = await import('../../shared/engine');
    const { score } = await import('./testkit');
    const xq = await openOffice('XQ', '新区党工委办公室');
    const a = await openOffice('XZ01', '青山镇');
    const b = await openOffice('XZ02', '白水镇');
    open.push(xq, a, b);
    await ceremony(xq, a);
    await ceremony(xq, b);
    const months = ['2026-03', '2026-04', '2026-05'];
    const seed = async (o: TestOffice, values: number[]) => {
      await o.store.commit([unit('U1'), ...values.map((_, i) => cadre(`C${i + 1}`, 'U1', { peerGroup: '乡镇干部' }))], who);
      for (const m of months) {
        const { score: s } = { score };
        await o.store.commit(values.map((v, i) => s(`C${i + 1}`, m, v)), who);
      }
    };
    await seed(a, [95, 60, 80]);
    await seed(b, [99, 98, 97]);
    await importPackages(xq.store, [await pkg(a, 'XQ'), await pkg(b, 'XQ')], { now: NOW });
    expect(xq.store.state().cadres.get('XZ02.C1')).toMatchObject({ peerGroup: 'XZ02.乡镇干部' });
    const keysAt = (o: TestOffice, prefix: string) =>
      evaluate(o.store.state(), '2026-05')
        .filter((f) => f.subject.type === 'cadre')
        .map((f) => f.key.replace(`cadre:${prefix}`, 'cadre:'))
        .sort();
    const atB = keysAt(b, '');
    expect(atB.length).toBeGreaterThan(0);
    const atXq = evaluate(xq.store.state(), '2026-05')
      .filter((f) => f.subject.type === 'cadre' && f.subject.id.startsWith('XZ02.'))
      .map((f) => f.key.replace('cadre:XZ02.', 'cadre:'))
      .sort();
    expect(atXq).toEqual(atB);
  });
});
