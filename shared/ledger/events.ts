// Ledger events: the only way the ledger changes. The store journals them; `applyEvent` folds
// them into a LedgerState. Pure, so the store, snapshots, tests and the CLI share one projection.
import { z } from 'zod';
import { idSchema } from '../domain/primitives';
import {
  collectionNameSchema,
  collectionSchemas,
  type CollectionName,
  type LedgerState,
  type RecordOf,
} from './collections';

export const putEventSchema = z.object({
  type: z.literal('put'),
  collection: collectionNameSchema,
  record: z.record(z.string(), z.unknown()),
});
export const removeEventSchema = z.object({
  type: z.literal('remove'),
  collection: collectionNameSchema,
  id: z.string().min(1),
});
export const ledgerEventSchema = z.discriminatedUnion('type', [putEventSchema, removeEventSchema]);

export type PutEvent<C extends CollectionName = CollectionName> = {
  type: 'put';
  collection: C;
  record: RecordOf<C>;
};
export type RemoveEvent = { type: 'remove'; collection: CollectionName; id: string };
export type LedgerEvent = PutEvent | RemoveEvent;

export const put = <C extends CollectionName>(collection: C, record: RecordOf<C>): PutEvent<C> => ({
  type: 'put',
  collection,
  record,
});
export const remove = (collection: CollectionName, id: string): RemoveEvent => ({
  type: 'remove',
  collection,
  id,
});

/** Mutates `state` in place (the store owns it); callers outside the store only read. */
export function applyEvent(state: LedgerState, event: LedgerEvent): void {
  const map = state[event.collection] as Map<string, unknown>;
  if (event.type === 'put') map.set((event.record as { id: string }).id, event.record);
  else map.delete(event.id);
}

/** Validates a record against its collection's schema; services call this before committing. */
export function parseRecord<C extends CollectionName>(collection: C, record: unknown): RecordOf<C> {
  return collectionSchemas[collection].parse(record) as RecordOf<C>;
}

export { idSchema };
