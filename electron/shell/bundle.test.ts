// The bundled main process (what electron-builder packs) really starts: built with the project's
// esbuild script into a temp dir and run in Node against a fake `electron` module.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let events: Array<{ what: string; data?: any }>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-bundle-'));
  const outdir = join(dir, 'app', 'electron');
  execFileSync(process.execPath, [join(root, 'scripts/build-electron.mjs'), '--outdir', outdir], { cwd: root, stdio: 'pipe' });
  mkdirSync(join(dir, 'app', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'app', 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  const run = spawnSync(process.execPath, ['--require', join(root, 'electron/shell/testing/fake-electron.cjs'), join(outdir, 'main.cjs')], {
    cwd: dir,
    env: { ...process.env, LEDGER_DATA_DIR: join(dir, 'data'), LEDGER_USER: 'bundle-test' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  events = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('[fake] '))
    .map((l) => JSON.parse(l.slice(7)));
  if (run.status !== 0) throw new Error(`bundle exited ${run.status}: ${run.stderr}`);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const find = (what: string) => events.find((e) => e.what === what);

describe('bundled main process', () => {
  it('registers the app scheme, serves the page with its CSP and refuses escapes', () => {
    expect(find('privileged')?.data[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(find('load')?.data).toBe('app://ledger/index.html');
    expect(find('page')?.data).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(find('page')?.data.csp).toContain("script-src 'self'");
    expect(find('escape')?.data).toBe(403);
  });

  it('creates the window hardened, with the bundled preload beside main', () => {
    expect(find('window')?.data).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(find('window')?.data.preload).toMatch(/electron[\\/]preload\.cjs$/);
    expect(find('permissionRequestHandler')).toBeDefined();
    expect(find('menu')?.data).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('answers the app page through the real core and store, and refuses a foreign one', () => {
    expect(find('own')?.data).toMatchObject({ ok: true, value: { id: 'U0001', name: '党政办' }, revision: 1 });
    expect(find('foreign')?.data).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('prints the app page through webContents.print', () => {
    expect(find('printed')?.data).toMatchObject({ silent: false });
    expect(find('print')?.data).toEqual({ ok: true });
  });

  it('closes the store before quitting', () => {
    const names = events.map((e) => e.what);
    expect(names.indexOf('quitDeferred')).toBeGreaterThan(-1);
    expect(names.indexOf('quit')).toBeGreaterThan(names.indexOf('quitDeferred'));
  });
});
