// rehab.*: rehabilitation plans — opened from a measure, check-ins, reviews, closing, the list and
// its export, one plan with the way back up. The views are pure (shared/views/rehab.ts); here: the
// clock, the checks against the ledger, revisions and the journaled commit.
import { LedgerError, validationError, type FieldError } from '../../shared/contract/errors';
import type { PlanRow } from '../../shared/contract/rehab';
import { checkInId, checkInSchema, rehabPlanSchema, type RehabPlan } from '../../shared/domain/records';
import { lastDayOf } from '../../shared/engine/calendar';
import type { LedgerState } from '../../shared/ledger/collections';
import { put } from '../../shared/ledger/events';
import { nextSequentialId } from '../../shared/ledger/ids';
import { correctEvents, createEvents } from '../../shared/ledger/revisions';
import { listFindings } from '../../shared/views/findings';
import {
  checkInsOf,
  officePlanRows,
  planDraftFromMeasure,
  planRows,
  recentRanks,
  RehabInputError,
  sourceMeasure,
  statusAfter,
  wayBackOf,
  withReview,
} from '../../shared/views/rehab';
import type { ViewEngine } from '../../shared/views/viewEngine';
import { workbookOf } from '../export/xlsx';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';
import { viewEngineOf } from './findings';
import { duplicateError, findDuplicate, stampOf } from './records';

type RehabEndpoints =
  | 'rehab.draftFromMeasure'
  | 'rehab.open'
  | 'rehab.update'
  | 'rehab.checkIn'
  | 'rehab.review'
  | 'rehab.close'
  | 'rehab.list'
  | 'rehab.export'
  | 'rehab.get';

const asLedgerError = (e: unknown): never => {
  if (e instanceof RehabInputError) throw new LedgerError(e.code, e.bilingual, [{ path: e.field, message: e.bilingual }]);
  throw e;
};

const planNotFound = (id: string) =>
  new LedgerError('NOT_FOUND', { zh: `帮扶计划“${id}”不存在`, en: `unknown rehabilitation plan "${id}"` }, [
    { path: 'planId', message: { zh: '计划不存在', en: 'no such plan' } },
  ]);

function openPlan(state: LedgerState, planId: string): RehabPlan {
  const plan = state.rehabPlans.get(planId);
  if (!plan) throw planNotFound(planId);
  if (plan.status !== 'active') {
    const message = { zh: `该计划已于${plan.closedOn ?? ''}结束`, en: `this plan is closed${plan.closedOn ? ` (${plan.closedOn})` : ''}` };
    throw new LedgerError('CONFLICT', message, [{ path: 'planId', message }]);
  }
  return plan;
}

const notBeforeStart = (plan: RehabPlan, date: string, path = 'date'): FieldError[] =>
  date < plan.startsOn
    ? [{ path, message: { zh: `日期不能早于计划开始日期（${plan.startsOn}）`, en: `the date cannot be before the plan's start (${plan.startsOn})` } }]
    : [];

