// The engine benchmark's peer: the 22 rules of shared/engine/rules written for json-rules-engine,
// run on the same ledger. Honest about what it does: the ledger index, the ranking, the record
// lists and the unit ranking are data preparation (the same LedgerIndex and helpers as ours),
// timed once as "index + ranking"; the rules are JSON conditions over facts — small functions
// reading the index — with every comparison, threshold and and/or in the JSON, thresholds read
// from the same policy document. Where a rule is about a quantity over records (the raises since
// a streak began, the strictest grade limit, a unit's excellent quota, the measures that show a
// probation was escalated, a rehabilitation plan's status and last review as they stood on a day)
// a fact computes that quantity and the JSON compares it.
//
// The engine runs once per cadre and per unit, and once per record for the rules that judge one
// record at a time (a probation or placement, an impact period, a fault, a rehabilitation plan),
// as a json-rules-engine user would feed it. Each kind of run has its own Engine holding the rules
// about it, so a run does not evaluate rules that cannot apply to it.
import { Engine, Operator, type Almanac, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { performance } from 'node:perf_hooks';
import type { IsoDate, Month } from '../shared/domain/primitives';
import type { FaultRecord, Measure, MeasureKind, RehabPlan, Subject, SubjectType } from '../shared/domain/records';
import { LedgerIndex, type RuleId } from '../shared/engine';
import { addDays, monthIndex, monthOf } from '../shared/engine/calendar';
import { currentTrial, gradeOf, gradeRun, hasExited, lastGraded, type TrialStretch } from '../shared/engine/facts';
import { barsInMonth, measureActiveIn, scheduledLastDay, type ImpactPeriod } from '../shared/engine/periods';
import { THIRD_BOTTOM, THIRD_TOP, type ThirdCode } from '../shared/engine/ranking';
import { createContext, type RuleContext } from '../shared/engine/rule';
import { excellentQuota } from '../shared/engine/rules/annual.excellent-quota';
import { countInWindow, runEndingAt, thirdIn } from '../shared/engine/streaks';
import type { LedgerState } from '../shared/ledger/collections';
import type { GradeLimit } from '../shared/policy/schema';

/** What one engine run looks at. */
type RunOn = 'cadre' | 'unit' | 'measure' | 'impactPeriod' | 'fault' | 'plan';
interface JsonRule {
  on: RunOn;
  rule: RuleProperties;
}
type Condition = TopLevelCondition | { fact: string; operator: string; value: unknown; params?: Record<string, unknown>; priority?: number };
type Params = Record<string, any>;

export interface JsonRulesEngineRun {
  /** Index, ranking, record lists and unit ranking: measured once. */
  indexMs: number;
  indexCpu: number;
  /** Runs for the sampled cadres (with their records) and for the sampled units (with theirs). */
  cadreMs: number;
  cadreCpu: number;
  unitMs: number;
  unitCpu: number;
  cadres: number;
  units: number;
  sampledCadres: number;
  sampledUnits: number;
  /** The sampled cadres and units, for checking against ours. */
  subjects: Subject[];
  /** rule|subjectType:subjectId of every rule that fired. */
  fired: Set<string>;
}

const thirdName = (code: ThirdCode) => (code === THIRD_TOP ? 'top' : code === THIRD_BOTTOM ? 'bottom' : code === 0 ? 'unscored' : 'other');
/** The strictest limit wins: incompetent > ungraded > not excellent (DECISIONS.md 26). */
const strictness: Record<GradeLimit, number> = { notExcellent: 1, ungraded: 2, incompetent: 3 };

/** The 22 rules as JSON, for the as-of month and policy of `ctx`. */
function jsonRules(ctx: RuleContext): JsonRule[] {
  const p = ctx.policy;
  const is = (fact: string, value: unknown, params?: Params): Condition => ({ fact, operator: 'equal', value, ...(params && { params }) });
  // A condition that decides whether the rest is worth evaluating (json-rules-engine runs higher
  // priorities first and stops an `all` once one fails).
  const first = (c: Condition): Condition => ({ ...c, priority: 10 });
  const streak = (fact: string, months: number, value: string) => Array.from({ length: months }, (_, offset) => is(fact, value, { offset }));
  const rule = (on: RunOn, id: RuleId, all: Condition[], name: string = id): JsonRule => ({ on, rule: { name, conditions: { all }, event: { type: id } } as RuleProperties });
  const evaluationMonth = first(is('asOfMonthOfYear', p.annual.evaluationMonth));
  const gradeThisYear = (operator: string, value: unknown): Condition => ({ fact: 'grade', params: { yearsAgo: 0 }, operator, value });
  const reviewDueBy = addDays(ctx.lastDay, p.reviewWindows.probationDays);
  return [
    rule('cadre', 'raise.top-third-streak', [...streak('third', p.streaks.raiseTopThirdMonths, 'top'), is('raisesInTopStreak', 0)]),
    rule('cadre', 'warn.bottom-third-streak', [
      ...streak('third', p.streaks.warnBottomThirdMonths, 'bottom'),
      is('measuresInLast', 0, { months: p.streaks.warnBottomThirdMonths, kinds: p.actedMeasures.warn }),
    ]),
    rule('cadre', 'place.bottom-third-long', [
      ...streak('third', p.streaks.placeBottomThirdMonths, 'bottom'),
      is('measuresInLast', 0, { months: p.streaks.placeBottomThirdMonths, kinds: p.actedMeasures.place }),
    ]),
    rule('unit', 'team.low-ranking', [...streak('unitThird', p.streaks.teamBottomThirdMonths, 'bottom'), is('activeProbations', 0)]),
    rule('measure', 'probation.review-due', [
      first({ fact: 'measureKind', operator: 'in', value: ['probation', 'transitionalPlacement'] }),
      is('measureOutcome', 'none'),
      { fact: 'measureLastDay', operator: 'onOrBefore', value: reviewDueBy },
    ]),
    rule(
      'cadre',
      'probation.review-due',
      [is('trialOutcome', 'none'), { fact: 'trialLastDay', operator: 'onOrBefore', value: reviewDueBy }],
      'probation.review-due (current trial)',
    ),
    rule('measure', 'probation.not-improved', [
      first(is('measureKind', 'probation')),
      is('measureOutcome', 'none'),
      { fact: 'measureLastDay', operator: 'onOrBefore', value: ctx.lastDay },
      is('thirdInMeasureLastMonth', 'bottom'),
      // Not once the office has escalated: a later rung, or a "placement or stronger" kind (§4.2).
      is('escalationsSinceStart', 0, { alsoKinds: p.actedMeasures.place }),
    ]),
    rule('cadre', 'trial.review', [
      is('trialOutcome', 'none'),
      { fact: 'trialLastDay', operator: 'onOrAfter', value: ctx.firstDay },
      { fact: 'trialLastDay', operator: 'onOrBefore', value: addDays(ctx.lastDay, p.reviewWindows.trialDays) },
    ]),
    rule('cadre', 'sanction.salary-deduction', [{ fact: 'deductionPercent', operator: 'greaterThan', value: 0 }]),
    rule('cadre', 'sanction.no-promotion', [is('barred', true)]),
    rule('cadre', 'sanction.no-honours', [{ fact: 'honoursRecordsThisYear', operator: 'greaterThan', value: 0 }]),
    rule('impactPeriod', 'sanction.release-due', [
      // The period's exclusive end is on or before the 1st of the next month, and not released by M.
      { fact: 'periodEnd', operator: 'onOrBefore', value: addDays(ctx.lastDay, 1) },
      { not: { fact: 'releasedOn', operator: 'onOrBefore', value: ctx.lastDay } },
    ]),
    rule('fault', 'deduction.fault', [is('faultMonth', ctx.asOf)]),
    rule('cadre', 'annual.excellent-reward', [evaluationMonth, gradeThisYear('equal', 'excellent')]),
    rule('cadre', 'annual.merit3', [
      evaluationMonth,
      gradeThisYear('equal', 'excellent'),
      // Each full run of N excellent years earns one merit.
      { fact: 'gradeRun', params: { grade: 'excellent' }, operator: 'greaterThanInclusive', value: p.annual.merit3Years },
      { fact: 'gradeRun', params: { grade: 'excellent' }, operator: 'multipleOf', value: p.annual.merit3Years },
    ]),
    rule('cadre', 'annual.bonus-cancel', [evaluationMonth, gradeThisYear('in', ['basic', 'incompetent'])]),
    rule('cadre', 'annual.demote', [evaluationMonth, gradeThisYear('equal', 'incompetent')]),
    rule('cadre', 'annual.dismiss', [
      evaluationMonth,
      ...Array.from({ length: p.annual.dismissIncompetentYears }, (_, yearsAgo) => is('grade', 'incompetent', { yearsAgo })),
    ]),
    rule('cadre', 'annual.grade-conflict', [
      evaluationMonth,
      gradeThisYear('notEqual', 'none'),
      {
        any: [
          { all: [is('gradeLimit', 'incompetent'), gradeThisYear('notEqual', 'incompetent')] },
          { all: [is('gradeLimit', 'ungraded'), gradeThisYear('notEqual', 'ungraded')] },
          { all: [is('gradeLimit', 'notExcellent'), gradeThisYear('equal', 'excellent')] },
        ],
      } as TopLevelCondition,
    ]),
    rule('unit', 'annual.excellent-quota', [evaluationMonth, { fact: 'excellentGrades', operator: 'greaterThan', value: { fact: 'excellentQuota' } }]),
    rule('cadre', 'promote.candidate', [
      { fact: 'topMonthsInWindow', params: { months: p.promotion.windowMonths }, operator: 'greaterThanInclusive', value: p.promotion.topThirdMonths },
      is('lastGradedGrade', p.promotion.requiredGrade),
      is('barred', false),
      is('exited', false),
    ]),
    rule('cadre', 'rehab.reascend', [
      { fact: 'monthsSinceRehabMeasure', operator: 'greaterThanInclusive', value: p.rehab.minMonthsSinceStart },
      is('promotionsSinceRehabMeasure', 0),
      // A plan for that measure (or started since) completed or with a positive last review, as
      // it stood on M's last day.
      {
        any: [
          { fact: 'rehabPlanStatusesOn', params: { day: ctx.lastDay }, operator: 'contains', value: 'completed' },
          { fact: 'rehabPlanReviewsOn', params: { day: ctx.lastDay }, operator: 'contains', value: 'positive' },
        ],
      } as TopLevelCondition,
      { fact: 'topMonthsInWindow', params: { months: p.rehab.windowMonths }, operator: 'greaterThanInclusive', value: p.rehab.topThirdMonths },
      is('barred', false),
      is('exited', false),
    ]),
    rule('plan', 'rehab.checkin-due', [
      // Active in M: active now, or closed after M's last day.
      first({ any: [is('planStatus', 'active'), { fact: 'planClosedOn', operator: 'after', value: ctx.lastDay }] } as TopLevelCondition),
      { fact: 'lastContact', operator: 'onOrBefore', value: addDays(ctx.lastDay, -p.reviewWindows.checkInDays) },
    ]),
  ];
}

/** Facts: each reads the run's subject or record and the index; none returns a rule's verdict. */
function addFacts(engine: Engine, index: LedgerIndex, ctx: RuleContext): void {
  const { month, policy } = ctx;
  const cadreOf = (a: Almanac) => a.factValue<number>('cadre');
  const unitOf = (a: Almanac) => a.factValue<number>('unit');
  const fact = (id: string, value: (params: Params, almanac: Almanac) => unknown) => engine.addFact(id, value);
  engine.addFact('asOfMonthOfYear', Number(ctx.asOf.slice(5, 7)));

  // Ranking
  fact('third', async (params, a) => thirdName(thirdIn(index.thirds, await cadreOf(a), month - params.offset)));
  fact('unitThird', async (params, a) => thirdName(index.unitThirdAt(await unitOf(a), month - params.offset)));
  fact('topMonthsInWindow', async (params, a) => countInWindow(index.thirds, await cadreOf(a), month - params.months + 1, month, THIRD_TOP));
  fact('raisesInTopStreak', async (_, a) => {
    const c = await cadreOf(a);
    const since = index.monthName(month - runEndingAt(index.thirds, c, month, THIRD_TOP) + 1) + '-01';
    return index.measuresOf(c)?.filter((m) => m.kind === 'salaryRaise' && m.startsOn >= since).length ?? 0;
  });
  fact('measuresInLast', async (params, a) => {
    const since = index.monthName(month - params.months + 1) + '-01';
    return index.measuresOf(await cadreOf(a))?.filter((m) => params.kinds.includes(m.kind) && m.startsOn >= since).length ?? 0;
  });
  fact('activeProbations', async (_, a) => index.unitMeasuresOf(await unitOf(a))?.filter((m) => m.kind === 'probation' && measureActiveIn(m, ctx.asOf)).length ?? 0);

  // Grades, promotion, exits
  fact('grade', async (params, a) => gradeOf(index, await cadreOf(a), ctx.year - params.yearsAgo)?.grade ?? 'none');
  fact('gradeRun', async (params, a) => gradeRun(index, await cadreOf(a), ctx.year, params.grade));
  fact('lastGradedGrade', async (_, a) => lastGraded(index, await cadreOf(a), ctx.year)?.grade ?? 'none');
  fact('barred', async (_, a) => barsInMonth(index.promotionBarsOf(await cadreOf(a)), ctx.asOf).length > 0);
  fact('exited', async (_, a) => hasExited(index, await cadreOf(a)));
  fact('gradeLimit', async (_, a) => {
    const c = await cadreOf(a);
    let limit: GradeLimit | undefined;
    const consider = (date: IsoDate, limits: { sameYear?: GradeLimit; nextYear?: GradeLimit } | undefined) => {
      const y = Number(date.slice(0, 4));
      const l = y === ctx.year ? limits?.sameYear : y === ctx.year - 1 ? limits?.nextYear : undefined;
      if (l && (!limit || strictness[l] > strictness[limit])) limit = l;
    };
    for (const s of index.sanctionsOf(c) ?? []) consider(s.decidedOn, index.policyAt(monthOf(s.decidedOn)).gradeLimits.sanctions[s.kind]);
    for (const m of index.measuresOf(c) ?? []) consider(m.startsOn, index.policyAt(monthOf(m.startsOn)).gradeLimits.measures[m.kind]);
    return limit ?? 'none';
  });
  // The unit's grades of the year: graded (not ungraded) and excellent.
  fact('unitGrades', async (_, a) => {
    let graded = 0;
    let excellent = 0;
    for (const c of index.unitMembers[await unitOf(a)]) {
      const g = gradeOf(index, c, ctx.year)?.grade;
      if (!g || g === 'ungraded') continue;
      graded++;
      if (g === 'excellent') excellent++;
    }
    return { graded, excellent };
  });
  const unitGrades = (a: Almanac) => a.factValue<{ graded: number; excellent: number }>('unitGrades');
  fact('excellentGrades', async (_, a) => (await unitGrades(a)).excellent);
  fact('excellentQuota', async (_, a) => excellentQuota((await unitGrades(a)).graded, policy.annual.excellentQuotaPercent, policy.annual.excellentQuotaMinimum));

  // Sanctions
  fact('deductionPercent', async (_, a) => {
    const running = index.impactPeriodsOf(await cadreOf(a)).filter((x) => x.start <= ctx.lastDay && x.end > ctx.firstDay);
    return running.reduce((max, x) => Math.max(max, policy.salaryDeductionPercent[x.kind]), 0);
  });
  fact('honoursRecordsThisYear', async (_, a) => {
    const c = await cadreOf(a);
    const yearStart = `${ctx.year}-01-01`;
    const s = index.sanctionsOf(c)?.filter((x) => x.decidedOn >= yearStart).length ?? 0;
    const m = index.measuresOf(c)?.filter((x) => x.startsOn >= yearStart && policy.honours.disqualifyingMeasures.includes(x.kind)).length ?? 0;
    return s + m;
  });
  fact('periodEnd', async (_, a) => (await a.factValue<ImpactPeriod>('period')).end);
  fact('releasedOn', async (_, a) => (await a.factValue<ImpactPeriod>('period')).releasedOn ?? null);

  // Trials, probations, placements
  fact('trial', async (_, a) => currentTrial(index, await cadreOf(a)) ?? null);
  fact('trialOutcome', async (_, a) => (await a.factValue<TrialStretch | null>('trial'))?.outcome ?? 'none');
  fact('trialLastDay', async (_, a) => (await a.factValue<TrialStretch | null>('trial'))?.lastDay ?? null);
  const measure = (a: Almanac) => a.factValue<Measure>('measure');
  fact('measureKind', async (_, a) => (await measure(a)).kind);
  fact('measureOutcome', async (_, a) => (await measure(a)).outcome ?? 'none');
  // A probation without an end date lasts the policy's probation length; a placement without one is open-ended.
  fact('measureLastDay', async (_, a) => {
    const m = await measure(a);
    return m.kind === 'probation' ? scheduledLastDay(m, index.policyAt(monthOf(m.startsOn)).probation.months) : (m.endsOn ?? null);
  });
  fact('thirdInMeasureLastMonth', async (_, a) => {
    const lastDay = await a.factValue<IsoDate | null>('measureLastDay');
    if (!lastDay) return 'none';
    const s = await a.factValue<number>('subject');
    const m = monthIndex(lastDay);
    return thirdName((await a.factValue<SubjectType>('subjectType')) === 'cadre' ? thirdIn(index.thirds, s, m) : index.unitThirdAt(s, m));
  });
  // Measures of the ladder's rungs after the probation's, or of the kinds `alsoKinds`, recorded
  // since the probation began (null when the ladder has no rung to escalate to).
  fact('escalationsSinceStart', async (params, a) => {
    const m = await measure(a);
    const type = await a.factValue<SubjectType>('subjectType');
    const s = await a.factValue<number>('subject');
    const ladder = policy.ladder[type];
    const at = ladder.findIndex((step) => step.includes('probation'));
    if (at < 0 || at + 1 >= ladder.length) return null;
    // Not a kind of the probation's rung or an earlier one (the probation is not its own escalation).
    const earlier: readonly MeasureKind[] = ladder.slice(0, at + 1).flat();
    const later: readonly MeasureKind[] = [...ladder.slice(at + 1).flat(), ...(params.alsoKinds as MeasureKind[]).filter((k) => !earlier.includes(k))];
    const measures = type === 'cadre' ? index.measuresOf(s) : index.unitMeasuresOf(s);
    return measures?.filter((x) => later.includes(x.kind) && x.startsOn >= m.startsOn).length ?? 0;
  });

  // Faults
  fact('faultMonth', async (_, a) => monthOf((await a.factValue<FaultRecord>('fault')).date));

  // Rehabilitation: the latest demotion, removal or placement, and the plans that belong to it.
  fact('rehabMeasure', async (_, a) => {
    let latest: Measure | null = null;
    for (const m of index.measuresOf(await cadreOf(a)) ?? []) if (policy.rehab.measures.includes(m.kind)) latest = m;
    return latest;
  });
  const rehabMeasure = (a: Almanac) => a.factValue<Measure | null>('rehabMeasure');
  fact('monthsSinceRehabMeasure', async (_, a) => {
    const m = await rehabMeasure(a);
    return m ? month - monthIndex(m.startsOn) : null;
  });
  fact('promotionsSinceRehabMeasure', async (_, a) => {
    const m = await rehabMeasure(a);
    return m ? (index.measuresOf(await cadreOf(a))?.filter((x) => x.kind === 'promotion' && x.startsOn >= m.startsOn).length ?? 0) : 0;
  });
  fact('rehabPlans', async (_, a) => {
    const m = await rehabMeasure(a);
    return m ? (index.plansOf(await cadreOf(a))?.filter((pl) => pl.measureId === m.id || pl.startsOn >= m.startsOn) ?? []) : [];
  });
  // Each plan as it stood on `day` (§4.1a, DECISIONS.md 161): closed after the day, it was still
  // active; with dated reviews, its last review is the latest held by the day (a same-day pair:
  // the later entry; none held: none). A plan without those dates (imported) counts as recorded.
  const plans = (a: Almanac) => a.factValue<RehabPlan[]>('rehabPlans');
  const statusOn = (pl: RehabPlan, day: IsoDate) => (pl.closedOn && pl.closedOn > day ? 'active' : pl.status);
  const reviewOn = (pl: RehabPlan, day: IsoDate) => {
    if (!pl.reviews?.some((r) => r.date > day)) return pl.lastReview ?? 'none';
    let last: { date: IsoDate; result: string } | undefined;
    for (const r of pl.reviews) if (r.date <= day && (!last || r.date >= last.date)) last = r;
    return last?.result ?? 'none';
  };
  fact('rehabPlanStatusesOn', async (params, a) => (await plans(a)).map((pl) => statusOn(pl, params.day)));
  fact('rehabPlanReviewsOn', async (params, a) => (await plans(a)).map((pl) => reviewOn(pl, params.day)));
  const plan = (a: Almanac) => a.factValue<RehabPlan>('plan');
  fact('planStatus', async (_, a) => (await plan(a)).status);
  fact('planClosedOn', async (_, a) => (await plan(a)).closedOn ?? null);
  // The latest check-in since the plan began, else the plan's start.
  fact('lastContact', async (_, a) => {
    const pl = await plan(a);
    const checkIns = index.checkInsByPlan.get(pl.id);
    const last = checkIns?.[checkIns.length - 1];
    return last && last.date >= pl.startsOn ? last.date : pl.startsOn;
  });
}

const isDate = (v: unknown) => typeof v === 'string';
/** Operators the JSON needs beyond the built-in ones: ISO dates compare as text. */
const operators = [
  new Operator<IsoDate, IsoDate>('onOrBefore', (a, b) => a <= b, isDate),
  new Operator<IsoDate, IsoDate>('onOrAfter', (a, b) => a >= b, isDate),
  new Operator<IsoDate, IsoDate>('after', (a, b) => a > b, isDate),
  new Operator<number, number>('multipleOf', (a, b) => a % b === 0, (v) => typeof v === 'number'),
];

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs `rules` (json-rules-engine) as of `asOf` on an evenly spread sample of cadres and units
 * (every k-th, so every peer group and unit size is represented).
 */
export async function runJsonRulesEngine(
  state: LedgerState,
  asOf: Month,
  options: { rules: readonly RuleId[]; sampleCadres: number },
): Promise<JsonRulesEngineRun> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const index = new LedgerIndex(state, { asOf });
  index.rankAll();
  // The record lists and the unit ranking are built on first use: build what the facts read here,
  // so that their cost is timed once and not scaled up with the sample.
  void [index.sanctions, index.cadreMeasures, index.unitMeasures, index.cadreMeasureKinds, index.unitMeasureKinds];
  void [index.grades, index.faults, index.plans, index.checkInsByPlan];
  for (let m = index.baseMonth; m < index.baseMonth + index.span; m++) index.unitRanking(m);
  const indexMs = performance.now() - t0;
  const indexCpu = cpuMs() - c0;

  const ctx = createContext(index, monthIndex(asOf), [], [], () => {});
  const engines = new Map<RunOn, Engine>();
  for (const { on, rule } of jsonRules(ctx)) {
    if (!options.rules.includes(rule.event.type as RuleId)) continue;
    let engine = engines.get(on);
    if (!engine) {
      engine = new Engine([], { allowUndefinedFacts: false });
      for (const op of operators) engine.addOperator(op);
      addFacts(engine, index, ctx);
      engines.set(on, engine);
    }
    engine.addRule(rule);
  }

  const step = Math.max(1, Math.floor(index.cadres.length / options.sampleCadres));
  const cadres: number[] = [];
  for (let c = 0; c < index.cadres.length && cadres.length < options.sampleCadres; c += step) cadres.push(c);
  const units: number[] = [];
  for (let u = 0; u < index.units.length; u += step) units.push(u);

  const fired = new Set<string>();
  /** One run per record of `records` (none when no rule is about such records). */
  const runs = async (on: RunOn, subject: Subject, records: () => readonly Record<string, unknown>[]) => {
    const engine = engines.get(on);
    if (!engine) return;
    for (const facts of records()) {
      const { events } = await engine.run(facts);
      for (const e of events) fired.add(`${e.type}|${subject.type}:${subject.id}`);
    }
  };

  const c1 = cpuMs();
  const t1 = performance.now();
  for (const c of cadres) {
    const subject: Subject = { type: 'cadre', id: index.cadres[c].id };
    await runs('cadre', subject, () => [{ cadre: c }]);
    await runs('measure', subject, () => (index.measuresOf(c) ?? []).map((measure) => ({ subjectType: 'cadre', subject: c, measure })));
    await runs('impactPeriod', subject, () => index.impactPeriodsOf(c).map((period) => ({ cadre: c, period })));
    await runs('fault', subject, () => (index.faultsOf(c) ?? []).map((fault) => ({ cadre: c, fault })));
    await runs('plan', subject, () => (index.plansOf(c) ?? []).map((plan) => ({ cadre: c, plan })));
  }
  const cadreMs = performance.now() - t1;
  const cadreCpu = cpuMs() - c1;
  const c2 = cpuMs();
  const t2 = performance.now();
  for (const u of units) {
    const subject: Subject = { type: 'unit', id: index.units[u].id };
    await runs('unit', subject, () => [{ unit: u }]);
    await runs('measure', subject, () => (index.unitMeasuresOf(u) ?? []).map((measure) => ({ subjectType: 'unit', subject: u, measure })));
  }
  const unitMs = performance.now() - t2;
  const unitCpu = cpuMs() - c2;

  return {
    indexMs,
    indexCpu,
    cadreMs,
    cadreCpu,
    unitMs,
    unitCpu,
    cadres: index.cadres.length,
    units: index.units.length,
    sampledCadres: cadres.length,
    sampledUnits: units.length,
    subjects: [
      ...cadres.map((c): Subject => ({ type: 'cadre', id: index.cadres[c].id })),
      ...units.map((u): Subject => ({ type: 'unit', id: index.units[u].id })),
    ],
    fired,
  };
}
