// Incremental evaluation benchmark (issue 13, goal "Incremental"): 50,000 cadres × 36 months as of
// 2025-12 (a December: all 22 rules run). After a full evaluation, (a) one score is written — a
// correction in the as-of month, for a member of the largest peer group — and (b) one measure is
// written; each time the clock runs from the applied events to findings refreshed for the case file
// (that cadre's findings) and for the overview (counts by rule over all findings). Median and p90
// over the writes, wall and CPU time (the machine is shared: CPU time is less disturbed), with a
// full evaluation of the same ledger timed in the same run beside it. At the end the incremental
// findings are checked against a full evaluation of the written ledger.
//
// Run: npx tsx bench/incremental.bench.ts [cadres] [months] [writes]   (npm run bench -- incremental)
import { performance } from 'node:perf_hooks';
import type { Finding } from '../shared/domain/findings';
import { applyEvent, put, type LedgerEvent } from '../shared/ledger/events';
import { evaluate } from '../shared/engine';
import { IncrementalEvaluation } from '../shared/engine/incremental';
import { gc, median, p90, timed } from './timing';
import { generateInWorker } from './township-worker';

const CADRES = Number(process.argv[2] ?? 50_000);
const MONTHS = Number(process.argv[3] ?? 36);
const WRITES = Math.max(30, Number(process.argv[4] ?? 40));
const WARMUP = 8;
const END = '2025-12';
const GOAL_MS = 10;

const ms = (x: number) => x.toFixed(2).padStart(8);

/** A deterministic generator (the writes are the same in every run). */
let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

// ---- data ----------------------------------------------------------------------------------------
let t = performance.now();
const { state, counts } = await generateInWorker({ cadres: CADRES, endMonth: END, months: MONTHS, seed: 42 });
console.log(`data: ${CADRES} cadres, ${counts.scores} monthly scores (${MONTHS} months to ${END}), ${counts.measures} measures — generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// ---- the full evaluation, for comparison -----------------------------------------------------------
gc();
for (let i = 0; i < 2; i++) evaluate(state, END);
const fullRuns = Array.from({ length: 5 }, () => timed(() => evaluate(state, END).length));
const fullWall = median(fullRuns.map((r) => r.wall));
const fullCpu = median(fullRuns.map((r) => r.cpu));

t = performance.now();
const inc = new IncrementalEvaluation(state, END);
const setup = performance.now() - t;
console.log(`incremental: built in ${(setup / 1000).toFixed(2)} s, ${inc.findings().length} findings`);

// ---- what the pages refresh ------------------------------------------------------------------------
/** The case file's findings and the overview's counts by rule. */
function refreshed(cadreId: string): { caseFile: Finding[]; byRule: Map<string, number> } {
  const caseFile = inc.findings({ type: 'cadre', id: cadreId });
  const byRule = new Map<string, number>();
  for (const f of inc.findings()) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  return { caseFile, byRule };
}

interface Sample {
  wall: number;
  cpu: number;
  subjects: number;
  rebuilt: boolean;
}
function write(events: LedgerEvent[], cadreId: string): Sample {
  for (const e of events) applyEvent(state, e); // the store's part: not timed
  const r = timed(() => {
    const report = inc.apply(state, events);
    refreshed(cadreId);
    return report;
  });
  return { wall: r.wall, cpu: r.cpu, subjects: r.value.subjects, rebuilt: r.value.rebuilt };
}

// (a) Score corrections in the as-of month, members of the largest peer group.
const index = inc.index;
let largest = 0;
for (let g = 1; g < index.groupMembers.length; g++) if (index.groupMembers[g].length > index.groupMembers[largest].length) largest = g;
const asOfRow = index.span - 1;
const scored = [...index.groupMembers[largest]].filter((c) => index.scoreAt(asOfRow, c) === index.scoreAt(asOfRow, c));
const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
const scoreSamples: Sample[] = [];
for (let i = 0; i < WARMUP + WRITES; i++) {
  const c = pick(scored);
  const cadre = index.cadres[c];
  const old = index.scoreAt(asOfRow, c);
  // A correction: a few points up or down, in hundredths, within 0–100.
  const score = Math.min(100, Math.max(0, Math.round((old + (random() * 10 - 5)) * 100) / 100));
  const sample = write([put('scores', { id: `${cadre.id}:${END}`, cadreId: cadre.id, month: END, score })], cadre.id);
  if (i >= WARMUP) scoreSamples.push(sample);
}

// (b) Measures: a reminder talk or an inquiry recorded for a cadre, started in the as-of month.
const measureSamples: Sample[] = [];
for (let i = 0; i < WARMUP + WRITES; i++) {
  const cadre = pick(index.cadres);
  const measure = { id: `BENCH-M${i}`, subjectType: 'cadre' as const, subjectId: cadre.id, kind: random() < 0.5 ? ('reminderTalk' as const) : ('inquiry' as const), startsOn: `${END}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`, note: '' };
  const sample = write([put('measures', measure)], cadre.id);
  if (i >= WARMUP) measureSamples.push(sample);
}

// ---- report --------------------------------------------------------------------------------------
console.log('');
console.log(`writes: ${WRITES} of each kind after ${WARMUP} warm-up writes; largest peer group ${index.groupNames[largest]} (${index.groupMembers[largest].length} cadres)`);
console.log(`${'write'.padEnd(34)}${'median ms'.padStart(10)}${'p90 ms'.padStart(9)}${'cpu med'.padStart(9)}${'cpu p90'.padStart(9)}  subjects (median, max)  rebuilds`);
const row = (name: string, xs: Sample[]) => {
  console.log(
    `${name.padEnd(34)}${ms(median(xs.map((x) => x.wall)))}  ${ms(p90(xs.map((x) => x.wall)))} ${ms(median(xs.map((x) => x.cpu)))} ${ms(p90(xs.map((x) => x.cpu)))}  ` +
      `${String(median(xs.map((x) => x.subjects))).padStart(8)}, ${String(Math.max(...xs.map((x) => x.subjects))).padEnd(12)}  ${xs.filter((x) => x.rebuilt).length}`,
  );
};
row('(a) one score (as-of correction)', scoreSamples);
row('(b) one measure', measureSamples);
console.log(`${'full evaluation (same run)'.padEnd(34)}${ms(fullWall)}  ${''.padStart(8)} ${ms(fullCpu)}`);

// Correct as well as fast: the written ledger, evaluated afresh.
const check = timed(() => JSON.stringify(inc.findings()) === JSON.stringify(evaluate(state, END)));
console.log(`check: incremental findings ${check.value ? 'equal' : 'DIFFER FROM'} a full evaluation of the written ledger`);

const worst = Math.max(median(scoreSamples.map((x) => x.wall)), median(measureSamples.map((x) => x.wall)));
const worstCpu = Math.max(median(scoreSamples.map((x) => x.cpu)), median(measureSamples.map((x) => x.cpu)));
console.log(
  `goal: one score or one measure written, case file and overview refreshed, ≤ ${GOAL_MS} ms median: ${worst <= GOAL_MS ? 'met' : 'NOT met'} ` +
    `(worst median ${worst.toFixed(2)} ms wall, ${worstCpu.toFixed(2)} ms CPU; full evaluation ${fullWall.toFixed(0)} ms)`,
);
if (!check.value) process.exitCode = 1;
