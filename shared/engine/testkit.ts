// Test helpers: a small ledger builder that writes records the way the store holds them, and a
// ranking scenario helper (a peer group whose other members score in the middle, so one cadre's
// monthly position can be set to top, middle or bottom by a pattern string). Used by the rule
// tests; not used by the engine itself.
import type { Finding } from '../domain/findings';
import type {
  AnnualGradeValue,
  Cadre,
  FaultRecord,
  Measure,
  RehabPlan,
  Sanction,
  SanctionKind,
} from '../domain/records';
import { collectionNames, emptyLedgerState, type LedgerState } from '../ledger/collections';
import type { PolicyVersion } from '../policy/schema';
import { addMonthsToMonth } from './calendar';
import { evaluate, type EvaluateOptions } from './index';

/** A deep copy of the state, every collection a plain Map (no change counts, no columns): nothing is kept for it (keptStructures.ts). */
export function plainCopy(state: LedgerState): LedgerState {
  const s: Record<string, Map<string, unknown>> = {};
  for (const c of collectionNames) {
    const m = new Map<string, unknown>();
    (state[c] as ReadonlyMap<string, unknown>).forEach((r, id) => m.set(id, structuredClone(r)));
    s[c] = m;
  }
  return s as unknown as LedgerState;
}

export class LedgerBuilder {
  readonly state: LedgerState = emptyLedgerState();

  unit(id: string, name = `单位${id}`): this {
    this.state.units.set(id, { id, name });
    return this;
  }

  cadre(id: string, fields: Partial<Cadre> = {}): this {
    const unitId = fields.unitId ?? 'U1';
    if (!this.state.units.has(unitId)) this.unit(unitId);
    this.state.cadres.set(id, {
      id,
      name: `干部${id}`,
      unitId,
      peerGroup: 'G',
      position: '',
      rankLevel: '',
      category: 'civilServant',
      leader: false,
      ...fields,
    });
    return this;
  }

  score(cadreId: string, month: string, score: number): this {
    const id = `${cadreId}:${month}`;
    this.state.scores.set(id, { id, cadreId, month, score });
    return this;
  }

  grade(cadreId: string, year: number, grade: AnnualGradeValue): this {
    const id = `${cadreId}:${year}`;
    this.state.grades.set(id, { id, cadreId, year, grade });
    return this;
  }

  sanction(id: string, cadreId: string, kind: SanctionKind, decidedOn: string, extra: Partial<Sanction> = {}): this {
    this.state.sanctions.set(id, { id, cadreId, kind, decidedOn, reason: '', ...extra });
    return this;
  }

  measure(id: string, subjectId: string, kind: Measure['kind'], startsOn: string, extra: Partial<Measure> = {}): this {
    this.state.measures.set(id, { id, subjectType: 'cadre', subjectId, kind, startsOn, note: '', ...extra });
    return this;
  }

  unitMeasure(id: string, unitId: string, kind: Measure['kind'], startsOn: string, extra: Partial<Measure> = {}): this {
    return this.measure(id, unitId, kind, startsOn, { subjectType: 'unit', ...extra });
  }

  fault(id: string, cadreId: string, date: string, flags: Partial<FaultRecord> = {}): this {
    this.state.faults.set(id, {
      id,
      cadreId,
      date,
      intentional: false,
      personalInterest: false,
      violation: false,
      tolerated: false,
      description: '',
      ...flags,
    });
    return this;
  }

  plan(id: string, cadreId: string, measureId: string, startsOn: string, extra: Partial<RehabPlan> = {}): this {
    this.state.rehabPlans.set(id, { id, cadreId, measureId, assignment: 'ruralRevitalization', startsOn, status: 'active', ...extra });
    return this;
  }

  checkIn(planId: string, date: string): this {
    const id = `${planId}:${date}`;
    this.state.checkIns.set(id, { id, planId, date, note: '' });
    return this;
  }

  clear(id: string, recordId: string, cadreId: string, kind: 'clearance' | 'revocation' = 'clearance'): this {
    this.state.clearances.set(id, { id, cadreId, recordId, date: '2000-01-01', note: '', kind });
    return this;
  }

  policy(p: PolicyVersion): this {
    this.state.policies.set(p.id, p);
    return this;
  }

  /**
   * A peer group `group` with `others` filler cadres scoring 60…(60+others−1) every month of
   * [from, from+months), in unit `unitId`. Returns this for chaining.
   */
  peers(group: string, from: string, months: number, others = 8, unitId = 'U1', prefix = `${group}-F`): this {
    for (let i = 1; i <= others; i++) {
      const id = `${prefix}${i}`;
      this.cadre(id, { peerGroup: group, unitId });
      for (let m = 0; m < months; m++) this.score(id, addMonthsToMonth(from, m), 60 + i - 1);
    }
    return this;
  }

  /**
   * Scores a cadre by a pattern starting at `from`: T = top (100), B = bottom (0), M = middle
   * (the fillers' median), '-' = no score, digits are not allowed. Requires peers() fillers.
   */
  pattern(cadreId: string, from: string, pattern: string, middle = 63.5): this {
    [...pattern].forEach((ch, i) => {
      const month = addMonthsToMonth(from, i);
      if (ch === 'T') this.score(cadreId, month, 100);
      else if (ch === 'B') this.score(cadreId, month, 0);
      else if (ch === 'M') this.score(cadreId, month, middle);
      else if (ch !== '-') throw new Error(`pattern: unknown letter ${ch}`);
    });
    return this;
  }

  evaluate(asOf: string, options: EvaluateOptions = {}): Finding[] {
    return evaluate(this.state, asOf, options);
  }
}

/** A peer group G of 9 (C1–C4 in unit U1, C5–C9 in U2) scored 2025-01 … 2025-12; C1 at the bottom from July. */
export function nineInOneGroup(): LedgerState {
  const b = new LedgerBuilder().unit('U1').unit('U2');
  for (let i = 1; i <= 9; i++) b.cadre(`C${i}`, { peerGroup: 'G', unitId: i <= 4 ? 'U1' : 'U2' });
  for (let m = 0; m < 12; m++) {
    const month = addMonthsToMonth('2025-01', m);
    for (let i = 1; i <= 9; i++) b.score(`C${i}`, month, i === 1 && m >= 6 ? 10 : 50 + i);
  }
  return b.state;
}

/** Findings of one rule. */
export function ofRule(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Findings of one rule about one subject id. */
export function about(findings: readonly Finding[], rule: string, subjectId: string): Finding[] {
  return findings.filter((f) => f.rule === rule && f.subject.id === subjectId);
}

/** A copy of a policy with a changed part (for policy-as-data tests). */
export function withPolicy(base: PolicyVersion, patch: (p: PolicyVersion) => void, id?: string, effectiveFrom?: string): PolicyVersion {
  const copy = structuredClone(base);
  patch(copy);
  if (id) copy.id = id;
  if (effectiveFrom) copy.effectiveFrom = effectiveFrom;
  return copy;
}
