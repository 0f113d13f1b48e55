// The Electron main process: one window over the same core the browser host serves. Bundled by
// scripts/build-electron.mjs into dist/electron/main.cjs (with preload.cjs beside it).
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { app, dialog, Menu, powerMonitor, session, shell } from 'electron';
import { demoTownshipEvents } from '../core/demo';
import { LedgerError } from '../../shared/contract/errors';
import { idleLockMinutesFrom, openCore, type Core } from '../core/app';
import { defaultDataDir } from '../core/paths';
import { fileStoreBackend } from '../core/storeBackend';
import { registerLedgerIpc, registerPrintIpc } from './ipc';
import { menuLangFor, menuTemplate } from './menu';
import { appEntryUrl, createSecureWindow, hardenSession, registerAppScheme, serveRenderer } from './security';
import { applyCoreV8Flags } from './v8Flags';
import type { BrowserWindow } from 'electron';

const productName = { zh: '干部能上能下台账', en: 'Cadre Ledger' };

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'user';
  }
}

// The core's V8 flags first (a packaged app starts without them: it relaunches once with them).
// One app per user: a second start focuses the running window (and the store's lock stays ours).
if (applyCoreV8Flags(app) || !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let win: BrowserWindow | undefined;
  let core: Core | undefined;
  // The same ledger as `npm run serve`: LEDGER_DATA_DIR, else the per-user app data folder.
  const dataDir = defaultDataDir();
  const user = process.env.LEDGER_USER || osUser();

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.whenReady().then(async () => {
    const lang = menuLangFor(app.getLocale());
    try {
      core = await openCore({
        dataDir,
        passphrase: process.env.LEDGER_PASSPHRASE || undefined,
        user,
        appVersion: app.getVersion(),
        demoEvents: (now) => demoTownshipEvents(now),
        backend: fileStoreBackend('cadre-ledger app'),
        idleLockMinutes: idleLockMinutesFrom(process.env),
      });
    } catch (e) {
      const zh = e instanceof LedgerError ? e.bilingual.zh : e instanceof Error ? e.message : String(e);
      const en = e instanceof LedgerError ? e.bilingual.en : zh;
      dialog.showErrorBox(
        `${productName.zh} / ${productName.en}`,
        `无法打开台账（${dataDir}）：${zh}\n\nCannot open the ledger (${dataDir}): ${en}`,
      );
      app.exit(1);
      return;
    }
    const ses = session.defaultSession;
    hardenSession(ses);
    serveRenderer(ses, join(__dirname, '..', 'renderer'));
    const openCoreRef = core;
    registerLedgerIpc({ call: (name, input, ctx) => openCoreRef.call(name, input, ctx) }, () => user);
    registerPrintIpc();
    // Lock on system suspend or when the screen locks (docs/ACCESS.md): an encrypted ledger forgets
    // its key; the window shows the lock screen at its next call.
    const lockNow = () => void openCoreRef.call('session.lock', {});
    powerMonitor?.on('suspend', lockNow);
    powerMonitor?.on('lock-screen', lockNow);

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(lang, {
          devTools: !app.isPackaged,
          openDataFolder: () => void shell.openPath(openCoreRef.ctx.store.dataDir),
          showAbout: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: productName[lang],
              message: `${productName.zh} ${productName.en}`,
              detail: `${lang === 'zh' ? '版本' : 'Version'} ${app.getVersion()}\n${lang === 'zh' ? '数据目录' : 'Data folder'}: ${openCoreRef.ctx.store.dataDir}`,
            }),
        }),
      ),
    );

    win = createSecureWindow({ preloadPath: join(__dirname, 'preload.cjs'), title: `${productName.zh} · ${productName.en}` });
    win.on('closed', () => (win = undefined));
    await win.loadURL(appEntryUrl);
  });

  app.on('window-all-closed', () => app.quit());

  // Close the store (flush, release the lock) before the process ends.
  let closing = false;
  app.on('before-quit', (event) => {
    if (!core || closing) return;
    event.preventDefault();
    closing = true;
    core.close().finally(() => {
      core = undefined;
      app.quit();
    });
  });
}
