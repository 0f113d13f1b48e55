import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './DateField';

describe('parseTypedDate', () => {
  it('accepts the ways officers type dates, only real dates', () => {
    expect(parseTypedDate('2021-03-15')?.format('YYYY-MM-DD')).toBe('2021-03-15');
    expect(parseTypedDate('2021/3/5')).toBeUndefined();
    expect(parseTypedDate('2021/03/05')?.format('YYYY-MM-DD')).toBe('2021-03-05');
    expect(parseTypedDate('20210305')?.format('YYYY-MM-DD')).toBe('2021-03-05');
    expect(parseTypedDate('2021年3月5日')?.format('YYYY-MM-DD')).toBe('2021-03-05');
    expect(parseTypedDate('2021-02-30')).toBeUndefined();
    expect(parseTypedDate('')).toBeUndefined();
  });
});
