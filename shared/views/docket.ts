// The evaluation meeting's docket (会议议题), pure: which findings become items and in which group
// (docs/MEETINGS.md), what each item proposes, the meeting list rows, what confirmation records, and
// the case-file summary an item can carry into the docket document.
import type { MeetingRow, MeetingView, NoticeKind, ProposedDocket, ProposedItem } from '../contract/meetings';
import type { FindingRow } from '../contract/findings';
import {
  docketGroups,
  meetingTypes,
  type DecisionValue,
  type DocketGroup,
  type DocketItem,
  type Meeting,
  type MeetingType,
} from '../domain/meetings';
import type { Bilingual } from '../domain/primitives';
import type { FindingDismissal, Measure, MeasureKind, Sanction } from '../domain/records';
import { annulledIds, cadreStatus, type CadreStatus } from '../domain/status';
import { gradeLabels, measureLabels, sanctionLabels } from '../engine/labels';
import type { LedgerState } from '../ledger/collections';
import { nextSequentialId } from '../ledger/ids';
import { noticeKindOf } from '../documents/notices';
import { addDays, addMonths, lastDayOfPeriod, referenceDate } from './dates';
import type { ViewEngine } from './viewEngine';
import { gradesOfCadre } from '../engine/columns/gradeTable';

export const meetingTypeLabels: Record<MeetingType, Bilingual> = {
  partyWorkCommittee: { zh: '党工委会议', en: 'Party working committee meeting' },
  cadreWork: { zh: '干部工作会议', en: 'Cadre work meeting' },
  cadreGroup: { zh: '干部小组会', en: 'Cadre group meeting' },
};

export const docketGroupLabels: Record<DocketGroup, Bilingual> = {
  rewards: { zh: '奖励（嘉奖、记功、提高薪酬）', en: 'Rewards (commendation, merit, raises)' },
  promotion: { zh: '提拔人选', en: 'Promotion candidates' },
  talks: { zh: '提醒谈话、函询、诫勉', en: 'Reminders, inquiries and admonishments' },
  warnings: { zh: '预警与观察期', en: 'Warnings and probation' },
  adjustments: { zh: '调整（过渡性安置、调整岗位、降职、免职、辞退）', en: 'Adjustments (placement, adjustment, demotion, dismissal)' },
  reascend: { zh: '重新使用', en: 'Rising again' },
  trials: { zh: '试用期满', en: 'Trial periods ending' },
  releases: { zh: '处分期满解除', en: 'Sanction releases' },
  grades: { zh: '年度等次更正与优秀比例', en: 'Grade corrections and the excellent quota' },
  free: { zh: '其他议题（动议、确定考察对象、其他）', en: 'Other items (motions, inspection targets, other)' },
};

export const decisionLabels: Record<DecisionValue, Bilingual> = {
  approved: { zh: '同意', en: 'Approved' },
  rejected: { zh: '不同意', en: 'Rejected' },
  deferred: { zh: '暂缓', en: 'Deferred' },
  approvedAmended: { zh: '修改后同意', en: 'Approved as amended' },
};

/**
 * Rules whose findings are docket items, in the order they are taken within their group. The
 * others are informational (docs/MEETINGS.md): a promotion bar, an honours disqualification, a
 * salary deduction or a fault deduction is applied by the office as a matter of course, and a
 * check-in talk is held by the mentor — none needs the meeting's decision.
 */
const docketRules = [
  'annual.excellent-reward',
  'annual.merit3',
  'raise.top-third-streak',
  'promote.candidate',
  'warn.bottom-third-streak',
  'annual.bonus-cancel',
  'team.low-ranking',
  'probation.review-due',
  'place.bottom-third-long',
  'probation.not-improved',
  'annual.demote',
  'annual.dismiss',
  'rehab.reascend',
  'trial.review',
  'sanction.release-due',
  'annual.grade-conflict',
  'annual.excellent-quota',
] as const;
export const informationalRules = [
  'sanction.no-promotion',
  'sanction.no-honours',
  'sanction.salary-deduction',
  'deduction.fault',
  'rehab.checkin-due',
] as const;

const ruleOrder = new Map<string, number>(docketRules.map((r, i) => [r, i]));

