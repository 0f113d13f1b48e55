// meetings.*: creating a meeting, shaping its docket from the month's findings, recording
// decisions and confirming them. The docket logic is pure (shared/views/docket.ts); here: the
// clock, the checks against the ledger, the lock and the one commit of confirmation.
import { LedgerError, type FieldError } from '../../shared/contract/errors';
import type { DocketItemInput } from '../../shared/contract/meetings';
import { docketItemSchema, meetingSchema, type DocketItem, type Meeting } from '../../shared/domain/meetings';
import type { LedgerState } from '../../shared/ledger/collections';
import { put, remove, type LedgerEvent } from '../../shared/ledger/events';
import { nextSequentialId } from '../../shared/ledger/ids';
import {
  assignItemIds,
  confirmationEffects,
  defaultMeetingTitle,
  meetingRows,
  meetingView,
  proposeDocket,
} from '../../shared/views/docket';
import { listFindings } from '../../shared/views/findings';
import { scoredCadres } from '../../shared/views/monthReadiness';
import type { ViewEngine } from '../../shared/views/viewEngine';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';
import { scopedState, viewEngineOf } from './findings';

type MeetingsEndpoints =
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.proposeDocket'
  | 'meetings.create'
  | 'meetings.update'
  | 'meetings.setDocket'
  | 'meetings.decide'
  | 'meetings.confirm'
  | 'meetings.correct'
  | 'meetings.delete';

const meetingNotFound = (id: string) =>
  new LedgerError('NOT_FOUND', { zh: `会议“${id}”不存在`, en: `no meeting "${id}"` }, [
    { path: 'id', message: { zh: '会议不存在', en: 'unknown meeting' } },
  ]);

const meetingLocked = () =>
  new LedgerError('CONFLICT', {
    zh: '会议决定已确认，不能再修改；如需更正，请添加更正记录',
    en: 'The meeting is confirmed and read-only; add a correction instead',
  });

function meetingOf(state: LedgerState, id: string): Meeting {
  const m = state.meetings.get(id);
  if (!m) throw meetingNotFound(id);
  return m;
}

function draftOf(state: LedgerState, id: string): Meeting {
  const m = meetingOf(state, id);
  if (m.status === 'confirmed') throw meetingLocked();
  return m;
}

/** The docket the officer sent, with ids, checked against the ledger (subjects exist, ids unique). */
function docketFrom(state: LedgerState, previous: readonly DocketItem[], input: readonly DocketItemInput[]): DocketItem[] {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  input.forEach((item, i) => {
    if (item.id) {
      if (seen.has(item.id)) fields.push({ path: `items.${i}.id`, message: { zh: `议题编号“${item.id}”重复`, en: `duplicate item id "${item.id}"` } });
      seen.add(item.id);
    }
    const s = item.subject;
    if (s && !(s.type === 'cadre' ? state.cadres.has(s.id) : state.units.has(s.id))) {
      fields.push({
        path: `items.${i}.subject`,
        message: s.type === 'cadre' ? { zh: `干部“${s.id}”不存在`, en: `unknown cadre "${s.id}"` } : { zh: `单位“${s.id}”不存在`, en: `unknown unit "${s.id}"` },
      });
    }
    if (item.sanctionId && !state.sanctions.has(item.sanctionId)) {
      fields.push({ path: `items.${i}.sanctionId`, message: { zh: `处分“${item.sanctionId}”不存在`, en: `unknown sanction "${item.sanctionId}"` } });
    }
  });
  if (fields.length) throw new LedgerError('VALIDATION', { zh: '议题有误，请检查标出的字段', en: 'Invalid docket: check the marked fields' }, fields);
  const decisionOf = new Map(previous.map((i) => [i.id, i.decision]));
  return assignItemIds(previous, input).map((item) => {
    const decision = decisionOf.get(item.id);
    // A free item is always of a kind (其他 unless said); other items never carry one.
    const freeKind = item.group === 'free' ? (item.freeKind ?? 'other') : undefined;
    const subjectName = item.subjectName || (item.subject ? subjectNameOf(state, item.subject) : '');
    return docketItemSchema.parse({ ...item, freeKind, subjectName, ...(decision ? { decision } : {}) });
  });
}

function subjectNameOf(state: LedgerState, s: { type: 'cadre' | 'unit'; id: string }): string {
  return (s.type === 'cadre' ? state.cadres.get(s.id)?.name : state.units.get(s.id)?.name) ?? s.id;
}

