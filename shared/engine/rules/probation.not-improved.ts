// probation.not-improved — a probation that ended in M or earlier without an outcome, while the
// cadre (or unit) was still in the bottom third in its last month → escalate one step on the
// ladder (§4.3): for a cadre the step after "warning + probation" is a transitional placement,
// for a unit the team is reorganized. Not suggested again once a measure of a later step has been
// recorded since the probation began.
import type { RankEvidence } from '../../domain/findings';
import type { Bilingual, IsoDate } from '../../domain/primitives';
import type { Measure, MeasureKind, Subject } from '../../domain/records';
import { monthIndex, monthOf } from '../calendar';
import { dayRange } from '../explain';
import { joinLabels, measureLabels } from '../labels';
import { kindMask } from '../ledgerIndex';
import { scheduledLastDay } from '../periods';

const PROBATION = kindMask(['probation']);
import { cadreMonths, cadreSubject, makeFinding, unitMonths, unitSubject, type Rule, type RuleContext } from '../rule';

export interface NotImprovedFacts {
  probationId: string;
  start: IsoDate;
  lastDay: IsoDate;
  lastMonth: RankEvidence;
  nextStep: readonly MeasureKind[];
  unit: boolean;
}

export function explainNotImproved(f: NotImprovedFacts): Bilingual {
  const next = joinLabels(f.nextStep.map((k) => measureLabels[k]));
  const span = dayRange(f.start, f.lastDay);
  const who = f.unit ? { zh: '单位平均得分', en: "the unit's mean score" } : { zh: '本人', en: 'the cadre' };
  return {
    zh: `观察期（${f.probationId}，${span.zh}）已届满且未记录结果，最后一个月（${f.lastMonth.month}）${who.zh}仍位列后三分之一（第${f.lastMonth.rank}/${f.lastMonth.n}名），按阶梯建议升级为：${next.zh}。`,
    en: `The probation (${f.probationId}, ${span.en}) has ended without a recorded outcome and in its last month (${f.lastMonth.month}) ${who.en} was still in the bottom third (rank ${f.lastMonth.rank}/${f.lastMonth.n}); the next step on the ladder is: ${next.en}.`,
  };
}

/**
 * The step after the probation step, and the kinds that show the office has escalated already:
 * every kind at or after that step, and the "transitional placement or stronger" kinds of
 * place.bottom-third-long (§4.2 "as above": rank reassignment and immediate exit are off the
 * ladder but stronger than a placement; DECISIONS.md, audit 16 A).
 */
function nextSteps(
  ladder: readonly (readonly MeasureKind[])[],
  stronger: readonly MeasureKind[],
): { next: readonly MeasureKind[]; later: Set<MeasureKind> } | undefined {
  const at = ladder.findIndex((step) => step.includes('probation'));
  if (at < 0 || at + 1 >= ladder.length) return undefined;
  // Not a kind of the probation's rung or an earlier one, should the policy list one there: the
  // probation itself (or a warning after it) is no escalation.
  const earlier = new Set(ladder.slice(0, at + 1).flat());
  return { next: ladder[at + 1], later: new Set([...ladder.slice(at + 1).flat(), ...stronger.filter((k) => !earlier.has(k))]) };
}

function check(
  ctx: RuleContext,
  subject: Subject,
  measures: readonly Measure[],
  steps: { next: readonly MeasureKind[]; later: Set<MeasureKind> },
  /** The subject's position: a cadre's, or a unit's when `subject` is a unit. */
  at: number,
): void {
  for (const p of measures) {
    if (p.kind !== 'probation' || p.outcome) continue;
    const lastDay = scheduledLastDay(p, ctx.index.policyAt(monthOf(p.startsOn)).probation.months);
    if (lastDay > ctx.lastDay) continue;
    const lastMonth = monthIndex(lastDay);
    const [evidence] = subject.type === 'unit' ? unitMonths(ctx, at, lastMonth, lastMonth) : cadreMonths(ctx, at, lastMonth, lastMonth);
    if (!evidence || evidence.third !== 'bottom') continue;
    if (measures.some((m) => steps.later.has(m.kind) && m.startsOn >= p.startsOn)) continue;
    ctx.emit(
      makeFinding(
        ctx,
        'probation.not-improved',
        subject,
        p.id,
        { kind: steps.next[0], params: { alternatives: [...steps.next], probationId: p.id } },
        { months: [evidence], recordIds: [p.id], probationEndsOn: lastDay },
        explainNotImproved,
        { probationId: p.id, start: p.startsOn, lastDay, lastMonth: evidence, nextStep: steps.next, unit: subject.type === 'unit' },
      ),
    );
  }
}

export const probationNotImproved: Rule = {
  id: 'probation.not-improved',
  title: { zh: '观察期满未改进，建议升级措施', en: 'Probation not improved: escalate' },
  run(ctx) {
    const { index } = ctx;
    const cadreSteps = nextSteps(ctx.policy.ladder.cadre, ctx.policy.actedMeasures.place);
    const unitSteps = nextSteps(ctx.policy.ladder.unit, ctx.policy.actedMeasures.place);
    if (cadreSteps) {
      for (let ci = 0; ci < ctx.cadres.length; ci++) {
        const c = ctx.cadres[ci];
        const measures = index.cadreHas(c, PROBATION) ? index.measuresOf(c) : undefined;
        // No closure over c here: it would give every one of the 50,000 iterations a context to allocate.
        if (measures) check(ctx, cadreSubject(ctx, c), measures, cadreSteps, c);
      }
    }
    if (unitSteps) {
      for (let ui = 0; ui < ctx.units.length; ui++) {
        const u = ctx.units[ui];
        const measures = index.unitHas(u, PROBATION) ? index.unitMeasuresOf(u) : undefined;
        if (measures) check(ctx, unitSubject(ctx, u), measures, unitSteps, u);
      }
    }
  },
};
