// The warning and probation tracker (预警与观察期台账): every tracked measure in progress with its
// review date and how close it is, the team view, and closing a measure with its outcome.
import type { MeasureDraft } from '../contract/findings';
import {
  trackedKinds,
  trackerStatuses,
  type CheckInDue,
  type NextStep,
  type TeamView,
  type TrackedKind,
  type TrackerBoard,
  type TrackerFilters,
  type TrackerItem,
  type TrackerStatus,
  type UnitStanding,
} from '../contract/tracker';
import type { RankEvidence } from '../domain/findings';
import type { Measure, MeasureKind, MeasureOutcome } from '../domain/records';
import { annulledIds, cadreStatus } from '../domain/status';
import type { LedgerState } from '../ledger/collections';
import { scoresInMonth } from '../engine/columns/scoreTable';
import { addDays, addMonths, daysBetween, referenceDate } from './dates';
import { nextSequentialId } from '../ledger/ids';
import { measureLabels } from '../engine/labels';
import { nextLadderStep, policyAt, remainingRungs } from './ladder';
import { faultOrder, faultRows } from './faults';
import { defaultPolicy, type PolicyVersion } from '../policy';
import type { ViewEngine } from './viewEngine';

/**
 * Review dates when the measure records no end: probation and warning last policy.probation.months
 * (3 on the ladder), a trial period policy.trial.months (12, DOMAIN.md §3) — the review date is
 * the period's last day, as the engine's `probation.review-due` counts it. An inquiry expects its
 * written reply within 15 working days (counted here as 21 calendar days). A placement is
 * reviewed on its `reviewOn`; extensions have no default.
 */
export function reviewDateOf(
  m: Pick<Measure, 'kind' | 'startsOn' | 'endsOn' | 'reviewOn'>,
  policy: PolicyVersion = defaultPolicy,
): { date: string | null; defaulted: boolean } {
  // A transitional placement is reviewed on its review date (复核日期, pre-filled from policy when
  // it is recorded); one saved without shows "无复核日期".
  if (m.kind === 'transitionalPlacement') return { date: m.reviewOn ?? m.endsOn ?? null, defaulted: false };
  if (m.endsOn) return { date: m.endsOn, defaulted: false };
  const months = m.kind === 'probation' || m.kind === 'warning' ? policy.probation.months : m.kind === 'trialPeriod' ? policy.trial.months : 0;
  if (months) return { date: addDays(addMonths(m.startsOn, months), -1), defaulted: true };
  if (m.kind === 'inquiry') return { date: addDays(m.startsOn, INQUIRY_REPLY_DAYS), defaulted: true };
  return { date: null, defaulted: false };
}

const INQUIRY_REPLY_DAYS = 21;

const isTracked = (kind: string): kind is TrackedKind => (trackedKinds as readonly string[]).includes(kind);

/**
 * Due within `dueSoonDays` of the reference date (the as-of month's last day) → dueSoon: the
 * policy's review window for the kind (reviewWindowOf), the same window the engine's review rules
 * fire in, so a measure is "N天内到期" exactly when the findings put it on the agenda.
 */
export function statusOf(daysLeft: number | null, dueSoonDays = defaultPolicy.reviewWindows.probationDays): TrackerStatus {
  if (daysLeft === null) return 'onTrack';
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= dueSoonDays ? 'dueSoon' : 'onTrack';
}

/** The policy's review window for a tracked kind: trial periods policy.reviewWindows.trialDays, the rest probationDays. */
export function reviewWindowOf(kind: TrackedKind, policy: PolicyVersion = defaultPolicy): number {
  return kind === 'trialPeriod' || kind === 'trialExtension' ? policy.reviewWindows.trialDays : policy.reviewWindows.probationDays;
}

const severity: Record<TrackerStatus, number> = { overdue: 0, dueSoon: 1, onTrack: 2 };

