// findings.*: the month's findings as officers work through them, dismissing and acting on them.
// Assembly is pure (shared/views/findings.ts); here: the clock, validation against the ledger and
// the journaled commit (who and when are recorded with the event).
import { LedgerError, validationError, type FieldError } from '../../shared/contract/errors';
import type { Finding } from '../../shared/domain/findings';
import { findingDismissalSchema, measureSchema, type FindingDismissal, type Subject } from '../../shared/domain/records';
import type { LedgerState } from '../../shared/ledger/collections';
import { put } from '../../shared/ledger/events';
import { checkReferences, lookupIn } from '../../shared/ledger/references';
import { recordingDate } from '../../shared/views/dates';
import { createViewEngine } from '../../shared/views/engineBinding';
import { listFindings, measureFromFinding, monthOverview } from '../../shared/views/findings';
import { nextSequentialId } from '../../shared/ledger/ids';
import { scoredCadres } from '../../shared/views/monthReadiness';
import type { ViewEngine } from '../../shared/views/viewEngine';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';

/**
 * One engine per service context, shared by the findings, case-file and tracker handlers, so the
 * ledger index of an as-of month is built once per store revision, not once per handler group.
 */
const engines = new WeakMap<ServiceContext, ViewEngine>();
export function viewEngineOf(ctx: ServiceContext): ViewEngine {
  let engine = engines.get(ctx);
  if (!engine) {
    engine = createViewEngine(() => ctx.store.revision);
    engines.set(ctx, engine);
  }
  return engine;
}

type FindingsEndpoints = 'findings.list' | 'findings.overview' | 'findings.dismiss' | 'findings.act';

/** Finding keys are `rule|type:id|…`: the subject, when the key says it, narrows the evaluation. */
export function subjectOfKey(key: string): Subject | undefined {
  const m = /^[^|]+\|(cadre|unit):([^|]+)/.exec(key);
  return m ? { type: m[1] as Subject['type'], id: m[2] } : undefined;
}

export function findFinding(state: LedgerState, engine: ViewEngine, key: string, asOf: string): Finding | undefined {
  const subject = subjectOfKey(key);
  const found = engine.evaluate(state, asOf, subject).find((f) => f.key === key);
  if (found || !subject) return found;
  return engine.evaluate(state, asOf).find((f) => f.key === key);
}

export const findingGone = (key: string) =>
  new LedgerError(
    'NOT_FOUND',
    { zh: '该提示已不存在（可能已处理或数据已变化），请刷新', en: 'This finding no longer exists (handled or the data changed); refresh' },
    [{ path: 'findingKey', message: { zh: `提示“${key}”不存在`, en: `no finding "${key}"` } }],
  );

export function findingsHandlers(ctx: ServiceContext, engine: ViewEngine = viewEngineOf(ctx)): HandlerGroup<FindingsEndpoints> {
  const today = () => todayOf(ctx.now());
  return {
    'findings.list': ({ asOf, subject }) => listFindings(ctx.store.state(), engine, { asOf, subject, today: today() }),

    'findings.overview': ({ asOf }) => {
      const state = ctx.store.state();
      const scored = scoredCadres(state, asOf);
      return { ...monthOverview(listFindings(state, engine, { asOf, today: today() })), scoredCadres: scored, hasScores: scored > 0 };
    },

    'findings.dismiss': async ({ findingKey, reason }, call) => {
      const state = ctx.store.state();
      // Dismissing the same finding again replaces the reason (one dismissal per finding).
      const existing = [...state.dismissals.values()].find((d) => d.findingKey === findingKey);
      const dismissal: FindingDismissal = findingDismissalSchema.parse({
        id: existing?.id ?? nextSequentialId(state.dismissals.keys(), 'D'),
        findingKey,
        reason,
        date: today(),
      });
      await ctx.store.commit([put('dismissals', dismissal)], { user: call.user, command: 'findings.dismiss' });
      return dismissal;
    },

    'findings.act': async ({ findingKey, asOf, measure: overrides }, call) => {
      const state = ctx.store.state();
      const finding = findFinding(state, engine, findingKey, asOf);
      if (!finding) throw findingGone(findingKey);
      const draft = measureFromFinding(state, finding, recordingDate(asOf, today()), overrides);
      const parsed = measureSchema.safeParse(draft);
      if (!parsed.success) throw validationError(parsed.error.issues, draft, 'measure');
      const measure = parsed.data;
      const fields: FieldError[] = checkReferences('measures', measure, lookupIn(state)).map((f) => ({
        ...f,
        path: `measure.${f.path}`,
      }));
      if (measure.endsOn && measure.endsOn < measure.startsOn) {
        fields.push({
          path: 'measure.endsOn',
          message: { zh: '结束日期不能早于开始日期', en: 'end date cannot be before the start date' },
        });
      }
      if (overrides.id && state.measures.has(overrides.id)) {
        fields.push({ path: 'measure.id', message: { zh: `编号“${overrides.id}”已被使用`, en: `id "${overrides.id}" is already in use` } });
      }
      if (fields.length > 0) {
        throw new LedgerError('VALIDATION', { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the marked fields' }, fields);
      }
      await ctx.store.commit([put('measures', measure)], { user: call.user, command: 'findings.act' });
      return measure;
    },
  };
}
