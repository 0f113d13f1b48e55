// Rules engine benchmark (issue 4): a full evaluation of 50,000 cadres × 36 months of generated
// data (goal ≤ 0.5 s), and the same rule set expressed in json-rules-engine (the named peer)
// measured in the same run on the same data (goal: ours ≥ 30× faster). Prints a table with both
// times, the ratio and the peak RSS.
//
// The json-rules-engine side is honest about what it does: the ranking and the period arithmetic
// are data preparation (the same LedgerIndex and helpers, timed as part of its run), and the rules
// are JSON conditions over facts — the streaks as one condition per month ("third 0 months ago is
// top", …), thresholds read from the same policy document. It covers the ranking rules (raise,
// warn, place, promote) and the sanction rules (salary deduction, no promotion, no honours,
// release due). Its findings are checked against ours for the cadres it ran on. It is slow, so it
// runs on a sample of cadres and its time is scaled linearly to all of them (said in the output).
//
// Run: npx tsx bench/engine.bench.ts [cadres] [months]   (npm run bench runs it too)
import { Engine, type RuleProperties } from 'json-rules-engine';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateTownship, townshipState } from '../shared/demo/township';
import { evaluate, evaluateIndex, LedgerIndex, type RuleId } from '../shared/engine';
import { monthIndex } from '../shared/engine/calendar';
import { hasExited, lastGraded } from '../shared/engine/facts';
import { barsInMonth } from '../shared/engine/periods';
import { THIRD_BOTTOM, THIRD_TOP } from '../shared/engine/ranking';
import { createContext } from '../shared/engine/rule';
import { countInWindow, runEndingAt, thirdIn } from '../shared/engine/streaks';
import type { LedgerState } from '../shared/ledger/collections';

const CADRES = Number(process.argv[2] ?? 50_000);
const MONTHS = Number(process.argv[3] ?? 36);
const END = '2026-06';
const SAMPLE = Math.min(CADRES, 3_000);
const RUNS = 5;
const GOAL_SECONDS = 0.5;
const GOAL_RATIO = 30;

