// A bounded ring of the most recent commits' events, kept in memory by a store so that a reader
// holding results for an older revision (the engine binding's incremental evaluation) can learn
// what changed since instead of recomputing everything. It answers only what it still holds:
// commits older than the ring, a revision it never saw (ahead of the store, or from before a
// reopen or restore — a new store object starts an empty ring) give undefined.
import type { LedgerEvent } from '../../shared/ledger/events';

/** Commits and events kept (whichever bound is reached first; an import larger than that clears the ring). */
export const RECENT_COMMITS = 256;
export const RECENT_EVENTS = 20_000;

interface RecentCommit {
  /** The store's revision before the commit; its events have sequence numbers from + 1 … */
  from: number;
  events: readonly LedgerEvent[];
}

export class RecentChanges {
  private commits: RecentCommit[] = [];
  private head = 0;
  private held = 0;

  constructor(
    private readonly maxCommits = RECENT_COMMITS,
    private readonly maxEvents = RECENT_EVENTS,
  ) {}

  /** Records a commit that took the store from revision `from` to `from + events.length`. */
  record(from: number, events: readonly LedgerEvent[]): void {
    if (!events.length) return;
    if (events.length > this.maxEvents) {
      // Too large to hand out usefully: older revisions cannot be answered any more.
      this.commits = [];
      this.head = 0;
      this.held = 0;
      return;
    }
    this.commits.push({ from, events });
    this.held += events.length;
    while (this.commits.length - this.head > this.maxCommits || this.held > this.maxEvents) {
      this.held -= this.commits[this.head].events.length;
      this.head++;
    }
    // Compact now and then rather than shifting on every commit.
    if (this.head > this.maxCommits) {
      this.commits = this.commits.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * The events committed after `revision` up to `current` (the store's revision), oldest first;
   * [] when `revision` is current; undefined when the ring cannot tell.
   */
  since(revision: number, current: number): LedgerEvent[] | undefined {
    if (!Number.isInteger(revision) || revision < 0 || revision > current) return undefined;
    if (revision === current) return [];
    const first = this.commits[this.head];
    if (!first || revision < first.from) return undefined;
    const last = this.commits[this.commits.length - 1];
    if (last.from + last.events.length !== current) return undefined; // not every commit was recorded
    const out: LedgerEvent[] = [];
    for (let i = this.head; i < this.commits.length; i++) {
      const c = this.commits[i];
      const end = c.from + c.events.length;
      if (end <= revision) continue;
      const skip = Math.max(0, revision - c.from);
      for (let j = skip; j < c.events.length; j++) out.push(c.events[j]);
    }
    return out;
  }
}
