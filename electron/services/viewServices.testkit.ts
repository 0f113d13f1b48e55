// Shared set-up for the findings, case-file and tracker service tests: a MemoryStore with a fixed
// clock, the three handler groups on a fake engine, behind the real dispatcher (output checked).
import type { Handlers } from '../../shared/contract';
import type { Envelope } from '../../shared/contract/errors';
import type { Finding } from '../../shared/domain/findings';
import type { LedgerState } from '../../shared/ledger/collections';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { fakeEngine, type LedgerBuilder } from '../../shared/views/testing';
import { createDispatcher } from '../core/dispatcher';
import type { MemoryStore } from '../store/memory';
import { casefileHandlers } from './casefile';
import { createTestContext } from './context';
import { findingsHandlers } from './findings';
import { trackerHandlers } from './tracker';

export async function viewServices(ledger: LedgerBuilder, findingsByMonth: Record<string, Finding[]> = {}, today = new Date(2026, 2, 20, 12)) {
  const ctx = createTestContext({ now: () => today });
  const events: LedgerEvent[] = [];
  for (const [collection, map] of Object.entries(ledger.state) as Array<[keyof LedgerState, Map<string, never>]>) {
    for (const record of map.values()) events.push(put(collection, record));
  }
  await ctx.store.commit(events, { user: 'setup', command: 'test' });
  const engine = fakeEngine(findingsByMonth);
  const handlers = { ...findingsHandlers(ctx, engine), ...casefileHandlers(ctx, engine), ...trackerHandlers(ctx, engine) };
  const dispatcher = createDispatcher(handlers as unknown as Handlers, {
    revision: () => ctx.store.revision,
    checkOutput: true,
    logError: (m) => {
      throw new Error(m);
    },
  });
  const raw = (name: string, input: unknown) => dispatcher.call(name, input, { user: 'officer.wang' });
  /** Calls and unwraps; throws the error shape as JSON when the call failed. */
  const call = async <T = any>(name: string, input: unknown): Promise<T> => {
    const r: Envelope<unknown> = await raw(name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as T;
  };
  return { ctx, store: ctx.store as MemoryStore, engine, call, raw };
}
