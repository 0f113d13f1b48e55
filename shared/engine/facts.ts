// Facts about one cadre that several rules share: the trial period and its current end, the last
// graded year, whether the cadre has left, which measures count as already acting.
import type { AnnualGrade, AnnualGradeValue, Measure, MeasureKind, MeasureOutcome } from '../domain/records';
import type { IsoDate } from '../domain/primitives';
import { monthIndex } from './calendar';
import { gradeCode } from './columns/gradeTable';
import { kindMask, type LedgerIndex } from './ledgerIndex';
import { scheduledLastDay } from './periods';
import { THIRD_BOTTOM } from './ranking';
import { runEndingAt, runSinceLastAction, thirdIn } from './streaks';

/** Grades from best to worst; `ungraded` is outside the order. */
export const gradeOrder: Record<Exclude<AnnualGradeValue, 'ungraded'>, number> = {
  excellent: 0,
  competent: 1,
  basic: 2,
  incompetent: 3,
};

/** "Last graded year" at `year`: the latest year ≤ year with a grade other than ungraded. */
export function lastGraded(index: LedgerIndex, c: number, year: number): AnnualGrade | undefined {
  return index.lastGradedAt(c, year);
}

/** The cadre's grade record for `year`, if any (and not cleared). */
export function gradeOf(index: LedgerIndex, c: number, year: number): AnnualGrade | undefined {
  return index.gradeAt(c, year);
}

/** The id of the cadre's grade record for `year` (evidence that cites it needs no record). */
export function gradeIdOf(index: LedgerIndex, c: number, year: number): string | undefined {
  return index.gradeIdAt(c, year);
}

/** The cadre's grade for `year` (the value only: a rule deciding on it needs no record). */
export function gradeValueOf(index: LedgerIndex, c: number, year: number): AnnualGradeValue | undefined {
  return index.gradeValueAt(c, year);
}

/** How many consecutive years ending at `year` have grade `grade`. */
export function gradeRun(index: LedgerIndex, c: number, year: number, grade: AnnualGradeValue): number {
  const code = gradeCode[grade];
  let n = 0;
  while (index.gradeCodeAt(c, year - n) === code) n++;
  return n;
}

const exitMask = kindMask(['dismissal', 'retirement', 'immediateExit']);

/** Whether the cadre has left (dismissal, retirement, immediate exit started by the cutoff). */
export function hasExited(index: LedgerIndex, c: number): boolean {
  return index.cadreHas(c, exitMask);
}

/** Month indexes of the cadre's measures of the given kinds. */
export function measureMonths(measures: readonly Measure[] | undefined, kinds: readonly MeasureKind[]): number[] {
  if (!measures) return [];
  const out: number[] = [];
  for (const m of measures) if (kinds.includes(m.kind)) out.push(monthIndex(m.startsOn));
  return out;
}

/**
 * The cadre's current trial period (试用期) — see DECISIONS.md:
 * the latest trialPeriod measure (end: its end date, else the cadre's trialEndsOn, else the policy
 * length), or without one the cadre's own trialEndsOn; a later trialExtension measure replaces it
 * as the current stretch (its end date and outcome). An outcome on the current stretch decides it.
 */
export interface TrialStretch {
  /** The record the stretch comes from: a measure id, or the cadre id for the cadre's own date. */
  recordId: string;
  source: 'trialPeriod' | 'trialExtension' | 'cadre';
  start?: IsoDate;
  /** Last day of the stretch; undefined for an extension recorded without an end date. */
  lastDay?: IsoDate;
  outcome?: MeasureOutcome;
}

export function currentTrial(index: LedgerIndex, c: number): TrialStretch | undefined {
  const cadre = index.cadres[c];
  const measures = index.measuresOf(c);
  let base: TrialStretch | undefined;
  let trialMeasure: Measure | undefined;
  if (measures) for (const m of measures) if (m.kind === 'trialPeriod') trialMeasure = m;
  if (trialMeasure) {
    const months = index.policyAt(trialMeasure.startsOn.slice(0, 7)).trial.months;
    const fromCadre = cadre.trialEndsOn && cadre.trialEndsOn >= trialMeasure.startsOn ? cadre.trialEndsOn : undefined;
    base = {
      recordId: trialMeasure.id,
      source: 'trialPeriod',
      start: trialMeasure.startsOn,
      lastDay: trialMeasure.endsOn ?? fromCadre ?? scheduledLastDay(trialMeasure, months),
      outcome: trialMeasure.outcome,
    };
  } else if (cadre.trialEndsOn) {
    if (cadre.appointedOn && index.cutoffDay && cadre.appointedOn > index.cutoffDay) return undefined;
    base = { recordId: cadre.id, source: 'cadre', start: cadre.appointedOn, lastDay: cadre.trialEndsOn };
  }
  let extension: Measure | undefined;
  if (measures) {
    for (const m of measures) {
      if (m.kind !== 'trialExtension') continue;
      if (base?.start && m.startsOn < base.start) continue;
      extension = m;
    }
  }
  if (extension) {
    return { recordId: extension.id, source: 'trialExtension', start: extension.startsOn, lastDay: extension.endsOn, outcome: extension.outcome };
  }
  return base;
}

/**
 * The cadre's run of bottom-third months ending at `month`, counted from the month after the last
 * measure of the `acted` kinds (`actedMask` = kindMask(acted)), when it is at least `need` months
 * long; else undefined. The warning and the placement rules differ only in `need` and `acted`.
 */
export function unactedBottomRun(
  index: LedgerIndex,
  c: number,
  month: number,
  need: number,
  acted: readonly MeasureKind[],
  actedMask: number,
): { start: number; length: number } | undefined {
  if (thirdIn(index.thirds, c, month) !== THIRD_BOTTOM) return undefined;
  const streak = runEndingAt(index.thirds, c, month, THIRD_BOTTOM);
  if (streak < need) return undefined;
  const run = runSinceLastAction(streak, month, index.cadreHas(c, actedMask) ? measureMonths(index.measuresOf(c), acted) : []);
  return run.length < need ? undefined : run;
}
