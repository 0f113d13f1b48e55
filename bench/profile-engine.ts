// Engine profiling driver (issue 13): generates the 50,000 × 36 ledger once (bench/township-worker.ts)
// and evaluates it repeatedly — no json-rules-engine, no DuckDB. Prints wall and CPU per run, the
// peak RSS during the runs, and a SHA-256 of the findings' JSON (every property, the explanations
// included), so that a change to the engine can be checked to give byte-identical findings:
//
//   node --max-semi-space-size=32 --heap-growing-percent=50 --expose-gc --import tsx bench/profile-engine.ts [runs] [--save|--check] [--rules=8]
//   (the flags of scripts/core-flags.mjs; add --cpu-prof to profile, --alloc-prof for where it allocates,
//   --phases for the time of the index, the ranking, each list and each rule)
//
// --save writes the digest to bench/.engine-digest-<rules>.txt, --check compares with it (exit 1 on a difference).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Session } from 'node:inspector';
import { isMainThread } from 'node:worker_threads';
import { evaluate, evaluateIndex, LedgerIndex, ruleIds, type RuleId } from '../shared/engine';
import { duckDbRules } from './engine-duckdb';
import { cpuMs, median } from './timing';
import { generateInWorker } from './township-worker';

// Guarded: bundled for profiling (esbuild, for line numbers), this file is also the generator worker's entry.
if (isMainThread) {
  const args = process.argv.slice(2);
  const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 15);
  const only8 = args.includes('--rules=8');
  const rules: RuleId[] | undefined = only8 ? [...duckDbRules] : undefined;
  const END = '2025-12';
  const gc = (globalThis as { gc?: () => void }).gc;

  const highWaterMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
  const resetHighWater = () => writeFileSync('/proc/self/clear_refs', '5');

  const { state, counts } = await generateInWorker({ cadres: 50_000, endMonth: END, months: 36, seed: 42 });
  console.log(Object.entries(counts).filter(([, n]) => n).map(([c, n]) => `${c} ${n}`).join(', '));

  if (args.includes('--phases')) {
    // Where an evaluation's time goes: the index, the ranking, each record list, each rule (median CPU ms of 7).
    const phases = new Map<string, number[]>();
    const time = (name: string, task: () => unknown) => {
      const c = cpuMs();
      task();
      const list = phases.get(name) ?? [];
      list.push(cpuMs() - c);
      phases.set(name, list);
    };
    for (let run = 0; run < 9; run++) {
      let index!: LedgerIndex;
      time('new LedgerIndex', () => (index = new LedgerIndex(state, { asOf: END })));
      time('rankAll', () => index.rankAll());
      time('list sanctions', () => index.sanctions);
      time('list measures', () => index.cadreMeasures);
      time('list grades', () => index.grades);
      time('list faults', () => index.faults);
      time('list plans', () => index.plans);
      time('list checkIns', () => index.checkInsByPlan);
      for (const r of rules ?? ruleIds) time(`rule ${r}`, () => evaluateIndex(index, { rules: [r] }));
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    let total = 0;
    for (const [name, xs] of phases) {
      total += med(xs.slice(2));
      console.log(`${name.padEnd(36)} ${med(xs.slice(2)).toFixed(1).padStart(7)} ms`);
    }
    console.log(`${'sum'.padEnd(36)} ${total.toFixed(1).padStart(7)} ms`);
  }

  // --alloc-prof: where the evaluations allocate (sampled, collected objects included) → /tmp/engine.heapprofile
  const allocProf = args.includes('--alloc-prof') ? new Session() : undefined;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => allocProf!.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  if (allocProf) {
    allocProf.connect();
    await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }

  gc?.();
  const rssLoaded = process.memoryUsage().rss / 1024 / 1024;
  resetHighWater();
  for (let i = 0; i < 4; i++) evaluate(state, END, { rules });
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = cpuMs();
    const w = performance.now();
    evaluate(state, END, { rules });
    walls.push(performance.now() - w);
    cpus.push(cpuMs() - c);
  }
  const peak = highWaterMb();
  if (allocProf) {
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    writeFileSync('/tmp/engine.heapprofile', JSON.stringify(profile));
    allocProf.disconnect();
  }
  console.log(`runs (wall ms): ${walls.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`runs (cpu ms):  ${cpus.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(
    `${only8 ? '8' : '22'} rules: median wall ${median(walls).toFixed(1)} ms (min ${Math.min(...walls).toFixed(1)}), median cpu ${median(cpus).toFixed(1)} ms (min ${Math.min(...cpus).toFixed(1)}); RSS loaded ${rssLoaded.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`,
  );

  // The digest last: JSON of every finding is itself big, and would count towards the peak.
  // Two as-of months: a December (every rule fires) and a mid-year month.
  const first = evaluate(state, END, { rules });
  const hash = createHash('sha256').update(JSON.stringify(first));
  hash.update(JSON.stringify(evaluate(state, '2025-07', { rules })));
  const digest = hash.digest('hex');
  const file = new URL(`./.engine-digest-${only8 ? 8 : 22}.txt`, import.meta.url);
  console.log(`${first.length} findings, digest ${digest}`);
  if (args.includes('--save')) writeFileSync(file, digest);
  if (args.includes('--check')) {
    const saved = existsSync(file) ? readFileSync(file, 'utf8').trim() : '(none saved)';
    if (saved !== digest) {
      console.log(`DIGEST DIFFERS from the saved ${saved}`);
      process.exitCode = 1;
    } else console.log('digest: same as saved');
  }
}
