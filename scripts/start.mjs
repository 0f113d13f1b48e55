// `npm start`: the desktop app. Rebuilds what is out of date, checks that the Electron binary is
// installed (it downloads on first use and cannot here without network), then runs it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronJsFlags } from './core-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const electronDir = join(root, 'node_modules', 'electron');

/** The Electron executable if it is installed, else undefined. */
export function electronBinary() {
  try {
    const rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel)
      : join(electronDir, 'dist', rel);
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

function newestMtime(paths) {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules') newest = Math.max(newest, newestMtime([join(p, e)]));
    } else newest = Math.max(newest, s.mtimeMs);
  }
  return newest;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function run(script) {
  const r = spawnSync(npm, ['run', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let bin = electronBinary();
if (!bin && existsSync(join(electronDir, 'package.json')) && !process.env.LEDGER_NO_ELECTRON_DOWNLOAD) {
  // Since Electron 42 the binary downloads on the first require('electron'); try that once, quietly.
  console.log('正在获取 Electron 程序 / Fetching the Electron binary…');
  spawnSync(process.execPath, ['-e', "require('electron')"], { cwd: root, stdio: 'ignore', timeout: 300_000 });
  bin = electronBinary();
}
if (!bin) {
  console.error(
    '此环境未安装 Electron 程序，无法打开桌面版，请改用 `npm run serve` 在浏览器中运行。' +
      ' / The Electron binary is not installed here, so the desktop app cannot open: run `npm run serve` to use the app in a browser instead.',
  );
  process.exit(1);
}

const shared = join(root, 'shared');
if (mtime(join(root, 'dist', 'renderer', 'index.html')) < newestMtime([join(root, 'renderer'), shared])) run('build:renderer');
if (mtime(join(root, 'dist', 'electron', 'main.cjs')) < newestMtime([join(root, 'electron'), shared])) run('build:electron');

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(bin, [electronJsFlags, root], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
