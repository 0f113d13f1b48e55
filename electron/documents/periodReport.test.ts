import { describe, expect, it } from 'vitest';
import { generateTownship, townshipState } from '../../shared/demo/township';
import { periodReportModel, sinceText } from '../../shared/documents/periodReport';
import { evaluate } from '../../shared/engine';
import type { LedgerState } from '../../shared/ledger/collections';
import { meetingStatistics } from '../../shared/reports/meeting';
import { renderPeriodReport } from './periodReport';
import { expectOfficialLayout, openDocx } from './testing';

describe('renderPeriodReport', () => {
  const state = townshipState(generateTownship({ cadres: 80, endMonth: '2026-11', months: 24, seed: 7 })) as LedgerState;
  const statistics = meetingStatistics(state, '2025-01', '2026-11', { findingsAsOf: (m) => evaluate(state, m) });

  it('prints every count exactly as meetingStatistics (the statistics page) gives it', async () => {
    const model = periodReportModel({ statistics, today: '2026-12-01', issuer: '中共城关镇委员会' });
    expect(model.figures.map((f) => [f.id, f.count])).toEqual(statistics.items.map((i) => [i.id, i.count]));
    const prose = model.sections.flatMap((s) => s.paragraphs).join('');
    const parts = await openDocx(await renderPeriodReport(model));
    expectOfficialLayout(parts);
    for (const item of statistics.items) {
      const figure = model.figures.find((f) => f.id === item.id)!;
      expect(figure.clause).toContain(`${item.count}${figure.unit}`);
      // Each count in the prose once, and in the appended table with the page's label.
      expect(prose.split(figure.clause)).toHaveLength(2);
      expect(parts.text).toContain(figure.clause);
      expect(parts.text).toContain(`${item.label.zh}\n${item.count}${figure.unit}`);
    }
    expect(parts.text).toContain('2025年以来，共识别优秀干部');
    // The appended table's header row repeats on every page.
    expect(parts.document).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    expect(statistics.items.some((i) => i.count > 0)).toBe(true);
  });

  it('names the period it covers and says when findings were not evaluated', () => {
    expect(sinceText('2025-01')).toBe('2025年以来');
    expect(sinceText('2025-03')).toBe('2025年3月以来');
    const bare = periodReportModel({ statistics: meetingStatistics(state, '2026-03', '2026-11'), today: '2026-12-01' });
    expect(bare.title).toBe('关于2026年3月至2026年11月\n干部能上能下工作情况的报告');
    expect(bare.caveat).toContain('未计算规则结论');
    expect(bare.issuer).toBe('（发文机关）');
  });
});

describe('periodReportModel with a statistic it has no wording for', () => {
  it('still prints it, with its label, in a closing sentence', () => {
    const statistics = meetingStatistics(townshipState(generateTownship({ cadres: 20, endMonth: '2026-11', months: 3, seed: 2 })) as LedgerState, '2026-09', '2026-11');
    const extra = { ...statistics.items[0], id: 'futureCount' as never, label: { zh: '新增统计项', en: 'new' }, count: 4, counts: 'cadres' as const };
    const model = periodReportModel({ statistics: { ...statistics, items: [...statistics.items, extra] }, today: '2026-12-01' });
    expect(model.sections.at(-1)!.paragraphs.at(-1)).toBe('此外，新增统计项4名。');
  });
});