/** Verb phrases for titles and proposals: 关于给予张三嘉奖的议题 / 拟给予嘉奖. */
const measureVerb: Partial<Record<MeasureKind, { title: (n: string) => string; proposal: string }>> = {
  commendation: { title: (n) => `关于给予${n}嘉奖的议题`, proposal: '拟给予嘉奖' },
  merit3: { title: (n) => `关于给予${n}记三等功的议题`, proposal: '拟记三等功' },
  salaryRaise: { title: (n) => `关于提高${n}薪酬待遇的议题`, proposal: '拟提高薪酬待遇' },
  promotion: { title: (n) => `关于将${n}列为提拔人选的议题`, proposal: '拟列为提拔人选，按程序开展考察' },
  reminderTalk: { title: (n) => `关于对${n}进行提醒谈话的议题`, proposal: '拟进行提醒谈话' },
  inquiry: { title: (n) => `关于对${n}进行函询的议题`, proposal: '拟进行函询' },
  admonishment: { title: (n) => `关于对${n}进行诫勉的议题`, proposal: '拟予以诫勉' },
  warning: { title: (n) => `关于对${n}进行警示的议题`, proposal: '拟予以警示' },
  probation: { title: (n) => `关于对${n}进行警示并设观察期的议题`, proposal: '拟予以警示并设观察期' },
  transitionalPlacement: { title: (n) => `关于对${n}进行过渡性安置的议题`, proposal: '拟进行过渡性安置' },
  positionAdjustment: { title: (n) => `关于调整${n}岗位的议题`, proposal: '拟调整岗位' },
  removal: { title: (n) => `关于免去${n}职务的议题`, proposal: '拟免去现任职务' },
  demotion: { title: (n) => `关于对${n}予以降职的议题`, proposal: '拟降职使用' },
  rankReassignment: { title: (n) => `关于${n}改任职级的议题`, proposal: '拟改任职级' },
  dismissal: { title: (n) => `关于辞退${n}的议题`, proposal: '拟予以辞退' },
  immediateExit: { title: (n) => `关于${n}刚性退出的议题`, proposal: '拟予以刚性退出' },
  downwardExchange: { title: (n) => `关于${n}下派交流的议题`, proposal: '拟下派交流' },
  trialExtension: { title: (n) => `关于延长${n}试用期的议题`, proposal: '拟延长试用期' },
};

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** What a finding proposes on the docket: group, measure (and its length) and the wording. */
function proposalOf(f: FindingRow): Pick<ProposedItem, 'group' | 'title' | 'proposedKind' | 'proposedMonths' | 'proposal' | 'sanctionId'> | null {
  const name = f.subjectName;
  const params = f.suggestion.params ?? {};
  const measure = (group: DocketGroup, kind: MeasureKind, months?: number, extra = '') => ({
    group,
    title: measureVerb[kind]?.title(name) ?? `关于对${name}${measureLabels[kind].zh}的议题`,
    proposedKind: kind,
    ...(months ? { proposedMonths: months } : {}),
    proposal: `${measureVerb[kind]?.proposal ?? `拟${measureLabels[kind].zh}`}${months ? `（${months}个月）` : ''}${extra}`,
  });
  switch (f.rule) {
    case 'annual.excellent-reward':
      return measure('rewards', 'commendation', undefined, num(params.year) ? `（${params.year}年度考核优秀）` : '');
    case 'annual.merit3':
      return measure('rewards', 'merit3');
    case 'raise.top-third-streak':
      return measure('rewards', 'salaryRaise');
    case 'promote.candidate':
      return measure('promotion', 'promotion');
    case 'warn.bottom-third-streak':
      return measure('talks', 'reminderTalk');
    case 'annual.bonus-cancel': {
      const year = num(params.year);
      const cancel = `取消${year ? `${year}年度` : '年度'}考核奖金和评优资格`;
      if (params.admonishment === true) return { ...measure('talks', 'admonishment'), proposal: `拟予以诫勉，${cancel}` };
      return { group: 'talks', title: `关于取消${name}${year ? `${year}年度` : '年度'}考核奖金的议题`, proposedKind: null, proposal: `拟${cancel}` };
    }
    case 'team.low-ranking':
      return measure('warnings', 'probation', num(params.months) ?? 3);
    case 'probation.review-due': {
      const kind = str(params.measureKind) as MeasureKind | undefined;
      const label = kind ? measureLabels[kind].zh : '观察期';
      const group: DocketGroup = kind === 'trialPeriod' || kind === 'trialExtension' ? 'trials' : kind === 'transitionalPlacement' ? 'adjustments' : 'warnings';
      const ends = str(params.endsOn);
      return {
        group,
        title: `关于${name}${label}期满评议的议题`,
        proposedKind: null,
        proposal: `${label}${ends ? `于${ends}届满` : '届满'}，拟评议其表现并确定结果（改进 / 未改进）`,
      };
    }
    case 'place.bottom-third-long':
      return measure('adjustments', 'transitionalPlacement');
    case 'probation.not-improved': {
      const kind = f.suggestion.kind as MeasureKind;
      return measureVerb[kind] || (measureLabels as Record<string, Bilingual>)[kind] ? measure('adjustments', kind) : null;
    }
    case 'annual.demote':
      return measure('adjustments', 'demotion');
    case 'annual.dismiss':
      return measure('adjustments', 'dismissal');
    case 'rehab.reascend':
      return { group: 'reascend', title: `关于重新使用${name}的议题`, proposedKind: null, proposal: '符合重新使用条件，拟经严格考察后重新使用' };
    case 'trial.review': {
      const extend = params.recommended === 'extend';
      return {
        group: 'trials',
        title: `关于${name}试用期满考核的议题`,
        proposedKind: extend ? 'trialExtension' : null,
        proposal: extend ? '试用期表现欠佳，拟延长试用期或不予正式任职' : '试用期满，拟考核合格后正式任职',
      };
    }
    case 'sanction.release-due': {
      const sanctionId = str(params.sanctionId);
      return {
        group: 'releases',
        title: `关于解除${name}处分影响期的议题`,
        proposedKind: null,
        proposal: `影响期已届满，拟办理解除手续并出具解除通知`,
        ...(sanctionId ? { sanctionId } : {}),
      };
    }
    case 'annual.grade-conflict':
      return { group: 'grades', title: `关于更正${name}年度考核等次的议题`, proposedKind: null, proposal: '年度考核等次与处分期限制不符，拟予以更正' };
    case 'annual.excellent-quota':
      return { group: 'grades', title: `关于${name}年度优秀等次比例的议题`, proposedKind: null, proposal: '优秀等次超出规定比例，拟调减优秀等次人数' };
    default:
      return null;
  }
}

