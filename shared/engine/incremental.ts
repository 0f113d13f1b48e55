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
import type { Finding } from '../domain/findings';
import type { Month } from '../domain/primitives';
import type { Subject } from '../domain/records';
import type { CollectionName, LedgerState } from '../ledger/collections';
import type { LedgerEvent } from '../ledger/events';
import type { PolicyVersion } from '../policy/schema';
import { monthIndex } from './calendar';
import { parseScoreMonth, ScoreTable } from './columns/scoreTable';
import { compareFindings, evaluateIndex, evaluatePositions, ruleIds, type RuleId } from './index';
import { LedgerIndex, type IncrementalCollection } from './ledgerIndex';
import { evidenceCitesMonth } from './rule';

export interface IncrementalOptions {
  /** Policy versions to use; else the ledger's `policies` collection; else the default policy. */
  policies?: readonly PolicyVersion[];
  /** This office's code: same-day records ordered by global id (LedgerIndexOptions.office). */
  office?: string;
  /**
   * An index of this state as of `asOf` with these options, built for the state as it is now (the
   * view engine's cached one): taken instead of building another.
   */
  index?: LedgerIndex;
}

/** Collections of per-subject records that LedgerIndex.refreshRecords re-reads. */
const recordCollections: ReadonlySet<string> = new Set<IncrementalCollection>(['sanctions', 'measures', 'grades', 'faults', 'rehabPlans', 'checkIns']);
/** Records a clearance can name (check-ins are never left out for one). */
const clearable: readonly IncrementalCollection[] = ['sanctions', 'measures', 'grades', 'faults', 'rehabPlans'];
/** Collections no rule reads: a write there changes no finding. */
const unread: ReadonlySet<string> = new Set<CollectionName>(['dismissals', 'revisions', 'meetings', 'users', 'audit', 'syncEntries', 'syncHeads', 'syncPending', 'syncMeta']);
/** A batch larger than this (an import) is cheaper to evaluate afresh. */
const MAX_EVENTS = 5_000;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
/** Rule ids in that order, and each one's rank in it. */
const ruleOrder = [...ruleIds].sort(cmp);
const ruleRank = new Map<string, number>(ruleOrder.map((r, i) => [r, i]));

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
  private readonly office?: string;
  private _index!: LedgerIndex;
  private state!: LedgerState;
  /** The index reads the state's own ScoreTable rows (no normalized copy): score writes can be patched. */
  private scoresInPlace = false;
  private all: Finding[] = [];
  /** The subject of each finding in `all` as one number: its cadre position, or cadres + its unit position. */
  private allSubject = new Int32Array(0);
  /** Findings per rule (ruleOrder): where each rule's run in `all` starts follows from them. */
  private ruleCount = new Int32Array(ruleOrder.length);
  /** Each subject's findings (in evaluate's order), by cadre and unit position in the index. */
  private ofCadre: (Finding[] | undefined)[] = [];
  private ofUnit: (Finding[] | undefined)[] = [];
  /** How many full rebuilds so far (the constructor's included). */
  rebuilds = 0;
  lastApply: ApplyReport = { rebuilt: true, subjects: 0 };

  constructor(state: LedgerState, asOf: Month, options: IncrementalOptions = {}) {
    this.asOf = asOf;
    this.policies = options.policies;
    this.office = options.office;
    this.rebuild(state, options.index?.asOf === asOf ? options.index : undefined);
  }

  /** The ledger index, consistent with the state after the last apply. */
  get index(): LedgerIndex {
    return this._index;
  }

  /** Every finding (sorted as evaluate sorts them), or one subject's. A copy: the caller may keep or sort it. */
  findings(subject?: Subject): Finding[] {
    if (!subject) return this.all.slice();
    const i = subject.type === 'cadre' ? this._index.positionOf(subject.id) : (this._index.unitIndex.get(subject.id) ?? -1);
    const list = i < 0 ? undefined : subject.type === 'cadre' ? this.ofCadre[i] : this.ofUnit[i];
    return list ? list.slice() : [];
  }

  /**
   * Brings the findings up to date with `state`, which already has `events` applied (the store
   * applies them in place). A state other than the one last seen is evaluated afresh.
   */
  apply(state: LedgerState, events: readonly LedgerEvent[]): ApplyReport {
    this.lastApply = state !== this.state || events.length > MAX_EVENTS || !this.update(events) ? this.rebuild(state) : this.lastApply;
    return this.lastApply;
  }

  private rebuild(state: LedgerState, index?: LedgerIndex): ApplyReport {
    this.state = state;
    this._index = index ?? new LedgerIndex(state, { asOf: this.asOf, policies: this.policies, office: this.office });
    // The index reads the state's table itself exactly when it holds nothing the columns could not
    // (LedgerIndex's scoreTableOf): only then are its rows the ones a score write must patch.
    this.scoresInPlace = state.scores instanceof ScoreTable && state.scores.overflowRecords().size === 0;
    this.replaceAll(evaluateIndex(this._index));
    this.rebuilds++;
    return { rebuilt: true, subjects: this._index.cadres.length + this._index.units.length };
  }

  private replaceAll(findings: Finding[]): void {
    this.all = findings;
    this.allSubject = new Int32Array(findings.length);
    this.ruleCount.fill(0);
    this.ofCadre = new Array(this._index.cadres.length).fill(undefined);
    this.ofUnit = new Array(this._index.units.length).fill(undefined);
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      this.allSubject[i] = this.file(f);
      this.ruleCount[ruleRank.get(f.rule)!]++;
    }
  }

  /** The subject of a finding as one number (see allSubject). */
  private subjectNumber(f: Finding): number {
    const index = this._index;
    return f.subject.type === 'cadre' ? index.positionOf(f.subject.id) : index.cadres.length + index.unitIndex.get(f.subject.id)!;
  }

  /** Adds a finding to the end of its subject's list; answers its subject number. */
  private file(f: Finding): number {
    const p = this.subjectNumber(f);
    const C = this.ofCadre.length;
    const lists = p < C ? this.ofCadre : this.ofUnit;
    const i = p < C ? p : p - C;
    const list = lists[i];
    if (list) list.push(f);
    else lists[i] = [f];
    return p;
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
    /** Per month ('YYYY-MM'), cadres and units to re-evaluate only if a finding of theirs cites it. */
    const citing = new Map<string, number[]>();
    const unitsCiting = new Map<string, number[]>();
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
        const c = index.positionOf(id);
        const now = this.state.cadres.get(id);
        if (c < 0 || !now) return false;
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
      if (!touched) return false;
      for (const c of touched.cadres) {
        cadres.add(c);
        // The excellent quota of a unit counts its members' grades.
        if (collection === 'grades' && index.unitOf[c] >= 0) units.add(index.unitOf[c]);
      }
      for (const u of touched.units) units.add(u);
    }

    // Rank-only changes matter only to the findings that show that month's evidence: those
    // subjects run again the rules of those findings (decisions read thirds, not ranks), grouped
    // by the set of rules.
    const rulesOf = new Map<number, Set<RuleId>>(); // subject number (see allSubject) → rules
    const C = index.cadres.length;
    const cite = (month: string, list: readonly number[], full: ReadonlySet<number>, findings: readonly (Finding[] | undefined)[], base: number) => {
      for (const s of list) {
        const own = findings[s];
        if (!own || full.has(s)) continue;
        for (const f of own) {
          if (!evidenceCitesMonth(f.evidence, month)) continue;
          let rules = rulesOf.get(base + s);
          if (!rules) rulesOf.set(base + s, (rules = new Set()));
          rules.add(f.rule as RuleId);
        }
      }
    };
    for (const [month, list] of citing) cite(month, list, cadres, this.ofCadre, 0);
    for (const [month, list] of unitsCiting) cite(month, list, units, this.ofUnit, C);
    const partial = new Map<string, RankOnly>();
    for (const [p, rules] of rulesOf) {
      const name = [...rules].sort().join(' ');
      let group = partial.get(name);
      if (!group) partial.set(name, (group = { cadres: new Set(), units: new Set(), rules }));
      if (p < C) group.cadres.add(p);
      else group.units.add(p - C);
    }

    this.reevaluate(cadres, units, [...partial.values()]);
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
    citing: Map<string, number[]>,
    unitsCiting: Map<string, number[]>,
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
      const c = index.positionOf(at.cadreId);
      if (c < 0) continue; // not a cadre of this ledger: never seen
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
    const add = (map: Map<string, number[]>, month: number, subjects: readonly number[]) => {
      if (!subjects.length) return;
      const name = index.monthName(month);
      const list = map.get(name);
      if (list) for (const s of subjects) list.push(s);
      else map.set(name, subjects.slice());
    };
    for (const { g, month } of groupMonths.values()) {
      const changed = index.rerankGroupMonth(g, month);
      for (const c of changed.thirds) cadres.add(c);
      add(citing, month, changed.ranks);
    }
    for (const month of months) {
      const changed = index.unitRerankMonth(month);
      for (const u of changed.thirds) units.add(u);
      add(unitsCiting, month, changed.ranks);
    }
    return true;
  }

  /**
   * Evaluates these subjects again (every rule; each `partial` group only its rules) and puts their
   * findings in place of their old ones.
   */
  private reevaluate(cadres: ReadonlySet<number>, units: ReadonlySet<number>, partial: readonly RankOnly[]): void {
    const index = this._index;
    const total = index.cadres.length + index.units.length;
    let count = cadres.size + units.size;
    for (const g of partial) count += g.cadres.size + g.units.size;
    this.lastApply = { rebuilt: false, subjects: count };
    if (!count) return;
    if (count * 2 > total) {
      // Most of the ledger: one pass over every subject on the same (patched) index.
      this.replaceAll(evaluateIndex(index));
      this.lastApply = { rebuilt: false, subjects: total };
      return;
    }
    // Each (rule, subject) run of findings that is replaced, by rank × subjects + subject number:
    // the old run leaves `all`, the new one (maybe empty) takes its place.
    const C = index.cadres.length;
    const S = C + index.units.length;
    const runs = new Map<number, Finding[]>();
    const resorted: number[] = [];
    const run = (cs: ReadonlySet<number>, us: ReadonlySet<number>, rules?: ReadonlySet<RuleId>) => {
      if (!cs.size && !us.size) return;
      const fresh = evaluatePositions(index, [...cs].sort((a, b) => a - b), [...us].sort((a, b) => a - b), rules ? [...rules] : undefined);
      // The subject's list keeps its findings of the other rules; the rules run again lose theirs.
      const clear = (set: ReadonlySet<number>, lists: (Finding[] | undefined)[], base: number) => {
        for (const s of set) {
          const old = lists[s];
          if (!old) continue;
          const kept: Finding[] = [];
          for (const f of old) {
            if (rules && !rules.has(f.rule as RuleId)) kept.push(f);
            else if (!runs.has(ruleRank.get(f.rule)! * S + base + s)) runs.set(ruleRank.get(f.rule)! * S + base + s, []);
          }
          lists[s] = kept.length ? kept : undefined;
          if (kept.length) resorted.push(base + s);
        }
      };
      clear(cs, this.ofCadre, 0);
      clear(us, this.ofUnit, C);
      for (const f of fresh) {
        const key = ruleRank.get(f.rule)! * S + this.file(f);
        const list = runs.get(key);
        if (list) list.push(f);
        else runs.set(key, [f]);
      }
    };
    run(cadres, units);
    for (const g of partial) run(g.cadres, g.units, g.rules);
    // A list that kept findings of other rules is in evaluate's order again after a sort.
    for (const p of resorted) {
      const list = p < C ? this.ofCadre[p] : this.ofUnit[p - C];
      if (list && list.length > 1) list.sort(compareFindings);
    }
    this.splice(runs, S);
  }

  /**
   * Replaces runs of `all`: `runs` maps rank × S + subject number to the run's new findings. Each
   * old run is found by binary search on the subject numbers within its rule's block; then one copy.
   */
  private splice(runs: ReadonlyMap<number, Finding[]>, S: number): void {
    if (!runs.size) return;
    const { all, allSubject, ruleCount } = this;
    const ruleStart = new Int32Array(ruleCount.length + 1);
    for (let r = 0; r < ruleCount.length; r++) ruleStart[r + 1] = ruleStart[r] + ruleCount[r];
    const keys = [...runs.keys()].sort((a, b) => a - b);
    const from = new Int32Array(keys.length);
    const to = new Int32Array(keys.length);
    let length = all.length;
    keys.forEach((key, k) => {
      const r = Math.floor(key / S);
      const p = key - r * S;
      let lo = ruleStart[r];
      let hi = ruleStart[r + 1];
      const end = hi;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (allSubject[mid] < p) lo = mid + 1;
        else hi = mid;
      }
      hi = lo;
      while (hi < end && allSubject[hi] === p) hi++;
      from[k] = lo;
      to[k] = hi;
      const delta = runs.get(key)!.length - (hi - lo);
      ruleCount[r] += delta;
      length += delta;
    });
    // Every run as long as before (the usual write: a score moving ranks, findings that cite it
    // made again): overwritten where it stands, no copy of the whole list. findings() hands out
    // copies, so no caller sees the list change.
    if (keys.every((key, k) => runs.get(key)!.length === to[k] - from[k])) {
      keys.forEach((key, k) => {
        const run = runs.get(key)!;
        for (let j = 0; j < run.length; j++) all[from[k] + j] = run[j];
      });
      return;
    }
    const out = new Array<Finding>(length);
    const outSubject = new Int32Array(length);
    let o = 0;
    let i = 0;
    keys.forEach((key, k) => {
      for (; i < from[k]; i++, o++) {
        out[o] = all[i];
        outSubject[o] = allSubject[i];
      }
      const p = key % S;
      for (const f of runs.get(key)!) {
        out[o] = f;
        outSubject[o++] = p;
      }
      i = to[k];
    });
    for (; i < all.length; i++, o++) {
      out[o] = all[i];
      outSubject[o] = allSubject[i];
    }
    this.all = out;
    this.allSubject = outSubject;
  }
}

/** Subjects whose findings change only where they cite a month, and the rules of those findings (the same for the group). */
interface RankOnly {
  cadres: Set<number>;
  units: Set<number>;
  rules: Set<RuleId>;
}
