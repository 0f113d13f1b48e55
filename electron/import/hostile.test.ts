// The hostile files of issue 11, generated here and read in child processes (through the reader
// worker, as the app reads them): every one must be refused with a message saying which
// row, column or limit, and the process's peak memory must stay under the budget.
// (Timing is measured in bench/hostile.bench.ts, not asserted here.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileFiles, type HostileFile } from './hostile-files';

const budgetMb = 300;
const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ChildOutcome {
  fileName: string;
  refused: boolean;
  zh?: string;
  en?: string;
  code?: string;
  peakMb: number;
}

/** Reads the files one after another in one child process; its peak covers all of them. */
function readInChild(files: HostileFile[]): ChildOutcome[] {
  const args: string[] = [];
  for (const file of files) {
    writeFileSync(join(dir, file.fileName), file.bytes);
    args.push(join(dir, file.fileName), file.fileName);
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'read-child.ts'), ...args], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the reader process died (status ${child.status}, ${child.signal ?? ''}): ${child.stderr}`);
  return child.stdout.trim().split('\n').map((l) => JSON.parse(l) as ChildOutcome);
}

function expectRefused(files: HostileFile[], outcomes: ChildOutcome[]) {
  expect(outcomes.map((o) => o.fileName)).toEqual(files.map((f) => f.fileName));
  files.forEach((file, i) => {
    const out = outcomes[i]!;
    expect(out, file.case).toMatchObject({ refused: true, code: 'VALIDATION' });
    expect(out.en, file.case).toMatch(file.refusal);
    expect(out.zh, file.case).toMatch(/[上限超]/);
    expect(out.peakMb, file.case).toBeLessThan(budgetMb);
  });
}

describe('hostile import files', () => {
  const files = hostileFiles();
  // The xlsx files share one process (one peak for all); each CSV, whose text is decoded whole,
  // gets a process of its own.
  it(`xlsx: each refused, saying which limit, all under ${budgetMb} MB`, () => {
    const xlsx = files.filter((f) => f.fileName.endsWith('.xlsx'));
    expectRefused(xlsx, readInChild(xlsx));
  }, 120_000);

  for (const file of files.filter((f) => f.fileName.endsWith('.csv'))) {
    it(`refuses ${file.case} under ${budgetMb} MB`, () => {
      expectRefused([file], readInChild([file]));
    }, 60_000);
  }
});
