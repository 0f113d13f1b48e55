// The crash test: a child process commits in a loop and is killed with SIGKILL at a random
// moment; after each kill the store must open, verify clean, and hold every event whose commit the
// child acknowledged (reported on a pipe) before it died. Kills also land during open (tail
// recovery, stale-lock takeover) and during snapshot writing.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { initStore, openStore } from '../index';
import { fastScrypt } from '../test-helpers';
import { rng } from './campaigns';

export interface CrashOptions {
  kills: number;
  /** Stop early (and report the count reached) after this many seconds. */
  timeLimitSeconds?: number;
  /** Children running at once, each on its own store. */
  parallel?: number;
  /** A fresh store every this many kills (keeps each check cheap). */
  killsPerStore?: number;
  seed?: number;
  onProgress?: (done: number, result: CrashResult) => void;
}

export interface CrashResult {
  kills: number;
  /** Kills after which an acknowledged event was missing or wrong (must be 0). */
  lost: number;
  /** Kills after which the store did not open or verify (must be 0). */
  unopenable: number;
  /** Acknowledged events checked in total. */
  ackedEvents: number;
  /** Kills that hit while the child was still opening (before its first ack). */
  killedDuringOpen: number;
  /** Kills whose store had an interrupted append to cut on reopen. */
  tornTails: number;
  /** Child exits other than by our SIGKILL (must be 0). */
  childFailures: number;
  seconds: number;
  /** Time spent in children (start-up to kill) and in the checks after them, summed over workers. */
  childSeconds: number;
  checkSeconds: number;
  failures: string[];
}

const here = fileURLToPath(new URL('.', import.meta.url));

/** Bundles the child to one .mjs (plain node starts it in a fraction of the tsx loader's time). */
export async function bundleChild(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'crash-child.mjs');
  await build({
    entryPoints: [join(here, 'crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

/** Kills `killAfterMs` after spawning, or (afterOpen) that long after the child reports its store open. */
function runChild(script: string, dir: string, passphrase: string, seed: number, killAfterMs: number, afterOpen: boolean) {
  return new Promise<{ acked: number; opened: boolean; exitSignal: NodeJS.Signals | null; exitCode: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [script, dir, passphrase, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let opened = false;
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith('ack ')) acked = Math.max(acked, Number(line.slice(4)));
        else if (line.startsWith('open ')) {
          opened = true;
          if (afterOpen) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let timer = setTimeout(() => child.kill('SIGKILL'), afterOpen ? 30_000 : killAfterMs);
    child.on('close', (exitCode, exitSignal) => {
      clearTimeout(timer);
      resolve({ acked, opened, exitSignal, exitCode, stderr });
    });
  });
}

export async function runCrashTest(options: CrashOptions): Promise<CrashResult> {
  const started = Date.now();
  const work = join(tmpdir(), `cadre-crash-${process.pid}-${Date.now()}`);
  const script = await bundleChild(join(work, 'bin'));
  const random = rng(options.seed ?? 20250301);
  const result: CrashResult = {
    kills: 0,
    lost: 0,
    unopenable: 0,
    ackedEvents: 0,
    killedDuringOpen: 0,
    tornTails: 0,
    childFailures: 0,
    seconds: 0,
    childSeconds: 0,
    checkSeconds: 0,
    failures: [],
  };
  const perStore = options.killsPerStore ?? 10;
  const deadline = options.timeLimitSeconds ? started + options.timeLimitSeconds * 1000 : Infinity;
  let next = 0;
  const note = (s: string) => result.failures.length < 20 && result.failures.push(s);

  async function worker(w: number): Promise<void> {
    let dir = '';
    let passphrase = '';
    let acked = 0; // highest acknowledged revision in the current store
    for (;;) {
      if (next >= options.kills || Date.now() > deadline) return;
      const k = next++;
      if (!dir || k % perStore === w % perStore) {
        if (dir) rmSync(dir, { recursive: true, force: true });
        dir = join(work, `w${w}-s${k}`);
        passphrase = random() < 0.3 ? 'crash test passphrase' : '';
        await initStore(dir, { passphrase: passphrase || undefined, scryptParams: fastScrypt });
        acked = 0;
      }
      // Mostly during the commit loop; one kill in six during start-up and open (tail recovery,
      // lock takeover, snapshot loading).
      const duringOpen = random() < 1 / 6;
      const delay = Math.floor(random() * (duringOpen ? 400 : 80));
      const childStart = Date.now();
      const run = await runChild(script, dir, passphrase, Math.floor(random() * 2 ** 31), delay, !duringOpen);
      const killNumber = ++result.kills;
      const checkStart = Date.now();
      result.childSeconds += (checkStart - childStart) / 1000;
      if (run.exitSignal !== 'SIGKILL') {
        result.childFailures++;
        note(`kill ${k}: child exited with ${run.exitCode}: ${run.stderr.trim()}`);
      }
      if (!run.opened) result.killedDuringOpen++;
      acked = Math.max(acked, run.acked);
      try {
        const store = await openStore(dir, { passphrase: passphrase || undefined, autoBackup: false });
        try {
          if (store.warnings.some((x) => x.code === 'torn-tail')) result.tornTails++;
          const units = store.state().units;
          let missing = 0;
          for (let s = 1; s <= acked; s++) if (units.get(`k${s}`)?.name !== `n${s}`) missing++;
          if (store.revision < acked || missing || units.size !== store.revision) {
            result.lost++;
            note(`kill ${k}: acked #${acked}, reopened at #${store.revision} with ${missing} acknowledged events missing`);
          }
          result.ackedEvents += acked;
          const report = await store.verify();
          if (!report.ok) {
            result.unopenable++;
            note(`kill ${k}: verify after reopen: ${report.problems[0].message.en}`);
          }
          // Whatever reached the disk without an ack is now part of the history: count from it.
          acked = store.revision;
        } finally {
          await store.close();
        }
      } catch (e) {
        result.unopenable++;
        note(`kill ${k}: reopen failed: ${(e as Error).message}`);
        dir = ''; // start a fresh store rather than repeat the failure
      }
      result.checkSeconds += (Date.now() - checkStart) / 1000;
      options.onProgress?.(killNumber, result);
    }
  }
  try {
    await Promise.all(Array.from({ length: options.parallel ?? 1 }, (_, w) => worker(w)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
