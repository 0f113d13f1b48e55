// This office's own commits, in journal order, as the sync reads them to extend its feed. The
// durable store's journal is read directly (its records are the only place where every version of
// every record is kept); the in-memory store of the service tests keeps its journal in an array.
import { FileStore } from '../store/file-store';
import { fileSource } from '../store/fsio';
import { genesisHash, scanJournal, type ScanPosition } from '../store/journal';
import { MemoryStore } from '../store/memory';
import type { LedgerEvent } from '../../shared/ledger/events';
import type { LedgerStore } from '../store/types';

export interface LocalRecord {
  /** Journal sequence number of the record's first event. */
  seq: number;
  at: string;
  user: string;
  command: string;
  events: LedgerEvent[];
}

/** Where reading stopped: the next read starts here (validated; a mismatch rereads from the start). */
export interface JournalPosition {
  offset: number;
  nextSeq: number;
  prev: string;
}

export async function readLocalRecords(
  store: LedgerStore,
  from: JournalPosition | undefined,
): Promise<{ records: LocalRecord[]; end: JournalPosition }> {
  if (store instanceof FileStore) return readFileStore(store, from);
  if (store instanceof MemoryStore) return readMemoryStore(store, from);
  throw new Error('sync needs a store whose journal it can read');
}

async function readFileStore(store: FileStore, from: JournalPosition | undefined) {
  const view = await store.committedView();
  const source = fileSource(store.journalPath, view.size);
  try {
    const origin: ScanPosition = { offset: 0, nextSeq: 1, prev: genesisHash(store.storeId) };
    const scan = (start: ScanPosition) => {
      const records: LocalRecord[] = [];
      const result = scanJournal(source, store.cipher, start, (r) => {
        records.push({ seq: r.record.seq, at: r.record.at, user: r.record.user, command: r.record.command, events: r.record.events });
      });
      return { records, result };
    };
    let out = from && from.offset <= view.size ? scan(from) : scan(origin);
    if (out.result.damage && from) out = scan(origin); // the position no longer fits (a restore): read it all
    if (out.result.damage) throw new Error(`journal unreadable at event #${out.result.damage.seq}: ${out.result.damage.detail}`);
    return { records: out.records, end: { offset: out.result.end, nextSeq: out.result.nextSeq, prev: out.result.prev } };
  } finally {
    source.close();
  }
}

async function readMemoryStore(store: MemoryStore, from: JournalPosition | undefined) {
  const journal = store.journal;
  let i = from && from.offset <= journal.length ? from.offset : 0;
  const records: LocalRecord[] = [];
  while (i < journal.length) {
    const meta = journal[i].meta;
    const rec: LocalRecord = { seq: journal[i].seq, at: new Date(0).toISOString(), user: meta.user, command: meta.command, events: [] };
    // One commit's events share their meta object.
    while (i < journal.length && journal[i].meta === meta) rec.events.push(journal[i++].event);
    records.push(rec);
  }
  return { records, end: { offset: journal.length, nextSeq: journal.length + 1, prev: '' } };
}
