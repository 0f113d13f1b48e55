// What every service handler gets: the store (swappable: restore and the demo switch reopen it),
// the host's clock, and facts about this launch. Services read `ctx.store` at call time.
import type { CallContext, EndpointName, Handlers } from '../../shared/contract';
import type { AuditEntry } from '../../shared/domain/access';
import type { Identity } from '../core/auth/accounts';
import type { LoginAttempts } from '../core/auth/attempts';
import { MemoryStore } from '../store/memory';
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
  /** Lock / unlock and the demo switch; the core (electron/core/app.ts) provides it. */
  session?: SessionControl;
}

export interface SessionControl {
  /** The office's own data directory (not the demo's). */
  readonly homeDataDir: string;
  /** True while an encrypted store waits for its passphrase. */
  readonly locked: boolean;
  /** Whether the office's store is encrypted (known even while locked). */
  readonly encrypted: boolean;
  unlock(passphrase: string): Promise<void>;
  openDemo(): Promise<void>;
  leaveDemo(): Promise<void>;
  // ---- access (electron/core/auth, docs/ACCESS.md) ----
  /** The OS user: administrator of a single-user ledger. */
  readonly osUser: string;
  /** The office's ledger has accounts (logins are on). */
  readonly logins: boolean;
  readonly attempts: LoginAttempts;
  readonly idleLockMinutes: number;
  /** The recovery key of an encrypted store this launch created, until confirmed. */
  readonly recoveryKey: string | undefined;
  confirmRecoveryKey(): void;
  identify(session: string): Identity;
  mustSetPassword(call: CallContext): boolean;
  /** Signs a session in as an account (the caller who turned logins on). */
  bind(session: string, userId: string): void;
  login(session: string, name: string, password: string, via: string): Promise<void>;
  logout(session: string): Promise<void>;
  /** Signs the session out; an encrypted ledger forgets its key. */
  lock(session: string): Promise<void>;
  setPassword(call: CallContext, current: string | undefined, password: string): Promise<void>;
  /** Journals audit entries (kept for later while the ledger is locked). */
  audit(entries: AuditEntry[]): Promise<void>;
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

/**
 * A context for service tests: a MemoryStore, a fixed clock (2024-06-15 noon unless given) and a
 * swapStore that just runs the callback. Override any field.
 */
export function createTestContext(overrides: Partial<ServiceContext> = {}): ServiceContext {
  const ctx: ServiceContext = {
    store: new MemoryStore(),
    now: () => new Date(2024, 5, 15, 12, 0, 0),
    appVersion: '0.0.0-test',
    demo: false,
    async swapStore(replaceFiles) {
      await replaceFiles(ctx.store.dataDir);
    },
    ...overrides,
  };
  return ctx;
}
