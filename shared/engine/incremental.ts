// Incremental evaluation (issue 13): the findings as of one month kept current while the ledger is
// written, re-evaluating only the subjects a write can change instead of the whole ledger.
//
// What a write can change (docs/COLUMNS.md, "Incremental evaluation"):
// - A score of cadre c in month m (peer group g): c's own findings; the ranking of (g, m), so every
//   member whose third in m changed (the streak, candidate, trial and reascend rules decide on
//   thirds), and every member whose rank or group size in m changed and who has a finding citing m
//   (its evidence shows rank and n; no decision reads them); the unit ranking of m likewise for the
//   units (team rules, a unit's probation).
// - A record of a cadre (sanction, measure, grade, fault, plan, check-in) or of a unit (a team
//   measure): that subject, and every subject the record belonged to before the write; a grade also
//   the cadre's unit (the excellent quota counts its members' grades).
// - A clearance or revocation: the records whose cleared state changed, as if written.
// - Dismissals, revisions, meetings, users, audit, sync bookkeeping: nothing (no rule reads them).
// - Cadres (other than a change of fields the index keeps positions for), units, policies, owners,
//   a collection this file does not know, a malformed score id, a score the columns cannot hold, a
//   month entering or leaving the scored range: a full rebuild — correct first, fast where the
//   volume is (scores and measures).
import type { Finding, RankEvidence } from '../domain/findings';
import type { Month } from '../domain/primitives';
import type { Subject } from '../domain/records';
import type { CollectionName, LedgerState } from '../ledger/collections';
import type { LedgerEvent } from '../ledger/events';
import type { PolicyVersion } from '../policy/schema';
import { monthIndex } from './calendar';
import { parseScoreMonth, ScoreTable } from './columns/scoreTable';
import { evaluateIndex } from './index';
import { LedgerIndex, type IncrementalCollection } from './ledgerIndex';

export interface IncrementalOptions {
  /** Policy versions to use; else the ledger's `policies` collection; else the default policy. */
  policies?: readonly PolicyVersion[];
}

/** Collections of per-subject records that LedgerIndex.refreshRecords re-reads. */
const recordCollections: ReadonlySet<string> = new Set<IncrementalCollection>(['sanctions', 'measures', 'grades', 'faults', 'rehabPlans', 'checkIns']);
/** Records a clearance can name (check-ins are never left out for one). */
const clearable: readonly IncrementalCollection[] = ['sanctions', 'measures', 'grades', 'faults', 'rehabPlans'];
/** Collections no rule reads: a write there changes no finding. */
const unread: ReadonlySet<string> = new Set<CollectionName>(['dismissals', 'revisions', 'meetings', 'users', 'audit', 'syncEntries', 'syncHeads', 'syncPending', 'syncMeta']);
/** A batch larger than this (an import) is cheaper to evaluate afresh. */
const MAX_EVENTS = 5_000;

/** The order of evaluate(): rule, subject type, subject id, key. */
function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.rule, b.rule) || cmp(a.subject.type, b.subject.type) || cmp(a.subject.id, b.subject.id) || cmp(a.key, b.key);
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
const subjectKey = (s: Subject) => `${s.type}:${s.id}`;

/** First position in sorted `list` not ordered before `f`. */
function lowerBound(list: readonly Finding[], f: Finding): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareFindings(list[mid], f) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a finding shows the rank evidence of month `month` ('YYYY-MM'). */
function citesMonth(f: Finding, month: string): boolean {
  const months = (f.evidence as { months?: readonly RankEvidence[] }).months;
  if (!months) return false;
  for (const e of months) if (e.month === month) return true;
  return false;
}

/** 'cadreId:YYYY-MM' → its parts, or undefined for any other id. */
function scoreIdParts(id: string): { cadreId: string; month: number } | undefined {
  if (typeof id !== 'string' || id.length < 9 || id.charCodeAt(id.length - 8) !== 58) return undefined;
  const month = parseScoreMonth(id.slice(id.length - 7));
  return month < 0 ? undefined : { cadreId: id.slice(0, id.length - 8), month };
}

/** What one apply() did (tests and the benchmark read it). */
export interface ApplyReport {
  /** The index was rebuilt and every subject evaluated afresh. */
  rebuilt: boolean;
  /** Subjects re-evaluated (every one after a rebuild). */
  subjects: number;
}

export class IncrementalEvaluation {
  readonly asOf: Month;
  private readonly policies?: readonly PolicyVersion[];
  private _index!: LedgerIndex;
  private state!: LedgerState;
  /** The index reads the state's own ScoreTable rows (no normalized copy): score writes can be patched. */
  private scoresInPlace = false;
  private all: Finding[] = [];
  private bySubject = new Map<string, Finding[]>();
  /** How many full rebuilds so far (the constructor's included). */
  rebuilds = 0;
  lastApply: ApplyReport = { rebuilt: true, subjects: 0 };

