// Name clearing (澄清正名): what a cleared (or revoked) record applied while it stood, so that the
// office can restore it, and the model of the clearance notice (澄清正名通知书). The effects are
// computed on the ledger without that one clearance, from the record's date to the clearance's
// date, with the engine's own periods and bars (DECISIONS.md 43) — never by deleting history.
import type { ClearanceEffect, ClearanceEffects } from '../contract/casefile';
import type { Bilingual } from '../domain/primitives';
import type { Clearance, FaultRecord, Measure, Sanction } from '../domain/records';
import { emptyLedgerState, type LedgerState } from '../ledger/collections';
import { LedgerIndex } from '../engine';
import { monthIndex, monthFromIndex } from '../engine/calendar';
import { gradeLabels, measureLabels, sanctionLabels } from '../engine/labels';
import { lastMonthOf } from '../engine/periods';
import type { GradeLimit } from '../policy';
import { faultDeductionOf } from './faults';
import { policyAt } from './ladder';
import { withPoliciesOf } from './officeScope';

type Allegation =
  | { collection: 'sanctions'; record: Sanction; kindLabel: Bilingual; date: string }
  | { collection: 'faults'; record: FaultRecord; kindLabel: Bilingual; date: string }
  | { collection: 'measures'; record: Measure; kindLabel: Bilingual; date: string };

export function allegationOf(state: LedgerState, recordId: string): Allegation | undefined {
  const s = state.sanctions.get(recordId);
  if (s) return { collection: 'sanctions', record: s, kindLabel: sanctionLabels[s.kind], date: s.decidedOn };
  const f = state.faults.get(recordId);
  if (f) return { collection: 'faults', record: f, kindLabel: { zh: '过错', en: 'fault' }, date: f.date };
  const m = state.measures.get(recordId);
  if (m) return { collection: 'measures', record: m, kindLabel: measureLabels[m.kind], date: m.startsOn };
  return undefined;
}

const limitText: Record<GradeLimit, Bilingual> = {
  notExcellent: { zh: '不得评为优秀', en: 'not excellent' },
  ungraded: { zh: '不定等次', en: 'not graded' },
  incompetent: { zh: '定为不称职', en: `graded ${gradeLabels.incompetent.en}` },
};

/** Consecutive month runs of the same percent: [[from, to, percent]]. */
function runs(months: Array<[string, number]>): Array<[string, string, number, string[]]> {
  const out: Array<[string, string, number, string[]]> = [];
  for (const [m, pct] of months) {
    const last = out.at(-1);
    if (last && last[2] === pct && monthIndex(last[1]) + 1 === monthIndex(m)) {
      last[1] = m;
      last[3].push(m);
    } else out.push([m, m, pct, [m]]);
  }
  return out;
}

/**
 * The ledger as it was for one cadre before `withoutClearance`: the cadre's own sanctions, measures,
 * faults and clearances (less that one) and the policies. Periods, bars, deductions and honours are
 * the cadre's own (no ranking), so this small ledger gives the engine's answers at a fraction of
 * the cost of the whole one.
 */
function cadreLedger(state: LedgerState, cadreId: string, withoutClearance: string): LedgerState {
  const cadre = state.cadres.get(cadreId);
  const own = <T extends { id: string }>(items: Map<string, T>, mine: (r: T) => boolean) => {
    const out = new Map<string, T>();
    for (const r of items.values()) if (mine(r)) out.set(r.id, r);
    return out;
  };
  const empty = emptyLedgerState();
  return {
    ...empty,
    units: state.units,
    cadres: cadre ? new Map([[cadre.id, cadre]]) : new Map(),
    sanctions: own(state.sanctions, (r) => r.cadreId === cadreId),
    measures: own(state.measures, (m) => m.subjectType === 'cadre' && m.subjectId === cadreId),
    faults: own(state.faults, (r) => r.cadreId === cadreId),
    clearances: own(state.clearances, (c) => c.cadreId === cadreId && c.id !== withoutClearance),
    policies: state.policies,
  };
}