/** Every tracked item in progress on the reference date, before filters. */
export function trackedItems(state: LedgerState, refDate: string): TrackerItem[] {
  const policy = policyAt(state, refDate.slice(0, 7));
  const annulled = annulledIds(state.clearances.values());
  const measuresByCadre = new Map<string, Measure[]>();
  for (const m of state.measures.values()) {
    if (m.subjectType !== 'cadre') continue;
    const list = measuresByCadre.get(m.subjectId);
    if (list) list.push(m);
    else measuresByCadre.set(m.subjectId, [m]);
  }
  const exited = (cadreId: string) => cadreStatus(measuresByCadre.get(cadreId) ?? [], annulled, refDate) === 'exited';

  const items: TrackerItem[] = [];
  const subjectFacts = (type: 'cadre' | 'unit', id: string) => {
    if (type === 'unit') {
      const unit = state.units.get(id);
      return { subjectName: unit?.name ?? id, unitId: id, unitName: unit?.name ?? null };
    }
    const cadre = state.cadres.get(id);
    const unit = cadre ? state.units.get(cadre.unitId) : undefined;
    return { subjectName: cadre?.name ?? id, unitId: cadre?.unitId ?? null, unitName: unit?.name ?? null };
  };
  const withDays = (kind: TrackedKind, reviewDate: string | null) => {
    const daysLeft = reviewDate ? daysBetween(refDate, reviewDate) : null;
    return { daysLeft, status: statusOf(daysLeft, reviewWindowOf(kind, policy)) };
  };

  const trialMeasureFor = new Set<string>();
  for (const m of state.measures.values()) {
    if (!isTracked(m.kind) || annulled.has(m.id)) continue;
    // Only subjects the ledger (or the office partition) holds: a measure another office recorded
    // about a cadre of a third office is not on this board.
    if (m.subjectType === 'cadre' ? !state.cadres.has(m.subjectId) : !state.units.has(m.subjectId)) continue;
    if (m.subjectType === 'cadre' && (m.kind === 'trialPeriod' || m.kind === 'trialExtension')) trialMeasureFor.add(m.subjectId);
    if (m.outcome !== undefined || m.startsOn > refDate) continue;
    if (m.subjectType === 'cadre' && exited(m.subjectId)) continue;
    const review = reviewDateOf(m, policy);
    items.push({
      id: m.id,
      measureId: m.id,
      subject: { type: m.subjectType, id: m.subjectId },
      ...subjectFacts(m.subjectType, m.subjectId),
      kind: m.kind,
      startsOn: m.startsOn,
      reviewDate: review.date,
      reviewDateDefaulted: review.defaulted,
      ...withDays(m.kind, review.date),
      note: m.note ?? '',
      missingReviewDate: m.kind === 'transitionalPlacement' && review.date === null,
    });
  }
  // Trial periods known only from the cadre record (试用期满 column), until a measure records one.
  for (const c of state.cadres.values()) {
    if (!c.trialEndsOn || trialMeasureFor.has(c.id)) continue;
    if (c.appointedOn && c.appointedOn > refDate) continue;
    if (exited(c.id)) continue;
    items.push({
      id: `trial:${c.id}`,
      measureId: null,
      subject: { type: 'cadre', id: c.id },
      ...subjectFacts('cadre', c.id),
      kind: 'trialPeriod',
      startsOn: c.appointedOn ?? null,
      reviewDate: c.trialEndsOn,
      reviewDateDefaulted: false,
      ...withDays('trialPeriod', c.trialEndsOn),
      note: '',
      missingReviewDate: false,
    });
  }
  return items.sort(byUrgency);
}

/** Overdue first, then due soon; the fewest days left first. */
const byUrgency = (a: TrackerItem, b: TrackerItem) =>
  severity[a.status] - severity[b.status] ||
  (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) ||
  a.subjectName.localeCompare(b.subjectName, 'zh-Hans-CN') ||
  a.id.localeCompare(b.id);

