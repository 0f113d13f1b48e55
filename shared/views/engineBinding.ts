// Binds the views' ViewEngine to the rules engine (shared/engine): the findings, rank history,
// periods and bars the case file shows come from the same index and helpers as the rules, so a
// chart can never disagree with a finding.
//
// Office scope: the ledger is split into one partition per owning office (views/officeScope.ts);
// each partition gets its own LedgerIndex per as-of month, so a township's cadres and units are
// ranked among that township's, under its policy timeline — at the New Area exactly what the
// township computes itself. A township's ledger is one partition, the state itself: nothing is
// copied, and every call takes the same path as before the split.
//
// Building a LedgerIndex is the expensive part (the whole partition), so an engine made with a
// `version` (the store's revision) keeps, per partition, the last few as-of months' index and full
// findings, for as long as the same state object is at the same version. Without one (tests),
// every call builds afresh. With a change feed as well (the store's changesSince), the full
// findings of a month are an IncrementalEvaluation (shared/engine/incremental.ts): a new revision
// patches them with the events it brought instead of evaluating the partition again.
import type { Finding, RankEvidence } from '../domain/findings';
import type { Subject } from '../domain/records';
import type { CollectionName, LedgerState } from '../ledger/collections';
import type { LedgerEvent } from '../ledger/events';
import { compareFindings, evaluateIndex, impactPeriodsOf, LedgerIndex, promotionBarsOf, rankHistory, unitRanking } from '../engine';
import { monthIndex } from '../engine/calendar';
import { IncrementalEvaluation } from '../engine/incremental';
import { ownerOfSubject, partitionFor, partitionLedger, selfCodeOf } from './officeScope';
import type { IndexScope, ViewEngine } from './viewEngine';

/** As-of months kept per partition. */
const KEEP = 3;

/** One as-of month of one partition: its index, and its full findings once asked for. */
interface Evaluation {
  index: LedgerIndex;
  findings?: Finding[];
  /** The full findings kept current across revisions (an engine with a change feed). */
  live?: IncrementalEvaluation;
}

/**
 * Writes that leave the partitions as they are (partitionLedger reads cadres, units, owners,
 * policies and the sync identity): the partition states stay valid, and each month's live
 * evaluation takes the events. Any other write splits the ledger afresh.
 */
const partitionNeutral: ReadonlySet<string> = new Set<CollectionName>([
  'scores', 'grades', 'sanctions', 'measures', 'faults', 'rehabPlans', 'checkIns', 'clearances', 'dismissals', 'revisions', 'meetings', 'users', 'audit',
]);

interface Partition {
  office: string;
  /** This office's code ('' without an identity): the index orders same-day records by global id. */
  self: string;
  state: LedgerState;
  months: Map<string, Evaluation>;
}

const sameSubject = (f: Finding, s: Subject) => f.subject.type === s.type && f.subject.id === s.id;

/**
 * `version`: the store's revision (caches are kept per revision). `changes`: the store's change
 * feed (LedgerStore.changesSince) — the events after a revision, undefined when it cannot tell.
 */
