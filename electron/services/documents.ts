// documents.*: the meeting's Word documents. Models are pure (shared/documents/), rendering is the
// documents module's (electron/documents/); here: which meeting or month, the case-file summaries
// the docket carries, the same §4.4 figures as reports.meeting, and errors as LedgerErrors.
import type { CallContext } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import type { DocumentFile } from '../../shared/contract/documents';
import { appointmentFormModel, appointmentFormsForMeeting } from '../../shared/documents/appointmentForm';
import { docketModel, type CaseFileSummaryForDocument } from '../../shared/documents/docket';
import { DocumentInputError } from '../../shared/documents/errors';
import { minutesModel } from '../../shared/documents/minutes';
import { noticeModel, noticesForMeeting } from '../../shared/documents/notices';
import { periodReportModel } from '../../shared/documents/periodReport';
import type { Meeting } from '../../shared/domain/meetings';
import type { LedgerState } from '../../shared/ledger/collections';
import { caseFileSummary, proposeDocket, assignItemIds } from '../../shared/views/docket';
import { listFindings } from '../../shared/views/findings';
import { scoredCadres } from '../../shared/views/monthReadiness';
import { officeNameOf } from '../../shared/views/officeScope';
import type { ViewEngine } from '../../shared/views/viewEngine';
import { renderAppointmentForms } from '../documents/appointmentForm';
import { renderDocket } from '../documents/docket';
import { renderMinutes } from '../documents/minutes';
import { renderNotice, renderNotices } from '../documents/notices';
import { renderPeriodReport } from '../documents/periodReport';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';
import { viewEngineOf } from './findings';
import { reportsHandlers } from './reports';

type DocumentsEndpoints = 'documents.docket' | 'documents.minutes' | 'documents.notice' | 'documents.appointmentForm' | 'documents.periodReport';

const file = (fileName: string, buffer: Buffer): DocumentFile => ({ fileName, base64: buffer.toString('base64') });

/** A model's DocumentInputError as the contract's error, with its field path. */
function asLedgerError(e: unknown): never {
  if (e instanceof DocumentInputError) {
    throw new LedgerError(e.code, e.bilingual, e.path ? [{ path: e.path, message: e.bilingual }] : undefined);
  }
  throw e;
}

function meetingOf(state: LedgerState, id: string): Meeting {
  const m = state.meetings.get(id);
  if (!m) {
    throw new LedgerError('NOT_FOUND', { zh: `会议“${id}”不存在`, en: `no meeting "${id}"` }, [
      { path: 'meetingId', message: { zh: '会议不存在', en: 'unknown meeting' } },
    ]);
  }
  return m;
}

function itemOf(m: Meeting, itemId: string) {
  const item = m.items.find((i) => i.id === itemId);
  if (!item) {
    throw new LedgerError('NOT_FOUND', { zh: `议题“${itemId}”不存在`, en: `no docket item "${itemId}"` }, [
      { path: 'itemId', message: { zh: '议题不存在', en: 'unknown item' } },
    ]);
  }
  return item;
}

/**
 * The docket proposed for a month as a meeting not yet created: the items the proposal would put
 * on a new meeting (what `cadre-ledger docket --as-of` and documents.docket {asOf} print).
 */
export function proposedMeeting(state: LedgerState, engine: ViewEngine, asOf: string, today: string): Meeting {
  const proposal = proposeDocket(asOf, listFindings(state, engine, { asOf, today }).items, scoredCadres(state, asOf) > 0);
  return {
    id: asOf,
    type: 'cadreWork',
    title: `${asOf.slice(0, 4)}年${Number(asOf.slice(5, 7))}月干部考核拟研究事项`,
    date: today,
    place: '',
    chair: '',
    recorder: '',
    attendees: [],
    asOf,
    status: 'draft',
    items: assignItemIds([], proposal.items),
    corrections: [],
  };
}

/** The summaries of the items that carry the cadre's case file, keyed by item id. */
function caseFilesOf(state: LedgerState, engine: ViewEngine, m: Meeting, today: string): Map<string, CaseFileSummaryForDocument> {
  const out = new Map<string, CaseFileSummaryForDocument>();
  for (const item of m.items) {
    if (!item.attachCaseFile || item.subject?.type !== 'cadre') continue;
    const summary = caseFileSummary(state, engine, item.subject.id, m.asOf, today);
    if (summary) out.set(item.id, { rows: summary.rows, lines: summary.lines });
  }
  return out;
}

