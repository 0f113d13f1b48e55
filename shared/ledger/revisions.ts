// Record history as ledger events (shared/domain/revisions.ts): creating a record from a form, a
// correction (更正) and a void (作废) each come out as the record's own event plus one revision,
// committed together, so the collections hold only what is in force and nothing is ever lost.
// Pure: the caller passes who and when (the service's call.user and ctx.now()).
import type { Revision, RevisionAction } from '../domain/revisions';
import type { CollectionName, LedgerState, RecordOf } from './collections';
import { put, remove, type LedgerEvent } from './events';
import { nextSequentialId } from './ids';

export interface Stamp {
  /** Who (the calling user). */
  by: string;
  /** When: an ISO 8601 instant from the host's clock. */
  at: string;
  /** The office's calendar day (for sorting next to dated records). */
  date: string;
}

type AnyRecord = { id: string } & Record<string, unknown>;

/** The cadre a record is about, for the case file's history (measures only when a cadre's). */
export function cadreOfRecord(state: LedgerState, collection: CollectionName, record: Record<string, unknown>): string | undefined {
  if (typeof record.cadreId === 'string') return record.cadreId;
  if (collection === 'measures') return record.subjectType === 'cadre' ? String(record.subjectId) : undefined;
  if (collection === 'checkIns') return state.rehabPlans.get(String(record.planId))?.cadreId;
  return undefined;
}

/** Ids for revisions: V000001… (several revisions in one commit each get their own). */
export class RevisionIds {
  private next: number;
  constructor(state: LedgerState) {
    const first = nextSequentialId(state.revisions.keys(), 'V', 6);
    this.next = Number(first.slice(1));
  }
  take(): string {
    return `V${String(this.next++).padStart(6, '0')}`;
  }
}

function revision(
  state: LedgerState,
  ids: RevisionIds,
  collection: CollectionName,
  action: RevisionAction,
  before: AnyRecord | null,
  after: AnyRecord | null,
  reason: string,
  stamp: Stamp,
): Revision {
  const about = (after ?? before)!;
  const cadreId = cadreOfRecord(state, collection, about);
  return {
    id: ids.take(),
    collection,
    recordId: about.id,
    ...(cadreId ? { cadreId } : {}),
    action,
    reason,
    at: stamp.at,
    by: stamp.by,
    date: stamp.date,
    before: before ? { ...before } : null,
    after: after ? { ...after } : null,
  };
}

/** A new record entered through a form: its put and a `create` revision. */
export function createEvents<C extends CollectionName>(
  state: LedgerState,
  collection: C,
  record: RecordOf<C>,
  stamp: Stamp,
  ids = new RevisionIds(state),
): LedgerEvent[] {
  return [
    put(collection, record) as LedgerEvent,
    put('revisions', revision(state, ids, collection, 'create', null, record as unknown as AnyRecord, '', stamp)),
  ];
}

/** 更正: the corrected version replaces the one in force; the revision keeps both. */
export function correctEvents<C extends CollectionName>(
  state: LedgerState,
  collection: C,
  after: RecordOf<C>,
  reason: string,
  stamp: Stamp,
  ids = new RevisionIds(state),
): LedgerEvent[] {
  const id = (after as unknown as AnyRecord).id;
  const before = (state[collection] as Map<string, unknown>).get(id) as AnyRecord | undefined;
  if (!before) throw new Error(`correctEvents: no ${collection} record "${id}"`);
  return [
    put(collection, after) as LedgerEvent,
    put('revisions', revision(state, ids, collection, 'correct', before, after as unknown as AnyRecord, reason, stamp)),
  ];
}

/** 作废: the record leaves its collection (it counts for nothing); the revision keeps it. */
export function voidEvents(
  state: LedgerState,
  collection: CollectionName,
  id: string,
  reason: string,
  stamp: Stamp,
  ids = new RevisionIds(state),
): LedgerEvent[] {
  const before = (state[collection] as Map<string, unknown>).get(id) as AnyRecord | undefined;
  if (!before) throw new Error(`voidEvents: no ${collection} record "${id}"`);
  return [remove(collection, id), put('revisions', revision(state, ids, collection, 'void', before, null, reason, stamp))];
}

/** The revisions of one record, oldest first. */
export function revisionsOf(state: LedgerState, collection: string, recordId: string): Revision[] {
  const out: Revision[] = [];
  for (const r of state.revisions.values()) if (r.collection === collection && r.recordId === recordId) out.push(r);
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Top-level fields whose values differ (JSON comparison), sorted. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}
