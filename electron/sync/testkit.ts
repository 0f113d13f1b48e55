// Offices for the sync tests and the benchmark: durable stores in temp directories, the
// certificate ceremony done, and small record builders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerEvent } from '../../shared/ledger/events';
import { openStore, type FileStore } from '../store/index';
import { certifyOffice, createOffice, trustFile } from './ceremony';
import { officeIdentity } from './ceremony';

export interface TestOffice {
  code: string;
  name: string;
  dir: string;
  store: FileStore;
}

export const NOW = new Date('2026-06-15T04:00:00Z');
export const TODAY = '2026-06-15';

export async function openOffice(code: string, name: string, parent?: string, passphrase?: string): Promise<TestOffice> {
  const dir = mkdtempSync(join(parent ?? tmpdir(), `cadre-sync-${code}-`));
  const store = await openStore(dir, { create: true, autoBackup: false, ...(passphrase ? { passphrase, scryptParams: { N: 2 ** 10, r: 8, p: 1 } } : {}) });
  await createOffice(store, code, name, NOW);
  return { code, name, dir, store };
}

/** The New Area certifies `township`; the township trusts the New Area and installs its certificate. */
export async function ceremony(newArea: TestOffice, township: TestOffice, validity = { from: '2026-01-01', to: '2028-12-31' }): Promise<void> {
  const id = officeIdentity(township.store);
  const { fingerprint: _f, certificate: _c, ...publicId } = id;
  const cert = await certifyOffice(newArea.store, JSON.stringify(publicId), validity);
  const na = officeIdentity(newArea.store);
  const { fingerprint: _g, certificate: _d, ...naPublic } = na;
  await trustFile(township.store, JSON.stringify(naPublic), TODAY);
  await trustFile(township.store, JSON.stringify(cert), TODAY);
}

/** Lets two townships exchange directly: each trusts the other's certificate. */
export async function introduce(a: TestOffice, b: TestOffice): Promise<void> {
  const ca = officeIdentity(a.store).certificate!;
  const cb = officeIdentity(b.store).certificate!;
  await trustFile(a.store, JSON.stringify(cb), TODAY);
  await trustFile(b.store, JSON.stringify(ca), TODAY);
}

export async function closeOffices(...offices: TestOffice[]): Promise<void> {
  for (const o of offices) {
    await o.store.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
}

export const who = { user: 'tester', command: 'test' };

export const unit = (id: string, name = `单位${id}`): LedgerEvent => ({ type: 'put', collection: 'units', record: { id, name } });
export const cadre = (id: string, unitId: string, extra: Record<string, unknown> = {}): LedgerEvent => ({
  type: 'put',
  collection: 'cadres',
  record: { id, name: `干部${id}`, unitId, peerGroup: '乡镇班子', position: '副镇长', rankLevel: '副科', category: 'civilServant', leader: false, ...extra },
});
export const sanction = (id: string, cadreId: string, decidedOn = '2026-03-01'): LedgerEvent => ({
  type: 'put',
  collection: 'sanctions',
  record: { id, cadreId, kind: 'party.warning', decidedOn, reason: '测试' },
});
export const score = (cadreId: string, month: string, value: number): LedgerEvent => ({
  type: 'put',
  collection: 'scores',
  record: { id: `${cadreId}:${month}`, cadreId, month, score: value },
});

/** The travelling collections' records as plain sorted arrays, for comparing two offices. */
export function ledgerView(store: FileStore, collections: string[]): Record<string, unknown[]> {
  const state = store.state() as unknown as Record<string, Map<string, unknown>>;
  const out: Record<string, unknown[]> = {};
  for (const c of collections) out[c] = [...state[c].entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  return out;
}
