// The shell against a fake `electron` module: what the window may do, what IPC accepts, and what
// the preload puts on window.ledger.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Handler = (...args: any[]) => any;
  class FakeWebContents {
    listeners = new Map<string, Handler[]>();
    windowOpenHandler?: Handler;
    on(event: string, fn: Handler) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    setWindowOpenHandler(fn: Handler) {
      this.windowOpenHandler = fn;
    }
    emit(event: string, ...args: any[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
  }
  const windows: any[] = [];
  class BrowserWindow {
    webContents = new FakeWebContents();
    onceHandlers = new Map<string, Handler>();
    constructor(readonly options: any) {
      windows.push(this);
    }
    once(event: string, fn: Handler) {
      this.onceHandlers.set(event, fn);
    }
    show = vi.fn();
  }
  (BrowserWindow as any).fromWebContents = (contents: unknown) => windows.find((w) => w.webContents === contents) ?? null;
  const ipcHandlers = new Map<string, Handler>();
  const exposed = new Map<string, any>();
  const dialog = { showSaveDialog: vi.fn() };
  return {
    windows,
    ipcHandlers,
    exposed,
    dialog,
    invoke: vi.fn(),
    module: {
      BrowserWindow,
      dialog,
      ipcMain: {
        handle: (channel: string, fn: Handler) => ipcHandlers.set(channel, fn),
        removeHandler: (channel: string) => ipcHandlers.delete(channel),
      },
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke: (...args: unknown[]) => (fake as any).invoke(...args) },
      protocol: { registerSchemesAsPrivileged: vi.fn() },
    },
  };
});
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

import { endpointNames } from '../../shared/contract';
import { callChannel, isTrustedSender, pdfFileName, printChannel, printToPdfChannel, registerLedgerIpc, registerPrintIpc } from './ipc';
import { menuLangFor, menuTemplate } from './menu';
import { buildPreloadApi } from './preload';
import { appEntryUrl, createSecureWindow, hardenSession, isAppUrl } from './security';
import { applyCoreV8Flags, missingCoreFlags, relaunchedForFlags, type FlagsApp } from './v8Flags';
import { coreNodeFlags, electronJsFlags } from '../../scripts/core-flags.mjs';

beforeEach(() => {
  fake.windows.length = 0;
  fake.ipcHandlers.clear();
});

