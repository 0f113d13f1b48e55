// Cold open in a fresh process, for the benchmark: prints { ms, events, maxRssMB, baseRssMB } as
// JSON. Bundled to plain .mjs (like the app's bundled main process) so the figure is the store's.
import { performance } from 'node:perf_hooks';
import { openStore } from '../index';

const dir = process.argv[2];
const baseRssMB = process.resourceUsage().maxRSS / 1024;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const store = await openStore(dir, { autoBackup: false, snapshotOnClose: Infinity });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const maxRssMB = process.resourceUsage().maxRSS / 1024;
const events = store.revision;
const records = Object.values(store.state()).reduce((n, m) => n + m.size, 0);
const usedSnapshot = !store.warnings.length;
await store.close();
console.log(JSON.stringify({ ms, cpuMs, events, records, maxRssMB, baseRssMB, usedSnapshot }));