const invalid = (fields: FieldError[]) => new LedgerError('VALIDATION', { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the marked fields' }, fields);

function parsePlan(plan: unknown): RehabPlan {
  const parsed = rehabPlanSchema.safeParse(plan);
  if (!parsed.success) throw validationError(parsed.error.issues, plan);
  const p = parsed.data;
  const fields: FieldError[] = [];
  (p.training ?? []).forEach((t, i) => {
    if (t.to && t.to < t.from) fields.push({ path: `training.${i}.to`, message: { zh: '结束日期不能早于开始日期', en: 'the end cannot be before the start' } });
  });
  if (fields.length) throw invalid(fields);
  return p;
}

type Lang = 'zh' | 'en';
const assignmentLabel: Record<RehabPlan['assignment'], Record<Lang, string>> = {
  ruralRevitalization: { zh: '乡村振兴', en: 'Rural revitalization' },
  grassrootsGovernance: { zh: '基层治理', en: 'Grassroots governance' },
  other: { zh: '其他', en: 'Other' },
};
const statusLabel: Record<RehabPlan['status'], Record<Lang, string>> = {
  active: { zh: '进行中', en: 'Active' },
  completed: { zh: '已完成', en: 'Completed' },
  closed: { zh: '已结束', en: 'Closed' },
};
const outcomeLabel: Record<NonNullable<RehabPlan['outcome']>, Record<Lang, string>> = {
  roseAgain: { zh: '重新使用', en: 'Rose again' },
  continued: { zh: '继续帮扶', en: 'Continued' },
  closed: { zh: '结束', en: 'Closed' },
};
const reviewLabel = { positive: { zh: '积极', en: 'Positive' }, negative: { zh: '消极', en: 'Negative' } };
const exportHeads = {
  sheet: { zh: '帮扶计划', en: 'Rehabilitation plans' },
  asOf: { zh: '截至', en: 'As of' },
  cols: {
    zh: ['计划编号', '姓名', '单位', '开始日期', '状态', '安排方向', '岗位', '地点', '帮扶责任人', '最近回访', '下次回访', '回访逾期', '最近评估', '可重新使用', '最早可考虑日期', '结果'],
    en: ['Plan', 'Name', 'Unit', 'Start', 'Status', 'Assignment', 'Post', 'Place', 'Mentor', 'Last check-in', 'Next check-in', 'Check-in overdue', 'Last review', 'Eligible', 'Earliest date', 'Outcome'],
  },
  yes: { zh: '是', en: 'Yes' },
};

export async function plansWorkbook(rows: PlanRow[], asOf: string, lang: Lang): Promise<Buffer> {
  return workbookOf([
    {
      name: exportHeads.sheet[lang],
      title: `${exportHeads.sheet[lang]} — ${exportHeads.asOf[lang]} ${asOf}`,
      header: exportHeads.cols[lang],
      rows: rows.map((r) => [
        r.plan.id,
        r.cadreName,
        r.unitName ?? '',
        r.plan.startsOn,
        statusLabel[r.plan.status][lang],
        assignmentLabel[r.plan.assignment][lang],
        r.plan.post ?? '',
        r.plan.place ?? '',
        r.plan.mentor ?? '',
        r.lastCheckIn ?? '',
        r.nextCheckIn ?? '',
        r.checkInOverdue ? exportHeads.yes[lang] : '',
        r.plan.lastReview ? reviewLabel[r.plan.lastReview][lang] : '',
        r.eligible ? exportHeads.yes[lang] : '',
        r.earliestDate ?? '',
        r.plan.outcome ? outcomeLabel[r.plan.outcome][lang] : '',
      ]),
      widths: [12, 10, 16, 12, 8, 12, 16, 16, 10, 12, 12, 8, 8, 8, 14, 10],
      styleRow(row, index) {
        if (rows[index].checkInOverdue) row.getCell(12).font = { color: { argb: 'FFCF1322' }, bold: true };
      },
    },
  ]);
}

export function rehabHandlers(ctx: ServiceContext, engine: ViewEngine = viewEngineOf(ctx)): HandlerGroup<RehabEndpoints> {
  const commitAs = (command: string, user: string) => ({ user, command });
  return {
    'rehab.draftFromMeasure': ({ measureId }) => {
      try {
        return planDraftFromMeasure(ctx.store.state(), measureId);
      } catch (e) {
        return asLedgerError(e);
      }
    },

    'rehab.open': async (input, call) => {
      const state = ctx.store.state();
      let measure;
      try {
        measure = sourceMeasure(state, input.measureId);
      } catch (e) {
        return asLedgerError(e);
      }
      const fields: FieldError[] = [];
      if (!state.cadres.has(input.cadreId)) fields.push({ path: 'cadreId', message: { zh: `干部“${input.cadreId}”不存在`, en: `unknown cadre "${input.cadreId}"` } });
      else if (measure.subjectId !== input.cadreId) fields.push({ path: 'measureId', message: { zh: '该措施不是这名干部的', en: "that measure is not this cadre's" } });
      if (input.id && state.rehabPlans.has(input.id)) fields.push({ path: 'id', message: { zh: `编号“${input.id}”已被使用`, en: `id "${input.id}" is already in use` } });
      if (fields.length) throw invalid(fields);
      const { confirmDuplicate, id, ...fieldsIn } = input;
      const plan = parsePlan({ ...fieldsIn, id: id ?? nextSequentialId(state.rehabPlans.keys(), 'R', 6), status: 'active' });
      if (!confirmDuplicate) {
        const dup = findDuplicate(state, 'rehabPlans', plan);
        if (dup) throw duplicateError(dup.id, dup.field);
      }
      await ctx.store.commit(createEvents(state, 'rehabPlans', plan, stampOf(ctx, call.user)), commitAs('rehab.open', call.user));
      return plan;
    },

    'rehab.update': async ({ planId, plan: changes, reason }, call) => {
      const state = ctx.store.state();
      const plan = openPlan(state, planId);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const after = parsePlan({ ...plan, ...defined });
      if (after.startsOn > (plan.reviews?.[0]?.date ?? '9999')) {
        throw invalid([{ path: 'plan.startsOn', message: { zh: '开始日期不能晚于已有评估', en: 'the start cannot be after a review already held' } }]);
      }
      if (JSON.stringify(after) === JSON.stringify(plan)) {
        const message = { zh: '内容没有变化，无需更正', en: 'nothing changed: no correction to record' };
        throw new LedgerError('CONFLICT', message, [{ path: 'plan', message }]);
      }
      await ctx.store.commit(correctEvents(state, 'rehabPlans', after, reason, stampOf(ctx, call.user)), commitAs('rehab.update', call.user));
      return after;
    },

    'rehab.checkIn': async ({ planId, date, talkedBy, thoughts, workState, concerns, support, note }, call) => {
      const state = ctx.store.state();
      const plan = openPlan(state, planId);
      const fields = notBeforeStart(plan, date);
      if (fields.length) throw invalid(fields);
      const id = checkInId(planId, date);
      if (state.checkIns.has(id)) {
        const message = { zh: `${date}已有回访记录，如需修改请更正该记录`, en: `a check-in of ${date} exists: correct it instead` };
        throw new LedgerError('CONFLICT', message, [{ path: 'date', message }]);
      }
      const checkIn = checkInSchema.parse({ id, planId, date, note, talkedBy, thoughts, workState, concerns, support });
      await ctx.store.commit(createEvents(state, 'checkIns', checkIn, stampOf(ctx, call.user)), commitAs('rehab.checkIn', call.user));
      return checkIn;
    },

    'rehab.review': async ({ planId, date, result, evidence, by }, call) => {
      const state = ctx.store.state();
      const plan = openPlan(state, planId);
      const fields = notBeforeStart(plan, date);
      if (fields.length) throw invalid(fields);
      const after = parsePlan(withReview(plan, { date, result, evidence, by: by ?? call.user }));
      await ctx.store.commit([put('rehabPlans', after)], commitAs('rehab.review', call.user));
      const index = engine.index(ctx.store.state(), date.slice(0, 7), { cadreId: plan.cadreId });
      return { plan: after, recentRanks: recentRanks(index, plan.cadreId) };
    },

    'rehab.close': async ({ planId, outcome, date, note }, call) => {
      const state = ctx.store.state();
      const plan = openPlan(state, planId);
      const fields = notBeforeStart(plan, date);
      if (fields.length) throw invalid(fields);
      const closed = parsePlan({
        ...plan,
        status: statusAfter(outcome),
        outcome,
        closedOn: date,
        ...(note ? { goals: plan.goals ? `${plan.goals}\n结束说明：${note}` : `结束说明：${note}` } : {}),
      });
      await ctx.store.commit([put('rehabPlans', closed)], commitAs('rehab.close', call.user));
      return closed;
    },

    'rehab.list': ({ asOf, filters, office }) => {
      const state = ctx.store.state();
      return { asOf, referenceDate: lastDayOf(asOf), items: officePlanRows(state, engine, asOf, filters, office) };
    },

    'rehab.export': async ({ asOf, filters, office, lang }) => {
      const state = ctx.store.state();
      const rows = officePlanRows(state, engine, asOf, filters, office);
      const buffer = await plansWorkbook(rows, asOf, lang);
      return { fileName: lang === 'zh' ? `帮扶计划-${asOf}.xlsx` : `rehabilitation-plans-${asOf}.xlsx`, base64: buffer.toString('base64') };
    },

    'rehab.get': ({ planId, asOf }) => {
      const state = ctx.store.state();
      const plan = state.rehabPlans.get(planId);
      if (!plan) throw planNotFound(planId);
      const cadre = state.cadres.get(plan.cadreId);
      const index = engine.index(state, asOf, { cadreId: plan.cadreId });
      // The plan may start after the as-of month: its row is then computed as of its start.
      const row =
        planRows(state, index, { cadreId: plan.cadreId }).find((r) => r.plan.id === planId) ??
        planRows(state, engine.index(state, plan.startsOn.slice(0, 7), { cadreId: plan.cadreId }), { cadreId: plan.cadreId }).find((r) => r.plan.id === planId)!;
      const findings = listFindings(state, engine, { asOf, today: todayOf(ctx.now()), subject: { type: 'cadre', id: plan.cadreId } }).items.filter(
        (f) =>
          (f.rule === 'rehab.checkin-due' && f.suggestion.params.planId === planId) ||
          (f.rule === 'rehab.reascend' && (f.suggestion.params.planId === planId || f.suggestion.params.measureId === plan.measureId)),
      );
      return {
        asOf,
        referenceDate: index.cutoffDay!,
        row,
        cadre: {
          id: plan.cadreId,
          name: cadre?.name ?? plan.cadreId,
          position: cadre?.position ?? '',
          unitName: cadre ? (state.units.get(cadre.unitId)?.name ?? null) : null,
        },
        measure: state.measures.get(plan.measureId) ?? null,
        checkIns: checkInsOf(state, planId),
        recentRanks: recentRanks(index, plan.cadreId),
        wayBack: wayBackOf(index, plan.cadreId),
        findings,
      };
    },
  };
}
