// The period report in the prose such reports use ("2025年以来，共识别优秀干部…名，提拔…名…"),
// built only from the §4.4 counts (shared/reports/meeting.ts) so that every number is the one the
// statistics page shows; the appended table repeats each count with its basis.
import type { IsoDate, Month } from '../domain/primitives';
import type { MeetingStatistic, MeetingStatisticId, MeetingStatistics } from '../reports/meeting';
import { chineseDate, chineseMonth, defaultIssuer, level1 } from './text';

/** Counts of cases (件) and of records (条); other record counts are occasions (人次). */
const caseCounts = new Set(['violationCases', 'decisionsRevoked']);
const recordCounts = new Set(['recordsCorrected']);

/** The unit a count is read in: people 名, cases 件, records 条, occasions 人次. */
export function unitOf(s: Pick<MeetingStatistic, 'id' | 'counts'>): string {
  if (s.counts === 'cadres') return '名';
  return caseCounts.has(s.id) ? '件' : recordCounts.has(s.id) ? '条' : '人次';
}

/**
 * How each count reads in a sentence; `n` is the count with its unit (e.g. "3名"). A statistic
 * without its own wording (one added to §4.4 later) reads "label n" in the closing sentence.
 */
const clauses: Partial<Record<string, (n: string) => string>> = {
  outstandingIdentified: (n) => `共识别优秀干部${n}`,
  promoted: (n) => `提拔重用${n}`,
  commended: (n) => `评优评先（年度考核优秀、嘉奖、记功）${n}`,
  raisesGranted: (n) => `提高薪酬${n}`,
  identityTransfers: (n) => `跨身份选调${n}`,
  violationCases: (n) => `查处违纪违法案件${n}`,
  salaryDeductions: (n) => `扣减薪酬${n}`,
  honoursDisqualified: (n) => `取消评优评先资格${n}`,
  trialExtended: (n) => `延长试用期${n}`,
  bonusesCancelled: (n) => `取消年度奖金${n}`,
  remindersInquiries: (n) => `开展提醒谈话、函询${n}`,
  admonishmentsOrgActions: (n) => `诫勉和组织处理${n}`,
  'adjusted.removal': (n) => `免职${n}`,
  'adjusted.rankReassignment': (n) => `改任职级${n}`,
  'adjusted.positionAdjustment': (n) => `调整岗位${n}`,
  'adjusted.downwardExchange': (n) => `下派交流${n}`,
  'adjusted.demotion': (n) => `降职${n}`,
  'adjusted.dismissal': (n) => `辞退${n}`,
  'adjusted.retirement': (n) => `退休${n}`,
  namesCleared: (n) => `为受到不实举报的干部澄清正名${n}`,
  decisionsRevoked: (n) => `撤销处分或处理决定${n}`,
  recordsCorrected: (n) => `更正、作废录入差错${n}`,
  inRehabilitation: (n) => `对${n}干部开展回访教育帮扶`,
  roseAgain: (n) => `其中重新使用${n}`,
};

/** The report's sections and which counts each sentence gives, in order. */
const outline: Array<{ heading: string; sentences: string[][] }> = [
  { heading: '能上：树立鲜明用人导向', sentences: [['outstandingIdentified', 'promoted', 'commended', 'raisesGranted', 'identityTransfers']] },
  {
    heading: '能下：从严管理监督',
    sentences: [
      ['violationCases', 'salaryDeductions', 'honoursDisqualified', 'trialExtended', 'bonusesCancelled'],
      ['remindersInquiries', 'admonishmentsOrgActions'],
      ['adjusted.removal', 'adjusted.rankReassignment', 'adjusted.positionAdjustment', 'adjusted.downwardExchange', 'adjusted.demotion', 'adjusted.dismissal', 'adjusted.retirement'],
    ],
  },
  {
    heading: '关爱：容错纠错与回访帮扶',
    sentences: [
      ['namesCleared', 'decisionsRevoked', 'recordsCorrected'],
      ['inRehabilitation', 'roseAgain'],
    ],
  },
];

export interface PeriodReportFigure {
  id: MeetingStatisticId;
  label: string;
  count: number;
  unit: string;
  /** The clause the prose prints for this count, e.g. "提拔重用3名". */
  clause: string;
  basis: string;
}

export interface PeriodReportModel {
  fileName: string;
  title: string;
  from: Month;
  to: Month;
  opening: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  /** Every count, in the statistics' order: the appended table. */
  figures: PeriodReportFigure[];
  /** Said when the engine-based counts were not evaluated. */
  caveat: string;
  issuer: string;
  date: string;
}

/** "2025年以来" for a period from January, else "2025年3月以来". */
export function sinceText(from: Month): string {
  return from.endsWith('-01') ? `${from.slice(0, 4)}年以来` : `${chineseMonth(from)}以来`;
}

export function periodText(from: Month, to: Month): string {
  return from === to ? chineseMonth(from) : `${chineseMonth(from)}至${chineseMonth(to)}`;
}

export function periodReportModel(input: { statistics: MeetingStatistics; issuer?: string; today: IsoDate }): PeriodReportModel {
  const { statistics: s } = input;
  const byId = new Map(s.items.map((i) => [i.id, i]));
  const figures: PeriodReportFigure[] = s.items.map((i) => {
    const unit = unitOf(i);
    const n = `${i.count}${unit}`;
    return { id: i.id, label: i.label.zh, count: i.count, unit, clause: clauses[i.id]?.(n) ?? `${i.label.zh}${n}`, basis: i.basis.zh };
  });
  const clauseOf = new Map<string, string>(figures.map((f) => [f.id, f.clause]));
  const since = sinceText(s.from);
  const placed = new Set(outline.flatMap((o) => o.sentences.flat()));
  const rest = figures.filter((f) => !placed.has(f.id)).map((f) => f.id);
  const sections = outline.map((section, si) => {
    const sentences = si === outline.length - 1 && rest.length ? [...section.sentences, rest] : section.sentences;
    return {
      heading: `${level1(si + 1)}${section.heading}`,
      paragraphs: sentences
        .map((ids) => ({ ids: ids.filter((id) => byId.has(id as MeetingStatisticId)), extra: ids === rest }))
        .filter(({ ids }) => ids.length > 0)
        .map(({ ids, extra }, k) => {
          const lead = k === 0 ? `${since}，` : extra ? '此外，' : '';
          const prefix = ids[0].startsWith('adjusted.') ? '对不适宜担任现职的干部予以调整：' : '';
          return `${lead}${prefix}${ids.map((id) => clauseOf.get(id)!).join('，')}。`;
        }),
    };
  });
  const period = periodText(s.from, s.to);
  return {
    fileName: `干部能上能下工作情况报告-${s.from}至${s.to}.docx`,
    title: `关于${period}\n干部能上能下工作情况的报告`,
    from: s.from,
    to: s.to,
    opening: `现将${period}干部能上能下工作情况报告如下（统计截至${chineseMonth(s.to)}末）：`,
    sections,
    figures,
    caveat: s.withFindings ? '' : '注：本报告未计算规则结论，“识别优秀干部”“扣减薪酬”“取消评优评先资格”三项仅含已记录的措施。',
    issuer: input.issuer ?? defaultIssuer,
    date: chineseDate(input.today),
  };
}
