// The meeting statistics of DOMAIN.md §4.4: what the office did (and what the ledger flagged) in a
// period, counted the way the report to the evaluation meeting prints them, each count with the
// cadres and records behind it so an officer can open any number.
//
// Recorded actions (measures, sanctions, grades, clearances, plans) are counted from the records
// dated in the period; the three counts that follow from policy rather than from a recorded act
// (outstanding cadres identified, salary deductions during impact periods, honours disqualification
// from sanctions) come from the engine's findings as of each month of the period. Cleared and
// revoked records never count.
import type { Finding } from '../domain/findings';
import type { Bilingual, Month } from '../domain/primitives';
import type { MeasureKind } from '../domain/records';
import { annulledIds } from '../domain/status';
import type { LedgerState } from '../ledger/collections';
import { ownerOfId } from '../sync/ids';
import type { ViewEngine } from '../views/viewEngine';
import { selfCodeOf } from '../views/officeScope';

export const meetingStatisticIds = [
  'outstandingIdentified',
  'promoted',
  'commended',
  'raisesGranted',
  'identityTransfers',
  'violationCases',
  'salaryDeductions',
  'honoursDisqualified',
  'trialExtended',
  'remindersInquiries',
  'admonishmentsOrgActions',
  'adjusted.removal',
  'adjusted.rankReassignment',
  'adjusted.positionAdjustment',
  'adjusted.downwardExchange',
  'adjusted.demotion',
  'adjusted.dismissal',
  'adjusted.retirement',
  'bonusesCancelled',
  'namesCleared',
  'decisionsRevoked',
  'recordsCorrected',
  'inRehabilitation',
  'roseAgain',
] as const;
export type MeetingStatisticId = (typeof meetingStatisticIds)[number];

export interface MeetingStatistic {
  id: MeetingStatisticId;
  label: Bilingual;
  /** People (each cadre once) or cases / occasions (each record once, 人次/件). */
  counts: 'cadres' | 'records';
  count: number;
  cadreIds: string[];
  /** The records (or finding evidence records) behind the count. */
  recordIds: string[];
  /** How the number is arrived at, for the report's footnote. */
  basis: Bilingual;
}

export interface MeetingStatistics {
  from: Month;
  to: Month;
  /** False when no findings were supplied: the engine-based counts are then 0 and say so. */
  withFindings: boolean;
  items: MeetingStatistic[];
}

export interface MeetingOptions {
  /** The engine's findings as of a month (the handler and the CLI pass `evaluate`). */
  findingsAsOf?: (asOf: Month) => Finding[];
  /**
   * The office these are the statistics of (the state is its partition, views/officeScope.ts): only
   * records about the cadres it holds count, and a correction of a record about no cadre (a
   * meeting, a unit…) counts for the office its record belongs to.
   */
  office?: string;
}

const labels: Record<MeetingStatisticId, Bilingual> = {
  outstandingIdentified: { zh: '识别优秀干部', en: 'Outstanding cadres identified' },
  promoted: { zh: '提拔重用', en: 'Promoted' },
  commended: { zh: '评优评先（优秀、嘉奖、记功）', en: 'Commended (excellent, commendation, merit)' },
  raisesGranted: { zh: '提高薪酬', en: 'Salary raises granted' },
  identityTransfers: { zh: '跨身份选调', en: 'Moved across identity' },
  violationCases: { zh: '查处违纪违法案件', en: 'Violation cases' },
  salaryDeductions: { zh: '扣减薪酬', en: 'Cadres with salary deductions' },
  honoursDisqualified: { zh: '取消评优评先资格', en: 'Disqualified from honours' },
  trialExtended: { zh: '延长试用期', en: 'Trial periods extended' },
  remindersInquiries: { zh: '提醒谈话、函询', en: 'Reminder talks and inquiries' },
  admonishmentsOrgActions: { zh: '诫勉和组织处理', en: 'Admonishments and organizational actions' },
  'adjusted.removal': { zh: '免职', en: 'Removed from post' },
  'adjusted.rankReassignment': { zh: '改任职级', en: 'Reassigned to rank' },
  'adjusted.positionAdjustment': { zh: '调整岗位', en: 'Position adjusted' },
  'adjusted.downwardExchange': { zh: '下派交流', en: 'Downward exchange' },
  'adjusted.demotion': { zh: '降职', en: 'Demoted' },
  'adjusted.dismissal': { zh: '辞退', en: 'Dismissed' },
  'adjusted.retirement': { zh: '退休', en: 'Retired' },
  bonusesCancelled: { zh: '取消年度奖金', en: 'Annual bonuses cancelled' },
  namesCleared: { zh: '澄清正名', en: 'Names cleared' },
  decisionsRevoked: { zh: '撤销处分或处理决定', en: 'Decisions revoked' },
  recordsCorrected: { zh: '更正、作废录入差错', en: 'Data-entry errors corrected or voided' },
  inRehabilitation: { zh: '回访教育帮扶', en: 'Cadres in rehabilitation' },
  roseAgain: { zh: '重新使用', en: 'Rose again' },
};