/** The record ids and months the item's basis rests on. */
function evidenceIdsOf(f: FindingRow): string[] {
  const ids = [...f.evidence.recordIds];
  for (const m of f.evidence.months ?? []) ids.push(m.month);
  return [...new Set(ids)].slice(0, 200);
}

/** One open finding as a proposed docket item, or null when its rule is informational. */
export function itemFromFinding(f: FindingRow): ProposedItem | null {
  const p = proposalOf(f);
  if (!p) return null;
  return {
    ...p,
    subject: f.subject,
    subjectName: f.subjectName,
    findingKey: f.key,
    rule: f.rule,
    basis: f.explanation.zh,
    evidenceIds: evidenceIdsOf(f),
    attachCaseFile: false,
  };
}

const groupIndex = new Map<DocketGroup, number>(docketGroups.map((g, i) => [g, i]));

/** Items in docket order: group, then rule, then the subject's name. */
export function sortDocket<T extends Pick<ProposedItem, 'group' | 'rule' | 'subjectName'>>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      groupIndex.get(a.group)! - groupIndex.get(b.group)! ||
      (ruleOrder.get(a.rule ?? '') ?? 99) - (ruleOrder.get(b.rule ?? '') ?? 99) ||
      a.subjectName.localeCompare(b.subjectName, 'zh-Hans-CN'),
  );
}

/**
 * The docket proposed from the month's open findings (dismissed and acted-on findings are already
 * left out of `findings`). Informational rules are counted, not proposed.
 */
