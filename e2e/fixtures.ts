// The `ledger` fixture: a real browser host (electron/host/main.ts) as a child process, on its own
// temp data dir, for one test. Use it as:
//
//   import { test, expect } from './fixtures';
//   test('…', async ({ page, ledger }) => {
//     await page.goto(ledger.launchUrl);            // the app, with its token
//     await ledger.api('units.create', { name: '…' }); // seed or check through the API
//     await ledger.restart();                        // same port, token and data: page.reload() works
//   });
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import type { Envelope } from '../shared/contract';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const hostEntry = join(repoRoot, 'electron', 'host', 'main.ts');
const launchLine = /Cadre Ledger: (http:\/\/127\.0\.0\.1:(\d+)\/)#token=(\S+)/;

export interface LedgerHost {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** url + '#token=…': what a user opens. */
  launchUrl: string;
  port: number;
  token: string;
  dataDir: string;
  /** Stops the host (SIGTERM, store closed) and starts it again on the same port, token and data. */
  restart(): Promise<void>;
  /** POST /api/<name> with the token; the envelope as the renderer would get it. */
  api<T = unknown>(name: string, input?: unknown): Promise<Envelope<T>>;
  /** Like api() but throws on an error envelope and returns the value. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** Everything the host printed (stdout + stderr) so far. */
  output(): string;
}

export interface StartedHost {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
}

/** POST /api/<name> to a running host with its token: the envelope, as the renderer gets it. */
export async function callHost<T = unknown>(host: Pick<StartedHost, 'url' | 'token'>, name: string, input?: unknown): Promise<Envelope<T>> {
  const res = await fetch(`${host.url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input ?? {}),
  });
  return (await res.json()) as Envelope<T>;
}

/** The value of an ok envelope; an error envelope throws, naming the call. */
export function valueOf<T>(name: string, envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message.en} ${JSON.stringify(envelope.error.fields ?? [])}`);
  return envelope.value;
}

/** Spawns the host and resolves when it prints its URL (or rejects when it exits first). */
export function spawnHost(env: NodeJS.ProcessEnv, log: (text: string) => void): Promise<StartedHost> {
  // The bundle made by global-setup.ts when there is one, else the TypeScript through tsx.
  const bundled = process.env.LEDGER_E2E_HOST;
  const args = bundled && existsSync(bundled) ? [bundled] : ['--import', 'tsx', hostEntry];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host printed no URL within 60 s:\n${stdout}`));
    }, 60_000);
    child.stderr!.on('data', (d: Buffer) => log(d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString();
      log(text);
      stdout += text;
      const m = launchLine.exec(stdout);
      if (m) {
        clearTimeout(guard);
        resolve({ child, url: m[1], port: Number(m[2]), token: m[3] });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      reject(new Error(`host exited (${code ?? signal}) before printing its URL:\n${stdout}`));
    });
  });
}

function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(guard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ ledger: LedgerHost }>({
  ledger: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cadre-e2e-'));
    let log = '';
    const append = (t: string) => {
      log += t;
    };
    const baseEnv = { LEDGER_DATA_DIR: dataDir, LEDGER_USER: 'e2e', LEDGER_CHECK_OUTPUT: '1' };
    let running = await spawnHost({ ...baseEnv, PORT: '0' }, append);

    const api = <T,>(name: string, input?: unknown) => callHost<T>(running, name, input);
    const ledger: LedgerHost = {
      get url() {
        return running.url;
      },
      get launchUrl() {
        return `${running.url}#token=${running.token}`;
      },
      get port() {
        return running.port;
      },
      get token() {
        return running.token;
      },
      dataDir,
      async restart() {
        const { port, token } = running;
        await stopHost(running.child);
        running = await spawnHost({ ...baseEnv, PORT: String(port), LEDGER_TOKEN: token }, append);
      },
      api,
      call: async <T,>(name: string, input?: unknown) => valueOf(name, await api<T>(name, input)),
      output: () => log,
    };

    await use(ledger);

    await stopHost(running.child);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('host-output.txt', { body: log, contentType: 'text/plain' });
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-demo`, { recursive: true, force: true }); // session.openDemo's directory
  },
});

/** Where a spec saves a screenshot worth keeping: e2e/screenshots/<name>.png. */
export const screenshotPath = (name: string) => join(repoRoot, 'e2e', 'screenshots', `${name}.png`);

export { expect };

/**
 * Picks an option of the antd Select with data-testid `testId` and waits until the select shows
 * it. The open list can still be re-rendering (its animation, a filter) when the option is
 * clicked, and the click then lands on nothing: the pick is retried until the value shows.
 */
export async function chooseOption(page: Page, testId: string, label: string | RegExp) {
  const select = page.getByTestId(testId);
  const field = page.locator(`.ant-select[data-testid="${testId}"], .ant-select:has([data-testid="${testId}"])`).first();
  const list = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if (!(await list.count())) await select.click();
    await list.locator('.ant-select-item-option').filter({ hasText: label }).first().click({ timeout: 3_000 });
    await expect(field).toContainText(label, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}
