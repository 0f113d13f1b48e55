// From held feed entries to the ledger's records: the versions of a record (syncHeads), their
// values (read from the entries' exact bytes), and the record's merged value written back in this
// office's ids (shared/sync/merge.ts decides; this file only gathers and writes).
import type { CollectionName } from '../../shared/ledger/collections';
import { localizeId, localizeRecord, ownerOfId, qualifyId, qualifyRecord, recordKey, splitRecordKey } from '../../shared/sync/ids';
import { mergeVersions, headsOf, type MergeResult, type Version } from '../../shared/sync/merge';
import type { EntryHeader, EntryRecord, OfficeCode } from '../../shared/sync/schema';
import type { Overlay } from './overlay';

export interface ParsedEntry {
  h: EntryHeader;
  r: EntryRecord;
}

const parsed = new Map<string, ParsedEntry>();

/** Parses an entry's bytes (cached by hash: the same bytes always parse the same). */
export function parseEntry(line: string, hash: string): ParsedEntry {
  let p = parsed.get(hash);
  if (!p) {
    const raw = JSON.parse(line) as { h: EntryHeader; r: EntryRecord };
    p = { h: { ...raw.h, b: raw.h.b ?? {} }, r: raw.r };
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(hash, p);
  }
  return p;
}

const byKeyCache = new WeakMap<ParsedEntry, Map<string, EntryRecord['events'][number]>>();

/** The entry's last event on each record, by record key (built once per entry). */
function eventsByKey(p: ParsedEntry): Map<string, EntryRecord['events'][number]> {
  let m = byKeyCache.get(p);
  if (!m) {
    m = new Map();
    for (const e of p.r.events) m.set(recordKey(e.collection, qualifyId(e.type === 'put' ? String(e.record.id) : e.id, p.h.f)), e);
    byKeyCache.set(p, m);
  }
  return m;
}

/** The value a version wrote, in global ids (null: it removed the record). */
function versionValue(ov: Overlay, entry: string, key: string): Record<string, unknown> | null {
  const held = ov.get('syncEntries', entry);
  if (!held) return null;
  const p = parseEntry(held.line, held.hash);
  const e = eventsByKey(p).get(key);
  return e && e.type === 'put' ? (qualifyRecord(e.record, p.h.f) as Record<string, unknown>) : null;
}

export function versionsOf(ov: Overlay, key: string): Version[] {
  const heads = ov.get('syncHeads', key);
  if (!heads) return [];
  return heads.versions.map((v) => ({ id: v.e, office: v.o, bases: v.b, value: v.removed ? null : versionValue(ov, v.e, key) }));
}

/** Heads without reading values (cheap: decides whether a merge is needed). */
export function headIds(ov: Overlay, key: string): string[] {
  const heads = ov.get('syncHeads', key);
  if (!heads) return [];
  return headsOf(heads.versions.map((v) => ({ id: v.e, office: v.o, bases: v.b, value: null }))).map((v) => v.id);
}

/** The office that owns a record: a transfer's new owner for units and cadres, else its creator. */
export function ownerOfKey(ov: Overlay, key: string, self: OfficeCode): OfficeCode {
  const { collection, id } = splitRecordKey(key);
  if (collection === 'units' || collection === 'cadres') {
    const o = ov.get('owners', localizeId(id, self));
    if (o && o.collection === collection) return o.office;
  }
  return ownerOfId(id, self);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Recomputes one record from its versions and writes it (in this office's ids) into the overlay. */
export function recomputeRecord(ov: Overlay, key: string, self: OfficeCode): MergeResult {
  const result = mergeVersions(versionsOf(ov, key), ownerOfKey(ov, key, self));
  const { collection, id } = splitRecordKey(key);
  const c = collection as CollectionName;
  const localId = localizeId(id, self);
  const current = ov.get(c, localId);
  if (result.value === null) {
    if (current !== undefined) ov.remove(c, localId);
  } else {
    const value = localizeRecord(result.value, self) as Record<string, unknown>;
    if (!same(current, value)) ov.put(c, value as never);
  }
  return result;
}

/** The head whose value the record shows (the owner's while a conflict is open): a local edit builds on it. */
export function shownHeadOf(ov: Overlay, key: string, self: OfficeCode): string[] {
  const heads = ov.get('syncHeads', key);
  if (!heads) return [];
  const hs = headsOf(heads.versions.map((v) => ({ id: v.e, office: v.o, bases: v.b, value: null })));
  if (hs.length <= 1) return hs.map((h) => h.id);
  const owner = ownerOfKey(ov, key, self);
  return [([...hs].reverse().find((h) => h.office === owner) ?? hs[0]).id];
}