/** The docket document of a meeting (or of the month's proposed docket). */
export async function docketDocument(state: LedgerState, engine: ViewEngine, m: Meeting, today: string): Promise<DocumentFile> {
  const model = docketModel({ meeting: m, state, caseFiles: caseFilesOf(state, engine, m, today) });
  return file(model.fileName, await renderDocket(model));
}

export function documentsHandlers(ctx: ServiceContext, engine: ViewEngine = viewEngineOf(ctx)): HandlerGroup<DocumentsEndpoints> {
  const today = () => todayOf(ctx.now());
  return {
    'documents.docket': async ({ meetingId, asOf }) => {
      const state = ctx.store.state();
      const m = meetingId ? meetingOf(state, meetingId) : proposedMeeting(state, engine, asOf!, today());
      try {
        return await docketDocument(state, engine, m, today());
      } catch (e) {
        asLedgerError(e);
      }
    },

    'documents.minutes': async ({ meetingId }) => {
      const state = ctx.store.state();
      try {
        const model = minutesModel({ meeting: meetingOf(state, meetingId), state });
        return file(model.fileName, await renderMinutes(model));
      } catch (e) {
        asLedgerError(e);
      }
    },

    'documents.notice': async ({ meetingId, itemId }) => {
      const state = ctx.store.state();
      const m = meetingOf(state, meetingId);
      if (m.status !== 'confirmed') {
        throw new LedgerError('CONFLICT', {
          zh: '会议决定确认后才能生成通知（通知依据已记录的措施）',
          en: 'Notices are made once the meeting is confirmed (from the measures it recorded)',
        });
      }
      try {
        if (itemId) {
          itemOf(m, itemId);
          const model = noticeModel({ state, meeting: m, itemId, today: today() });
          return file(model.fileName, await renderNotice(model));
        }
        const models = noticesForMeeting({ meeting: m, state, today: today() });
        if (!models.length) {
          throw new LedgerError('NOT_FOUND', { zh: '本次会议的决定没有需要出具的通知', en: "The meeting's decisions call for no notice" });
        }
        return file(`通知-${m.id}.docx`, await renderNotices(models));
      } catch (e) {
        asLedgerError(e);
      }
    },

    'documents.appointmentForm': async ({ meetingId, itemId }) => {
      const state = ctx.store.state();
      const m = meetingOf(state, meetingId);
      try {
        if (itemId) {
          const item = itemOf(m, itemId);
          if (item.subject?.type !== 'cadre') {
            throw new LedgerError('VALIDATION', { zh: '该议题不涉及具体干部，无任免审批表', en: 'the item is not about a cadre: no appointment form' }, [
              { path: 'itemId', message: { zh: '议题不涉及干部', en: 'not about a cadre' } },
            ]);
          }
          const model = appointmentFormModel({ state, cadreId: item.subject.id, meeting: m, item, today: today() });
          return file(model.fileName, await renderAppointmentForms([model]));
        }
        const models = appointmentFormsForMeeting({ meeting: m, state, today: today() });
        if (!models.length) {
          throw new LedgerError('NOT_FOUND', { zh: '本次会议没有提拔或调整类议题', en: 'The meeting has no promotion or adjustment items' });
        }
        return file(`干部任免审批表-${m.id}.docx`, await renderAppointmentForms(models));
      } catch (e) {
        asLedgerError(e);
      }
    },

    'documents.periodReport': async ({ from, to, office }, call: CallContext) => {
      // The same computation as the statistics page (reports.meeting): every figure matches it.
      const statistics = await reportsHandlers(ctx, engine)['reports.meeting']({ from, to, office }, call);
      const model = periodReportModel({ statistics, today: today() });
      // One township's report at the New Area says whose it is in its file name.
      const fileName = office === undefined ? model.fileName : model.fileName.replace(/\.docx$/, `-${officeNameOf(ctx.store.state(), office)}.docx`);
      return file(fileName, await renderPeriodReport(model));
    },
  };
}