describe('createSecureWindow', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    const win = createSecureWindow({ preloadPath: '/app/preload.cjs', title: 't' }) as any;
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(win.options.show).toBe(false);
  });

  it('denies navigation away from the app, and every window.open', () => {
    const win = createSecureWindow({ preloadPath: '/p', title: 't' }) as any;
    const wc = win.webContents;
    for (const [event, url, blocked] of [
      ['will-navigate', 'https://example.com/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-navigate', 'app://other/index.html', true],
      ['will-redirect', 'http://127.0.0.1:9/', true],
      ['will-navigate', `${appEntryUrl}#/cadres`, false],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      wc.emit(event, e, url);
      expect(e.preventDefault).toHaveBeenCalledTimes(blocked ? 1 : 0);
    }
    const frameNav = { url: 'https://evil.example/', preventDefault: vi.fn() };
    wc.emit('will-frame-navigate', frameNav);
    expect(frameNav.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(wc.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler({ url: appEntryUrl })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('refuses every permission request and check, and adds the CSP', () => {
    let request: any;
    let check: any;
    let headers: any;
    const ses: any = {
      setPermissionRequestHandler: (fn: any) => (request = fn),
      setPermissionCheckHandler: (fn: any) => (check = fn),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: (fn: any) => (headers = fn) },
    };
    hardenSession(ses);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check({}, permission)).toBe(false);
    }
    const cb = vi.fn();
    headers({ responseHeaders: { 'X-A': ['1'] } }, cb);
    expect(cb.mock.calls[0][0].responseHeaders['Content-Security-Policy'][0]).toContain("script-src 'self'");
    expect(cb.mock.calls[0][0].responseHeaders['X-A']).toEqual(['1']);
  });

  it('knows the app page from look-alikes', () => {
    expect(isAppUrl('app://ledger/index.html#/x')).toBe(true);
    for (const url of ['app://ledger.evil/index.html', 'https://ledger/', 'file:///index.html', '', undefined, 'not a url']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });
});

describe('ledger:call IPC', () => {
  const core = { call: vi.fn(async (name: string) => ({ ok: true as const, value: name, revision: 3 })) };
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as any;

  it('passes calls from the app page to the core as the app user', async () => {
    registerLedgerIpc(core, () => '王芳');
    const handler = fake.ipcHandlers.get(callChannel)!;
    expect(await handler(frame('app://ledger/index.html'), 'units.list', {})).toEqual({ ok: true, value: 'units.list', revision: 3 });
    expect(core.call).toHaveBeenCalledWith('units.list', {}, { user: '王芳' });
  });

  it('refuses a sender that is not the app’s own top-level page', async () => {
    core.call.mockClear();
    registerLedgerIpc(core, () => 'u');
    const handler = fake.ipcHandlers.get(callChannel)!;
    for (const event of [
      frame('https://evil.example/'),
      frame('file:///tmp/x.html'),
      frame('app://ledger/index.html', { url: 'app://ledger/index.html' }),
      { senderFrame: null },
    ]) {
      expect(await handler(event, 'units.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(core.call).not.toHaveBeenCalled();
    expect(isTrustedSender(frame('app://ledger/'))).toBe(true);
  });
});

describe('preload', () => {
  it('exposes window.ledger: the contract grouped by domain, frozen, nothing else', async () => {
    await import('./preload');
    const ledger = fake.exposed.get('ledger');
    expect([...fake.exposed.keys()]).toEqual(['ledger']);
    expect(Object.isFrozen(ledger)).toBe(true);
    const groups = [...new Set(endpointNames.map((n) => n.split('.')[0]))].sort();
    expect(Object.keys(ledger).sort()).toEqual([...groups, 'revision', 'print', 'printToPDF'].sort());
    expect(typeof ledger.print).toBe('function');
    expect(typeof ledger.printToPDF).toBe('function');
    const exposedNames = groups.flatMap((g) => Object.keys(ledger[g]).map((m) => `${g}.${m}`));
    expect(exposedNames.sort()).toEqual([...endpointNames].sort());
    for (const g of groups) {
      expect(Object.isFrozen(ledger[g])).toBe(true);
      for (const m of Object.keys(ledger[g])) expect(typeof ledger[g][m]).toBe('function');
    }
    expect(() => {
      'use strict';
      ledger.units.list = () => 'hijacked';
    }).toThrow();
  });

  it('invokes ledger:call, unwraps the value and tracks the revision', async () => {
    const invoke = vi.fn(async (_c: string, name: string) => ({ ok: true, value: `v:${name}`, revision: 12 }));
    const ledger: any = buildPreloadApi(invoke as any, ['units.list', 'cadres.get']);
    expect(ledger.revision()).toBe(0);
    expect(await ledger.cadres.get({ id: 'C1' })).toBe('v:cadres.get');
    expect(invoke).toHaveBeenCalledWith('ledger:call', 'cadres.get', { id: 'C1' });
    expect(ledger.revision()).toBe(12);
    await ledger.units.list();
    expect(invoke).toHaveBeenLastCalledWith('ledger:call', 'units.list', {});
  });

  it('rejects with the error shape as JSON in the message (it survives contextBridge)', async () => {
    const shape = { code: 'VALIDATION', message: { zh: '输入有误', en: 'bad' }, fields: [{ path: 'name', message: { zh: '必填', en: 'required' } }] };
    const ledger: any = buildPreloadApi(async () => ({ ok: false, error: shape, revision: 5 }) as any, ['cadres.create']);
    const err = await ledger.cadres.create({}).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(JSON.parse(/\{.*\}/s.exec(err.message)![0])).toEqual(shape);
    expect(ledger.revision()).toBe(5);
  });
});

describe('printing through the shell', () => {
  const appFrame = { url: 'app://ledger/index.html#/tracker', parent: null };
  function fakeContents(printAnswer: [boolean, string] = [true, '']) {
    return {
      print: vi.fn((_options: unknown, done: (success: boolean, reason: string) => void) => done(...printAnswer)),
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.4 fake')),
    };
  }

  it('the preload sends print and printToPDF over their own channels', async () => {
    const invoke = vi.fn(async () => ({ ok: true }));
    const ledger: any = buildPreloadApi(invoke as any, ['units.list']);
    expect(await ledger.print()).toEqual({ ok: true });
    expect(invoke).toHaveBeenLastCalledWith('ledger:print');
    await ledger.printToPDF('预警与观察期台账.pdf');
    expect(invoke).toHaveBeenLastCalledWith('ledger:printToPDF', '预警与观察期台账.pdf');
    await ledger.printToPDF({ not: 'a name' });
    expect(invoke).toHaveBeenLastCalledWith('ledger:printToPDF', '');
  });

  it('print opens the system dialog for the app page and says when it was cancelled', async () => {
    registerPrintIpc();
    const handler = fake.ipcHandlers.get(printChannel)!;
    const ok = fakeContents();
    expect(await handler({ senderFrame: appFrame, sender: ok }, undefined)).toEqual({ ok: true });
    expect(ok.print).toHaveBeenCalledWith(expect.objectContaining({ silent: false }), expect.any(Function));
    const cancelled = fakeContents([false, 'cancelled']);
    expect(await handler({ senderFrame: appFrame, sender: cancelled })).toEqual({ ok: false, cancelled: true });
    const failed = fakeContents([false, 'no printer']);
    expect(await handler({ senderFrame: appFrame, sender: failed })).toEqual({ ok: false, error: 'no printer' });
  });

  it('printToPDF asks where to save, writes the PDF there, and does nothing when cancelled', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'print-'));
    try {
      registerPrintIpc();
      const handler = fake.ipcHandlers.get(printToPdfChannel)!;
      const win = createSecureWindow({ preloadPath: '/p', title: 't' }) as any;
      const contents = Object.assign(win.webContents, fakeContents());
      const target = join(dir, '台账.pdf');
      fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      expect(await handler({ senderFrame: appFrame, sender: contents }, '../../预警与观察期台账')).toEqual({ ok: true, path: target });
      const [parent, options] = fake.dialog.showSaveDialog.mock.calls[0];
      expect(parent).toBe(win);
      expect(options.defaultPath).toBe('预警与观察期台账.pdf');
      expect(contents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }));
      expect(readFileSync(target, 'utf8')).toBe('%PDF-1.4 fake');

      contents.printToPDF.mockClear();
      fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
      expect(await handler({ senderFrame: appFrame, sender: contents }, 'x')).toEqual({ ok: false, cancelled: true, path: null });
      expect(contents.printToPDF).not.toHaveBeenCalled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a page that is not the app, without printing or asking', async () => {
    registerPrintIpc();
    fake.dialog.showSaveDialog.mockClear();
    const contents = fakeContents();
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: 'app://ledger/index.html', parent: {} }, null]) {
      expect(await fake.ipcHandlers.get(printChannel)!({ senderFrame: frame, sender: contents })).toMatchObject({ ok: false, error: 'UNAUTHORIZED' });
      expect(await fake.ipcHandlers.get(printToPdfChannel)!({ senderFrame: frame, sender: contents }, 'x')).toMatchObject({ ok: false, error: 'UNAUTHORIZED' });
    }
    expect(contents.print).not.toHaveBeenCalled();
    expect(contents.printToPDF).not.toHaveBeenCalled();
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('suggests a plain file name ending in .pdf', () => {
    expect(pdfFileName('会议统计-2026-01至2026-11')).toBe('会议统计-2026-01至2026-11.pdf');
    expect(pdfFileName('C:\\Users\\x\\a.PDF')).toBe('a.pdf');
    expect(pdfFileName('a<b>:c?.pdf')).toBe('abc.pdf');
    expect(pdfFileName(undefined)).toBe('cadre-ledger.pdf');
    expect(pdfFileName('')).toBe('cadre-ledger.pdf');
  });
});

