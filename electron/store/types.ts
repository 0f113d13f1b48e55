// The store interface. Services, the CLI and the hosts depend on this, never on a store's files,
// so the durable store can replace a simpler one without touching them.
import type { LedgerEvent } from '../../shared/ledger/events';
import type { LedgerState } from '../../shared/ledger/collections';

export interface CommitMeta {
  /** Who: the user id recorded with every event (audit). */
  user: string;
  /** What: the contract endpoint or CLI command that produced the events. */
  command: string;
}

export interface CommitResult {
  /** The store's revision after the commit: the sequence number of its last event. */
  revision: number;
}

/** One journal record (one commit), as the audit trail shows it. */
export interface HistoryRecord {
  seq: number;
  at: string;
  user: string;
  command: string;
  events: LedgerEvent[];
}

export interface LedgerStore {
  readonly dataDir: string;
  readonly encrypted: boolean;
  /** Number of the last event applied; 0 for an empty ledger. */
  readonly revision: number;
  /** The materialized ledger. Owned by the store: read it, never mutate it. */
  state(): LedgerState;
  /**
   * Journals the events as one atomic unit and applies them to the state. Resolves only after the
   * events are durable on disk (fsync); rejects, with the state unchanged, if they are not.
   * Commits are serialized: concurrent calls are queued in call order.
   */
  commit(events: LedgerEvent[], meta: CommitMeta): Promise<CommitResult>;
  /** Releases the data-directory lock. */
  close(): Promise<void>;
  /** Every commit so far, oldest first (the durable and the memory store have it). */
  history?(): Promise<HistoryRecord[]>;
  /**
   * The events committed after `revision`, oldest first, as applied to the state — from a bounded
   * in-memory ring of recent commits (electron/store/recent-changes.ts): [] when `revision` is the
   * current one; undefined when those commits have left the ring or the revision is unknown
   * (ahead of the store, or from before a reopen or restore). The engine binding patches its
   * findings with them (shared/engine/incremental.ts) and evaluates afresh on undefined.
   */
  changesSince?(revision: number): LedgerEvent[] | undefined;
}

export interface OpenOptions {
  /** Unlocks an encrypted store; ignored for a plain one. */
  passphrase?: string;
  /** Unlocks an encrypted store with a user account's password (its wrapping in meta.json). */
  user?: { name: string; password: string };
  /** Create the store if the directory holds none (the app does; the CLI asks for `init`). */
  create?: boolean;
}

export type OpenStore = (dataDir: string, options?: OpenOptions) => Promise<LedgerStore>;
