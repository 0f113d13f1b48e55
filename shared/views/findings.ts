// Findings as an officer works through them: the engine's findings for a month, minus those an
// officer dismissed or already acted on, each marked new if it was not there the month before.
import type { FindingRow, FindingsList, MeasureDraft, MonthOverview } from '../contract/findings';
import type { Finding } from '../domain/findings';
import { measureKinds, type Measure, type MeasureKind, type Subject } from '../domain/records';
import { annulledIds } from '../domain/status';
import type { LedgerState } from '../ledger/collections';
import { addDays, addMonths, previousMonth, recordingDate } from './dates';
import { nextSequentialId } from '../ledger/ids';
import { withPlacementReview } from './placementReview';
import type { ViewEngine } from './viewEngine';

/** Ladder lengths used when a suggestion names a measure but no end (DOMAIN.md §4.3). */
const defaultMonths: Partial<Record<MeasureKind, number>> = { probation: 3, warning: 3 };

const isMeasureKind = (kind: string): kind is MeasureKind => (measureKinds as readonly string[]).includes(kind);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The measure a finding suggests, pre-filled to start on the reference date; null if not a
 * measure. A length in months ends on the period's last day (3 months from 03-20 → 06-19), as the
 * engine counts a probation without an end date.
 */
export function suggestedMeasure(finding: Finding, refDate: string): MeasureDraft | null {
  const kind = finding.suggestion.kind;
  if (!isMeasureKind(kind)) return null;
  const params = finding.suggestion.params ?? {};
  const months = typeof params.months === 'number' ? params.months : defaultMonths[kind];
  const endsOn = isDate(params.endsOn)
    ? params.endsOn
    : isDate(params.until)
      ? params.until
      : months
        ? addDays(addMonths(refDate, months), -1)
        : undefined;
  return {
    subjectType: finding.subject.type,
    subjectId: finding.subject.id,
    kind,
    startsOn: refDate,
    ...(endsOn ? { endsOn } : {}),
    note: finding.explanation.zh.slice(0, 1000),
  };
}

/** Finding keys an officer has handled: dismissed, or acted on with a measure that still counts. */
export function handledKeys(state: LedgerState): { dismissed: Set<string>; acted: Set<string> } {
  const dismissed = new Set<string>();
  for (const d of state.dismissals.values()) dismissed.add(d.findingKey);
  const annulled = annulledIds(state.clearances.values());
  const acted = new Set<string>();
  for (const m of state.measures.values()) if (m.findingKey && !annulled.has(m.id)) acted.add(m.findingKey);
  return { dismissed, acted };
}

function subjectInfo(state: LedgerState, subject: Subject) {
  if (subject.type === 'cadre') {
    const cadre = state.cadres.get(subject.id);
    const unit = cadre ? state.units.get(cadre.unitId) : undefined;
    return {
      subjectName: cadre?.name ?? subject.id,
      unitId: cadre?.unitId ?? null,
      unitName: unit?.name ?? null,
    };
  }
  const unit = state.units.get(subject.id);
  return { subjectName: unit?.name ?? subject.id, unitId: subject.id, unitName: unit?.name ?? null };
}

export interface FindingsQuery {
  asOf: string;
  today: string;
  subject?: Subject;
}

export function listFindings(state: LedgerState, engine: ViewEngine, q: FindingsQuery): FindingsList {
  const prev = previousMonth(q.asOf);
  const refDate = recordingDate(q.asOf, q.today);
  const current = engine.evaluate(state, q.asOf, q.subject);
  const before = new Set(engine.evaluate(state, prev, q.subject).map((f) => f.key));
  const { dismissed, acted } = handledKeys(state);
  const items: FindingRow[] = [];
  let dismissedCount = 0;
  let actedCount = 0;
  for (const f of current) {
    if (q.subject && (f.subject.type !== q.subject.type || f.subject.id !== q.subject.id)) continue;
    if (dismissed.has(f.key)) {
      dismissedCount++;
      continue;
    }
    if (acted.has(f.key)) {
      actedCount++;
      continue;
    }
    items.push({
      ...f,
      isNew: !before.has(f.key),
      ...subjectInfo(state, f.subject),
      suggestedMeasure: suggestedMeasure(f, refDate),
    });
  }
  return { asOf: q.asOf, previousMonth: prev, items, dismissedCount, actedCount };
}

export function monthOverview(list: FindingsList): MonthOverview {
  const byRule = new Map<string, { rule: string; count: number; newCount: number }>();
  for (const f of list.items) {
    const row = byRule.get(f.rule) ?? { rule: f.rule, count: 0, newCount: 0 };
    row.count++;
    if (f.isNew) row.newCount++;
    byRule.set(f.rule, row);
  }
  const newItems = list.items.filter((f) => f.isNew);
  return {
    asOf: list.asOf,
    previousMonth: list.previousMonth,
    total: list.items.length,
    newCount: newItems.length,
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    newItems,
    dismissedCount: list.dismissedCount,
    actedCount: list.actedCount,
  };
}

/**
 * The measure recorded from a finding: its suggestion, overridden by what the officer changed in
 * the form. The caller validates it (measureSchema) and checks references before committing.
 */
export function measureFromFinding(
  state: LedgerState,
  finding: Finding,
  refDate: string,
  overrides: Partial<MeasureDraft> & { id?: string },
): Measure {
  const suggested = suggestedMeasure(finding, refDate);
  const { id, ...fields } = overrides;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const draft = { ...(suggested ?? { subjectType: finding.subject.type, subjectId: finding.subject.id, startsOn: refDate, note: '' }), ...defined } as MeasureDraft;
  // A transitional placement gets its review date from policy when none is given (the tracker reminds).
  return withPlacementReview(state, {
    ...draft,
    id: id ?? nextSequentialId(state.measures.keys(), 'M'),
    findingKey: finding.key,
  } as Measure);
}

/**
 * The release (解除) a `sanction.release-due` finding asks for, pre-filled: the sanction, the
 * period's last day and the release dated on the reference date (never before the period ended).
 */
export function releaseDraft(finding: Finding, refDate: string): { sanctionId: string; periodEndedOn: string; releasedOn: string; documentNo: string } | null {
  if (finding.rule !== 'sanction.release-due') return null;
  const sanctionId = String(finding.suggestion.params.sanctionId);
  const periodEndedOn = String(finding.suggestion.params.periodEndedOn);
  return { sanctionId, periodEndedOn, releasedOn: refDate, documentNo: '' };
}
