// `npm run test:crash`: the full-count durability campaigns, with figures.
//   crash:      child processes SIGKILLed at random moments (default 10,000 kills)
//   corruption: random bit flips and truncations across journal and snapshots (default 10,000)
//   tamper:     edit / delete / insert / reorder with recomputed checksums, every position
// Options: --kills N  --corruptions N  --minutes M (time budget for the kills)  --parallel P
import { availableParallelism } from 'node:os';
import { buildBaseStore, corruptionCampaign, tamperCampaign } from './campaigns';
import { runCrashTest } from './crash-harness';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const kills = arg('kills', 10_000);
const corruptions = arg('corruptions', 10_000);
const minutes = arg('minutes', 90);
const parallel = arg('parallel', Math.max(1, Math.min(2, availableParallelism())));
let failed = false;

const t0 = Date.now();
console.log(`crash: ${kills} kills (time budget ${minutes} min, ${parallel} at a time)…`);
const crash = await runCrashTest({
  kills,
  parallel,
  timeLimitSeconds: minutes * 60,
  onProgress: (done, r) => {
    if (done % 250 === 0) console.log(`  ${done} kills, ${r.lost} lost, ${r.unopenable} unopenable, ${Math.round((Date.now() - t0) / 1000)} s`);
  },
});
console.table({
  crash: {
    kills: crash.kills,
    lost: crash.lost,
    unopenable: crash.unopenable,
    'child failures': crash.childFailures,
    'acked events checked': crash.ackedEvents,
    'killed during open': crash.killedDuringOpen,
    'torn tails cut': crash.tornTails,
    seconds: crash.seconds,
    'ms per kill': Math.round((crash.seconds * 1000) / Math.max(1, crash.kills)),
    'child s': Math.round(crash.childSeconds),
    'check s': Math.round(crash.checkSeconds),
  },
});
if (crash.kills < kills) console.log(`NOTE: time budget reached after ${crash.kills} of ${kills} kills.`);
crash.failures.forEach((f) => console.log('  ' + f));
failed ||= crash.lost > 0 || crash.unopenable > 0 || crash.childFailures > 0;

const rows: Record<string, object> = {};
for (const encrypted of [false, true]) {
  const started = Date.now();
  const base = await buildBaseStore({ encrypted, anchored: 40, tail: 12, seed: encrypted ? 2 : 1 });
  try {
    const r = await corruptionCampaign(base, Math.ceil(corruptions / 2), encrypted ? 22 : 11);
    rows[`corruption (${encrypted ? 'encrypted' : 'plain'})`] = {
      trials: r.trials,
      detected: r.detected,
      'clean cuts': r.cleanCuts,
      missed: r.missed,
      crashes: r.crashes,
      'wrong state': r.wrongState,
      'tail cuts recovered': r.tailRecovered,
      seconds: (Date.now() - started) / 1000,
    };
    r.failures.forEach((f) => console.log('  ' + f));
    failed ||= r.missed > 0 || r.crashes > 0 || r.wrongState > 0;
  } finally {
    base.cleanup();
  }
}
for (const encrypted of [false, true]) {
  const started = Date.now();
  const r = await tamperCampaign({ encrypted, records: 50, seed: 5, rounds: 2 });
  rows[`tamper (${encrypted ? 'encrypted' : 'plain'})`] = {
    trials: r.trials,
    detected: r.detected,
    missed: r.missed,
    crashes: r.crashes,
    ...r.byKind,
    seconds: (Date.now() - started) / 1000,
  };
  r.failures.forEach((f) => console.log('  ' + f));
  failed ||= r.missed > 0 || r.crashes > 0;
}
console.table(rows);
console.log(failed ? 'FAILED' : 'all campaigns passed');
process.exit(failed ? 1 : 0);
