// findings.*: the month's findings as officers work through them, dismissing and acting on them.
// Assembly is pure (shared/views/findings.ts); here: the clock, validation against the ledger and
// the journaled commit (who and when are recorded with the event).
import { LedgerError, validationError, type FieldError } from '../../shared/contract/errors';
import type { Finding } from '../../shared/domain/findings';
import { findingDismissalSchema, measureSchema, type FindingDismissal, type Subject } from '../../shared/domain/records';
import type { LedgerState } from '../../shared/ledger/collections';
import { latestScoreMonth } from '../../shared/engine/columns/scoreTable';
import { put } from '../../shared/ledger/events';
import { checkReferences, lookupIn } from '../../shared/ledger/references';
import { addMonthsToMonth, recordingDate, referenceDate } from '../../shared/views/dates';
import type { FindingsList } from '../../shared/contract/findings';
import { ruleTitles } from '../../shared/engine';
import { measureLabels } from '../../shared/engine/labels';
import { workbookOf } from '../export/xlsx';
import { createViewEngine } from '../../shared/views/engineBinding';
import { listFindings, measureFromFinding, monthOverview } from '../../shared/views/findings';
import { nextSequentialId } from '../../shared/ledger/ids';
import { scoredCadres } from '../../shared/views/monthReadiness';
import { officeNameOf, ownerOfSubject, selfCodeOf, withPoliciesOf } from '../../shared/views/officeScope';
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
    engine = createViewEngine(() => ctx.store.revision, (revision) => ctx.store.changesSince?.(revision));
    engines.set(ctx, engine);
  }
  return engine;
}

/**
 * The ledger as the views see it for `office` (the New Area's view of one township: that office's
 * partition), or the whole ledger when no office is given.
 */
export const scopedState = (state: LedgerState, engine: ViewEngine, office?: string): LedgerState =>
  office === undefined ? state : engine.partition(state, office);

type FindingsEndpoints = 'findings.list' | 'findings.overview' | 'findings.dismiss' | 'findings.act' | 'findings.export';

type Lang = 'zh' | 'en';
const exportHeads = {
  sheet: { zh: '提示', en: 'Findings' },
  title: { zh: (asOf: string, day: string) => `考核提示 — 考核月份 ${asOf}（按 ${day} 判断）`, en: (asOf: string, day: string) => `Findings — ${asOf} (as of ${day})` },
  cols: {
    zh: ['规则', '对象类型', '对象', '单位', '说明', '建议措施', '依据记录', '本月新增', '提示编号'],
    en: ['Rule', 'Subject type', 'Subject', 'Unit', 'Explanation', 'Suggested measure', 'Evidence records', 'New this month', 'Finding key'],
  },
  subject: { cadre: { zh: '个人', en: 'Cadre' }, unit: { zh: '班子', en: 'Team' } },
  yes: { zh: '是', en: 'yes' },
  township: { zh: '乡镇（单位）', en: 'Office' },
};

/**
 * The month's open findings (one rule or all) as a workbook; every cell through the export guard.
 * With `townshipOf` (every office's findings, at the New Area) a first column names each row's office.
 */
export async function findingsWorkbook(list: FindingsList, lang: Lang, rule?: string, townshipOf?: (f: FindingsList['items'][number]) => string): Promise<Buffer> {
  const items = rule ? list.items.filter((f) => f.rule === rule) : list.items;
  const titleOf = (id: string) => (ruleTitles as Record<string, { zh: string; en: string }>)[id]?.[lang] ?? id;
  return workbookOf([
    {
      name: rule ? titleOf(rule) : exportHeads.sheet[lang],
      title: exportHeads.title[lang](list.asOf, referenceDate(list.asOf)),
      header: townshipOf ? [exportHeads.township[lang], ...exportHeads.cols[lang]] : exportHeads.cols[lang],
      rows: items.map((f) => [
        ...(townshipOf ? [townshipOf(f)] : []),
        titleOf(f.rule),
        exportHeads.subject[f.subject.type][lang],
        f.subjectName,
        f.unitName ?? '',
        f.explanation[lang],
        f.suggestedMeasure ? measureLabels[f.suggestedMeasure.kind][lang] : '',
        f.evidence.recordIds.join(lang === 'zh' ? '、' : ', '),
        f.isNew ? exportHeads.yes[lang] : '',
        f.key,
      ]),
      widths: townshipOf ? [14, 22, 8, 12, 18, 70, 14, 20, 8, 30] : [22, 8, 12, 18, 70, 14, 20, 8, 30],
    },
  ]);
}

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

/** Where a dismissal without a month looks for its finding: the latest scored month, this month and last. */
function dismissalMonths(state: LedgerState, today: string): string[] {
  const latest = latestScoreMonth(state.scores) ?? '';
  const now = today.slice(0, 7);
  return [...new Set([latest, now, addMonthsToMonth(now, -1)].filter(Boolean))];
}

export const findingGone = (key: string) =>
  new LedgerError(
    'NOT_FOUND',
    { zh: '该提示已不存在（可能已处理或数据已变化），请刷新', en: 'This finding no longer exists (handled or the data changed); refresh' },
    [{ path: 'findingKey', message: { zh: `提示“${key}”不存在`, en: `no finding "${key}"` } }],
  );

export function findingsHandlers(ctx: ServiceContext, engine: ViewEngine = viewEngineOf(ctx)): HandlerGroup<FindingsEndpoints> {
  const today = () => todayOf(ctx.now());
  const scoped = (office?: string) => scopedState(ctx.store.state(), engine, office);
  return {
    'findings.list': ({ asOf, subject, office }) => listFindings(scoped(office), engine, { asOf, subject, today: today() }),

    'findings.overview': ({ asOf, office }) => {
      const state = scoped(office);
      const scored = scoredCadres(state, asOf);
      return { ...monthOverview(listFindings(state, engine, { asOf, today: today() })), scoredCadres: scored, hasScores: scored > 0 };
    },

    'findings.dismiss': async ({ findingKey, reason, asOf }, call) => {
      const state = ctx.store.state();
      // Dismissing the same finding again replaces the reason (one dismissal per finding).
      const existing = [...state.dismissals.values()].find((d) => d.findingKey === findingKey);
      // Only a finding that exists can be dismissed (issue 11): a made-up key would hide nothing
      // today and silently hide a finding with that key later.
      if (!existing && !(asOf ? [asOf] : dismissalMonths(state, today())).some((m) => findFinding(state, engine, findingKey, m))) {
        throw findingGone(findingKey);
      }
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
      // The subject's own office's policy (its township's at the New Area) pre-fills the measure.
      const draft = measureFromFinding(withPoliciesOf(state, finding.subject), finding, recordingDate(asOf, today()), overrides);
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

    'findings.export': async ({ asOf, rule, office, lang }) => {
      const list = listFindings(scoped(office), engine, { asOf, today: today() });
      const state = ctx.store.state();
      const several = office === undefined && engine.offices(state).length > 1;
      const self = selfCodeOf(state);
      const buffer = await findingsWorkbook(list, lang, rule, several ? (f) => officeNameOf(state, ownerOfSubject(state, f.subject, self)) : undefined);
      const fileName = lang === 'zh' ? `考核提示-${asOf}${rule ? `-${rule}` : ''}.xlsx` : `findings-${asOf}${rule ? `-${rule}` : ''}.xlsx`;
      return { fileName, base64: buffer.toString('base64') };
    },
  };
}
