// §4.1a periods: impact periods of sanctions (with administrative stacking and its cap), promotion
// bars, and whether a measure is active in a month. Half-open day ranges [start, end): a period
// "ends on the same day-of-month N months later (exclusive)" and covers a month if it touches any
// day of it.
import type { IsoDate, Month } from '../domain/primitives';
import type { Measure, MeasureKind, Sanction, SanctionKind } from '../domain/records';
import type { PolicyVersion } from '../policy/schema';
import { addDays, addMonthsToDate, firstDayOf, lastDayOf, monthOf } from './calendar';

export interface ImpactPeriod {
  sanctionId: string;
  cadreId: string;
  kind: SanctionKind;
  /** Decision date: the first day of the period. */
  start: IsoDate;
  /** Exclusive end: the first day no longer in the period. */
  end: IsoDate;
  /** The sanction's own length under the policy in force at its decision month. */
  months: number;
  /** Set when decided inside a running administrative period: that period's first sanction. */
  stackedOn?: string;
  /** True when the 48-month (policy) cap shortened the stacked period. */
  capped: boolean;
  releasedOn?: IsoDate;
}

export type PolicyForMonth = (month: Month) => PolicyVersion;

/** Whether [start, endExclusive) touches any day of `month`. */
export function coversMonth(start: IsoDate, endExclusive: IsoDate, month: Month): boolean {
  return start <= lastDayOf(month) && endExclusive > firstDayOf(month);
}

/** The month in which a period with this exclusive end had its last day. */
export function lastMonthOf(endExclusive: IsoDate): Month {
  return monthOf(addDays(endExclusive, -1));
}

/**
 * Impact periods of one cadre's sanctions (already without cleared/revoked ones), in decision
 * order. Each length comes from the policy in force in the decision month. A stacking sanction
 * decided inside a running stacking period ends at that period's end plus its own length, but no
 * later than `capMonths` after the running period's first sanction.
 */
export function impactPeriods(
  sanctions: readonly Sanction[],
  policyAt: PolicyForMonth,
  /** Same-day ties: by id; the ledger index passes its office-independent order (DECISIONS 93). */
  byId: (a: string, b: string) => number = cmp,
): ImpactPeriod[] {
  const sorted = [...sanctions].sort((a, b) => cmp(a.decidedOn, b.decidedOn) || byId(a.id, b.id));
  const out: ImpactPeriod[] = [];
  let chain: { firstId: string; firstDate: IsoDate; end: IsoDate } | undefined;
  for (const s of sorted) {
    const policy = policyAt(monthOf(s.decidedOn));
    const months = policy.impactPeriodMonths[s.kind];
    if (months == null) continue;
    const base = { sanctionId: s.id, cadreId: s.cadreId, kind: s.kind, start: s.decidedOn, months, releasedOn: s.releasedOn };
    if (!policy.stacking.kinds.includes(s.kind)) {
      out.push({ ...base, end: addMonthsToDate(s.decidedOn, months), capped: false });
      continue;
    }
    if (chain && s.decidedOn < chain.end) {
      const uncapped = addMonthsToDate(chain.end, months);
      const cap = addMonthsToDate(chain.firstDate, policy.stacking.capMonths);
      const end = uncapped < cap ? uncapped : cap;
      if (end > chain.end) chain.end = end;
      out.push({ ...base, end, stackedOn: chain.firstId, capped: uncapped > cap });
    } else {
      const uncapped = addMonthsToDate(s.decidedOn, months);
      const cap = addMonthsToDate(s.decidedOn, policy.stacking.capMonths);
      const end = uncapped < cap ? uncapped : cap;
      chain = { firstId: s.id, firstDate: s.decidedOn, end };
      out.push({ ...base, end, capped: uncapped > cap });
    }
  }
  return out;
}

export type PromotionBarReason = 'impactPeriod' | 'afterPartyProbation' | 'admonishment' | 'demotion' | 'removal';

export interface PromotionBar {
  /** The sanction or measure that causes the bar. */
  recordId: string;
  reason: PromotionBarReason;
  kind: SanctionKind | MeasureKind;
  start: IsoDate;
  /** Exclusive: the first day the bar no longer applies. */
  until: IsoDate;
}

const partyProbations: ReadonlySet<string> = new Set(['party.probation1y', 'party.probation2y']);

/**
 * Promotion bars (§4.1a): every impact period; a further period after a party probation's impact
 * period; admonishment, demotion and removal measures for their policy months from their start.
 * Measures must already be without cleared/revoked ones; lengths from the policy in force at the
 * record's month.
 */
export function promotionBars(
  periods: readonly ImpactPeriod[],
  measures: readonly Measure[],
  policyAt: PolicyForMonth,
  /** Ties: by record id; the ledger index passes its office-independent order (DECISIONS 93). */
  byId: (a: string, b: string) => number = cmp,
): PromotionBar[] {
  const out: PromotionBar[] = [];
  for (const p of periods) {
    out.push({ recordId: p.sanctionId, reason: 'impactPeriod', kind: p.kind, start: p.start, until: p.end });
    if (partyProbations.has(p.kind)) {
      const extra = policyAt(monthOf(p.start)).promotionBars.afterPartyProbationMonths;
      out.push({ recordId: p.sanctionId, reason: 'afterPartyProbation', kind: p.kind, start: p.end, until: addMonthsToDate(p.end, extra) });
    }
  }
  for (const m of measures) {
    if (m.subjectType !== 'cadre') continue;
    const bars = policyAt(monthOf(m.startsOn)).promotionBars;
    const months =
      m.kind === 'admonishment' ? bars.admonishmentMonths : m.kind === 'demotion' ? bars.demotionMonths : m.kind === 'removal' ? bars.removalMonths : 0;
    if (!months) continue;
    out.push({ recordId: m.id, reason: m.kind as PromotionBarReason, kind: m.kind, start: m.startsOn, until: addMonthsToDate(m.startsOn, months) });
  }
  return out.sort((a, b) => cmp(a.start, b.start) || cmp(a.until, b.until) || byId(a.recordId, b.recordId) || cmp(a.reason, b.reason));
}

/** Bars in force in `month` (covering any of its days). */
export function barsInMonth(bars: readonly PromotionBar[], month: Month): PromotionBar[] {
  if (!bars.length) return [];
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  return bars.filter((b) => b.start <= last && b.until > first);
}

/** A measure is active in M if it starts by M's last day and has no end or ends on/after M's first day. */
export function measureActiveIn(measure: Pick<Measure, 'startsOn' | 'endsOn'>, month: Month): boolean {
  return measure.startsOn <= lastDayOf(month) && (!measure.endsOn || measure.endsOn >= firstDayOf(month));
}

/**
 * The last day of a measure that must end (probation, trial): its end date, else the policy length
 * from its start (the last day before the same day-of-month `defaultMonths` later).
 */
export function scheduledLastDay(measure: Pick<Measure, 'startsOn' | 'endsOn'>, defaultMonths: number): IsoDate {
  return measure.endsOn ?? addDays(addMonthsToDate(measure.startsOn, defaultMonths), -1);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
