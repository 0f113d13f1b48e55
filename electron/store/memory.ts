// An in-memory LedgerStore for service tests: same contract as the durable store, no disk.
import { applyEvent, type LedgerEvent } from '../../shared/ledger/events';
import { emptyLedgerState, type LedgerState } from '../../shared/ledger/collections';
import type { CommitMeta, CommitResult, LedgerStore } from './types';

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

  get revision(): number {
    return this.journal.length;
  }
  state(): LedgerState {
    return this.ledger;
  }
  async commit(events: LedgerEvent[], meta: CommitMeta): Promise<CommitResult> {
    for (const event of events) {
      this.journal.push({ seq: this.journal.length + 1, event, meta });
      applyEvent(this.ledger, event);
    }
    return { revision: this.revision };
  }
  async close(): Promise<void> {}
}