export function teamView(state: LedgerState, engine: ViewEngine, month: string, items: TrackerItem[], unitId?: string): TeamView {
  const ranking: UnitStanding[] = engine.unitRanking(state, month).map((r) => ({
    ...r,
    unitName: state.units.get(r.unitId)?.name ?? r.unitId,
  }));
  const standingOf = new Map(ranking.map((r) => [r.unitId, r]));
  // One entry per unit: a team warning usually comes with its probation, which carries the review
  // date, so the probation is the one shown.
  const teamItems: TrackerItem[] = [];
  const seen = new Set<string>();
  const candidates = items
    .filter((i) => i.subject.type === 'unit' && (i.kind === 'warning' || i.kind === 'probation') && (!unitId || i.subject.id === unitId))
    .sort((a, b) => (a.kind === 'probation' ? 0 : 1) - (b.kind === 'probation' ? 0 : 1));
  for (const i of candidates) {
    if (seen.has(i.subject.id)) continue;
    seen.add(i.subject.id);
    teamItems.push(i);
  }
  const memberIds: string[] = [];
  const watched = new Set(teamItems.map((i) => i.subject.id));
  for (const c of state.cadres.values()) if (watched.has(c.unitId)) memberIds.push(c.id);
  const monthRank = teamItems.length > 0 ? engine.monthRanks(state, month, memberIds) : new Map<string, RankEvidence>();
  const annulled = annulledIds(state.clearances.values());
  const scoreOf = new Map<string, number>();
  if (teamItems.length > 0) {
    for (const s of scoresInMonth(state.scores, month)) if (!annulled.has(s.id)) scoreOf.set(s.cadreId, s.score);
  }
  return {
    month,
    ranking,
    underWatch: teamItems.map((i) => ({
      measureId: i.measureId ?? i.id,
      unitId: i.subject.id,
      unitName: i.subjectName,
      kind: i.kind,
      startsOn: i.startsOn ?? '',
      reviewDate: i.reviewDate,
      daysLeft: i.daysLeft,
      status: i.status,
      standing: standingOf.get(i.subject.id) ?? null,
      members: [...state.cadres.values()]
        .filter((c) => c.unitId === i.subject.id)
        .map((c) => {
          const r = monthRank.get(c.id);
          return {
            cadreId: c.id,
            name: c.name,
            position: c.position ?? '',
            score: scoreOf.get(c.id) ?? null,
            rank: r?.rank ?? null,
            n: r?.n ?? null,
            third: r?.third ?? 'none',
          };
        })
        .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'zh-Hans-CN')),
    })),
  };
}

export interface BoardQuery {
  asOf: string;
  today: string;
  filters?: TrackerFilters;
}

export function trackerBoard(state: LedgerState, engine: ViewEngine, q: BoardQuery): TrackerBoard {
  const refDate = referenceDate(q.asOf);
  const f = q.filters ?? {};
  const scoped = trackedItems(state, refDate).filter(
    (i) => (!f.unitId || i.unitId === f.unitId) && (!f.kinds?.length || f.kinds.includes(i.kind)),
  );
  const counts = { onTrack: 0, dueSoon: 0, overdue: 0 };
  for (const i of scoped) counts[i.status]++;
  const items = scoped.filter((i) => !f.statuses?.length || f.statuses.includes(i.status));
  return {
    asOf: q.asOf,
    referenceDate: refDate,
    items,
    counts,
    team: teamView(state, engine, q.asOf, scoped, f.unitId),
    faults: faultRows(state, { refDate, unitId: f.unitId, awaitingOnly: true }),
    checkInsDue: checkInsDue(state, engine, q.asOf, refDate, f.unitId),
  };
}

/** Plans whose check-in talk is overdue: the `rehab.checkin-due` findings of their cadres. */
export function checkInsDue(state: LedgerState, engine: ViewEngine, asOf: string, refDate: string, unitId?: string): CheckInDue[] {
  const cadres = new Set<string>();
  for (const p of state.rehabPlans.values()) if (p.status === 'active' && p.startsOn <= refDate) cadres.add(p.cadreId);
  const out: CheckInDue[] = [];
  for (const cadreId of cadres) {
    const cadre = state.cadres.get(cadreId);
    if (!cadre || (unitId && cadre.unitId !== unitId)) continue;
    for (const f of engine.evaluate(state, asOf, { type: 'cadre', id: cadreId })) {
      if (f.rule !== 'rehab.checkin-due' || f.subject.id !== cadreId) continue;
      const planId = String(f.suggestion.params.planId);
      const dueOn = String(f.suggestion.params.dueOn);
      out.push({
        planId,
        cadreId,
        cadreName: cadre.name,
        unitId: cadre.unitId,
        unitName: state.units.get(cadre.unitId)?.name ?? null,
        mentor: state.rehabPlans.get(planId)?.mentor ?? '',
        lastContact: String(f.suggestion.params.lastContact),
        dueOn,
        daysOverdue: Math.max(0, daysBetween(dueOn, refDate)),
        findingKey: f.key,
      });
    }
  }
  return out.sort(byDaysOverdue);
}

