// A small count of the crash test (the full 10,000 kills: npm run test:crash).
import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crash-harness';

describe('crash test (SIGKILL at random moments)', () => {
  it('after every kill the store opens, verifies and holds every acknowledged event', async () => {
    const r = await runCrashTest({ kills: 12, killsPerStore: 6, seed: 99 });
    expect(r.failures).toEqual([]);
    expect(r.kills).toBe(12);
    expect(r.lost).toBe(0);
    expect(r.unopenable).toBe(0);
    expect(r.childFailures).toBe(0);
    expect(r.ackedEvents).toBeGreaterThan(0);
  }, 120_000);
});