/** Measures that are a reminder or inquiry; an admonishment or organizational action (组织处理). */
const reminderKinds: MeasureKind[] = ['reminderTalk', 'inquiry'];
const orgActionKinds: MeasureKind[] = [
  'admonishment',
  'warning',
  'probation',
  'transitionalPlacement',
  'immediateExit',
  'positionAdjustment',
  'removal',
  'demotion',
  'rankReassignment',
];
/** Measures that took a cadre down; a later promotion means the cadre rose again. */
const downKinds: MeasureKind[] = ['demotion', 'removal', 'transitionalPlacement', 'positionAdjustment'];

function lastDayOf(month: Month): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  let [y, m] = from.split('-').map(Number);
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    out.push(month);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

class Tally {
  readonly cadres = new Set<string>();
  readonly records = new Set<string>();
  add(cadreId: string | undefined, recordId: string) {
    if (cadreId) this.cadres.add(cadreId);
    this.records.add(recordId);
  }
}

/** The §4.4 counts for the months `from` … `to` (inclusive). Pure. */
export function meetingStatistics(state: LedgerState, from: Month, to: Month, options: MeetingOptions = {}): MeetingStatistics {
  const first = `${from}-01`;
  const last = lastDayOf(to);
  const inPeriod = (date: string) => date >= first && date <= last;
  const yearInPeriod = (year: number) => `${year}-12` >= from && `${year}-12` <= to;
  const annulled = annulledIds(state.clearances.values());
  const tallies = new Map<MeetingStatisticId, Tally>(meetingStatisticIds.map((id) => [id, new Tally()]));
  const t = (id: MeetingStatisticId) => tallies.get(id)!;
  // For an office, only the cadres its state holds count: the statistics of one township at the New
  // Area, and at a township never the New Area's records about another township's cadre.
  const held = options.office === undefined ? () => true : (cadreId: string) => state.cadres.has(cadreId);
  const self = options.office === undefined ? '' : selfCodeOf(state);
  const unattachedCounts = (r: { collection: string; recordId: string }) =>
    options.office === undefined ||
    (r.collection === 'units' ? state.units.has(r.recordId) : ownerOfId(r.recordId, self) === options.office);

  const cadreMeasures = [...state.measures.values()].filter((m) => m.subjectType === 'cadre' && !annulled.has(m.id) && held(m.subjectId));
  for (const m of cadreMeasures) {
    const cadre = m.subjectId;
    if (inPeriod(m.startsOn)) {
      if (m.kind === 'promotion') t('promoted').add(cadre, m.id);
      if (m.kind === 'commendation' || m.kind === 'merit3') t('commended').add(cadre, m.id);
      if (m.kind === 'salaryRaise') t('raisesGranted').add(cadre, m.id);
      if (m.kind === 'identityTransfer') t('identityTransfers').add(cadre, m.id);
      if (m.kind === 'honoursDisqualification') t('honoursDisqualified').add(cadre, m.id);
      if (m.kind === 'trialExtension') t('trialExtended').add(cadre, m.id);
      if (reminderKinds.includes(m.kind)) t('remindersInquiries').add(cadre, m.id);
      if (orgActionKinds.includes(m.kind)) t('admonishmentsOrgActions').add(cadre, m.id);
      const adjusted = `adjusted.${m.kind}` as MeetingStatisticId;
      if (tallies.has(adjusted)) t(adjusted).add(cadre, m.id);
      if (m.kind === 'promotion') {
        const fellBefore = cadreMeasures.some((d) => d.subjectId === cadre && downKinds.includes(d.kind) && d.startsOn < m.startsOn);
        if (fellBefore) t('roseAgain').add(cadre, m.id);
      }
    }
    // A deduction recorded as a measure counts while it runs in the period.
    if ((m.kind === 'salaryDeduction' || m.kind === 'performanceDeduction') && m.startsOn <= last && (!m.endsOn || m.endsOn >= first)) {
      t('salaryDeductions').add(cadre, m.id);
    }
    // A trial whose recorded outcome is "extended", ending in the period.
    if (m.kind === 'trialPeriod' && m.outcome === 'extended' && inPeriod(m.endsOn ?? m.startsOn)) t('trialExtended').add(cadre, m.id);
  }

  for (const s of state.sanctions.values()) {
    if (!annulled.has(s.id) && inPeriod(s.decidedOn) && held(s.cadreId)) t('violationCases').add(s.cadreId, s.id);
  }
  for (const g of state.grades.values()) {
    if (annulled.has(g.id) || !yearInPeriod(g.year) || !held(g.cadreId)) continue;
    if (g.grade === 'excellent') t('commended').add(g.cadreId, g.id);
    if (g.grade === 'basic' || g.grade === 'incompetent') t('bonusesCancelled').add(g.cadreId, g.id);
  }
  for (const c of state.clearances.values()) {
    // Three different things (issue 9): a clearance follows a false allegation, a revocation is the
    // authority withdrawing its decision, a correction or void fixes a data-entry error.
    if (!inPeriod(c.date) || !held(c.cadreId)) continue;
    t(c.kind === 'revocation' ? 'decisionsRevoked' : 'namesCleared').add(c.cadreId, c.id);
  }
  for (const r of state.revisions.values()) {
    if (r.action === 'create' || !inPeriod(r.date) || !(r.cadreId ? held(r.cadreId) : unattachedCounts(r))) continue;
    t('recordsCorrected').add(r.cadreId, `${r.collection}/${r.recordId}`);
  }
  for (const p of state.rehabPlans.values()) {
    if (annulled.has(p.id) || annulled.has(p.measureId) || p.startsOn > last || !held(p.cadreId)) continue;
    if (p.status === 'active' || inPeriod(p.startsOn)) t('inRehabilitation').add(p.cadreId, p.id);
  }

  const withFindings = !!options.findingsAsOf;
  if (options.findingsAsOf) {
    for (const month of monthsBetween(from, to)) {
      for (const f of options.findingsAsOf(month)) {
        if (f.subject.type !== 'cadre' || !held(f.subject.id)) continue;
        const target: MeetingStatisticId | undefined =
          f.rule === 'promote.candidate' || f.rule === 'raise.top-third-streak'
            ? 'outstandingIdentified'
            : f.rule === 'sanction.salary-deduction' || (f.rule === 'deduction.fault' && Number(f.evidence.factor ?? 1) > 0)
              ? 'salaryDeductions'
              : f.rule === 'sanction.no-honours'
                ? 'honoursDisqualified'
                : undefined;
        if (!target) continue;
        const tally = t(target);
        tally.cadres.add(f.subject.id);
        for (const id of f.evidence.recordIds) tally.records.add(id);
      }
    }
  }

  const recordCounted: MeetingStatisticId[] = ['violationCases', 'remindersInquiries', 'admonishmentsOrgActions', 'decisionsRevoked', 'recordsCorrected'];
  const items = meetingStatisticIds.map((id): MeetingStatistic => {
    const tally = t(id);
    const counts = recordCounted.includes(id) ? 'records' : 'cadres';
    return {
      id,
      label: labels[id],
      counts,
      count: counts === 'records' ? tally.records.size : tally.cadres.size,
      cadreIds: [...tally.cadres].sort(),
      recordIds: [...tally.records].sort(),
      basis: basisOf(id, withFindings),
    };
  });
  return { from, to, withFindings, items };
}