const byDaysOverdue = (a: CheckInDue, b: CheckInDue) => b.daysOverdue - a.daysOverdue || a.planId.localeCompare(b.planId);

/**
 * The board of one office, or of every office the ledger holds: each office's board from its own
 * partition (its cadres and units, its policy's review windows, its units ranked among its own),
 * put together — the New Area's tracker under each township, or all of them.
 */
export function officeTrackerBoard(state: LedgerState, engine: ViewEngine, q: BoardQuery, office?: string): TrackerBoard {
  const offices = office !== undefined ? [office] : engine.offices(state);
  const boards = offices.map((o) => trackerBoard(engine.partition(state, o), engine, q));
  if (boards.length === 1) return boards[0];
  const [first] = boards;
  const counts = { onTrack: 0, dueSoon: 0, overdue: 0 };
  for (const b of boards) for (const k of trackerStatuses) counts[k] += b.counts[k];
  return {
    asOf: first.asOf,
    referenceDate: first.referenceDate,
    items: boards.flatMap((b) => b.items).sort(byUrgency),
    counts,
    team: {
      month: first.team.month,
      ranking: boards.flatMap((b) => b.team.ranking),
      underWatch: boards.flatMap((b) => b.team.underWatch),
    },
    faults: boards.flatMap((b) => b.faults).sort(faultOrder),
    checkInsDue: boards.flatMap((b) => b.checkInsDue).sort(byDaysOverdue),
  };
}

export class TrackerInputError extends Error {
  constructor(
    readonly field: string,
    readonly bilingual: { zh: string; en: string },
    /** The LedgerError code; by default VALIDATION for dates, NOT_FOUND otherwise. */
    readonly code?: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT',
  ) {
    super(bilingual.en);
  }
}

/** The outcomes each closable kind takes: trials are confirmed or extended, the rest improve or not. */
const outcomesOf: Record<TrackedKind, readonly MeasureOutcome[]> = {
  warning: ['improved', 'notImproved'],
  probation: ['improved', 'notImproved'],
  transitionalPlacement: ['improved', 'notImproved'],
  inquiry: ['improved', 'notImproved'],
  trialPeriod: ['confirmed', 'extended', 'notImproved'],
  trialExtension: ['confirmed', 'extended', 'notImproved'],
};

export interface CloseInput {
  measureId?: string;
  trialOf?: string;
  outcome: MeasureOutcome;
  endsOn?: string;
  note?: string;
}

const outcomeZh: Record<MeasureOutcome, string> = {
  improved: '已改进',
  notImproved: '未改进',
  confirmed: '正式任职',
  extended: '延长',
};

/**
 * The measure with its outcome recorded (and its end date, if it had none: the reference date),
 * plus, for notImproved, the next ladder step pre-filled; for an extended trial, the extension.
 */