  constructor(state: LedgerState, asOf: Month, options: IncrementalOptions = {}) {
    this.asOf = asOf;
    this.policies = options.policies;
    this.rebuild(state);
  }

  /** The ledger index, consistent with the state after the last apply. */
  get index(): LedgerIndex {
    return this._index;
  }

  /** Every finding (sorted as evaluate sorts them), or one subject's. A copy: the caller may keep or sort it. */
  findings(subject?: Subject): Finding[] {
    if (!subject) return this.all.slice();
    return this.bySubject.get(subjectKey(subject))?.slice() ?? [];
  }

  /**
   * Brings the findings up to date with `state`, which already has `events` applied (the store
   * applies them in place). A state other than the one last seen is evaluated afresh.
   */
  apply(state: LedgerState, events: readonly LedgerEvent[]): ApplyReport {
    this.lastApply = state !== this.state || events.length > MAX_EVENTS || !this.update(events) ? this.rebuild(state) : this.lastApply;
    return this.lastApply;
  }

  private rebuild(state: LedgerState): ApplyReport {
    this.state = state;
    this._index = new LedgerIndex(state, { asOf: this.asOf, policies: this.policies });
    // The index reads the state's table itself exactly when it holds nothing the columns could not
    // (LedgerIndex's scoreTableOf): only then are its rows the ones a score write must patch.
    this.scoresInPlace = state.scores instanceof ScoreTable && state.scores.overflowRecords().size === 0;
    this.replaceAll(evaluateIndex(this._index));
    this.rebuilds++;
    return { rebuilt: true, subjects: this._index.cadres.length + this._index.units.length };
  }

  private replaceAll(findings: Finding[]): void {
    this.all = findings;
    this.bySubject = new Map();
    for (const f of findings) {
      const key = subjectKey(f.subject);
      const list = this.bySubject.get(key);
      if (list) list.push(f);
      else this.bySubject.set(key, [f]);
    }
  }

  /** The incremental path; false when the events need a rebuild. */
  private update(events: readonly LedgerEvent[]): boolean {
    const index = this._index;
    const records = new Map<IncrementalCollection, Set<string>>();
    const recordIds = (c: IncrementalCollection) => {
      let ids = records.get(c);
      if (!ids) records.set(c, (ids = new Set()));
      return ids;
    };
    const scoreIds = new Set<string>();
    const cadres = new Set<number>();
    const units = new Set<number>();
    /** Cadres and units to re-evaluate only if a finding of theirs cites the month. */
    const citing = new Map<number, Set<string>>();
    const unitsCiting = new Map<number, Set<string>>();
    let clearances = false;

    for (const e of events) {
      const collection: string = e.collection;
      if (unread.has(collection)) continue;
      const id = e.type === 'put' ? (e.record as { id: string }).id : e.id;
      if (collection === 'scores') scoreIds.add(id);
      else if (recordCollections.has(collection)) recordIds(collection as IncrementalCollection).add(id);
      else if (collection === 'clearances') clearances = true;
      else if (collection === 'cadres') {
        // A cadre's own fields (trial end, appointment…) with its peer group and unit unchanged:
        // the index keeps its position. Anything else moves rankings and memberships.
        const c = index.cadreIndex.get(id);
        const now = this.state.cadres.get(id);
        if (c === undefined || !now) return false;
        const was = index.cadres[c];
        if (was.peerGroup !== now.peerGroup || was.unitId !== now.unitId) return false;
        index.replaceCadre(c, now);
        cadres.add(c);
      } else if (collection === 'policies') {
        if (!this.policies?.length) return false; // the index reads the collection only without given versions
      } else return false;
    }

    if (clearances) {
      for (const id of index.refreshClearances()) {
        for (const c of clearable) recordIds(c).add(id);
        if (scoreIdParts(id)) scoreIds.add(id);
      }
    }

    if (scoreIds.size && !this.patchScores(scoreIds, cadres, units, citing, unitsCiting)) return false;

    for (const [collection, ids] of records) {
      const touched = index.refreshRecords(collection, ids);
      for (const c of touched.cadres) {
        cadres.add(c);
        // The excellent quota of a unit counts its members' grades.
        if (collection === 'grades' && index.unitOf[c] >= 0) units.add(index.unitOf[c]);
      }
      for (const u of touched.units) units.add(u);
    }

    // Rank-only changes matter to the findings that show that month's evidence.
    for (const [c, months] of citing) {
      if (cadres.has(c)) continue;
      const list = this.bySubject.get(`cadre:${index.cadres[c].id}`);
      if (list?.some((f) => [...months].some((m) => citesMonth(f, m)))) cadres.add(c);
    }
    for (const [u, months] of unitsCiting) {
      if (units.has(u)) continue;
      const list = this.bySubject.get(`unit:${index.units[u].id}`);
      if (list?.some((f) => [...months].some((m) => citesMonth(f, m)))) units.add(u);
    }

    this.reevaluate(cadres, units);
    return true;
  }