/** What the record named by `clearance` applied from its date until the clearance's date. */
export function clearanceEffectsOf(whole: LedgerState, clearance: Clearance): ClearanceEffects | null {
  // The policy of the cadre's own office (at the New Area: its township's timeline).
  const state = withPoliciesOf(whole, { type: 'cadre', id: clearance.cadreId });
  const a = allegationOf(state, clearance.recordId);
  if (!a) return null;
  const until = clearance.date > a.date ? clearance.date : a.date;
  const asOf = until.slice(0, 7);
  const index = new LedgerIndex(cadreLedger(state, clearance.cadreId, clearance.id), { asOf });
  const c = index.cadreIndex.get(clearance.cadreId);
  const effects: ClearanceEffect[] = [];
  const policy = policyAt(state, a.date.slice(0, 7));
  const year = Number(a.date.slice(0, 4));

  if (a.collection === 'sanctions' && c !== undefined) {
    const period = index.impactPeriodsOf(c).find((p) => p.sanctionId === a.record.id);
    if (period) {
      const last = Math.min(monthIndex(lastMonthOf(period.end)), monthIndex(asOf));
      const months: Array<[string, number]> = [];
      for (let m = monthIndex(period.start.slice(0, 7)); m <= last; m++) {
        const pct = index.policyAtIndex(m).salaryDeductionPercent[a.record.kind];
        if (pct > 0) months.push([monthFromIndex(m), pct]);
      }
      for (const [from, to, percent, list] of runs(months)) {
        effects.push({
          type: 'salaryDeduction',
          months: list,
          percent,
          text: {
            zh: `${from === to ? from : `${from} 至 ${to}`} 共${list.length}个月绩效工资按${percent}%扣发`,
            en: `performance pay deducted at ${percent}% for ${list.length} month(s), ${from === to ? from : `${from} to ${to}`}`,
          },
        });
      }
    }
    effects.push({
      type: 'honoursWithheld',
      years: [year],
      text: { zh: `${year}年度不得评优评先`, en: `no honours in ${year}` },
    });
  }
  if (a.collection === 'measures' && policy.honours.disqualifyingMeasures.includes(a.record.kind)) {
    effects.push({ type: 'honoursWithheld', years: [year], text: { zh: `${year}年度不得评优评先`, en: `no honours in ${year}` } });
  }
  if (a.collection !== 'faults' && c !== undefined) {
    for (const b of index.promotionBarsOf(c)) {
      if (b.recordId !== a.record.id) continue;
      const cut = clearance.date < b.until;
      effects.push({
        type: 'promotionBar',
        from: b.start,
        until: b.until,
        text: {
          zh: `${b.start}起不得提拔至 ${b.until}${cut ? `（${clearance.date}澄清，此后不再限制）` : ''}`,
          en: `barred from promotion from ${b.start} until ${b.until}${cut ? ` (lifted by the clearance on ${clearance.date})` : ''}`,
        },
      });
    }
  }
  const rule =
    a.collection === 'sanctions' ? policy.gradeLimits.sanctions[a.record.kind] : a.collection === 'measures' ? policy.gradeLimits.measures[a.record.kind] : undefined;
  if (rule) {
    for (const [y, limit] of [
      [year, rule.sameYear],
      [year + 1, rule.nextYear],
    ] as const) {
      if (!limit || `${y}-01-01` > until) continue;
      effects.push({ type: 'gradeLimit', years: [y], limit, text: { zh: `${y}年度考核${limitText[limit].zh}`, en: `${y} annual grade: ${limitText[limit].en}` } });
    }
  }
  if (a.collection === 'faults') {
    const d = faultDeductionOf(a.record, policy, false);
    if (d.amount > 0) {
      effects.push({
        type: 'faultDeduction',
        amount: d.amount,
        text: { zh: `过错扣减${d.amount}${d.unit.zh}（标准${d.standardAmount}${d.unit.zh}×${d.factor}）`, en: `fault deduction of ${d.amount} ${d.unit.en} (standard ${d.standardAmount} × ${d.factor})` },
      });
    }
  }
  // Measures recorded from findings the record fed (their keys end with the record's id).
  for (const m of state.measures.values()) {
    if (!m.findingKey || !m.findingKey.endsWith(`|${a.record.id}`) || m.id === a.record.id) continue;
    effects.push({
      type: 'ladderStep',
      measureId: m.id,
      measureKind: m.kind,
      from: m.startsOn,
      text: { zh: `由此记录引起的${measureLabels[m.kind].zh}（${m.id}，${m.startsOn}）`, en: `${measureLabels[m.kind].en} (${m.id}, ${m.startsOn}) recorded because of it` },
    });
  }
  return {
    clearance,
    collection: a.collection,
    record: a.record as unknown as Record<string, unknown>,
    recordKind: a.collection === 'faults' ? 'fault' : (a.record as Sanction | Measure).kind,
    recordDate: a.date,
    effects,
  };
}

