import { describe, expect, it } from 'vitest';
import { dayRange, lastDayOfPeriod, periodText } from './explain';
import { explainSalaryDeduction } from './rules/sanction.salary-deduction';
import { explainNoPromotion } from './rules/sanction.no-promotion';
import { explainReleaseDue } from './rules/sanction.release-due';

describe('one reading of periods', () => {
  it('shows a stored [start, end) period by its last day, inclusively', () => {
    expect(lastDayOfPeriod('2026-12-16')).toBe('2026-12-15');
    expect(lastDayOfPeriod('2027-01-01')).toBe('2026-12-31');
    expect(periodText('2026-06-16', '2026-12-16').zh).toBe('2026-06-16 至 2026-12-15');
    expect(dayRange(undefined, '2026-12-15')).toEqual({ zh: '至 2026-12-15', en: 'until 2026-12-15' });
  });

  it('an impact period reads the same in the deduction, the bar and the release explanations', () => {
    const period = { sanctionId: 'S1', kind: 'party.warning' as const, start: '2025-12-16', end: '2026-12-16' };
    const deduction = explainSalaryDeduction({ percent: 20, month: '2026-11', governing: period, others: 0 });
    expect(deduction.zh).toContain('2025-12-16 至 2026-12-15');
    expect(deduction.zh).not.toContain('2026-12-16');
    const bar = explainNoPromotion({
      bars: [{ recordId: 'S1', reason: 'impactPeriod', kind: 'party.warning', start: period.start, until: period.end }],
      until: period.end,
    });
    expect(bar.zh).toContain('2025-12-16 至 2026-12-15');
    expect(bar.zh).toContain('至2026-12-15（含）不得提拔');
    expect(bar.zh).not.toContain('2026-12-16');
    const release = explainReleaseDue({ sanctionId: 'S1', kind: 'party.warning', start: period.start, lastDay: lastDayOfPeriod(period.end) });
    expect(release.zh).toContain('2026-12-15届满');
  });
});