  /**
   * Score writes: each (cadre, month) patched into the index's rows, then each peer-group month
   * and each month's unit ranking ranked again. False when only a rebuild can follow.
   */
  private patchScores(
    ids: ReadonlySet<string>,
    cadres: Set<number>,
    units: Set<number>,
    citing: Map<number, Set<string>>,
    unitsCiting: Map<number, Set<string>>,
  ): boolean {
    const index = this._index;
    const table = this.state.scores;
    if (!this.scoresInPlace || !(table instanceof ScoreTable) || table.overflowRecords().size) return false;
    const cutoff = monthIndex(this.asOf);
    const groupMonths = new Map<string, { g: number; month: number }>();
    const months = new Set<number>();
    for (const id of ids) {
      const at = scoreIdParts(id);
      if (!at) return false;
      if (at.month > cutoff) continue; // after the as-of month: never seen
      const c = index.cadreIndex.get(at.cadreId);
      if (c === undefined) continue; // not a cadre of this ledger: never seen
      if (!index.patchScore(table, c, at.month)) return false;
      cadres.add(c);
      const g = index.groupOf[c];
      groupMonths.set(`${g}:${at.month}`, { g, month: at.month });
      months.add(at.month);
    }
    if (!months.size) return true;
    // The rows span the scored months up to the cutoff: a month entering or leaving that range
    // changes the shape of the index.
    const range = table.monthRange(cutoff);
    if (!range || range.min !== index.baseMonth || range.max !== index.baseMonth + index.span - 1) return false;
    const add = (map: Map<number, Set<string>>, s: number, month: string) => {
      let set = map.get(s);
      if (!set) map.set(s, (set = new Set()));
      set.add(month);
    };
    for (const { g, month } of groupMonths.values()) {
      const changed = index.rerankGroupMonth(g, month);
      for (const c of changed.thirds) cadres.add(c);
      const name = index.monthName(month);
      for (const c of changed.ranks) add(citing, c, name);
    }
    for (const month of months) {
      const changed = index.unitRerankMonth(month);
      for (const u of changed.thirds) units.add(u);
      const name = index.monthName(month);
      for (const u of changed.ranks) add(unitsCiting, u, name);
    }
    return true;
  }

  /** Evaluates these subjects again and puts their findings in place of their old ones. */
  private reevaluate(cadres: ReadonlySet<number>, units: ReadonlySet<number>): void {
    const index = this._index;
    const total = index.cadres.length + index.units.length;
    const count = cadres.size + units.size;
    this.lastApply = { rebuilt: false, subjects: count };
    if (!count) return;
    if (count * 2 > total) {
      // Most of the ledger: one pass over every subject on the same (patched) index.
      this.replaceAll(evaluateIndex(index));
      this.lastApply = { rebuilt: false, subjects: total };
      return;
    }
    const subjects: Subject[] = [];
    for (const c of cadres) subjects.push({ type: 'cadre', id: index.cadres[c].id });
    for (const u of units) subjects.push({ type: 'unit', id: index.units[u].id });
    const added = evaluateIndex(index, { subjects });
    const removed: Finding[] = [];
    for (const s of subjects) {
      const key = subjectKey(s);
      const old = this.bySubject.get(key);
      if (old) {
        removed.push(...old);
        this.bySubject.delete(key);
      }
    }
    for (const f of added) {
      const key = subjectKey(f.subject);
      const list = this.bySubject.get(key);
      if (list) list.push(f);
      else this.bySubject.set(key, [f]);
    }
    this.all = merged(this.all, removed, added);
  }
}

/**
 * `all` (sorted) without the findings `removed` and with `added` (sorted) in their places: binary
 * searches and one copy, no sort of the whole list. Findings that compare equal belong to one
 * subject, so `added` keeps evaluate's order among them.
 */
function merged(all: readonly Finding[], removed: readonly Finding[], added: readonly Finding[]): Finding[] {
  const drop = new Uint8Array(all.length);
  for (const f of removed) {
    let i = lowerBound(all, f);
    while (i < all.length && all[i] !== f) i++;
    if (i < all.length) drop[i] = 1;
  }
  const at = added.map((f) => lowerBound(all, f));
  const out: Finding[] = [];
  let a = 0;
  for (let i = 0; i < all.length; i++) {
    while (a < added.length && at[a] <= i) out.push(added[a++]);
    if (!drop[i]) out.push(all[i]);
  }
  while (a < added.length) out.push(added[a++]);
  return out;
}
