// Contract fuzz, 100,000 cases (issue 11): every endpoint's schema-generated and mutated inputs
// through the real core over a small demo township (electron/core/fuzz-harness.ts). Prints the
// counts per result code, per endpoint and in total; the goals are 0 INTERNAL and no record written
// that breaks its collection's schema.
// `npm run bench -- fuzz` (FUZZ_CASES=… to change the total, FUZZ_SEED=… the seed).
import { performance } from 'node:perf_hooks';
import { endpointNames } from '../shared/contract';
import { fuzzContract, totals } from '../electron/core/fuzz-harness';

const total = Number(process.env.FUZZ_CASES) || 100_000;
const seed = Number(process.env.FUZZ_SEED) || 424_242;
const perEndpoint = Math.ceil(total / endpointNames.length);
const t0 = performance.now();
const counts = await fuzzContract(perEndpoint, seed);
const seconds = (performance.now() - t0) / 1000;

const all = totals(counts);
const codes = [...all.keys()].sort();
const rows = [...counts.byEndpoint].map(([endpoint, tally]) => ({ endpoint, ...Object.fromEntries(codes.map((c) => [c, tally.get(c) ?? 0])) }));
console.table(rows);
const cases = [...all.values()].reduce((a, n) => a + n, 0);
const internal = all.get('INTERNAL') ?? 0;
console.table([
  {
    case: `${cases.toLocaleString('en-US')} cases over ${endpointNames.length} endpoints (${counts.schemaValid.toLocaleString('en-US')} schema-valid)`,
    ...Object.fromEntries(codes.map((c) => [c, all.get(c) ?? 0])),
    seconds: seconds.toFixed(1),
    goal: `0 INTERNAL: ${internal === 0 ? 'met' : 'NOT met'}`,
  },
]);
console.log(`records written that break their schema: ${counts.invalidWrites.length} (goal 0: ${counts.invalidWrites.length === 0 ? 'met' : 'NOT met'})`);
for (const i of counts.internal.slice(0, 20)) console.log(`INTERNAL ${i.endpoint} ${JSON.stringify(i.input).slice(0, 300)}\n${i.message.slice(0, 800)}`);
for (const i of counts.invalidWrites.slice(0, 20)) console.log(`INVALID WRITE ${i.endpoint} ${JSON.stringify(i.input).slice(0, 300)}\n${i.message.slice(0, 800)}`);
if (internal || counts.invalidWrites.length) process.exitCode = 1;