describe('menu', () => {
  it('speaks Chinese on a Chinese system and hides developer tools when packaged', () => {
    expect(menuLangFor('zh-CN')).toBe('zh');
    expect(menuLangFor('en-US')).toBe('en');
    const zh = menuTemplate('zh', { devTools: false, showAbout: () => {}, openDataFolder: () => {} });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = JSON.stringify(zh);
    expect(roles).not.toContain('toggleDevTools');
    const en = menuTemplate('en', { devTools: true, showAbout: () => {}, openDataFolder: () => {} });
    expect(en[0].label).toBe('File');
    expect(JSON.stringify(en)).toContain('toggleDevTools');
  });
});

describe('one way to make a window', () => {
  it('only security.ts constructs a BrowserWindow', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url);
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'security.ts')
      .filter((f) => /new\s+BrowserWindow\b/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the core\'s V8 flags in the main process', () => {
  const appWith = (jsFlags: string) => {
    const calls: Array<[string, ...unknown[]]> = [];
    const app: FlagsApp = {
      commandLine: {
        getSwitchValue: (name) => (name === 'js-flags' ? jsFlags : ''),
        appendSwitch: (name, value) => void calls.push(['appendSwitch', name, value]),
      },
      relaunch: (options) => void calls.push(['relaunch', options]),
      exit: (code) => void calls.push(['exit', code]),
    };
    return { app, calls };
  };
  const packagedArgv = ['C:\\Program Files\\Cadre Ledger\\Cadre Ledger.exe', '--some-arg'];

  it('npm start already passes them: nothing to do', () => {
    expect(missingCoreFlags(electronJsFlags.slice('--js-flags='.length))).toEqual([]);
    const { app, calls } = appWith(electronJsFlags.slice('--js-flags='.length));
    expect(applyCoreV8Flags(app, packagedArgv, {})).toBe(false);
    expect(calls).toEqual([]);
  });

  it('a packaged app started without them appends them and relaunches once with them', () => {
    const { app, calls } = appWith('');
    const env: NodeJS.ProcessEnv = {};
    expect(applyCoreV8Flags(app, packagedArgv, env)).toBe(true);
    const jsFlags = coreNodeFlags.join(' ');
    expect(calls).toEqual([
      ['appendSwitch', 'js-flags', jsFlags],
      ['relaunch', { args: [`--js-flags=${jsFlags}`, '--some-arg'] }],
      ['exit', 0],
    ]);
    expect(env[relaunchedForFlags]).toBe('1');
  });

  it('keeps other V8 flags given at launch and adds only the missing ones', () => {
    const { app, calls } = appWith('--expose-gc');
    applyCoreV8Flags(app, packagedArgv, {});
    expect(calls[0]).toEqual(['appendSwitch', 'js-flags', ['--expose-gc', ...coreNodeFlags].join(' ')]);
  });

  it('relaunches at most once (a launcher that drops switches does not loop)', () => {
    const { app, calls } = appWith('');
    expect(applyCoreV8Flags(app, packagedArgv, { [relaunchedForFlags]: '1' })).toBe(false);
    expect(calls.map((c) => c[0])).toEqual(['appendSwitch']);
  });

  it('through the fake electron module, the relaunched process\'s V8 starts with the flags', async () => {
    const { build } = await import('esbuild');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'cadre-flags-'));
    try {
      const main = join(dir, 'main.cjs');
      const shellDir = new URL('.', import.meta.url).pathname;
      await build({
        stdin: {
          contents:
            "import { app } from 'electron'; import { applyCoreV8Flags } from './v8Flags';" +
            "if (!applyCoreV8Flags(app)) process.stdout.write('[fake] ' + JSON.stringify({ what: 'running', data: process.execArgv }) + '\\n');",
          resolveDir: shellDir,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        external: ['electron'],
        outfile: main,
        logLevel: 'silent',
      });
      const env = { ...process.env };
      delete env[relaunchedForFlags];
      const run = spawnSync(process.execPath, ['--require', join(shellDir, 'testing', 'fake-electron.cjs'), main], { encoding: 'utf8', env, timeout: 30_000 });
      expect(run.status, run.stderr).toBe(0);
      const events = run.stdout.split('\n').filter((l) => l.startsWith('[fake] ')).map((l) => JSON.parse(l.slice(7)));
      expect(events.map((e) => e.what)).toEqual(['appendSwitch', 'relaunch', 'exit', 'running']);
      // The second process is Node started with the flags: V8 sized its heap with them.
      expect(events[3].data).toEqual(expect.arrayContaining(coreNodeFlags));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
