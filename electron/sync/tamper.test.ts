// Tampered, replayed, forged and forked packages: each is refused or quarantined with the right
// message, and a refused file leaves the store exactly as it was.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/index';
import { exportPackage, importPackages, listOffices } from './exchange';
import { ORIGIN_FILE } from './feed';
import { cadre, ceremony, closeOffices, NOW, openOffice, sanction, unit, who, type TestOffice } from './testkit';

let open: TestOffice[] = [];
afterEach(async () => {
  await closeOffices(...open);
  open = [];
});

async function setup() {
  const xq = await openOffice('XQ', '新区党工委办公室');
  const xz = await openOffice('XZ01', '青山镇');
  open.push(xq, xz);
  await ceremony(xq, xz);
  await xz.store.commit([unit('U0001'), cadre('C00001', 'U0001')], who);
  await xz.store.commit([sanction('S000001', 'C00001')], who);
  return { xq, xz };
}

const fingerprintOf = (o: TestOffice) => JSON.stringify([o.store.revision, o.store.headHash]);

async function refused(office: TestOffice, bytes: Buffer, text: RegExp) {
  const before = fingerprintOf(office);
  const r = await importPackages(office.store, [{ name: 'p.ledgerpkg', bytes }], { now: NOW });
  expect(r.files[0].ok).toBe(false);
  expect(r.files[0].message!.zh).toMatch(text);
  expect(r.committed).toBe(false);
  expect(fingerprintOf(office)).toBe(before);
  return r;
}

/** The package's plain body lines (exported unencrypted so that the tests can edit them). */
function edit(bytes: Buffer, change: (lines: string[]) => void): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  change(lines);
  return Buffer.from(lines.join('\n'), 'utf8');
}

describe('tampered packages', () => {
  it('refuses a flipped byte in the payload, in the manifest and in an encrypted package', async () => {
    const { xq, xz } = await setup();
    const plain = (await exportPackage(xz.store, 'XQ', { now: NOW, encrypt: false })).bytes;
    const flipped = Buffer.from(plain);
    flipped[flipped.length - 20] ^= 0x01;
    await refused(xq, flipped, /改动/);
    await refused(xq, edit(plain, (l) => (l[2] = l[2].replace('"entries":2', '"entries":1'))), /签名/);
    const sealed = Buffer.from((await exportPackage(xz.store, 'XQ', { now: NOW })).bytes);
    sealed[sealed.length - 5] ^= 0x80;
    await refused(xq, sealed, /无法解密/);
  });

  it('refuses a dropped event, a dropped entry and reordered entries', async () => {
    const { xq, xz } = await setup();
    const plain = (await exportPackage(xz.store, 'XQ', { now: NOW, encrypt: false })).bytes;
    // Lines: magic, header, manifest, signature, chain, entry 1, entry 2.
    await refused(xq, edit(plain, (l) => l.splice(6, 1)), /改动/);
    await refused(xq, edit(plain, (l) => ([l[5], l[6]] = [l[6], l[5]])), /改动/);
    await refused(
      xq,
      edit(plain, (l) => {
        const e = JSON.parse(l[5]);
        e.r.events.pop();
        l[5] = JSON.stringify(e);
      }),
      /改动/,
    );
  });

  it('refuses a package re-signed with another key (an impostor with the same office code)', async () => {
    const { xq } = await setup();
    const impostor = await openOffice('XZ01', '青山镇');
    open.push(impostor);
    // The impostor trusts the New Area's identity (public) but has no certificate for its own key.
    const xq2 = xq.store;
    void xq2;
    await impostor.store.commit([unit('U0001', '假单位')], who);
    const { officeIdentity, trustFile } = await import('./ceremony');
    const { fingerprint: _f, certificate: _c, ...na } = officeIdentity(xq.store);
    await trustFile(impostor.store, JSON.stringify(na), '2026-06-15');
    const forged = (await exportPackage(impostor.store, 'XQ', { now: NOW, encrypt: false })).bytes;
    await refused(xq, forged, /签名与 青山镇（XZ01）的密钥不符/);
  });

  it('refuses an unknown office, an expired certificate and a package for another office', async () => {
    const { xq, xz } = await setup();
    const stranger = await openOffice('XZ09', '远山镇');
    const late = await openOffice('XZ02', '白水镇');
    const other = await openOffice('XQ', '另一个新区');
    open.push(stranger, late, other);
    const { officeIdentity, trustFile } = await import('./ceremony');
    const { fingerprint: _f, certificate: _c, ...na } = officeIdentity(xq.store);
    await trustFile(stranger.store, JSON.stringify(na), '2026-06-15');
    await stranger.store.commit([unit('U0001')], who);
    await refused(xq, (await exportPackage(stranger.store, 'XQ', { now: NOW, encrypt: false })).bytes, /未知的单位 XZ09/);

    await ceremony(xq, late, { from: '2025-07-01', to: '2026-06-30' });
    await late.store.commit([unit('U0001')], who);
    const lateBytes = (await exportPackage(late.store, 'XQ', { now: NOW, encrypt: false })).bytes;
    const before = fingerprintOf(xq);
    const r = await importPackages(xq.store, [{ name: 'late', bytes: lateBytes }], { now: new Date('2026-07-15T04:00:00Z') });
    expect(r.files[0].message!.zh).toMatch(/有效期为 2025-07-01 至 2026-06-30，今天（2026-07-15）不在有效期内/);
    expect(fingerprintOf(xq)).toBe(before);

    const { fingerprint: _g, certificate: _d, ...otherId } = officeIdentity(other.store);
    void otherId;
    // A package for the real New Area cannot be opened by another office that shares its code.
    await refused(other, (await exportPackage(xz.store, 'XQ', { now: NOW })).bytes, /无法解密|不信任|未知/);
  });

  it('skips a replayed old package without changing the store', async () => {
    const { xq, xz } = await setup();
    const old = await exportPackage(xz.store, 'XQ', { now: NOW });
    await importPackages(xq.store, [{ name: 'a', bytes: old.bytes }], { now: NOW });
    await xz.store.commit([cadre('C00002', 'U0001')], who);
    await importPackages(xq.store, [{ name: 'b', bytes: (await exportPackage(xz.store, 'XQ', { now: NOW })).bytes }], { now: NOW });
    const before = fingerprintOf(xq);
    const replay = await importPackages(xq.store, [{ name: 'a', bytes: old.bytes }], { now: NOW });
    expect(replay.files[0].ok).toBe(true);
    expect(replay.offices[0]).toMatchObject({ new: 0, held: 2, gap: 0, refused: 0 });
    expect(replay.committed).toBe(false);
    expect(fingerprintOf(xq)).toBe(before);
  });
});

