import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../shared/contract/errors';
import { put } from '../../shared/ledger/events';
import { initStore } from '../store/index';
import { MemoryStore } from '../store/memory';
import type { LedgerStore, OpenOptions } from '../store/types';
import { openCore, type Core } from './app';
import type { StoreBackend } from './storeBackend';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'cadre-core-'));
  dirs.push(d);
  return join(d, 'ledger');
}
async function core(options: Partial<Parameters<typeof openCore>[0]> = {}) {
  const c = await openCore({
    dataDir: options.dataDir ?? tempDir(),
    user: 'officer',
    appVersion: '1.2.3',
    now: () => new Date(2024, 5, 15, 9),
    checkOutput: true,
    ...options,
  });
  cores.push(c);
  return c;
}

/** Stores in memory per directory; some encrypted with a passphrase. Opening counts as in the real store. */
function fakeBackend(encrypted: Record<string, string> = {}) {
  const stores = new Map<string, MemoryStore>();
  const opened: string[] = [];
  const backend: StoreBackend = {
    async isEncrypted(dir) {
      return dir in encrypted;
    },
    async openStore(dir: string, options: OpenOptions = {}): Promise<LedgerStore> {
      if (dir in encrypted && options.passphrase !== encrypted[dir]) {
        throw new LedgerError('UNAUTHORIZED', { zh: '口令错误', en: 'wrong passphrase' });
      }
      opened.push(dir);
      let s = stores.get(dir);
      if (!s) {
        s = new MemoryStore();
        Object.assign(s, { dataDir: dir, encrypted: dir in encrypted });
        stores.set(dir, s);
      }
      return s;
    },
  };
  return { backend, stores, opened };
}

describe('openCore', () => {
  it('creates the store on first open and keeps data across a reopen (interim journal on disk)', async () => {
    const dataDir = tempDir();
    const a = await core({ dataDir });
    expect(await a.call('units.create', { name: '党政办' })).toMatchObject({ ok: true, revision: 1 });
    await a.close();
    const b = await core({ dataDir });
    expect(await b.call('units.list', {})).toEqual({ ok: true, value: [{ id: 'U0001', name: '党政办', cadreCount: 0, office: '' }], revision: 1 });
    const info = await b.call('session.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { dataDir, demo: false, user: 'officer', appVersion: '1.2.3', encrypted: false, locked: false, today: '2024-06-15', revision: 1 },
    });
  });

  it('starts a real encrypted store locked and unlocks it with its passphrase', async () => {
    const dataDir = tempDir();
    await initStore(dataDir, { passphrase: '春风化雨', scryptParams: { N: 1024, r: 8, p: 1 } });
    const c = await core({ dataDir });
    expect(await c.call('session.info', {})).toMatchObject({ ok: true, value: { locked: true, encrypted: true } });
    expect(await c.call('cadres.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await c.call('session.unlock', { passphrase: 'wrong' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await c.call('session.unlock', { passphrase: '春风化雨' })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await c.call('units.create', { name: '党政办' })).toMatchObject({ ok: true, revision: 1 });
  });

  it('records the OS user of a single-user ledger, never a name the caller makes up', async () => {
    const { backend, stores } = fakeBackend();
    const c = await core({ dataDir: '/d', backend });
    await c.call('units.create', { name: 'a' });
    await c.call('units.create', { name: 'b' }, { user: '县委组织部长' });
    expect(stores.get('/d')!.journal.map((j) => j.meta.user)).toEqual(['officer', 'officer']);
  });

  it('keeps an encrypted store locked until session.unlock gets the right passphrase', async () => {
    const { backend } = fakeBackend({ '/enc': 'correct horse' });
    const c = await core({ dataDir: '/enc', backend });
    expect(await c.call('units.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' }, revision: 0 });
    expect(await c.call('session.info', {})).toMatchObject({ ok: true, value: { locked: true, encrypted: true } });

    const wrong = await c.call('session.unlock', { passphrase: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', fields: [{ path: 'passphrase' }] } });
    expect(await c.call('units.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    expect(await c.call('session.unlock', { passphrase: 'correct horse' })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await c.call('units.list', {})).toMatchObject({ ok: true, value: [] });
  });

  it('opens an encrypted store at once when given its passphrase', async () => {
    const { backend } = fakeBackend({ '/enc': 'pw' });
    const c = await core({ dataDir: '/enc', backend, passphrase: 'pw' });
    expect(await c.call('units.list', {})).toMatchObject({ ok: true });
  });

  it('switches to a generated demo township and back, each in its own directory', async () => {
    const { backend, stores } = fakeBackend();
    let generated = 0;
    const c = await core({
      dataDir: '/office',
      backend,
      demoEvents: () => {
        generated++;
        return [put('units', { id: 'DU1', name: '示范镇党政办' })];
      },
    });
    await c.call('units.create', { name: '本单位' });

    const demo = await c.call('session.openDemo', {});
    expect(demo).toMatchObject({ ok: true, value: { demo: true, dataDir: '/office-demo' } });
    expect(await c.call('units.list', {})).toMatchObject({ value: [{ id: 'DU1' }] });
    await c.call('units.create', { name: '演示里新建的' });

    expect(await c.call('session.leaveDemo', {})).toMatchObject({ ok: true, value: { demo: false, dataDir: '/office' } });
    expect(await c.call('units.list', {})).toMatchObject({ value: [{ name: '本单位' }] });

    await c.call('session.openDemo', {});
    expect(generated).toBe(1); // generated once, kept afterwards
    expect(stores.get('/office-demo')!.state().units.size).toBe(2);
  });

  it('the demo is available while locked, and leaving it returns to the locked ledger', async () => {
    const { backend } = fakeBackend({ '/enc': 'pw' });
    const c = await core({ dataDir: '/enc', backend, demoEvents: () => [] });
    await c.call('session.openDemo', {});
    expect(await c.call('units.list', {})).toMatchObject({ ok: true });
    await c.call('session.leaveDemo', {});
    expect(await c.call('units.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('swapStore closes, lets the files be replaced, and reopens', async () => {
    const { backend, opened } = fakeBackend();
    const c = await core({ dataDir: '/d', backend });
    let replacedIn = '';
    await c.ctx.swapStore(async (dir) => {
      replacedIn = dir;
    });
    expect(replacedIn).toBe('/d');
    expect(opened).toEqual(['/d', '/d']);
    expect(await c.call('units.list', {})).toMatchObject({ ok: true });
  });

  it('answers after close with an error envelope instead of throwing', async () => {
    const { backend } = fakeBackend();
    const c = await core({ dataDir: '/d', backend });
    await c.close();
    expect(await c.call('units.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
