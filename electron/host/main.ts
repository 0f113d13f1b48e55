// `npm run serve` ends here: opens the core on the data directory and serves it to a browser.
// Env: PORT (else a free port), LEDGER_DATA_DIR (else the per-user app data folder),
// LEDGER_PASSPHRASE (unlocks an encrypted ledger), LEDGER_TOKEN (keep a token across restarts),
// LEDGER_USER (the name of the OS account: the administrator of a single-user ledger; the OS user
// by default), LEDGER_IDLE_LOCK_MINUTES (the idle lock, 10 by default; docs/ACCESS.md).
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { demoTownshipEvents } from '../core/demo';
import { LedgerError } from '../../shared/contract/errors';
import { idleLockMinutesFrom, openCore } from '../core/app';
import { defaultDataDir } from '../core/paths';
import { fileStoreBackend } from '../core/storeBackend';
import { startHost } from './server';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function appVersion(): string {
  try {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'user';
  }
}

async function main() {
  const dataDir = defaultDataDir();
  const user = process.env.LEDGER_USER || osUser();
  const port = process.env.PORT ? Number(process.env.PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  }
  const token = process.env.LEDGER_TOKEN && process.env.LEDGER_TOKEN.length >= 16 ? process.env.LEDGER_TOKEN : undefined;

  const core = await openCore({
    dataDir,
    passphrase: process.env.LEDGER_PASSPHRASE || undefined,
    user,
    appVersion: appVersion(),
    demoEvents: (now) => demoTownshipEvents(now),
    backend: fileStoreBackend('cadre-ledger serve (browser host)'),
    idleLockMinutes: idleLockMinutesFrom(process.env),
    checkOutput: process.env.LEDGER_CHECK_OUTPUT === '1',
  });
  const host = await startHost({
    core,
    staticDir: process.env.LEDGER_RENDERER_DIR || `${repoRoot}dist/renderer`,
    port,
    token,
  });

  // Tests wait for this exact line (the fixture parses it); keep its shape.
  process.stdout.write(`Cadre Ledger: ${host.launchUrl}\n`);
  process.stdout.write(`数据目录 / Data directory: ${dataDir}\n`);
  process.stdout.write(`按 Ctrl+C 停止 / Press Ctrl+C to stop\n`);

  let stopping = false;
  async function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`正在关闭 / Shutting down (${signal})…\n`);
    await host.close();
    await core.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  const why = e instanceof LedgerError ? `${e.bilingual.zh}\n${e.bilingual.en}` : e instanceof Error ? e.message : String(e);
  process.stderr.write(`台账无法启动 / Cadre Ledger could not start:\n${why}\n`);
  process.exit(1);
});