describe('copied data directories', () => {
  it('a copy detected on open starts a new epoch: both copies write, nothing forks', async () => {
    const { xq, xz } = await setup();
    await importPackages(xq.store, [{ name: 'a', bytes: (await exportPackage(xz.store, 'XQ', { now: NOW })).bytes }], { now: NOW });
    await xz.store.close();
    const copyDir = `${xz.dir}-copy`;
    cpSync(xz.dir, copyDir, { recursive: true, filter: (src) => !src.endsWith('LOCK') });
    const copy: TestOffice = { ...xz, dir: copyDir, store: await openStore(copyDir, { autoBackup: false }) };
    xz.store = await openStore(xz.dir, { autoBackup: false });
    open.push(copy);
    await xz.store.commit([cadre('C00002', 'U0001')], who);
    await copy.store.commit([cadre('C00003', 'U0001')], who);
    const r = await importPackages(
      xq.store,
      [
        { name: 'orig', bytes: (await exportPackage(xz.store, 'XQ', { now: NOW })).bytes },
        { name: 'copy', bytes: (await exportPackage(copy.store, 'XQ', { now: NOW })).bytes },
      ],
      { now: NOW },
    );
    expect(r.offices[0]).toMatchObject({ refused: 0, gap: 0 });
    expect(xq.store.state().cadres.has('XZ01.C00002')).toBe(true);
    expect(xq.store.state().cadres.has('XZ01.C00003')).toBe(true);
    expect(listOffices(xq.store.state()).find((o) => o.code === 'XZ01')!.held).toEqual({ 'XZ01/1': 3, 'XZ01/2': 1 });
  });

  it('an undetected copy (its origin file forged) forks the feed: quarantined and shown', async () => {
    const { xq, xz } = await setup();
    await importPackages(xq.store, [{ name: 'a', bytes: (await exportPackage(xz.store, 'XQ', { now: NOW })).bytes }], { now: NOW });
    await xz.store.close();
    const copyDir = `${xz.dir}-fork`;
    cpSync(xz.dir, copyDir, { recursive: true, filter: (src) => !src.endsWith('LOCK') });
    const origin = JSON.parse(readFileSync(join(copyDir, ORIGIN_FILE), 'utf8'));
    writeFileSync(join(copyDir, ORIGIN_FILE), JSON.stringify({ ...origin, dir: copyDir }));
    const copy: TestOffice = { ...xz, dir: copyDir, store: await openStore(copyDir, { autoBackup: false }) };
    xz.store = await openStore(xz.dir, { autoBackup: false });
    open.push(copy);
    await xz.store.commit([cadre('C00002', 'U0001')], who);
    await copy.store.commit([cadre('C00003', 'U0001')], who);
    await importPackages(xq.store, [{ name: 'orig', bytes: (await exportPackage(xz.store, 'XQ', { now: NOW })).bytes }], { now: NOW });
    const before = xq.store.state().cadres.size;
    const r = await importPackages(xq.store, [{ name: 'copy', bytes: (await exportPackage(copy.store, 'XQ', { now: NOW })).bytes }], { now: NOW });
    expect(r.offices[0]).toMatchObject({ new: 0, refused: 1 });
    expect(r.offices[0].messages[0].zh).toMatch(/第 3 号记录与已收到的同号记录不同/);
    expect(xq.store.state().cadres.size).toBe(before);
    expect(listOffices(xq.store.state()).find((o) => o.code === 'XZ01')!.quarantined).toBe(1);
    rmSync(copyDir, { recursive: true, force: true });
  });
});

describe('verify', () => {
  it('checks every feed’s chain and the signature vouching for each other office’s head', async () => {
    const { verifyFeeds } = await import('./verify');
    const { xq, xz } = await setup();
    await importPackages(xq.store, [{ name: 'a', bytes: (await exportPackage(xz.store, 'XQ', { now: NOW })).bytes }], { now: NOW });
    const report = verifyFeeds(xq.store.state());
    expect(report).toMatchObject({ ok: true, feeds: 1, entries: 2 });
    expect(verifyFeeds(xz.store.state())).toMatchObject({ ok: true, feeds: 1, entries: 2 });
    // An entry changed in place (a rewritten ledger) breaks the chain.
    const e = xq.store.state().syncEntries.get('XZ01/1/1')!;
    await xq.store.commit([{ type: 'put', collection: 'syncEntries', record: { ...e, line: e.line.replace('干部', '千部') } }], who);
    expect(verifyFeeds(xq.store.state()).problems[0].message.zh).toMatch(/第 1 号记录与哈希链不符/);
  });
});
