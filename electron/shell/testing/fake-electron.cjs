// A stand-in `electron` for running the bundled main process (dist/electron/main.cjs) in plain
// Node: `node --require ./fake-electron.cjs main.cjs`. It records what the app asks Electron to do,
// then drives one page load: the app:// protocol, an IPC call from the app page and one from a
// foreign page, a print request, and a quit. Everything is printed as `[fake] <json>` lines for the test to read.
const Module = require('node:module');
const say = (what, data) => process.stdout.write(`[fake] ${JSON.stringify({ what, data })}\n`);
const handlers = {};
let protocolHandler;
const ipcHandlers = {};
// Chromium's command line, as the fake sees it: `--name=value` arguments after the script. A
// relaunch starts Node again with the `--js-flags` value as real V8 flags, and with the switch
// itself after the script, as Electron would (the new process's events print to the same stdout).
const switches = new Map(
  process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => [a.slice(2, a.includes('=') ? a.indexOf('=') : undefined), a.includes('=') ? a.slice(a.indexOf('=') + 1) : '']),
);
let relaunchArgs;

const fake = {
  powerMonitor: { on: (event) => say(`powerMonitor:${event}`) },
  app: {
    requestSingleInstanceLock: () => true,
    on: (event, fn) => (handlers[event] = fn),
    whenReady: () => Promise.resolve(),
    getLocale: () => 'zh-CN',
    getVersion: () => '0.0.0-bundle-test',
    isPackaged: false,
    quit: () => {
      say('quit');
      setTimeout(() => process.exit(0), 10);
    },
    exit: (code) => {
      say('exit', code);
      if (!relaunchArgs) process.exit(code);
      const jsFlags = (relaunchArgs.find((a) => a.startsWith('--js-flags=')) ?? '').slice('--js-flags='.length);
      const r = require('node:child_process').spawnSync(
        process.execPath,
        [
          ...jsFlags.split(/\s+/).filter(Boolean),
          '--require',
          __filename,
          ...relaunchArgs.filter((a) => !a.startsWith('--')), // the script (Electron's app path)
          ...relaunchArgs.filter((a) => a.startsWith('--')),
        ],
        { stdio: 'inherit', env: process.env },
      );
      process.exit(r.status ?? 1);
    },
    relaunch: (options) => {
      relaunchArgs = options?.args ?? process.argv.slice(1);
      say('relaunch', relaunchArgs);
    },
    commandLine: {
      getSwitchValue: (name) => switches.get(name) ?? '',
      hasSwitch: (name) => switches.has(name),
      appendSwitch: (name, value) => (switches.set(name, value ?? ''), say('appendSwitch', [name, value])),
    },
  },
  dialog: {
    showErrorBox: (title, message) => say('errorBox', message),
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
  },
  Menu: { setApplicationMenu: (menu) => say('menu', menu.map((m) => m.label)), buildFromTemplate: (t) => t },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => say('permissionRequestHandler'),
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
      webRequest: { onHeadersReceived: () => {} },
      protocol: { handle: (scheme, fn) => ((protocolHandler = fn), say('protocol', scheme)) },
    },
  },
  shell: {},
  protocol: { registerSchemesAsPrivileged: (schemes) => say('privileged', schemes) },
  ipcMain: { handle: (channel, fn) => ((ipcHandlers[channel] = fn), say('ipc', channel)) },
  BrowserWindow: class {
    constructor(options) {
      say('window', options.webPreferences);
      this.webContents = { on() {}, setWindowOpenHandler: () => say('windowOpenHandler') };
    }
    once() {}
    on() {}
    async loadURL(url) {
      say('load', url);
      const page = await protocolHandler({ url });
      say('page', { status: page.status, type: page.headers.get('content-type'), csp: page.headers.get('content-security-policy') });
      const escape = await protocolHandler({ url: 'app://ledger/..%2f..%2fpackage.json' });
      say('escape', escape.status);
      const call = ipcHandlers['ledger:call'];
      say('own', await call({ senderFrame: { url, parent: null } }, 'units.create', { name: '党政办' }));
      say('foreign', await call({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'units.list', {}));
      const printer = { print: (options, done) => (say('printed', options), done(true, '')) };
      say('print', await ipcHandlers['ledger:print']({ senderFrame: { url, parent: null }, sender: printer }));
      handlers['before-quit']({ preventDefault: () => say('quitDeferred') });
    }
  },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron' : resolve.call(this, request, ...rest);
};
require.cache.electron = { id: 'electron', filename: 'electron', loaded: true, exports: fake };
