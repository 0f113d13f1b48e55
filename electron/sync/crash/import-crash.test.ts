// kill -9 during an import: the store reopens either as it was before the import or with the whole
// import applied, never with part of it; it verifies clean, and importing again completes it.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { rng } from '../../store/bench/campaigns';
import { openStore } from '../../store/index';
import { exportPackage, importPackages, listOffices } from '../exchange';
import { cadre, ceremony, closeOffices, NOW, openOffice, score, unit, who } from '../testkit';
import { verifyFeeds } from '../verify';

const here = fileURLToPath(new URL('.', import.meta.url));

async function bundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'import-child.mjs');
  await build({
    entryPoints: [join(here, 'import-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

function runChild(script: string, args: string[], killAfterMs: number) {
  return new Promise<{ done: boolean; signal: NodeJS.Signals | null; code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let done = false;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (c: Buffer) => {
      const text = c.toString();
      if (text.includes('open ') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      if (text.includes('done ')) done = true;
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ done, signal, code, stderr });
    });
  });
}

describe('kill -9 during an import', () => {
  it('leaves the store as before or as after, never between', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cadre-sync-crash-'));
    try {
      const script = await bundle(join(work, 'bin'));
      const xq = await openOffice('XQ', '新区', work);
      const xz = await openOffice('XZ01', '青山镇', work);
      await ceremony(xq, xz);
      // A township's worth of entries: big enough that a kill lands inside the import.
      await xz.store.commit([unit('U1'), ...Array.from({ length: 300 }, (_, i) => cadre(`C${i}`, 'U1'))], who);
      for (let m = 1; m <= 6; m++) {
        await xz.store.commit(Array.from({ length: 300 }, (_, i) => score(`C${i}`, `2026-0${m}`, 60 + ((i * m) % 40))), who);
      }
      for (let i = 0; i < 60; i++) await xz.store.commit([cadre(`C${i}`, 'U1', { position: `岗位${i}` })], who);
      const pkg = join(work, 'p.ledgerpkg');
      writeFileSync(pkg, (await exportPackage(xz.store, 'XQ', { now: NOW })).bytes);
      const pristine = join(work, 'pristine');
      await xq.store.close();
      cpSync(xq.dir, pristine, { recursive: true });
      xq.store = await openStore(xq.dir, { autoBackup: false });
      await closeOffices(xq, xz);

      const random = rng(1212);
      let before = 0;
      let after = 0;
      for (let k = 0; k < 8; k++) {
        const dir = join(work, `k${k}`);
        mkdirSync(dir);
        cpSync(pristine, dir, { recursive: true });
        const run = await runChild(script, [dir, pkg], Math.floor(random() * 400));
        if (run.signal !== 'SIGKILL') expect(run.stderr).toBe('');
        const store = await openStore(dir, { autoBackup: false });
        try {
          expect((await store.verify()).ok).toBe(true);
          expect(verifyFeeds(store.state()).ok).toBe(true);
          const s = store.state();
          const held = listOffices(s).find((o) => o.code === 'XZ01')!.held['XZ01/1'] ?? 0;
          const scores = [...s.scores.keys()].filter((id) => id.startsWith('XZ01.')).length;
          if (held === 0) {
            before++;
            expect(s.cadres.size + scores).toBe(0);
          } else {
            after++;
            expect(held).toBe(67);
            expect(s.cadres.size).toBe(300);
            expect(scores).toBe(1800);
            expect(s.cadres.get('XZ01.C59')).toMatchObject({ position: '岗位59' });
          }
          // Importing (again) completes it, and changes nothing the second time.
          const bytes = (await import('node:fs')).readFileSync(pkg);
          await importPackages(store, [{ name: 'p', bytes }], { now: NOW });
          expect(store.state().cadres.size).toBe(300);
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }
      expect(before + after).toBe(8);
      console.log(`import crash: ${before} kills before the commit, ${after} after`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
