// Two offices for the sync e2e tests: the fixture's host plays the New Area (新区党工委办公室, XQ)
// and a second host, with its own data directory, the township 青山镇 (XZ01). The certificate
// ceremony of docs/SYNC.md is done through the endpoints the 数据交换 page uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callHost, spawnHost, valueOf, type LedgerHost, type StartedHost } from './fixtures';

export interface TownshipHost extends StartedHost {
  /** Calls an endpoint of the township; an error envelope throws. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** The New Area's today (session.info), the date both ledgers record on. */
  today: string;
  /** Everything the township's host printed. */
  output(): string;
  /** Stops the township's host and removes its data directory. */
  stop(): Promise<void>;
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

/** Starts the township beside the New Area (the fixture's host) and makes them trust each other. */
export async function townshipBesideNewArea(newArea: LedgerHost): Promise<TownshipHost> {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-e2e-township-'));
  let log = '';
  const host = await spawnHost({ LEDGER_DATA_DIR: dir, LEDGER_USER: 'e2e', LEDGER_CHECK_OUTPUT: '1', PORT: '0' }, (s) => (log += s));
  const call = async <T = unknown>(name: string, input: unknown = {}) => valueOf<T>(name, await callHost<T>(host, name, input));
  const stop = async () => {
    host.child.kill('SIGTERM');
    await new Promise((r) => host.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const nc = newArea.call;
    await nc('sync.createOffice', { code: 'XQ', name: '新区党工委办公室' });
    await call('sync.createOffice', { code: 'XZ01', name: '青山镇' });
    const today = (await nc<{ today: string }>('session.info')).today;
    const certificate = await nc<{ text: string }>('sync.certify', {
      text: (await call<{ text: string }>('sync.identity')).text,
      validFrom: today,
      validTo: addMonths(today, 36),
    });
    await call('sync.trust', { text: (await nc<{ text: string }>('sync.identity')).text });
    await call('sync.trust', { text: certificate.text });
    return { ...host, call, today, output: () => log, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
