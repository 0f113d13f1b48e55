// This office's own feed: every local commit that changes travelling records becomes the next
// entry of the feed `{feedId, epoch, seq, prevHash}`. Entries are cut from the journal when the
// sync needs them (before an export or an import, after a resolution), in one commit. A copied
// data directory or a restored backup starts a new epoch, so two machines never write the same
// feed positions: `sync-origin.json` beside the store remembers the directory, the machine and the
// highest entry that has left this machine.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { recordKey, qualifyId } from '../../shared/sync/ids';
import { replicatedCollectionSet } from '../../shared/sync/records';
import { entryId, type EntryHeader } from '../../shared/sync/schema';
import type { LedgerEvent } from '../../shared/ledger/events';
import type { LedgerStore } from '../store/types';
import { readLocalRecords, type JournalPosition } from './journal-source';
import { sha256Hex } from './keys';
import { identityOf, metaId, metaOf, metaPut, newEpoch, type IdentityRecord, type OwnFeed } from './office';
import { Overlay } from './overlay';
import { headIds, recomputeRecord, shownHeadOf } from './versions';

export const FEED_COMMAND = 'sync.feed';
export const IMPORT_COMMAND = 'sync.import';
export const ORIGIN_FILE = 'sync-origin.json';

interface Origin {
  feedId: string;
  epoch: number;
  nonce: string;
  dir: string;
  host: string;
  machine: string;
  /** The highest entry of this epoch written into a package. */
  exported: number;
}

function machineId(): string {
  for (const f of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      const id = readFileSync(f, 'utf8').trim();
      if (id) return id;
    } catch {
      /* next */
    }
  }
  return hostname();
}

const here = (dataDir: string) => ({ dir: resolve(dataDir), host: hostname(), machine: machineId() });

function readOrigin(dataDir: string): Origin | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, ORIGIN_FILE), 'utf8')) as Origin;
  } catch {
    return undefined;
  }
}

function writeOrigin(dataDir: string, origin: Origin): void {
  const file = join(dataDir, ORIGIN_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(origin, null, 2) + '\n');
  renameSync(tmp, file);
}

const onDisk = (store: LedgerStore) => store.dataDir !== ':memory:';

/** A new epoch when this ledger is not where (or not as far as) its feed last left from. */
function epochToStart(store: LedgerStore, feed: OwnFeed): OwnFeed | undefined {
  if (!onDisk(store)) return undefined;
  const origin = readOrigin(store.dataDir);
  const h = here(store.dataDir);
  if (!origin) return feed.seq === 0 ? undefined : newEpoch(feed.feedId, feed.epoch + 1);
  const moved = origin.dir !== h.dir || origin.host !== h.host || origin.machine !== h.machine;
  const rolledBack =
    origin.epoch > feed.epoch ||
    (origin.epoch === feed.epoch && (origin.nonce !== feed.nonce || origin.exported > feed.seq));
  if (moved || rolledBack || origin.feedId !== feed.feedId) return newEpoch(feed.feedId, Math.max(origin.epoch, feed.epoch) + 1);
  return undefined;
}

/** Remembers where this ledger's feed is (called after the store has the feed record). */
export function noteOrigin(store: LedgerStore, feed: OwnFeed, exported?: number): void {
  if (!onDisk(store)) return;
  const prev = readOrigin(store.dataDir);
  const same = prev && prev.epoch === feed.epoch && prev.nonce === feed.nonce;
  writeOrigin(store.dataDir, {
    feedId: feed.feedId,
    epoch: feed.epoch,
    nonce: feed.nonce,
    ...here(store.dataDir),
    exported: Math.max(exported ?? 0, same ? prev!.exported : 0),
  });
}

const readFrom = new WeakMap<LedgerStore, JournalPosition>();

/** The journal records a sync command writes itself (they are not this office's edits). */
const isSyncBookkeeping = (command: string) => command === FEED_COMMAND || command === IMPORT_COMMAND;

