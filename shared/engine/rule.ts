// What a rule is and what it gets: the index of the ledger, the as-of month with its policy, the
// subjects to look at, and a sink for findings. One rule per file under rules/.
import type { Finding, RankEvidence } from '../domain/findings';
import type { Bilingual, IsoDate, Month } from '../domain/primitives';
import type { Subject } from '../domain/records';
import type { PolicyVersion } from '../policy/schema';
import { firstDayOf, lastDayOf, monthFromIndex, monthIndex } from './calendar';
import type { LedgerIndex } from './ledgerIndex';
import { MonthsPool, PackedMonths, type MonthsEvidence } from './packedMonths';

export const ruleIds = [
  'raise.top-third-streak',
  'warn.bottom-third-streak',
  'place.bottom-third-long',
  'team.low-ranking',
  'probation.review-due',
  'probation.not-improved',
  'trial.review',
  'sanction.salary-deduction',
  'sanction.no-promotion',
  'sanction.no-honours',
  'sanction.release-due',
  'deduction.fault',
  'annual.excellent-reward',
  'annual.merit3',
  'annual.bonus-cancel',
  'annual.demote',
  'annual.dismiss',
  'annual.grade-conflict',
  'annual.excellent-quota',
  'promote.candidate',
  'rehab.reascend',
  'rehab.checkin-due',
] as const;
export type RuleId = (typeof ruleIds)[number];

export interface RuleContext {
  readonly index: LedgerIndex;
  readonly asOf: Month;
  /** Month index of asOf. */
  readonly month: number;
  readonly year: number;
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
  /** The policy version in force in the as-of month: the thresholds of every rule. */
  readonly policy: PolicyVersion;
  /** Cadre positions (index.cadres) and unit positions to evaluate, ascending. */
  readonly cadres: readonly number[];
  readonly units: readonly number[];
  /** Where this evaluation's findings pack their months of rank evidence (packedMonths.ts). */
  readonly months: MonthsPool;
  emit(finding: Finding): void;
}

export interface Rule {
  readonly id: RuleId;
  readonly title: Bilingual;
  run(ctx: RuleContext): void;
}

export function createContext(
  index: LedgerIndex,
  month: number,
  cadres: readonly number[],
  units: readonly number[],
  emit: (f: Finding) => void,
): RuleContext {
  const asOf = monthFromIndex(month);
  return {
    index,
    asOf,
    month,
    year: Number(asOf.slice(0, 4)),
    firstDay: firstDayOf(asOf),
    lastDay: lastDayOf(asOf),
    policy: index.policyAtIndex(month),
    cadres,
    units,
    months: new MonthsPool(),
    emit,
  };
}

/** rule|type:id|discriminator — the same for the same situation at every as-of month. */
export function findingKey(rule: RuleId, subject: Subject, discriminator: string): string {
  return `${rule}|${subject.type}:${subject.id}|${discriminator}`;
}

export function cadreSubject(ctx: RuleContext, c: number): Subject {
  return { type: 'cadre', id: ctx.index.cadres[c].id };
}

export function unitSubject(ctx: RuleContext, u: number): Subject {
  return { type: 'unit', id: ctx.index.units[u].id };
}

/** Facts as a rule hands them over: their months of rank evidence may be packed (packedMonths.ts). */
export type FactsGiven<F> = F extends { months: readonly RankEvidence[] } ? Omit<F, 'months'> & { months: MonthsEvidence } : F;

export function makeFinding<F>(
  ctx: RuleContext,
  rule: RuleId,
  subject: Subject,
  discriminator: string,
  suggestion: { kind: string; params?: Record<string, unknown> },
  evidence: { months?: MonthsEvidence; recordIds?: string[]; [extra: string]: unknown },
  explain: (facts: F) => Bilingual,
  facts: FactsGiven<F>,
): Finding {
  return new LazyFinding(
    findingKey(rule, subject, discriminator),
    rule,
    subject,
    ctx.asOf,
    suggestion.params ? (suggestion as Finding['suggestion']) : { kind: suggestion.kind, params: {} },
    evidence.months instanceof PackedMonths
      ? (new PackedEvidence(evidence.months, evidence) as unknown as Finding['evidence'])
      : evidence.recordIds
        ? (evidence as Finding['evidence'])
        : ({ ...evidence, recordIds: [] } as Finding['evidence']),
    explain as (facts: unknown) => Bilingual,
    facts,
  );
}

/**
 * Evidence whose `months` are packed until first read (then kept): an own enumerable accessor in
 * the place `months` had in the rule's evidence, so JSON, spreading, structured cloning and zod
 * read it like any other property — one getter for every instance, as LazyFinding's explanation.
 */
class PackedEvidence {
  #packed: PackedMonths;
  #months: readonly RankEvidence[] | undefined;

  constructor(packed: PackedMonths, evidence: Record<string, unknown>) {
    this.#packed = packed;
    const self = this as unknown as Record<string, unknown>;
    for (const k in evidence) {
      if (k === 'months') Object.defineProperty(this, 'months', PackedEvidence.months);
      else self[k] = evidence[k];
    }
    if (!('recordIds' in evidence)) self.recordIds = [];
  }

  /** Whether the months include `month` ('YYYY-MM'): read from the packed months while they are not objects yet. */
  cites(month: Month): boolean {
    return this.#months ? this.#months.some((e) => e.month === month) : this.#packed.has(monthIndex(month));
  }

