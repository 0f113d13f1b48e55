// tracker.*: the warning and probation board, closing a tracked measure, and the board as .xlsx.
// The board and the close logic are pure (shared/views/tracker.ts); here: clock, commit, workbookOf.
import { LedgerError, type FieldError } from '../../shared/contract/errors';
import type { TrackerBoard, TrackedKind, TrackerStatus } from '../../shared/contract/tracker';
import { measureSchema } from '../../shared/domain/records';
import { put } from '../../shared/ledger/events';
import { checkReferences, lookupIn } from '../../shared/ledger/references';
import { closeTracked, officeTrackerBoard, TrackerInputError } from '../../shared/views/tracker';
import type { ViewEngine } from '../../shared/views/viewEngine';
import { workbookOf } from '../export/xlsx';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';
import { officeNameOf, ownerOfSubject, selfCodeOf, withPoliciesOf } from '../../shared/views/officeScope';
import { viewEngineOf } from './findings';

type Lang = 'zh' | 'en';
const kindLabel: Record<TrackedKind, Record<Lang, string>> = {
  warning: { zh: '警示', en: 'Warning' },
  probation: { zh: '观察期', en: 'Probation' },
  transitionalPlacement: { zh: '过渡性安置', en: 'Transitional placement' },
  trialPeriod: { zh: '试用期', en: 'Trial period' },
  trialExtension: { zh: '延长试用期', en: 'Trial extension' },
  inquiry: { zh: '函询（待回复）', en: 'Inquiry (awaiting reply)' },
};
const statusLabel: Record<TrackerStatus, Record<Lang, string>> = {
  onTrack: { zh: '正常', en: 'On track' },
  // The window is the policy's review window (14 days for probations, 30 for trials by default).
  dueSoon: { zh: '即将到期（评议期内）', en: 'Due soon (review window)' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};
const heads = {
  board: { zh: '预警与观察期台账', en: 'Warnings and probation' },
  team: { zh: '班子排名', en: 'Unit ranking' },
  boardCols: {
    zh: ['对象', '类型', '单位', '措施', '开始日期', '复核日期', '剩余天数', '状态', '备注'],
    en: ['Subject', 'Type', 'Unit', 'Measure', 'Start', 'Review date', 'Days left', 'Status', 'Note'],
  },
  teamCols: {
    zh: ['名次', '单位', '月均分', '参评人数', '位次'],
    en: ['Rank', 'Unit', 'Mean score', 'Scored cadres', 'Third'],
  },
  subject: { cadre: { zh: '个人', en: 'Cadre' }, unit: { zh: '班子', en: 'Team' } },
  third: {
    top: { zh: '前三分之一', en: 'Top third' },
    middle: { zh: '中间三分之一', en: 'Middle third' },
    bottom: { zh: '后三分之一', en: 'Bottom third' },
    none: { zh: '不分段', en: '—' },
  },
  asOf: { zh: '截至', en: 'As of' },
  township: { zh: '乡镇（单位）', en: 'Office' },
};

/**
 * The board as a workbook. With `townships` (a board of several offices, at the New Area) each row
 * says whose it is: the subject's township, and the unit standings' township (each township's units
 * are ranked among its own, so ranks repeat per township).
 */
export async function boardWorkbook(
  board: TrackerBoard,
  lang: Lang,
  townships?: { ofItem: (i: TrackerBoard['items'][number]) => string; name: (code: string) => string },
): Promise<Buffer> {
  const township = heads.township[lang];
  return workbookOf([
    {
      name: heads.board[lang],
      title: `${heads.board[lang]} — ${heads.asOf[lang]} ${board.asOf}（${board.referenceDate}）`,
      header: townships ? [township, ...heads.boardCols[lang]] : heads.boardCols[lang],
      rows: board.items.map((i) => [
        ...(townships ? [townships.name(townships.ofItem(i))] : []),
        i.subjectName,
        heads.subject[i.subject.type][lang],
        i.unitName ?? '',
        kindLabel[i.kind][lang],
        i.startsOn ?? '',
        i.reviewDate ?? (i.missingReviewDate ? (lang === 'zh' ? '无复核日期' : 'no review date') : ''),
        i.daysLeft ?? '',
        statusLabel[i.status][lang],
        i.note,
      ]),
      widths: townships ? [14, 14, 8, 18, 18, 12, 12, 10, 14, 40] : [14, 8, 18, 18, 12, 12, 10, 14, 40],
      styleRow(row, index) {
        const status = board.items[index].status;
        const cell = townships ? 9 : 8;
        if (status === 'overdue') row.getCell(cell).font = { color: { argb: 'FFCF1322' }, bold: true };
        else if (status === 'dueSoon') row.getCell(cell).font = { color: { argb: 'FFD46B08' } };
      },
    },
    {
      name: heads.team[lang],
      header: townships ? [township, ...heads.teamCols[lang]] : heads.teamCols[lang],
      rows: board.team.ranking.map((r) => [
        ...(townships ? [townships.name(r.office ?? '')] : []),
        r.rank,
        r.unitName,
        Math.round(r.mean * 100) / 100,
        r.scoredCadres,
        heads.third[r.third][lang],
      ]),
      widths: townships ? [14, 8, 20, 10, 10, 14] : [8, 20, 10, 10, 14],
    },
  ]);
}

export function trackerHandlers(
  ctx: ServiceContext,
  engine: ViewEngine = viewEngineOf(ctx),
): HandlerGroup<'tracker.board' | 'tracker.close' | 'tracker.export'> {
  const today = () => todayOf(ctx.now());
  return {
    'tracker.board': ({ asOf, filters, office }) => officeTrackerBoard(ctx.store.state(), engine, { asOf, filters, today: today() }, office),

    'tracker.close': async (input, call) => {
      const state = ctx.store.state();
      // The next step follows the ladder of the subject's own office (its township's policy).
      const found = input.measureId ? state.measures.get(input.measureId) : undefined;
      const subject = found ? { type: found.subjectType, id: found.subjectId } : input.trialOf ? { type: 'cadre' as const, id: input.trialOf } : undefined;
      let result;
      try {
        result = closeTracked(subject ? withPoliciesOf(state, subject) : state, input, today());
      } catch (e) {
        if (!(e instanceof TrackerInputError)) throw e;
        throw new LedgerError(e.code ?? (e.field === 'endsOn' ? 'VALIDATION' : 'NOT_FOUND'), e.bilingual, [{ path: e.field, message: e.bilingual }]);
      }
      const measure = measureSchema.parse(result.measure);
      const fields: FieldError[] = checkReferences('measures', measure, lookupIn(state));
      if (fields.length > 0) throw new LedgerError('VALIDATION', { zh: '输入有误', en: 'Invalid input' }, fields);
      await ctx.store.commit([put('measures', measure)], { user: call.user, command: 'tracker.close' });
      return { measure, nextStep: result.nextStep };
    },

    'tracker.export': async ({ asOf, filters, office, lang }) => {
      const state = ctx.store.state();
      const board = officeTrackerBoard(state, engine, { asOf, filters, today: today() }, office);
      const several = office === undefined && engine.offices(state).length > 1;
      const self = selfCodeOf(state);
      const buffer = await boardWorkbook(
        board,
        lang,
        several ? { ofItem: (i) => ownerOfSubject(state, i.subject, self), name: (code) => officeNameOf(state, code) } : undefined,
      );
      const fileName = lang === 'zh' ? `预警与观察期台账-${asOf}.xlsx` : `tracker-${asOf}.xlsx`;
      return { fileName, base64: buffer.toString('base64') };
    },
  };
}