/**
 * Cuts the entries of this office's feed from the local commits since the last time, in one
 * commit. Returns the feed as it stands afterwards (undefined: no office identity).
 */
export async function extendOwnFeed(store: LedgerStore): Promise<OwnFeed | undefined> {
  const state = store.state();
  const identity = identityOf(state);
  if (!identity) return undefined;
  let feed = metaOf<OwnFeed>(state, metaId.feed)!;
  const ov = new Overlay(state);
  // A new epoch continues reading the journal where the old one stopped: what the old epoch holds
  // is not written again.
  const started = epochToStart(store, feed);
  if (started) feed = { ...started, ...(feed.pos ? { pos: feed.pos } : {}) };
  const { records, end } = await readLocalRecords(store, readFrom.get(store) ?? feed.pos);
  const touched = new Set<string>();
  let added = 0;
  for (const rec of records) {
    if (isSyncBookkeeping(rec.command)) continue;
    const events = rec.events.filter((e) => replicatedCollectionSet.has(e.collection));
    if (events.length === 0) continue;
    feed = appendEntry(ov, identity, feed, rec, events, touched);
    added++;
  }
  // A local edit of a record in conflict keeps the conflict open: the record shows the merge.
  for (const key of touched) if (headIds(ov, key).length > 1) recomputeRecord(ov, key, identity.code);
  if (added > 0 || started) {
    await store.commit([...ov.events(), metaPut(metaId.feed, { ...feed, pos: end })], { user: 'sync', command: FEED_COMMAND });
    noteOrigin(store, feed);
  } else if (!readOrigin(store.dataDir) && onDisk(store)) {
    noteOrigin(store, feed);
  }
  readFrom.set(store, end);
  return feed;
}

function appendEntry(
  ov: Overlay,
  identity: IdentityRecord,
  feed: OwnFeed,
  rec: { at: string; user: string; command: string; events: LedgerEvent[] },
  events: LedgerEvent[],
  touched: Set<string>,
): OwnFeed {
  // A resolution names, in the same commit, the versions it resolves (services/sync.ts).
  const resolutions = new Map<string, string[]>();
  for (const e of rec.events) {
    if (e.type === 'put' && e.collection === 'syncMeta' && String(e.record.id).startsWith('resolution/')) {
      resolutions.set(String(e.record.id).slice('resolution/'.length), (e.record as unknown as { data: { bases: string[] } }).data.bases);
    }
  }
  const seq = feed.seq + 1;
  const id = entryId(feed.feedId, feed.epoch, seq);
  const last = new Map<string, LedgerEvent>();
  for (const e of events) {
    const gid = qualifyId(e.type === 'put' ? String((e.record as { id: string }).id) : e.id, identity.code);
    last.set(recordKey(e.collection, gid), e);
  }
  const b: Record<string, string[]> = {};
  for (const key of last.keys()) {
    const bases = resolutions.get(key) ?? shownHeadOf(ov, key, identity.code);
    if (bases.length) b[key] = bases;
  }
  const header: EntryHeader = { f: feed.feedId, e: feed.epoch, s: seq, p: feed.lastHash, b };
  const line = `{"h":${JSON.stringify(header)},"r":${JSON.stringify({ at: rec.at, user: rec.user, command: rec.command, events })}}`;
  const hash = sha256Hex(line);
  ov.put('syncEntries', { id, hash, line });
  ov.put('syncMeta', { id: metaId.head(`${feed.feedId}/${feed.epoch}`), data: { seq, hash, office: identity.code } });
  for (const [key, e] of last) {
    const versions = ov.get('syncHeads', key)?.versions ?? [];
    ov.put('syncHeads', { id: key, versions: [...versions, { e: id, o: identity.code, b: b[key] ?? [], removed: e.type === 'remove' }] });
    touched.add(key);
  }
  return { ...feed, seq, lastHash: hash };
}
