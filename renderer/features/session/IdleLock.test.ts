import { afterEach, describe, expect, it, vi } from 'vitest';
import { startIdleTimer } from './IdleLock';

afterEach(() => vi.useRealTimers());

describe('the idle lock', () => {
  it('locks after the idle time without input, and input restarts the count', () => {
    vi.useFakeTimers();
    const target = new EventTarget() as unknown as Window;
    let locked = 0;
    const stop = startIdleTimer(10 * 60_000, () => locked++, target);
    vi.advanceTimersByTime(9 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(9 * 60_000);
    expect(locked).toBe(0);
    vi.advanceTimersByTime(60_000 + 1);
    expect(locked).toBe(1);
    stop();
    vi.advanceTimersByTime(60 * 60_000);
    expect(locked).toBe(1);
  });
});