export function closeTracked(state: LedgerState, input: CloseInput, today: string): { measure: Measure; nextStep: NextStep | null } {
  let measure: Measure;
  if (input.trialOf) {
    const cadre = state.cadres.get(input.trialOf);
    if (!cadre) throw new TrackerInputError('trialOf', { zh: `干部“${input.trialOf}”不存在`, en: `unknown cadre "${input.trialOf}"` });
    if (!cadre.trialEndsOn) {
      throw new TrackerInputError('trialOf', { zh: '该干部没有试用期记录', en: 'this cadre has no trial period on record' });
    }
    measure = {
      id: nextSequentialId(state.measures.keys(), 'M'),
      subjectType: 'cadre',
      subjectId: cadre.id,
      kind: 'trialPeriod',
      startsOn: cadre.appointedOn ?? addMonths(cadre.trialEndsOn, -12),
      endsOn: input.endsOn ?? cadre.trialEndsOn,
      outcome: input.outcome,
      note: input.note ?? '',
    };
  } else {
    const found = state.measures.get(input.measureId ?? '');
    if (!found) {
      throw new TrackerInputError('measureId', { zh: `措施“${input.measureId}”不存在`, en: `unknown measure "${input.measureId}"` });
    }
    if (!isTracked(found.kind)) {
      throw new TrackerInputError(
        'measureId',
        { zh: `${measureLabels[found.kind].zh}没有办结结果，不能在台账中办结`, en: `a ${measureLabels[found.kind].en} has no outcome to record` },
        'VALIDATION',
      );
    }
    if (found.outcome) {
      throw new TrackerInputError(
        'measureId',
        { zh: `该措施已办结（结果：${outcomeZh[found.outcome]}）`, en: `this measure is already closed (${found.outcome})` },
        'CONFLICT',
      );
    }
    if (!outcomesOf[found.kind].includes(input.outcome)) {
      throw new TrackerInputError(
        'outcome',
        { zh: `${measureLabels[found.kind].zh}的结果只能是：${outcomesOf[found.kind].map((o) => outcomeZh[o]).join('、')}`, en: `a ${measureLabels[found.kind].en} ends ${outcomesOf[found.kind].join(' / ')}` },
        'VALIDATION',
      );
    }
    const endsOn = input.endsOn ?? found.endsOn ?? (today < found.startsOn ? found.startsOn : today);
    const note = input.note ? (found.note ? `${found.note}\n${input.note}` : input.note) : found.note;
    measure = { ...found, endsOn, outcome: input.outcome, note };
  }
  if (measure.endsOn && measure.endsOn < measure.startsOn) {
    throw new TrackerInputError('endsOn', { zh: '结束日期不能早于开始日期', en: 'the end date cannot be before the start date' });
  }
  const members =
    measure.subjectType === 'unit'
      ? [...state.cadres.values()]
          .filter((c) => c.unitId === measure.subjectId)
          .map((c) => ({ cadreId: c.id, name: c.name, position: c.position ?? '' }))
          .sort((a, b) => a.cadreId.localeCompare(b.cadreId))
      : [];
  return { measure, nextStep: nextStepAfter(measure, today, policyAt(state, today.slice(0, 7)), members) };
}

/**
 * What may follow a closed measure: for notImproved every remaining rung of the subject's ladder
 * (each kind pre-filled, the next rung's first kind as `kind/draft`); for a team, its members, to
 * name in the team measure or to give individual measures of the cadre ladder after probation.
 * For an extended trial, the extension.
 */
export function nextStepAfter(
  closed: Measure,
  today: string,
  policy: PolicyVersion = defaultPolicy,
  members: NextStep['members'] = [],
): NextStep | null {
  let rungs: MeasureKind[][];
  if (closed.outcome === 'notImproved') {
    rungs = remainingRungs(closed.kind, closed.subjectType, policy);
    if (rungs.length === 0 || !nextLadderStep(closed.kind, closed.subjectType, policy)) return null;
  } else if (closed.outcome === 'extended' && (closed.kind === 'trialPeriod' || closed.kind === 'trialExtension')) {
    rungs = [['trialExtension']];
  } else {
    return null;
  }
  const startsOn = today;
  const note = `${measureLabels[closed.kind].zh}（${closed.id}）结果：${outcomeZh[closed.outcome!]}`;
  const draftOf = (kind: MeasureKind): MeasureDraft => {
    const months = kind === 'probation' ? policy.probation.months : undefined;
    return {
      subjectType: closed.subjectType,
      subjectId: closed.subjectId,
      kind,
      startsOn,
      ...(months ? { endsOn: addDays(addMonths(startsOn, months), -1) } : {}),
      note,
    };
  };
  const options = rungs.flatMap((kinds, i) => kinds.map((kind) => ({ rung: i + 1, kind, draft: draftOf(kind) })));
  const [first, ...alternatives] = rungs[0];
  const memberKinds = closed.subjectType === 'unit' ? remainingRungs('probation', 'cadre', policy).flat() : [];
  return { kind: first, alternatives, draft: options[0].draft, options, members, memberKinds };
}

export { referenceDate };
