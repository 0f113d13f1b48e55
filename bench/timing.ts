// What the benchmarks time with: wall and CPU milliseconds of one call (CPU time is less disturbed
// by other processes on a shared machine), medians and percentiles, and a full collection between
// measurements (with or without --expose-gc on the command line).
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
export const gc = ((globalThis as { gc?: () => void }).gc ?? runInNewContext('gc')) as () => void;

export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU milliseconds of one call, with its value. */
export function timed<T>(task: () => T): { value: T; wall: number; cpu: number } {
  const c = cpuMs();
  const w = performance.now();
  const value = task();
  return { value, wall: performance.now() - w, cpu: cpuMs() - c };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
export const p90 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)];
