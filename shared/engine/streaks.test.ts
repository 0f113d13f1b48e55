import { describe, expect, it } from 'vitest';
import { THIRD_BOTTOM, THIRD_TOP } from './ranking';
import { countInWindow, runEndingAt, runSinceLastAction, thirdIn, type ThirdMatrix } from './streaks';

// Two subjects over 6 months starting at month index 100: T=1, M=2, B=3, '-'=0 (no score).
function matrix(a: string, b: string): ThirdMatrix {
  const code = (ch: string) => ({ T: 1, M: 2, B: 3, '-': 0 })[ch]!;
  const data = new Uint8Array(12);
  for (let m = 0; m < 6; m++) {
    data[m * 2] = code(a[m]);
    data[m * 2 + 1] = code(b[m]);
  }
  return { data, stride: 2, base: 100, span: 6 };
}

describe('streak helpers', () => {
  const x = matrix('MTT-TT', 'BBBBBB');

  it('runs end at the given month and stop at a gap', () => {
    expect(runEndingAt(x, 0, 105, THIRD_TOP)).toBe(2);
    expect(runEndingAt(x, 0, 102, THIRD_TOP)).toBe(2);
    expect(runEndingAt(x, 0, 103, THIRD_TOP)).toBe(0);
    expect(runEndingAt(x, 1, 105, THIRD_BOTTOM)).toBe(6);
  });

  it('months outside the data have no score', () => {
    expect(runEndingAt(x, 1, 106, THIRD_BOTTOM)).toBe(0);
    expect(runEndingAt(x, 1, 99, THIRD_BOTTOM)).toBe(0);
    expect(thirdIn(x, 1, 106)).toBe(0);
    expect(thirdIn(x, 1, 105)).toBe(THIRD_BOTTOM);
  });

  it('counts within a window, clipped to the data', () => {
    expect(countInWindow(x, 0, 100, 105, THIRD_TOP)).toBe(4);
    expect(countInWindow(x, 0, 94, 105, THIRD_TOP)).toBe(4);
    expect(countInWindow(x, 0, 103, 110, THIRD_TOP)).toBe(2);
  });

  it('a recorded action restarts the count after its month', () => {
    expect(runSinceLastAction(6, 105, [])).toEqual({ start: 100, length: 6 });
    expect(runSinceLastAction(6, 105, [98, 102])).toEqual({ start: 103, length: 3 });
    expect(runSinceLastAction(6, 105, [105])).toEqual({ start: 106, length: 0 });
  });
});
