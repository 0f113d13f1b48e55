import { describe, expect, it } from 'vitest';
import type { MeetingStatistic } from '../../../shared/reports/meeting';
import { base64ToBytes } from '../../app/download';
import { csvBase64, csvRows, defaultPeriod, periodFrom } from './statistics';

const words = {
  header: ['统计项', '数量', '计数方式', '涉及干部', '统计依据'] as [string, string, string, string, string],
  counts: { cadres: '人数', records: '人次/件数' },
};

const promoted: MeetingStatistic = {
  id: 'promoted',
  label: { zh: '提拔重用', en: 'Promoted' },
  counts: 'cadres',
  count: 2,
  cadreIds: ['C1', 'C2'],
  recordIds: ['P1', 'P2'],
  basis: { zh: '期间内的提拔记录，每人计一次', en: 'Promotions in the period, "each cadre once"' },
};

describe('meeting period', () => {
  it('defaults to January of the as-of year up to the as-of month', () => {
    expect(defaultPeriod('2025-07')).toEqual({ from: '2025-01', to: '2025-07' });
    expect(defaultPeriod('2025-01')).toEqual({ from: '2025-01', to: '2025-01' });
  });

  it('takes the months in the address over the default, each on its own', () => {
    expect(periodFrom({ from: '2024-03', to: '2024-09' }, '2025-07')).toEqual({ from: '2024-03', to: '2024-09' });
    expect(periodFrom({ to: '2025-03' }, '2025-07')).toEqual({ from: '2025-01', to: '2025-03' });
    expect(periodFrom({}, '2025-07')).toEqual({ from: '2025-01', to: '2025-07' });
  });
});

describe('meeting CSV', () => {
  const names: Record<string, string> = { C1: '张伟', C2: '李娜' };

  it('has a header and one row per statistic with names, in the chosen language', () => {
    const rows = csvRows([promoted], 'zh', (id) => names[id] ?? id, words);
    expect(rows).toEqual([words.header, ['提拔重用', '2', '人数', '张伟、李娜', '期间内的提拔记录，每人计一次']]);
    expect(csvRows([promoted], 'en', (id) => id, words)[1]).toEqual(['Promoted', '2', '人数', 'C1、C2', 'Promotions in the period, "each cadre once"']);
  });

  it('encodes UTF-8 with a byte-order mark, quoting commas and quotes and neutralizing formulas', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(base64ToBytes(csvBase64([['提拔, 重用', 'say "hi"', '=1+1'], ['a', 'b', 'c']])));
    expect(text).toBe('\uFEFF"提拔, 重用","say ""hi""",\'=1+1\r\na,b,c\r\n');
  });

  it('neutralises every cell beginning with = + - @ through the one export guard (csvLine)', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(base64ToBytes(csvBase64([['=A1', '+1', '-2', '@SUM(A1)', '张三']])));
    expect(text).toBe("\uFEFF'=A1,'+1,'-2,'@SUM(A1),张三\r\n");
  });
});