/**
 * The statistics of one office, or of every office the ledger holds: each office's from its own
 * partition and findings (views/officeScope.ts), added up — so the townships' statistics at the
 * New Area add up to the whole, and each is what the township counts itself.
 */
export function officeMeetingStatistics(state: LedgerState, engine: ViewEngine, from: Month, to: Month, office?: string): MeetingStatistics {
  const offices = office !== undefined ? [office] : engine.offices(state);
  const parts = offices.map((o) => {
    const part = engine.partition(state, o);
    return meetingStatistics(part, from, to, { findingsAsOf: (month) => engine.evaluate(part, month), office: o });
  });
  return parts.length === 1 ? parts[0] : sumStatistics(parts);
}

/** Statistics of disjoint sets of cadres, put together (the ids behind each count joined). */
export function sumStatistics(parts: readonly MeetingStatistics[]): MeetingStatistics {
  const [first] = parts;
  const items = first.items.map((item, i): MeetingStatistic => {
    const cadreIds = [...new Set(parts.flatMap((p) => p.items[i].cadreIds))].sort();
    const recordIds = [...new Set(parts.flatMap((p) => p.items[i].recordIds))].sort();
    return { ...item, cadreIds, recordIds, count: item.counts === 'records' ? recordIds.length : cadreIds.length };
  });
  return { from: first.from, to: first.to, withFindings: first.withFindings, items };
}

