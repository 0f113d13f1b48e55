// records.put: the one write path for dated records from forms (the importer batches the same
// checks). The dispatcher has parsed the record against its collection's schema; here: the id
// (derived or next free), references, date order, and one journaled commit.
import { LedgerError, type FieldError } from '../../shared/contract/errors';
import {
  recordIdPrefixes,
  type PutCollection,
  type PutRecordOutput,
} from '../../shared/contract/records';
import { annualGradeId, checkInId, monthlyScoreId } from '../../shared/domain/records';
import type { LedgerState, RecordOf } from '../../shared/ledger/collections';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { checkReferences, lookupIn } from '../../shared/ledger/references';
import type { HandlerGroup, ServiceContext } from './context';
import { nextSequentialId } from '../../shared/ledger/ids';

/** The id a record is keyed by when it is about a cadre+month, cadre+year or plan+date. */
function derivedId(collection: PutCollection, record: Record<string, unknown>): string | undefined {
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

/** Pairs of date fields that must not run backwards. */
const dateOrder: Partial<Record<PutCollection, Array<[from: string, to: string, zh: string, en: string]>>> = {
  measures: [['startsOn', 'endsOn', '结束日期不能早于开始日期', 'end date cannot be before the start date']],
  sanctions: [['decidedOn', 'releasedOn', '解除日期不能早于决定日期', 'release date cannot be before the decision date']],
};

/** The cadre a record is about, where it has one (to check a clearance's record is the cadre's). */
function cadreOf(state: LedgerState, recordId: string): string | undefined {
  for (const c of ['sanctions', 'faults', 'scores', 'grades'] as const) {
    const r = state[c].get(recordId);
    if (r) return r.cadreId;
  }
  const m = state.measures.get(recordId);
  return m && m.subjectType === 'cadre' ? m.subjectId : undefined;
}

export function recordsHandlers(ctx: ServiceContext): HandlerGroup<'records.put'> {
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
      const record = { ...given, id } as RecordOf<PutCollection>;

      for (const f of checkReferences(collection, record, lookupIn(state))) {
        fields.push({ ...f, path: `record.${f.path}` });
      }
      for (const [from, to, zh, en] of dateOrder[collection] ?? []) {
        const a = given[from];
        const b = given[to];
        if (typeof a === 'string' && typeof b === 'string' && b < a) fields.push({ path: `record.${to}`, message: { zh, en } });
      }
      if (collection === 'clearances') {
        const c = record as RecordOf<'clearances'>;
        const owner = cadreOf(state, c.recordId);
        if (owner !== undefined && owner !== c.cadreId) {
          fields.push({
            path: 'record.recordId',
            message: { zh: `该记录属于干部“${owner}”`, en: `that record belongs to cadre "${owner}"` },
          });
        }
      }
      if (fields.length) {
        throw new LedgerError('VALIDATION', { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the marked fields' }, fields);
      }
      const event = put(collection, record) as LedgerEvent;
      await ctx.store.commit([event], { user: call.user, command: 'records.put' });
      return { collection, record } as PutRecordOutput;
    },
  };
}