export function proposeDocket(asOf: string, findings: readonly FindingRow[], hasScores: boolean): ProposedDocket {
  const items: ProposedItem[] = [];
  const informational = new Map<string, number>();
  for (const f of findings) {
    const item = itemFromFinding(f);
    if (item) items.push(item);
    else informational.set(f.rule, (informational.get(f.rule) ?? 0) + 1);
  }
  return {
    asOf,
    items: sortDocket(items),
    informational: [...informational].map(([rule, count]) => ({ rule, count })).sort((a, b) => a.rule.localeCompare(b.rule)),
    hasScores,
  };
}

/** "2026年12月干部工作会议". */
export function defaultMeetingTitle(type: MeetingType, date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${meetingTypeLabels[type].zh}`;
}

export function meetingRow(m: Meeting, today: string): MeetingRow {
  const decisions: MeetingRow['decisions'] = {};
  let decidedCount = 0;
  for (const i of m.items) {
    if (!i.decision) continue;
    decidedCount++;
    decisions[i.decision.value] = (decisions[i.decision.value] ?? 0) + 1;
  }
  return {
    id: m.id,
    type: m.type,
    title: m.title,
    date: m.date,
    place: m.place,
    asOf: m.asOf,
    ...(m.office ? { office: m.office } : {}),
    status: m.status,
    upcoming: m.status === 'draft' && m.date >= today,
    itemCount: m.items.length,
    decidedCount,
    decisions,
    correctionCount: m.corrections.length,
    ...(m.confirmedAt ? { confirmedAt: m.confirmedAt } : {}),
    ...(m.confirmedBy ? { confirmedBy: m.confirmedBy } : {}),
  };
}

/** Meetings, latest date first (then latest id). */
export function meetingRows(meetings: Iterable<Meeting>, today: string): MeetingRow[] {
  return [...meetings]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((m) => meetingRow(m, today));
}

const isApproved = (v: DecisionValue | undefined) => v === 'approved' || v === 'approvedAmended';

/** The measure kind an item's decision carries out: the amended one, else the proposed one. */
export function decidedKind(item: DocketItem): MeasureKind | null {
  return item.decision?.amendedKind ?? item.proposedKind;
}

/** The notice an approved item produces (提醒谈话通知 … 处分期满解除通知), or null. */
export function noticeOf(item: DocketItem): NoticeKind | null {
  if (!isApproved(item.decision?.value)) return null;
  if (item.group === 'releases' && item.sanctionId) return 'sanctionRelease';
  const kind = decidedKind(item);
  return kind ? (noticeKindOf(kind) ?? null) : null;
}

/** Whether the item gets a 干部任免审批表: a promotion, adjustment or rising-again item about a cadre (as the documents module selects them). */
export function hasAppointmentForm(item: DocketItem): boolean {
  return item.subject?.type === 'cadre' && (item.group === 'promotion' || item.group === 'adjustments' || item.group === 'reascend');
}

export function meetingView(m: Meeting): MeetingView {
  return {
    ...m,
    itemDocuments: m.items.map((i) => ({ itemId: i.id, notice: noticeOf(i), appointmentForm: hasAppointmentForm(i) })),
  };
}

/** Gives new items ids (I01, I02, …, never reusing one of the meeting's), keeping decisions by id. */
export function assignItemIds<T extends object>(previous: readonly DocketItem[], items: readonly T[]): Array<T & { id: string }> {
  const idOf = (i: T) => (i as { id?: string }).id;
  const used = new Set<string>(previous.map((i) => i.id));
  for (const i of items) if (idOf(i)) used.add(idOf(i)!);
  return items.map((i) => {
    if (idOf(i)) return i as T & { id: string };
    const id = nextSequentialId(used, 'I', 2);
    used.add(id);
    return { ...i, id };
  });
}

export interface ConfirmationEffects {
  measures: Measure[];
  dismissals: FindingDismissal[];
  releases: Sanction[];
  /** The items with what their decision recorded (measureId, dismissalId, sanctionId). */
  items: DocketItem[];
}

/**
 * What confirming the meeting records (docs/MEETINGS.md): 同意 / 修改后同意 of an item with a
 * measure → the measure (from the meeting date, linked to the meeting, the item and the finding,
 * so the finding counts as acted on); of a release item → the sanction's release on the meeting
 * date; 不同意 of an item from a finding → a dismissal naming the meeting; 暂缓 → nothing.
 */
export function confirmationEffects(state: LedgerState, m: Meeting): ConfirmationEffects {
  const measureIds = new Set(state.measures.keys());
  const dismissalIds = new Set(state.dismissals.keys());
  const dismissalByKey = new Map<string, FindingDismissal>();
  for (const d of state.dismissals.values()) dismissalByKey.set(d.findingKey, d);
  const annulled = annulledIds(state.clearances.values());
  const actedBy = new Map<string, Measure>();
  for (const x of state.measures.values()) if (x.findingKey && !annulled.has(x.id)) actedBy.set(`${x.findingKey}|${x.kind}`, x);
  const out: ConfirmationEffects = { measures: [], dismissals: [], releases: [], items: [] };
  const reason = `经${m.title}（${m.date}）研究不同意`;
  for (const item of m.items) {
    const d = item.decision;
    let recorded: Partial<NonNullable<DocketItem['decision']>> = {};
    if (d && isApproved(d.value)) {
      const kind = decidedKind(item);
      if (item.group === 'releases' && item.sanctionId) {
        const sanction = state.sanctions.get(item.sanctionId);
        if (sanction && !sanction.releasedOn) {
          out.releases.push({ ...sanction, releasedOn: m.date });
          recorded = { sanctionId: sanction.id };
        }
      } else if (kind && item.subject && item.findingKey && actedBy.has(`${item.findingKey}|${kind}`)) {
        // Already recorded from the finding before the meeting (findings.act): not twice.
        recorded = { measureId: actedBy.get(`${item.findingKey}|${kind}`)!.id };
      } else if (kind && item.subject) {
        const months = d.amendedMonths ?? item.proposedMonths;
        const id = nextSequentialId(measureIds, 'M');
        measureIds.add(id);
        const wording = d.value === 'approvedAmended' ? (d.amendedProposal ?? item.proposal) : item.proposal;
        out.measures.push({
          id,
          subjectType: item.subject.type,
          subjectId: item.subject.id,
          kind,
          startsOn: m.date,
          ...(months ? { endsOn: addDays(addMonths(m.date, months), -1) } : {}),
          note: `${m.title}（${m.date}）${decisionLabels[d.value].zh}：${wording}${d.note ? `。${d.note}` : ''}`.slice(0, 1000),
          ...(item.findingKey ? { findingKey: item.findingKey } : {}),
          meetingId: m.id,
          meetingItemId: item.id,
        });
        recorded = { measureId: id };
      }
    } else if (d?.value === 'rejected' && item.findingKey) {
      // One dismissal per finding (as findings.dismiss): the meeting's reason replaces an older one.
      const existing = dismissalByKey.get(item.findingKey);
      const id = existing?.id ?? nextSequentialId(dismissalIds, 'D');
      dismissalIds.add(id);
      const dismissal: FindingDismissal = {
        id,
        findingKey: item.findingKey,
        reason: `${reason}${d.note ? `：${d.note}` : ''}`.slice(0, 1000),
        date: m.date,
      };
      out.dismissals.push(dismissal);
      recorded = { dismissalId: id };
    }
    out.items.push(d ? { ...item, decision: { ...d, ...recorded } } : item);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The case-file summary an item carries into the docket document (附：干部档案摘要).

export interface CaseFileSummary {
  cadreId: string;
  name: string;
  unitName: string;
  position: string;
  status: CadreStatus;
  /** The day the summary is judged on (the as-of month's last day). */
  referenceDate: string;
  /** The last three graded years, newest first: "2025年度 优秀". */
  grades: Array<{ year: number; grade: string }>;
  /** The last six months' ranks, oldest first: "2026-06 第3/18名". */
  ranks: Array<{ month: string; rank: number; n: number; third: string }>;
  /** Sanctions not cleared, with their impact period shown by its last day. */
  sanctions: Array<{ id: string; kind: string; decidedOn: string; periodLastDay: string | null; inForce: boolean; releasedOn: string | null }>;
  /** Measures not annulled, newest first (at most 8). */
  measures: Array<{ id: string; kind: string; startsOn: string; endsOn: string | null; outcome: string | null }>;
  /** Promotion bars in force on the reference date: the last barred day. */
  barredUntil: string | null;
  /** The same facts as the docket document prints them (CaseFileSummaryForDocument): label → value. */
  rows: Array<[label: string, value: string]>;
  /** Notes after the table. */
  lines: string[];
}

const statusLabels: Record<CadreStatus, string> = { inPost: '在岗', probation: '观察期内', transitional: '过渡性安置中', exited: '已退出' };

export function caseFileSummary(state: LedgerState, engine: ViewEngine, cadreId: string, asOf: string, today: string): CaseFileSummary | null {
  const cadre = state.cadres.get(cadreId);
  if (!cadre) return null;
  void today; // the summary is judged on the month's last day, as the case file is (DOMAIN.md §4.1a)
  const refDate = referenceDate(asOf);
  const annulled = annulledIds(state.clearances.values());
  const grades = gradesOfCadre(state.grades, cadreId)
    .filter((g) => !annulled.has(g.id) && g.grade !== 'ungraded' && g.year <= Number(asOf.slice(0, 4)))
    .sort((a, b) => b.year - a.year)
    .slice(0, 3)
    .map((g) => ({ year: g.year, grade: gradeLabels[g.grade].zh }));
  const ranks = engine
    .rankHistory(state, cadreId, asOf)
    .slice(-6)
    .map((r) => ({ month: r.month, rank: r.rank, n: r.n, third: r.third }));
  const periods = new Map(engine.impactPeriods(state, cadreId, asOf).map((p) => [p.sanctionId, p]));
  const sanctions = [...state.sanctions.values()]
    .filter((s) => s.cadreId === cadreId && !annulled.has(s.id) && s.decidedOn <= refDate)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : -1))
    .map((s) => {
      const p = periods.get(s.id);
      return {
        id: s.id,
        kind: sanctionLabels[s.kind].zh,
        decidedOn: s.decidedOn,
        periodLastDay: p ? lastDayOfPeriod(p.end) : null,
        inForce: !!p && p.start <= refDate && refDate < p.end,
        releasedOn: s.releasedOn ?? null,
      };
    });
  const own = [...state.measures.values()].filter((m) => m.subjectType === 'cadre' && m.subjectId === cadreId);
  const measures = own
    .filter((m) => !annulled.has(m.id) && m.startsOn <= refDate)
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0))
    .slice(0, 8)
    .map((m) => ({ id: m.id, kind: measureLabels[m.kind].zh, startsOn: m.startsOn, endsOn: m.endsOn ?? null, outcome: m.outcome ?? null }));
  const bars = engine.promotionBars(state, cadreId, asOf).filter((b) => !annulled.has(b.sourceId) && b.until > refDate);
  const barUntil = bars.reduce<string | null>((u, b) => (u === null || b.until > u ? b.until : u), null);
  const unitName = state.units.get(cadre.unitId)?.name ?? '';
  const status = cadreStatus(own, annulled, refDate);

  const rows: Array<[string, string]> = [
    ['单位', unitName || '—'],
    ['职务', cadre.position || '—'],
    ['状态', statusLabels[status]],
    ['近三年年度考核', grades.length ? grades.map((g) => `${g.year}年度${g.grade}`).join('；') : '无记录'],
    ['近六个月排名', ranks.length ? ranks.map((r) => `${r.month} 第${r.rank}/${r.n}名`).join('、') : '无得分记录'],
    [
      '处分',
      sanctions.length
        ? sanctions
            .map((s) => `${s.decidedOn}${s.kind}${s.periodLastDay ? `（影响期至${s.periodLastDay}${s.inForce ? '，期内' : ''}${s.releasedOn ? `，${s.releasedOn}已解除` : ''}）` : ''}`)
            .join('；')
        : '无',
    ],
    ['组织措施', measures.length ? measures.map((m) => `${m.startsOn}${m.kind}${m.endsOn ? `（至${m.endsOn}）` : ''}`).join('；') : '无'],
  ];
  if (barUntil) rows.push(['不得提拔期', `至${lastDayOfPeriod(barUntil)}（含）`]);
  const lines = [`以上情况按${refDate}统计。`];

  return {
    cadreId,
    name: cadre.name,
    unitName,
    position: cadre.position ?? '',
    status,
    referenceDate: refDate,
    grades,
    ranks,
    sanctions,
    measures,
    barredUntil: barUntil ? lastDayOfPeriod(barUntil) : null,
    rows,
    lines,
  };
}

export { meetingTypes };