function basisOf(id: MeetingStatisticId, withFindings: boolean): Bilingual {
  const noEngine = withFindings ? { zh: '', en: '' } : { zh: '（未计算规则结论）', en: ' (findings not evaluated)' };
  switch (id) {
    case 'outstandingIdentified':
      return { zh: `期内任一月有“提拔人选”或“连续前三分之一”结论的干部${noEngine.zh}`, en: `cadres with a promotion-candidate or top-third-streak finding in a month of the period${noEngine.en}` };
    case 'salaryDeductions':
      return { zh: `期内有薪酬/绩效扣减措施，或处分影响期内、过错扣减的干部${noEngine.zh}`, en: `cadres with a deduction measure running, or a sanction impact period or fault deduction in the period${noEngine.en}` };
    case 'honoursDisqualified':
      return { zh: `期内记录取消评优评先资格，或当年受处分、诫勉的干部${noEngine.zh}`, en: `cadres disqualified by a measure, or sanctioned/admonished that year${noEngine.en}` };
    case 'commended':
      return { zh: '年度考核优秀（年度末在期内），或期内嘉奖、记三等功的干部', en: 'cadres graded excellent for a year ending in the period, or commended / given a merit in it' };
    case 'bonusesCancelled':
      return { zh: '年度考核基本称职或不称职（年度末在期内）的干部', en: 'cadres graded basic or incompetent for a year ending in the period' };
    case 'violationCases':
      return { zh: '期内作出决定的处分（件）', en: 'sanctions decided in the period (cases)' };
    case 'remindersInquiries':
    case 'admonishmentsOrgActions':
      return { zh: '期内开始的措施（人次）', en: 'measures started in the period (occasions)' };
    case 'trialExtended':
      return { zh: '期内延长试用期，或试用期结果为延长的干部', en: 'cadres with a trial extension, or a trial ending extended, in the period' };
    case 'namesCleared':
      return { zh: '期内澄清正名的干部（不含撤销）', en: 'cadres whose names were cleared in the period (not revocations)' };
    case 'decisionsRevoked':
      return { zh: '期内撤销的处分或处理决定（件，原记录保留、不再计算）', en: 'sanctions or measures revoked by their authority in the period (cases; kept, no longer counted)' };
    case 'recordsCorrected':
      return { zh: '期内更正或作废的录入差错（条，历史版本保留）', en: 'records corrected or voided for data-entry errors in the period (records; history kept)' };
    case 'inRehabilitation':
      return { zh: '期末仍在进行或期内开始的回访帮扶计划的干部', en: 'cadres with a rehabilitation plan active, or started, in the period' };
    case 'roseAgain':
      return { zh: '期内提拔、此前曾被降职、免职、待岗或调整岗位的干部', en: 'cadres promoted in the period after an earlier demotion, removal, placement or position adjustment' };
    default:
      return { zh: '期内开始的相应措施涉及的干部', en: 'cadres with such a measure started in the period' };
  }
}
