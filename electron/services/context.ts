// What every service handler gets: the store (swappable: restore and the demo switch reopen it),
// the host's clock, and facts about this launch. Services read `ctx.store` at call time.
import type { EndpointName, Handlers } from '../../shared/contract';
import type { LedgerStore } from '../store/types';

export interface ServiceContext {
  store: LedgerStore;
  /** The host's clock. Services turn it into "today"/as-of for the pure engine; tests fix it. */
  now: () => Date;
  appVersion: string;
  /** True when the open store is the demo township's (its own data directory). */
  demo: boolean;
  /**
   * Closes the open store, runs `replaceFiles` on its (now unlocked) data directory, then reopens
   * it and makes it `ctx.store`. Used by restore; the core implements it.
   */
  swapStore(replaceFiles: (dataDir: string) => Promise<void>): Promise<void>;
}

/** A domain's share of the handler map. */
export type HandlerGroup<N extends EndpointName> = Pick<Handlers, N>;

/** "Today" on the host as YYYY-MM-DD (local calendar date: the office's day, not UTC's). */
export function todayOf(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