// A full collection between runs, so that one run's garbage is not charged to the next (works
// with or without --expose-gc).
setFlagsFromString('--expose-gc');
const gc = ((globalThis as { gc?: () => void }).gc ?? runInNewContext('gc')) as () => void;
const seconds = (ms: number) => (ms / 1000).toFixed(3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/**
 * Wall and CPU milliseconds of one call (CPU time is less disturbed by other processes). Steady
 * state: no forced collection before each call (a full collection hands memory back to the OS and
 * the next run pays for the page faults again); warm-up runs come first.
 */
function timed<T>(task: () => T): { value: T; wall: number; cpu: number } {
  const c = cpuMs();
  const w = performance.now();
  const value = task();
  return { value, wall: performance.now() - w, cpu: cpuMs() - c };
}

// How busy is this machine? A fixed reference task, timed in this run.
const reference = timed(() => {
  const a = new Float64Array(1_000_000);
  for (let i = 0; i < a.length; i++) a[i] = Math.sin(i) * 1e6;
  return a.sort()[0];
});

// ---- data ----------------------------------------------------------------------------------------
const t0all = performance.now();
let t = performance.now();
const data = generateTownship({ cadres: CADRES, endMonth: END, months: MONTHS, seed: 42 });
const state = townshipState(data) as LedgerState;
const generated = performance.now() - t;
console.log(
  `data: ${CADRES} cadres, ${data.scores.length} monthly scores (${MONTHS} months to ${END}), ${data.grades.length} grades, ` +
    `${data.sanctions.length} sanctions, ${data.measures.length} measures, ${data.faults.length} faults — generated in ${seconds(generated)} s`,
);

// ---- ours: all 22 rules --------------------------------------------------------------------------
const rankingAndSanctionRules: RuleId[] = [
  'raise.top-third-streak',
  'warn.bottom-third-streak',
  'place.bottom-third-long',
  'promote.candidate',
  'sanction.salary-deduction',
  'sanction.no-promotion',
  'sanction.no-honours',
  'sanction.release-due',
];

gc();
const rssBefore = process.memoryUsage().rss / 1024 / 1024;
for (let i = 0; i < 2; i++) evaluate(state, END); // warm-up (JIT, heap sizing)
const full = Array.from({ length: RUNS }, () => timed(() => evaluate(state, END).length));
const subset = Array.from({ length: RUNS }, () => timed(() => evaluate(state, END, { rules: rankingAndSanctionRules }).length));
const findings = full[0].value;
const subsetFindings = subset[0].value;
const ours = median(full.map((x) => x.wall));
const oursCpu = median(full.map((x) => x.cpu));
const oursSubset = median(subset.map((x) => x.wall));
const oursSubsetCpu = median(subset.map((x) => x.cpu));

// ---- json-rules-engine: the same ranking and sanction rules ---------------------------------------
async function jsonRulesEngine(): Promise<{ ms: number; cpu: number; indexMs: number; indexCpu: number; sample: number; fired: Set<string> }> {
  gc();
  const c0 = cpuMs();
  const t0 = performance.now();
  const index = new LedgerIndex(state, { asOf: END });
  index.rankAll();
  const indexMs = performance.now() - t0;
  const indexCpu = cpuMs() - c0;
  const month = monthIndex(END);
  const ctx = createContext(index, month, [], [], () => {});
  const policy = ctx.policy;

  const thirdName = (code: number) => (code === THIRD_TOP ? 'top' : code === THIRD_BOTTOM ? 'bottom' : code === 0 ? 'unscored' : 'other');
  const streak = (fact: string, months: number, value: string) =>
    Array.from({ length: months }, (_, offset) => ({ fact, params: { offset }, operator: 'equal', value }));
  const rules: RuleProperties[] = [
    {
      name: 'raise.top-third-streak',
      conditions: { all: [...streak('third', policy.streaks.raiseTopThirdMonths, 'top'), { fact: 'raisesInTopStreak', operator: 'equal', value: 0 }] },
      event: { type: 'raise.top-third-streak' },
    },
    {
      name: 'warn.bottom-third-streak',
      conditions: {
        all: [
          ...streak('third', policy.streaks.warnBottomThirdMonths, 'bottom'),
          { fact: 'actedInLast', params: { months: policy.streaks.warnBottomThirdMonths, kinds: policy.actedMeasures.warn }, operator: 'equal', value: 0 },
        ],
      },
      event: { type: 'warn.bottom-third-streak' },
    },
    {
      name: 'place.bottom-third-long',
      conditions: {
        all: [
          ...streak('third', policy.streaks.placeBottomThirdMonths, 'bottom'),
          { fact: 'actedInLast', params: { months: policy.streaks.placeBottomThirdMonths, kinds: policy.actedMeasures.place }, operator: 'equal', value: 0 },
        ],
      },
      event: { type: 'place.bottom-third-long' },
    },
    {
      name: 'promote.candidate',
      conditions: {
        all: [
          { fact: 'topMonthsInWindow', params: { months: policy.promotion.windowMonths }, operator: 'greaterThanInclusive', value: policy.promotion.topThirdMonths },
          { fact: 'lastGradedGrade', operator: 'equal', value: policy.promotion.requiredGrade },
          { fact: 'barred', operator: 'equal', value: false },
          { fact: 'exited', operator: 'equal', value: false },
        ],
      },
      event: { type: 'promote.candidate' },
    },
    { name: 'sanction.salary-deduction', conditions: { all: [{ fact: 'deductionPercent', operator: 'greaterThan', value: 0 }] }, event: { type: 'sanction.salary-deduction' } },
    { name: 'sanction.no-promotion', conditions: { all: [{ fact: 'barred', operator: 'equal', value: true }] }, event: { type: 'sanction.no-promotion' } },
    { name: 'sanction.no-honours', conditions: { all: [{ fact: 'honoursRecordsThisYear', operator: 'greaterThan', value: 0 }] }, event: { type: 'sanction.no-honours' } },
    { name: 'sanction.release-due', conditions: { all: [{ fact: 'periodsToRelease', operator: 'greaterThan', value: 0 }] }, event: { type: 'sanction.release-due' } },
  ];
  const engine = new Engine(rules, { allowUndefinedFacts: false });
  type Almanac = { factValue<T>(id: string): Promise<T> };
  const cadreOf = (almanac: Almanac) => almanac.factValue<number>('cadre');
  engine.addFact('third', async (params: Record<string, any>, almanac: Almanac) => thirdName(thirdIn(index.thirds, await cadreOf(almanac), month - params.offset)));
  engine.addFact('raisesInTopStreak', async (_: unknown, almanac: Almanac) => {
    const c = await cadreOf(almanac);
    const since = index.monthName(month - runEndingAt(index.thirds, c, month, THIRD_TOP) + 1) + '-01';
    return index.measuresOf(c)?.filter((m) => m.kind === 'salaryRaise' && m.startsOn >= since).length ?? 0;
  });
  engine.addFact('actedInLast', async (params: Record<string, any>, almanac: Almanac) => {
    const c = await cadreOf(almanac);
    const since = index.monthName(month - params.months + 1) + '-01';
    return index.measuresOf(c)?.filter((m) => params.kinds.includes(m.kind) && m.startsOn >= since).length ?? 0;
  });
  engine.addFact('topMonthsInWindow', async (params: Record<string, any>, almanac: Almanac) =>
    countInWindow(index.thirds, await cadreOf(almanac), month - params.months + 1, month, THIRD_TOP),
  );
  engine.addFact('lastGradedGrade', async (_: unknown, almanac: Almanac) => lastGraded(index, await cadreOf(almanac), ctx.year)?.grade ?? 'none');
  engine.addFact('barred', async (_: unknown, almanac: Almanac) => barsInMonth(index.promotionBarsOf(await cadreOf(almanac)), END).length > 0);
  engine.addFact('exited', async (_: unknown, almanac: Almanac) => hasExited(index, await cadreOf(almanac)));
  engine.addFact('deductionPercent', async (_: unknown, almanac: Almanac) => {
    const running = index.impactPeriodsOf(await cadreOf(almanac)).filter((p) => p.start <= ctx.lastDay && p.end > ctx.firstDay);
    return running.reduce((max, p) => Math.max(max, policy.salaryDeductionPercent[p.kind]), 0);
  });
  engine.addFact('honoursRecordsThisYear', async (_: unknown, almanac: Almanac) => {
    const c = await cadreOf(almanac);
    const yearStart = `${ctx.year}-01-01`;
    const s = index.sanctionsOf(c)?.filter((x) => x.decidedOn >= yearStart).length ?? 0;
    const m = index.measuresOf(c)?.filter((x) => x.startsOn >= yearStart && policy.honours.disqualifyingMeasures.includes(x.kind)).length ?? 0;
    return s + m;
  });
  engine.addFact('periodsToRelease', async (_: unknown, almanac: Almanac) => {
    const endedBy = new Date(Date.parse(ctx.lastDay) + 86_400_000).toISOString().slice(0, 10);
    return index.impactPeriodsOf(await cadreOf(almanac)).filter((p) => p.end <= endedBy && !(p.releasedOn && p.releasedOn <= ctx.lastDay)).length;
  });

  // An evenly spread sample of cadres (every k-th), so every peer group and unit is represented.
  const step = Math.max(1, Math.floor(index.cadres.length / SAMPLE));
  const sample: number[] = [];
  for (let c = 0; c < index.cadres.length && sample.length < SAMPLE; c += step) sample.push(c);
  const fired = new Set<string>();
  const c1 = cpuMs();
  const t1 = performance.now();
  for (const c of sample) {
    const { events } = await engine.run({ cadre: c });
    for (const e of events) fired.add(`${e.type}|${index.cadres[c].id}`);
  }
  return { ms: performance.now() - t1, cpu: cpuMs() - c1, indexMs, indexCpu, sample: sample.length, fired };
}

const jre = await jsonRulesEngine();
const jreScaled = jre.indexMs + (jre.ms * CADRES) / jre.sample;
const jreScaledCpu = jre.indexCpu + (jre.cpu * CADRES) / jre.sample;

// Agreement on the sample: which (rule, cadre) pairs fire in ours.
const index = new LedgerIndex(state, { asOf: END });
const sampleIds = new Set([...jre.fired].map((k) => k.split('|')[1]));
const step = Math.max(1, Math.floor(index.cadres.length / SAMPLE));
const sampled = index.cadres.filter((_, i) => i % step === 0).slice(0, SAMPLE).map((c) => ({ type: 'cadre' as const, id: c.id }));
const oursOnSample = new Set(
  evaluateIndex(index, { subjects: sampled, rules: rankingAndSanctionRules }).map((f) => `${f.rule}|${f.subject.id}`),
);
const missing = [...oursOnSample].filter((k) => !jre.fired.has(k));
const extra = [...jre.fired].filter((k) => !oursOnSample.has(k));
void sampleIds;

const peakRssMb = process.resourceUsage().maxRSS / 1024;
const row = (a: string, b: string, c: string, d: string) => console.log(`${a.padEnd(56)} ${b.padStart(9)} ${c.padStart(9)}  ${d}`);
console.log('');
row('measure', 'wall s', 'cpu s', 'note');
row('-'.repeat(56), '-'.repeat(9), '-'.repeat(9), '-'.repeat(36));
row('reference: sort 1,000,000 numbers (machine load)', seconds(reference.wall), seconds(reference.cpu), '~0.08 s on an idle desktop CPU');
row(`ours: evaluate, all 22 rules (median of ${RUNS})`, seconds(ours), seconds(oursCpu), `${findings} findings, min ${seconds(Math.min(...full.map((x) => x.wall)))} s; goal ≤ ${GOAL_SECONDS} s: ${ours / 1000 <= GOAL_SECONDS ? 'met' : 'NOT met'}`);
row('ours: evaluate, the 8 ranking + sanction rules', seconds(oursSubset), seconds(oursSubsetCpu), `${subsetFindings} findings, min ${seconds(Math.min(...subset.map((x) => x.wall)))} s`);
row('json-rules-engine: index + ranking (same helpers)', seconds(jre.indexMs), seconds(jre.indexCpu), 'measured once');
row(`json-rules-engine: 8 rules on ${jre.sample} sampled cadres`, seconds(jre.ms), seconds(jre.cpu), `${jre.fired.size} findings`);
row(`json-rules-engine: scaled linearly to ${CADRES} cadres`, seconds(jreScaled), seconds(jreScaledCpu), 'index + sample × cadres / sample');
const ratio = jreScaled / oursSubset;
const ratioCpu = jreScaledCpu / oursSubsetCpu;
row('ratio json-rules-engine / ours (same 8 rules)', `${ratio.toFixed(1)}×`, `${ratioCpu.toFixed(1)}×`, `goal ≥ ${GOAL_RATIO}×: ${Math.min(ratio, ratioCpu) >= GOAL_RATIO ? 'met' : Math.max(ratio, ratioCpu) >= GOAL_RATIO ? 'met on one clock' : 'NOT met'}`);
row('ratio json-rules-engine / ours (all 22 rules)', `${(jreScaled / ours).toFixed(1)}×`, `${(jreScaledCpu / oursCpu).toFixed(1)}×`, '');
row('agreement on the sample ((rule, cadre) pairs)', missing.length + extra.length === 0 ? 'same' : 'DIFFERENT', '', `${oursOnSample.size} ours, ${jre.fired.size} json-rules-engine`);
row('memory: RSS with the ledger loaded / peak RSS', `${rssBefore.toFixed(0)} MB`, `${peakRssMb.toFixed(0)} MB`, 'peak includes the generated ledger');
console.log(`\nwhole benchmark run: ${seconds(performance.now() - t0all)} s`);
if (missing.length || extra.length) {
  console.log('only ours:', missing.slice(0, 10));
  console.log('only json-rules-engine:', extra.slice(0, 10));
  process.exitCode = 1;
}
