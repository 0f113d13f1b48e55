import { describe, expect, it } from 'vitest';
import { parseMonthInput } from './monthInput';

describe('parseMonthInput', () => {
  it('reads the ways officers type a month', () => {
    for (const typed of ['2026-07', '2026-7', '2026/7', '2026/07', '2026.07', '202607', '2026年07月', '2026年7月', '2026年7', ' 2026 年 7 月 ', '２０２６年７月', '2026－07', 'Jul 2026', 'July 2026', 'jul. 2026']) {
      expect(parseMonthInput(typed), typed).toBe('2026-07');
    }
    expect(parseMonthInput('2026-12')).toBe('2026-12');
    expect(parseMonthInput('Sept 2026')).toBe('2026-09');
  });

  it('refuses what is not a real month', () => {
    for (const typed of ['', '2026', '2026-13', '2026-00', '202613', '26-07', '2026-07-01', '2026年13月', 'Jux 2026', 'Julyy 2026', '0999-01', 'abc']) {
      expect(parseMonthInput(typed), typed).toBeNull();
    }
  });
});
