// Where the ledger lives when nobody says: LEDGER_DATA_DIR, else the per-user app data folder
// (what Electron's app.getPath('userData') gives for the same app name).
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export const appFolderName = 'cadre-ledger';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.LEDGER_DATA_DIR) return resolve(env.LEDGER_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName);
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), appFolderName);
}

/** The demo township's own directory, beside the office's: `<dataDir>-demo`. */
export function demoDataDirFor(dataDir: string): string {
  const abs = resolve(dataDir);
  return join(dirname(abs), `${basename(abs) || 'ledger'}-demo`);
}