/** Every clearance of the cadre with its effects, newest first. */
export function clearanceEffectsForCadre(state: LedgerState, cadreId: string): ClearanceEffects[] {
  const out: ClearanceEffects[] = [];
  for (const c of state.clearances.values()) {
    if (c.cadreId !== cadreId) continue;
    const e = clearanceEffectsOf(state, c);
    if (e) out.push(e);
  }
  return out.sort((a, b) => (a.clearance.date < b.clearance.date ? 1 : a.clearance.date > b.clearance.date ? -1 : a.clearance.id.localeCompare(b.clearance.id)));
}

// ---- the clearance notice (澄清正名通知书) ---------------------------------------------------

export interface ClearanceNoticeModel {
  clearanceId: string;
  /** clearance (澄清正名) or revocation (撤销). */
  kind: Clearance['kind'];
  documentNo: string;
  /** The clearance's date. */
  date: string;
  cadre: { id: string; name: string; unitName: string; position: string };
  allegation: {
    collection: 'sanctions' | 'faults' | 'measures';
    recordId: string;
    kind: string;
    kindLabel: Bilingual;
    date: string;
    documentNo: string;
    /** The sanction's reason, the fault's description, the measure's note. */
    summary: string;
  };
  verification: { verifiedBy: string; verifiedOn: string };
  scope: string;
  note: string;
  /** What it applied while it stood, in words (to restore). */
  effects: Bilingual[];
  /** The day the notice is printed. */
  today: string;
  /** `<notice name>-<cadre name>-<clearance id>.docx`, as the other notices. */
  fileName: string;
}

export class ClearanceNotFound extends Error {
  constructor(readonly clearanceId: string) {
    super(`unknown clearance ${clearanceId}`);
  }
}

/** Plain data for the notice (electron/documents/clearanceNotice.ts renders it). */
export function clearanceNoticeModel(state: LedgerState, clearanceId: string, today: string): ClearanceNoticeModel {
  const clearance = state.clearances.get(clearanceId);
  if (!clearance) throw new ClearanceNotFound(clearanceId);
  const cadre = state.cadres.get(clearance.cadreId);
  const a = allegationOf(state, clearance.recordId);
  const effects = clearanceEffectsOf(state, clearance);
  const summary = !a ? '' : a.collection === 'sanctions' ? a.record.reason : a.collection === 'faults' ? a.record.description : a.record.note;
  const documentNo = a && a.collection !== 'faults' ? (a.record.documentNo ?? '') : '';
  return {
    clearanceId,
    kind: clearance.kind,
    documentNo: clearance.documentNo ?? '',
    date: clearance.date,
    cadre: {
      id: clearance.cadreId,
      name: cadre?.name ?? clearance.cadreId,
      unitName: cadre ? (state.units.get(cadre.unitId)?.name ?? '') : '',
      position: cadre?.position ?? '',
    },
    allegation: {
      collection: a?.collection ?? 'sanctions',
      recordId: clearance.recordId,
      kind: !a ? '' : a.collection === 'faults' ? 'fault' : a.record.kind,
      kindLabel: a?.kindLabel ?? { zh: '', en: '' },
      date: a?.date ?? '',
      documentNo,
      summary,
    },
    verification: { verifiedBy: clearance.verifiedBy ?? '', verifiedOn: clearance.verifiedOn ?? '' },
    scope: clearance.scope ?? '',
    note: clearance.note,
    effects: effects?.effects.map((e) => e.text) ?? [],
    today,
    fileName: `${clearance.kind === 'revocation' ? '撤销决定通知书' : '澄清正名通知书'}-${cadre?.name ?? clearance.cadreId}-${clearanceId}.docx`,
  };
}
