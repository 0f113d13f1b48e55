// An in-memory LedgerStore for service tests: same contract as the durable store, no disk.
import { applyEvent, type LedgerEvent } from '../../shared/ledger/events';
import { emptyLedgerState, type LedgerState } from '../../shared/ledger/collections';
import { RecentChanges } from './recent-changes';
import type { CommitMeta, CommitResult, HistoryRecord, LedgerStore } from './types';

export interface JournaledEvent {
  seq: number;
  event: LedgerEvent;
  meta: CommitMeta;
}

export class MemoryStore implements LedgerStore {
  readonly dataDir = ':memory:';
  readonly encrypted = false;
  readonly journal: JournaledEvent[] = [];
  private readonly ledger: LedgerState = emptyLedgerState();
  private readonly recent = new RecentChanges();

  get revision(): number {
    return this.journal.length;
  }
  state(): LedgerState {
    return this.ledger;
  }
  async commit(events: LedgerEvent[], meta: CommitMeta): Promise<CommitResult> {
    const from = this.revision;
    for (const event of events) {
      this.journal.push({ seq: this.journal.length + 1, event, meta });
      applyEvent(this.ledger, event);
    }
    this.recent.record(from, events);
    return { revision: this.revision };
  }
  changesSince(revision: number): LedgerEvent[] | undefined {
    return this.recent.since(revision, this.revision);
  }
  async close(): Promise<void> {}
  /** One history record per commit meta run (the memory store journals events one by one). */
  async history(): Promise<HistoryRecord[]> {
    const out: HistoryRecord[] = [];
    let last: JournaledEvent['meta'] | undefined;
    for (const j of this.journal) {
      if (j.meta !== last) out.push({ seq: j.seq, at: new Date(0).toISOString(), user: j.meta.user, command: j.meta.command, events: [] });
      out[out.length - 1].events.push(j.event);
      last = j.meta;
    }
    return out;
  }
}
