// records.*: the one write path for dated records from forms (the importer batches the same
// checks), their corrections (更正) and voids (作废) with history, and a sanction's release (解除).
// The dispatcher has parsed the record against its collection's schema; here: the id (derived or
// next free), references, date order, duplicates, and one journaled commit with its revision.
import { LedgerError, validationError, type FieldError } from '../../shared/contract/errors';
import {
  putRecordSchemas,
  recordIdPrefixes,
  type PutCollection,
  type PutRecordOutput,
  type RevisableCollection,
} from '../../shared/contract/records';
import { annualGradeId, checkInId, monthlyScoreId, type Measure } from '../../shared/domain/records';
import type { LedgerState, RecordOf } from '../../shared/ledger/collections';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { nextSequentialId } from '../../shared/ledger/ids';
import { checkClearanceTarget, checkReferences, lookupIn } from '../../shared/ledger/references';
import { changedFields, correctEvents, createEvents, revisionsOf, RevisionIds, voidEvents, type Stamp } from '../../shared/ledger/revisions';
import { withPlacementReview } from '../../shared/views/placementReview';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';

/** The id a record is keyed by when it is about a cadre+month, cadre+year or plan+date. */
function derivedId(collection: string, record: Record<string, unknown>): string | undefined {
  switch (collection) {
    case 'scores':
      return monthlyScoreId(String(record.cadreId), String(record.month));
    case 'grades':
      return annualGradeId(String(record.cadreId), Number(record.year));
    case 'checkIns':
      return checkInId(String(record.planId), String(record.date));
    default:
      return undefined;
  }
}

/** The fields a derived id is made of (they cannot change in a correction). */
const keyFields: Partial<Record<PutCollection, string[]>> = {
  scores: ['cadreId', 'month'],
  grades: ['cadreId', 'year'],
  checkIns: ['planId', 'date'],
};

/** Pairs of date fields that must not run backwards. */
const dateOrder: Partial<Record<PutCollection, Array<[from: string, to: string, zh: string, en: string]>>> = {
  measures: [
    ['startsOn', 'endsOn', '结束日期不能早于开始日期', 'end date cannot be before the start date'],
    ['startsOn', 'reviewOn', '复核日期不能早于开始日期', 'review date cannot be before the start date'],
  ],
  sanctions: [['decidedOn', 'releasedOn', '解除日期不能早于决定日期', 'release date cannot be before the decision date']],
  rehabPlans: [['startsOn', 'closedOn', '结束日期不能早于开始日期', 'closing date cannot be before the start date']],
  clearances: [['verifiedOn', 'date', '澄清日期不能早于核实日期', 'the clearance cannot be dated before its verification']],
};

/**
 * "The same record": same cadre (or subject), kind and date. Returns the existing record's id and
 * the field the warning points at, or undefined. Derived ids are compared by id (the caller).
 */
export function findDuplicate(
  state: LedgerState,
  collection: string,
  record: Record<string, unknown>,
): { id: string; field: string } | undefined {
  const same = <T extends { id: string }>(items: Iterable<T>, match: (r: T) => boolean, field: string) => {
    for (const r of items) if (r.id !== record.id && match(r)) return { id: r.id, field };
    return undefined;
  };
  switch (collection) {
    case 'sanctions':
      return same(state.sanctions.values(), (s) => s.cadreId === record.cadreId && s.kind === record.kind && s.decidedOn === record.decidedOn, 'decidedOn');
    case 'measures':
      return same(
        state.measures.values(),
        (m) => m.subjectType === record.subjectType && m.subjectId === record.subjectId && m.kind === record.kind && m.startsOn === record.startsOn,
        'startsOn',
      );
    case 'faults':
      return same(state.faults.values(), (f) => f.cadreId === record.cadreId && f.date === record.date, 'date');
    case 'rehabPlans':
      return same(
        state.rehabPlans.values(),
        (p) => p.cadreId === record.cadreId && p.measureId === record.measureId && p.startsOn === record.startsOn,
        'startsOn',
      );
    default:
      return undefined;
  }
}

/** The reason of a replacement confirmed from the duplicate warning. */
const REENTERED = '重新录入，经确认覆盖原记录 (re-entered, replacing the record as confirmed)';

