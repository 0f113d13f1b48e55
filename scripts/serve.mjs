// `npm run serve`: the app in a browser. Builds the renderer if it is not built yet, then runs the
// browser host (electron/host/main.ts) in this terminal. PORT and LEDGER_DATA_DIR are honoured.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreNodeFlags } from './core-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  console.log('正在构建界面 / Building the renderer…');
  const built = spawnSync(npm, ['run', 'build:renderer'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const host = spawn(process.execPath, [...coreNodeFlags, '--import', 'tsx', join(root, 'electron', 'host', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
// Ctrl+C reaches the child through the terminal's process group; a SIGTERM sent to this script
// alone is passed on so the host can close its store cleanly.
process.on('SIGTERM', () => host.kill('SIGTERM'));
process.on('SIGINT', () => {});
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