export function meetingsHandlers(ctx: ServiceContext, engine: ViewEngine = viewEngineOf(ctx)): HandlerGroup<MeetingsEndpoints> {
  const today = () => todayOf(ctx.now());
  const save = async (meeting: Meeting, user: string, command: string, extra: LedgerEvent[] = []) => {
    const parsed = meetingSchema.parse(meeting);
    await ctx.store.commit([...extra, put('meetings', parsed)], { user, command });
    return parsed;
  };
  return {
    'meetings.list': () => ({ items: meetingRows(ctx.store.state().meetings.values(), today()) }),

    'meetings.get': ({ id }) => meetingView(meetingOf(ctx.store.state(), id)),

    // With `office`: the docket of one township's cadres and units (the New Area preparing a
    // meeting about that township), from that township's partition.
    'meetings.proposeDocket': ({ asOf, office }) => {
      const state = scopedState(ctx.store.state(), engine, office);
      const findings = listFindings(state, engine, { asOf, today: today() });
      return proposeDocket(asOf, findings.items, scoredCadres(state, asOf) > 0);
    },

    'meetings.create': async ({ items, title, ...details }, call) => {
      const state = ctx.store.state();
      const meeting: Meeting = {
        id: nextSequentialId(state.meetings.keys(), 'MT', 4),
        ...details,
        title: title || defaultMeetingTitle(details.type, details.date),
        status: 'draft',
        items: docketFrom(state, [], items),
        corrections: [],
      };
      return meetingView(await save(meeting, call.user, 'meetings.create'));
    },

    'meetings.update': async ({ id, ...changes }, call) => {
      const m = draftOf(ctx.store.state(), id);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      return meetingView(await save({ ...m, ...defined }, call.user, 'meetings.update'));
    },

    'meetings.setDocket': async ({ id, items }, call) => {
      const state = ctx.store.state();
      const m = draftOf(state, id);
      return meetingView(await save({ ...m, items: docketFrom(state, m.items, items) }, call.user, 'meetings.setDocket'));
    },

    'meetings.decide': async ({ id, itemId, value, votes, note, amendedKind, amendedMonths, amendedProposal }, call) => {
      const m = draftOf(ctx.store.state(), id);
      const at = m.items.findIndex((i) => i.id === itemId);
      if (at < 0) {
        throw new LedgerError('NOT_FOUND', { zh: `议题“${itemId}”不存在`, en: `no docket item "${itemId}"` }, [
          { path: 'itemId', message: { zh: '议题不存在', en: 'unknown item' } },
        ]);
      }
      const items = [...m.items];
      const { decision: _old, ...item } = items[at];
      const amended = value === 'approvedAmended';
      items[at] =
        value === null
          ? item
          : {
              ...item,
              decision: {
                value,
                ...(votes ? { votes } : {}),
                note,
                ...(amended && amendedKind ? { amendedKind } : {}),
                ...(amended && amendedMonths ? { amendedMonths } : {}),
                ...(amended && amendedProposal ? { amendedProposal } : {}),
              },
            };
      return meetingView(await save({ ...m, items }, call.user, 'meetings.decide'));
    },

    'meetings.confirm': async ({ id }, call) => {
      const state = ctx.store.state();
      const m = meetingOf(state, id);
      if (m.status === 'confirmed') throw meetingLocked();
      const undecided: FieldError[] = [];
      m.items.forEach((item, i) => {
        if (!item.decision) {
          undecided.push({ path: `items.${i}.decision`, message: { zh: `议题“${item.title}”尚未记录决定`, en: `item "${item.title}" has no decision` } });
        }
      });
      if (m.items.length === 0) {
        undecided.push({ path: 'items', message: { zh: '会议没有议题', en: 'the meeting has no items' } });
      }
      if (undecided.length) {
        throw new LedgerError('VALIDATION', { zh: '每个议题都要有决定（可选“暂缓”）才能确认', en: 'Every item needs a decision (or "deferred") before confirming' }, undecided);
      }
      const effects = confirmationEffects(state, m);
      const confirmed: Meeting = {
        ...m,
        items: effects.items,
        status: 'confirmed',
        confirmedAt: ctx.now().toISOString(),
        confirmedBy: call.user,
      };
      // One commit: the measures, dismissals and releases land together with the lock, or not at all.
      const events: LedgerEvent[] = [
        ...effects.measures.map((x) => put('measures', x)),
        ...effects.dismissals.map((x) => put('dismissals', x)),
        ...effects.releases.map((x) => put('sanctions', x)),
      ];
      const saved = await save(confirmed, call.user, 'meetings.confirm', events);
      return {
        meeting: meetingView(saved),
        measureIds: effects.measures.map((x) => x.id),
        dismissalIds: effects.dismissals.map((x) => x.id),
        releasedSanctionIds: effects.releases.map((x) => x.id),
      };
    },

    'meetings.correct': async ({ id, itemId, text }, call) => {
      const m = meetingOf(ctx.store.state(), id);
      if (m.status !== 'confirmed') {
        throw new LedgerError('CONFLICT', {
          zh: '会议尚未确认，可直接修改议题和决定',
          en: 'The meeting is not confirmed yet: edit its items and decisions directly',
        });
      }
      if (itemId && !m.items.some((i) => i.id === itemId)) {
        throw new LedgerError('NOT_FOUND', { zh: `议题“${itemId}”不存在`, en: `no docket item "${itemId}"` }, [
          { path: 'itemId', message: { zh: '议题不存在', en: 'unknown item' } },
        ]);
      }
      const correction = { at: ctx.now().toISOString(), by: call.user, ...(itemId ? { itemId } : {}), text };
      return meetingView(await save({ ...m, corrections: [...m.corrections, correction] }, call.user, 'meetings.correct'));
    },

    'meetings.delete': async ({ id }, call) => {
      draftOf(ctx.store.state(), id);
      await ctx.store.commit([remove('meetings', id)], { user: call.user, command: 'meetings.delete' });
      return { id };
    },
  };
}