export function duplicateError(existingId: string, path: string, replaces = false): LedgerError {
  const message = replaces
    ? {
        zh: `已有同一内容的记录“${existingId}”。确认后将以本次录入覆盖原记录（作为更正保留历史）。`,
        en: `A record "${existingId}" for the same thing exists. Confirm to replace it (kept in its history as a correction).`,
      }
    : {
        zh: `已有相同的记录“${existingId}”（同一对象、种类和日期）。如确需再录入一条，请确认后保存。`,
        en: `An identical record "${existingId}" exists (same subject, kind and date). Confirm to save another one.`,
      };
  return new LedgerError('CONFLICT', message, [{ path, message }]);
}

const invalid = (fields: FieldError[]) =>
  new LedgerError('VALIDATION', { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the marked fields' }, fields);

export const stampOf = (ctx: ServiceContext, user: string): Stamp => {
  const now = ctx.now();
  return { by: user, at: now.toISOString(), date: todayOf(now) };
};


/**
 * What a form's record must satisfy beyond its schema: references, date order, a clearance's
 * target. Paths are prefixed with `prefix` (record.…). `selfId` is the record being corrected.
 */
export function recordProblems(state: LedgerState, collection: PutCollection, record: Record<string, unknown>, prefix: string, selfId?: string): FieldError[] {
  const fields: FieldError[] = [];
  for (const f of checkReferences(collection, record as RecordOf<PutCollection>, lookupIn(state))) fields.push({ ...f, path: `${prefix}.${f.path}` });
  for (const [from, to, zh, en] of dateOrder[collection] ?? []) {
    const a = record[from];
    const b = record[to];
    if (typeof a === 'string' && typeof b === 'string' && b < a) fields.push({ path: `${prefix}.${to}`, message: { zh, en } });
  }
  if (collection === 'clearances' && state.cadres.has(String(record.cadreId))) {
    // The reference check already said when the record does not exist.
    const known = fields.some((f) => f.path === `${prefix}.recordId`);
    for (const f of checkClearanceTarget(state, record as RecordOf<'clearances'>, selfId)) if (!known) fields.push({ ...f, path: `${prefix}.${f.path}` });
  }
  if (collection === 'checkIns') {
    const plan = state.rehabPlans.get(String(record.planId));
    if (plan && typeof record.date === 'string' && record.date < plan.startsOn) {
      fields.push({ path: `${prefix}.date`, message: { zh: `谈话日期不能早于计划开始日期（${plan.startsOn}）`, en: `the date cannot be before the plan's start (${plan.startsOn})` } });
    }
  }
  if (collection === 'measures' && Array.isArray(record.memberIds)) {
    // A team measure names members of that team.
    (record.memberIds as string[]).forEach((id, i) => {
      const c = state.cadres.get(id);
      if (record.subjectType !== 'unit') {
        fields.push({ path: `${prefix}.memberIds`, message: { zh: '只有班子措施可以列出成员', en: 'only a team measure names members' } });
      } else if (!c || c.unitId !== record.subjectId) {
        fields.push({ path: `${prefix}.memberIds.${i}`, message: { zh: `“${id}”不是该班子的成员`, en: `"${id}" is not a member of this team` } });
      }
    });
  }
  if (collection === 'rehabPlans') {
    const m = state.measures.get(String(record.measureId));
    if (m && (m.subjectType !== 'cadre' || m.subjectId !== record.cadreId)) {
      fields.push({ path: `${prefix}.measureId`, message: { zh: '该措施不是这名干部的', en: "that measure is not this cadre's" } });
    }
  }
  return fields;
}

const revisable = new Set<string>(['scores', 'grades', 'sanctions', 'measures', 'faults', 'rehabPlans', 'checkIns', 'clearances']);

const notFound = (collection: string, id: string) =>
  new LedgerError('NOT_FOUND', { zh: `记录“${id}”不存在`, en: `no ${collection} record "${id}"` }, [
    { path: 'id', message: { zh: '记录不存在', en: 'no such record' } },
  ]);

type RecordsEndpoints = 'records.put' | 'records.correct' | 'records.void' | 'records.history' | 'records.measureDefaults' | 'sanctions.release';

export function recordsHandlers(ctx: ServiceContext): HandlerGroup<RecordsEndpoints> {
  return {
    'records.put': async (input, call) => {
      const state = ctx.store.state();
      const collection = input.collection;
      const given = input.record as Record<string, unknown> & { id?: string };
      const fields: FieldError[] = [];

      let id = derivedId(collection, given);
      if (id !== undefined) {
        if (given.id !== undefined && given.id !== id) {
          fields.push({
            path: 'record.id',
            message: { zh: `编号应为“${id}”（由内容决定）`, en: `id must be "${id}" (derived from the record)` },
          });
        }
      } else {
        const prefix = recordIdPrefixes[collection as keyof typeof recordIdPrefixes];
        id = given.id ?? nextSequentialId(state[collection].keys(), prefix, 6);
      }
      // The id first, where the schema lists it: a grade in another key order is not held in the
      // grade columns (GradeTable's overflow) and has every evaluation read grades record by record.
      let record = { id, ...given } as RecordOf<PutCollection>;
      if (collection === 'measures') record = withPlacementReview(state, record as Measure);

      const existing = (state[collection] as Map<string, unknown>).get(id) as Record<string, unknown> | undefined;
      // The same id again: a replacement, i.e. a correction (with `replace` and its reason, or after
      // the officer confirmed the duplicate warning, with a reason saying so).
      const replacing = existing !== undefined && (input.replace || input.confirmDuplicate);
      fields.push(...recordProblems(state, collection, record as Record<string, unknown>, 'record', replacing ? id : undefined));
      if (existing && input.replace && !input.reason) {
        fields.push({ path: 'reason', message: { zh: '覆盖已有记录属于更正，请填写更正原因', en: 'replacing a record is a correction: give the reason' } });
      }
      if (fields.length) throw invalid(fields);

      if (existing && !replacing) {
        const path = keyFields[collection] ? `record.${keyFields[collection]!.at(-1)}` : given.id !== undefined ? 'record.id' : 'record';
        throw duplicateError(id, path, true);
      }
      if (!existing && !input.confirmDuplicate) {
        const dup = findDuplicate(state, collection, record as Record<string, unknown>);
        if (dup) throw duplicateError(dup.id, `record.${dup.field}`);
      }

      const stamp = stampOf(ctx, call.user);
      let events: LedgerEvent[];
      if (existing) events = correctEvents(state, collection, record, input.reason || REENTERED, stamp);
      else if (revisable.has(collection)) events = createEvents(state, collection, record, stamp);
      else events = [put(collection, record) as LedgerEvent];
      await ctx.store.commit(events, { user: call.user, command: 'records.put' });
      return { collection, record } as PutRecordOutput;
    },

    'records.correct': async (input, call) => {
      const state = ctx.store.state();
      const collection = input.collection as RevisableCollection;
      const before = (state[collection] as Map<string, unknown>).get(input.id) as Record<string, unknown> | undefined;
      if (!before) throw notFound(collection, input.id);
      const given = input.record as Record<string, unknown>;
      const fields: FieldError[] = [];
      if (given.id !== undefined && given.id !== input.id) {
        fields.push({ path: 'record.id', message: { zh: '更正不能改变记录编号', en: 'a correction cannot change the id' } });
      }
      for (const k of keyFields[collection] ?? []) {
        if (given[k] !== before[k]) {
          fields.push({
            path: `record.${k}`,
            message: { zh: '此项决定记录编号，不能更正；请作废后重新录入', en: 'this field keys the record and cannot be corrected: void it and enter it again' },
          });
        }
      }
      const parsed = putRecordSchemas[collection].safeParse({ ...given, id: input.id });
      if (!parsed.success) throw validationError(parsed.error.issues, { ...given, id: input.id }, 'record');
      let after = parsed.data as RecordOf<RevisableCollection>;
      if (collection === 'measures') after = withPlacementReview(state, after as Measure);
      fields.push(...recordProblems(state, collection, after as Record<string, unknown>, 'record', input.id));
      if (fields.length) throw invalid(fields);
      if (changedFields(before, after as Record<string, unknown>).length === 0) {
        const message = { zh: '内容没有变化，无需更正', en: 'nothing changed: no correction to record' };
        throw new LedgerError('CONFLICT', message, [{ path: 'record', message }]);
      }
      const events = correctEvents(state, collection, after, input.reason, stampOf(ctx, call.user));
      await ctx.store.commit(events, { user: call.user, command: 'records.correct' });
      const revision = (events[1] as { record: RecordOf<'revisions'> }).record;
      return { collection, id: input.id, record: after as Record<string, unknown>, revision, alsoVoided: [] };
    },

    'records.void': async ({ collection, id, reason }, call) => {
      const state = ctx.store.state();
      if (!(state[collection] as Map<string, unknown>).has(id)) throw notFound(collection, id);
      const conflict = (zh: string, en: string) => new LedgerError('CONFLICT', { zh, en }, [{ path: 'id', message: { zh, en } }]);
      for (const c of state.clearances.values()) {
        if (c.recordId === id && collection !== 'clearances') {
          throw conflict(`该记录已由“${c.id}”${c.kind === 'revocation' ? '撤销' : '澄清'}，请先作废该${c.kind === 'revocation' ? '撤销' : '澄清'}记录`, `the record is ${c.kind === 'revocation' ? 'revoked' : 'cleared'} by "${c.id}": void that first`);
        }
      }
      if (collection === 'measures') {
        for (const p of state.rehabPlans.values()) {
          if (p.measureId === id) throw conflict(`帮扶计划“${p.id}”由该措施开启，请先作废该计划`, `rehabilitation plan "${p.id}" was opened from this measure: void it first`);
        }
      }
      const stamp = stampOf(ctx, call.user);
      const ids = new RevisionIds(state);
      const events = voidEvents(state, collection, id, reason, stamp, ids);
      const alsoVoided: Array<{ collection: RevisableCollection; id: string }> = [];
      if (collection === 'rehabPlans') {
        // A plan's check-ins are part of it: they go with it, each with its own revision.
        for (const c of state.checkIns.values()) {
          if (c.planId !== id) continue;
          events.push(...voidEvents(state, 'checkIns', c.id, reason, stamp, ids));
          alsoVoided.push({ collection: 'checkIns', id: c.id });
        }
      }
      await ctx.store.commit(events, { user: call.user, command: 'records.void' });
      const revision = (events[1] as { record: RecordOf<'revisions'> }).record;
      return { collection, id, record: null, revision, alsoVoided };
    },

    'records.measureDefaults': ({ kind, startsOn }) => {
      const m = withPlacementReview(ctx.store.state(), { kind, startsOn } as Measure);
      return { reviewOn: m.reviewOn ?? null };
    },
    'records.history': ({ collection, id }) => {
      const state = ctx.store.state();
      const current = ((state[collection] as Map<string, unknown>).get(id) as Record<string, unknown> | undefined) ?? null;
      const revisions = revisionsOf(state, collection, id);
      if (!current && revisions.length === 0) throw notFound(collection, id);
      return {
        collection,
        id,
        current,
        voided: !current && revisions.at(-1)?.action === 'void',
        versions: revisions.map((r) => ({
          revisionId: r.id,
          action: r.action,
          at: r.at,
          by: r.by,
          date: r.date,
          reason: r.reason,
          before: r.before,
          after: r.after,
          changed: changedFields(r.before, r.after),
        })),
      };
    },

    'sanctions.release': async ({ sanctionId, releasedOn, documentNo, findingKey }, call) => {
      const state = ctx.store.state();
      const sanction = state.sanctions.get(sanctionId);
      if (!sanction) {
        throw new LedgerError('NOT_FOUND', { zh: `处分“${sanctionId}”不存在`, en: `unknown sanction "${sanctionId}"` }, [
          { path: 'sanctionId', message: { zh: '处分不存在', en: 'no such sanction' } },
        ]);
      }
      const conflict = (zh: string, en: string) => new LedgerError('CONFLICT', { zh, en }, [{ path: 'sanctionId', message: { zh, en } }]);
      if (sanction.releasedOn) throw conflict(`该处分已于${sanction.releasedOn}解除`, `this sanction was already released on ${sanction.releasedOn}`);
      const cleared = [...state.clearances.values()].find((c) => c.recordId === sanctionId);
      if (cleared) throw conflict(`该处分已${cleared.kind === 'revocation' ? '撤销' : '澄清'}，无需解除`, `this sanction is ${cleared.kind === 'revocation' ? 'revoked' : 'cleared'}: there is nothing to release`);
      const fields: FieldError[] = [];
      if (releasedOn < sanction.decidedOn) {
        fields.push({ path: 'releasedOn', message: { zh: `解除日期不能早于决定日期（${sanction.decidedOn}）`, en: `the release cannot be before the decision (${sanction.decidedOn})` } });
      }
      if (findingKey && findingKey !== `sanction.release-due|cadre:${sanction.cadreId}|${sanctionId}`) {
        fields.push({ path: 'findingKey', message: { zh: '该提示不是这项处分的解除提示', en: "that finding is not this sanction's release" } });
      }
      if (fields.length) throw invalid(fields);
      const released = { ...sanction, releasedOn, releaseDocumentNo: documentNo };
      await ctx.store.commit([put('sanctions', released)], { user: call.user, command: 'sanctions.release' });
      return released;
    },
  };
}