export function createViewEngine(version?: () => number, changes?: (revision: number) => readonly LedgerEvent[] | undefined): ViewEngine {
  let cachedState: LedgerState | null = null;
  let cachedVersion = -1;
  let cachedParts: Map<string, Partition> | null = null;
  /** Partitions of offices asked for by name that hold nothing here (an empty view). */
  const others = new Map<string, Partition>();
  /** Partition states handed out → the ledger and office they were made from. */
  const origin = new WeakMap<LedgerState, { main: LedgerState; office: string }>();

  function partitionsOf(main: LedgerState): Map<string, Partition> {
    if (version) {
      const v = version();
      if (main !== cachedState || v !== cachedVersion) {
        // The same ledger at a later revision: patch what is kept with the events.
        const events = changes && main === cachedState && cachedParts ? changes(cachedVersion) : undefined;
        const kept = events && events.every((e) => partitionNeutral.has(e.collection)) ? cachedParts : null;
        if (kept) {
          for (const part of kept.values()) {
            for (const [asOf, e] of part.months) {
              if (!e.live) {
                part.months.delete(asOf);
                continue;
              }
              e.live.apply(part.state, events!);
              e.index = e.live.index;
            }
          }
        }
        cachedState = main;
        cachedVersion = v;
        cachedParts = kept;
        others.clear();
      }
      if (cachedParts) return cachedParts;
    }
    const parts = new Map<string, Partition>();
    const self = selfCodeOf(main);
    for (const [office, state] of partitionLedger(main)) {
      parts.set(office, { office, self, state, months: new Map() });
      if (state !== main) origin.set(state, { main, office });
    }
    if (version) cachedParts = parts;
    return parts;
  }

  /** The ledger a state belongs to, and the office when it is one of the partitions handed out. */
  function resolve(state: LedgerState): { main: LedgerState; office?: string } {
    const o = origin.get(state);
    return o ? { main: o.main, office: o.office } : { main: state };
  }

  function partitionNamed(main: LedgerState, office: string): Partition {
    const parts = partitionsOf(main);
    const known = parts.get(office);
    if (known) return known;
    let p = others.get(office);
    if (!p) {
      const state = partitionFor(main, office);
      origin.set(state, { main, office });
      p = { office, self: selfCodeOf(main), state, months: new Map() };
      if (version) others.set(office, p);
    }
    return p;
  }

  /** The partition of a cadre or unit: its owner's (the first partition when it is not held at all). */
  function partitionOfSubject(main: LedgerState, subject: Subject): Partition {
    const parts = partitionsOf(main);
    if (parts.size === 1) return parts.values().next().value!;
    return parts.get(ownerOfSubject(main, subject)) ?? parts.values().next().value!;
  }

  function partitionOfScope(main: LedgerState, scope: IndexScope): Partition {
    if ('office' in scope) return partitionNamed(main, scope.office);
    return 'cadreId' in scope
      ? partitionOfSubject(main, { type: 'cadre', id: scope.cadreId })
      : partitionOfSubject(main, { type: 'unit', id: scope.unitId });
  }

  /** The partitions a call is about: the one a partition state stands for, or every one. */
  function scopeOf(state: LedgerState, office?: string): Partition[] {
    const r = resolve(state);
    const named = office ?? r.office;
    return named !== undefined ? [partitionNamed(r.main, named)] : [...partitionsOf(r.main).values()];
  }

  function at(part: Partition, asOf: string): Evaluation {
    let e = part.months.get(asOf);
    if (!e) {
      // A partition's index for an as-of month is made here: once per store revision, or once
      // while a live evaluation (liveAt) keeps the entry current across writes (partitionsOf).
      e = { index: new LedgerIndex(part.state, { asOf, office: part.self }) };
      if (part.months.size >= KEEP) part.months.delete(part.months.keys().next().value!);
      part.months.set(asOf, e);
    }
    return e;
  }

  /** The month's live evaluation, made on first use of its findings (only with a change feed). */
  const liveAt = (part: Partition, asOf: string): IncrementalEvaluation | undefined => {
    if (!version || !changes) return undefined;
    const e = at(part, asOf);
    return (e.live ??= new IncrementalEvaluation(part.state, asOf, { office: part.self, index: e.index }));
  };

  const findingsAt = (part: Partition, asOf: string): Finding[] => {
    const live = liveAt(part, asOf);
    if (live) return live.findings();
    const e = at(part, asOf);
    return (e.findings ??= evaluateIndex(e.index));
  };

  const cadreIndex = (state: LedgerState, cadreId: string, asOf: string) =>
    at(partitionOfSubject(resolve(state).main, { type: 'cadre', id: cadreId }), asOf).index;

  const evidence = (e: RankEvidence): RankEvidence => ({ month: e.month, score: e.score, rank: e.rank, n: e.n, third: e.third });

  return {
    evaluate(state, asOf, subject, office) {
      const r = resolve(state);
      const named = office ?? r.office;
      if (subject) {
        const part = partitionOfSubject(r.main, subject);
        if (named !== undefined && part.office !== named) return [];
        const live = liveAt(part, asOf);
        if (live) return live.findings(subject);
        const e = at(part, asOf);
        return e.findings ? e.findings.filter((f) => sameSubject(f, subject)) : evaluateIndex(e.index, { subjects: [subject] });
      }
      const parts = scopeOf(state, office);
      if (parts.length === 1) return findingsAt(parts[0], asOf).slice();
      return parts.flatMap((p) => findingsAt(p, asOf)).sort(compareFindings);
    },
    rankHistory: (state, cadreId, asOf) => rankHistory(cadreIndex(state, cadreId, asOf), cadreId).map(evidence),
    impactPeriods: (state, cadreId, asOf) =>
      impactPeriodsOf(cadreIndex(state, cadreId, asOf), cadreId).map((p) => ({ sanctionId: p.sanctionId, kind: p.kind, start: p.start, end: p.end })),
    promotionBars: (state, cadreId, asOf) =>
      promotionBarsOf(cadreIndex(state, cadreId, asOf), cadreId, asOf).map((b) => ({
        until: b.until,
        sourceCollection: state.sanctions.has(b.recordId) ? 'sanctions' : 'measures',
        sourceId: b.recordId,
        kind: b.kind,
        reason: b.reason,
      })),
    unitRanking: (state, month, office) =>
      scopeOf(state, office).flatMap((part) =>
        unitRanking(at(part, month).index, month).map((u) => ({
          unitId: u.unitId,
          office: part.office,
          mean: u.mean,
          rank: u.rank,
          n: u.n,
          third: u.third,
          scoredCadres: u.scoredCadres,
        })),
      ),
    index: (state, asOf, scope) => at(partitionOfScope(resolve(state).main, scope), asOf).index,
    offices: (state) => scopeOf(state).map((p) => p.office),
    partition: (state, office) => {
      const main = resolve(state).main;
      const parts = partitionsOf(main);
      // A one-office ledger's own office is the ledger itself (no copy, the usual path).
      if (parts.size === 1 && parts.has(office)) return parts.get(office)!.state;
      return partitionNamed(main, office).state;
    },
    monthRanks(state, month, cadreIds) {
      const main = resolve(state).main;
      const m = monthIndex(month);
      const out = new Map<string, RankEvidence>();
      for (const id of cadreIds) {
        const index = at(partitionOfSubject(main, { type: 'cadre', id }), month).index;
        const c = index.cadreIndex.get(id);
        const e = c === undefined ? undefined : index.rankEvidence(c, m);
        if (e) out.set(id, evidence(e));
      }
      return out;
    },
  };
}

/** Uncached: for tests and one-off calls. */
export const engineForViews: ViewEngine = createViewEngine();
