// The hostile files of issue 11, generated here, each read in a child process of its own: every one
// must be refused with a message saying which row, column or limit, under the memory budget.
// (Timing is measured in bench/hostile.bench.ts, not asserted here.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileFiles } from './hostile-files';

const budgetMb = 300;
const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

export function readInChild(path: string, fileName: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'read-child.ts'), path, fileName], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the reader died (status ${child.status}, ${child.signal ?? ''}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { refused: boolean; zh?: string; en?: string; code?: string; peakMb: number };
}

describe('hostile import files', () => {
  for (const file of hostileFiles()) {
    it(`refuses ${file.case} under ${budgetMb} MB`, () => {
      const path = join(dir, file.fileName);
      writeFileSync(path, file.bytes);
      const out = readInChild(path, file.fileName);
      expect(out).toMatchObject({ refused: true, code: 'VALIDATION' });
      expect(out.en).toMatch(file.refusal);
      expect(out.zh).toMatch(/[上限超]/);
      expect(out.peakMb).toBeLessThan(budgetMb);
    }, 60_000);
  }
});