  /** The months as objects; `packed` (when given) is answered from them if it is this evidence's own. */
  monthsFor(packed: PackedMonths): readonly RankEvidence[] {
    return packed === this.#packed ? (this as unknown as { months: readonly RankEvidence[] }).months : packed.unpack();
  }

  static readonly months: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: PackedEvidence): readonly RankEvidence[] {
      return (this.#months ??= this.#packed.unpack());
    },
    set(this: PackedEvidence, value: readonly RankEvidence[]) {
      this.#months = value;
    },
  };
}

/**
 * A finding whose `explanation` is worded on first read (then kept). A docket of 50,000 cadres has
 * ~30,000 findings of which an officer reads a page: wording them all up front would be much of an
 * evaluation's time and memory. `explanation` is an own enumerable accessor, so JSON, spreading,
 * structured cloning (IPC) and zod read it like any other property. Its getter and setter are the
 * same two functions for every finding (a getter made per finding would give each finding a hidden
 * class of its own, which costs V8 more than the wording saves); the facts wait in private fields,
 * plain data with no reference to the ledger index, dropped once the text exists.
 */
class LazyFinding {
  readonly key: string;
  readonly rule: RuleId;
  readonly subject: Subject;
  readonly asOf: Month;
  readonly suggestion: Finding['suggestion'];
  readonly evidence: Finding['evidence'];
  /** Defined in the constructor (see LazyFinding.explanation). */
  declare readonly explanation: Bilingual;
  #explain: ((facts: unknown) => Bilingual) | undefined;
  #facts: unknown;
  #text: Bilingual | undefined;

  constructor(
    key: string,
    rule: RuleId,
    subject: Subject,
    asOf: Month,
    suggestion: Finding['suggestion'],
    evidence: Finding['evidence'],
    explain: (facts: unknown) => Bilingual,
    facts: unknown,
  ) {
    this.key = key;
    this.rule = rule;
    this.subject = subject;
    this.asOf = asOf;
    this.suggestion = suggestion;
    this.evidence = evidence;
    this.#explain = explain;
    this.#facts = facts;
    Object.defineProperty(this, 'explanation', LazyFinding.explanation);
  }

  static readonly explanation: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyFinding): Bilingual {
      if (!this.#text) {
        // Facts' packed months (packedMonths.ts) are the evidence's: read once, shared by both.
        let facts = this.#facts as { months?: unknown } | undefined;
        if (facts && facts.months instanceof PackedMonths) {
          const packed = facts.months;
          facts = { ...facts, months: this.evidence instanceof PackedEvidence ? this.evidence.monthsFor(packed) : packed.unpack() };
        }
        this.#text = this.#explain!(facts);
        this.#explain = undefined;
        this.#facts = undefined;
      }
      return this.#text;
    },
    set(this: LazyFinding, value: Bilingual) {
      this.#text = value;
      this.#explain = undefined;
      this.#facts = undefined;
    },
  };
}

/** Rank evidence of cadre `c` for months [from, to] (months without a score are left out). */
export function cadreMonths(ctx: RuleContext, c: number, from: number, to: number): RankEvidence[] {
  const out: RankEvidence[] = [];
  for (let m = from; m <= to; m++) {
    const e = ctx.index.rankEvidence(c, m);
    if (e) out.push(e);
  }
  return out;
}

/** Whether a finding's evidence shows the rank evidence of `month` (packed months are not made objects for it). */
export function evidenceCitesMonth(evidence: Finding['evidence'], month: Month): boolean {
  if (evidence instanceof PackedEvidence) return evidence.cites(month);
  const months = (evidence as { months?: readonly RankEvidence[] }).months;
  if (!months || !months.length) return false;
  // Evidence runs up to the as-of month, the month most writes land in: look at the end first.
  if (months[months.length - 1].month === month) return true;
  for (const e of months) if (e.month === month) return true;
  return false;
}

/** cadreMonths packed (packedMonths.ts): for evidence a rule only hands on to makeFinding. */
export function packedCadreMonths(ctx: RuleContext, c: number, from: number, to: number): PackedMonths {
  const pool = ctx.months;
  pool.begin(to - from + 1);
  for (let m = from; m <= to; m++) ctx.index.packRankEvidence(c, m, pool);
  return pool.end();
}

/** unitMonths packed (packedMonths.ts). */
export function packedUnitMonths(ctx: RuleContext, u: number, from: number, to: number): PackedMonths {
  const pool = ctx.months;
  pool.begin(to - from + 1);
  for (let m = from; m <= to; m++) {
    const r = ctx.index.unitRanking(m);
    if (r.rank[u]) pool.push(m, r.mean[u], r.rank[u], r.n, r.third[u]);
  }
  return pool.end();
}

/** Rank evidence of unit `u` (mean score among units) for months [from, to]. */
export function unitMonths(ctx: RuleContext, u: number, from: number, to: number): RankEvidence[] {
  const out: RankEvidence[] = [];
  for (let m = from; m <= to; m++) {
    const r = ctx.index.unitRanking(m);
    if (!r.rank[u]) continue;
    const t = r.third[u];
    out.push({ month: r.month, score: r.mean[u], rank: r.rank[u], n: r.n, third: t === 1 ? 'top' : t === 2 ? 'middle' : t === 3 ? 'bottom' : 'none' });
  }
  return out;
}
