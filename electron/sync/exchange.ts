// Export, import, conflicts and the offices list: what the CLI verbs and the sync service call.
// Import verifies every file completely before anything is applied, then applies all of them in one
// store commit (docs/SYNC.md).
import type { LedgerState } from '../../shared/ledger/collections';
import { LedgerError } from '../../shared/contract/errors';
import { classifyFeed, forkMessage, gapMessage, type EntryClass } from '../../shared/sync/classify';
import { localizeRecord, qualifyId, recordKey, splitRecordKey } from '../../shared/sync/ids';
import { replicatedCollectionSet } from '../../shared/sync/records';
import { feedKey, type Certificate, type Manifest, type OfficeCode, type VersionVector } from '../../shared/sync/schema';
import type { LedgerStore } from '../store/types';
import { extendOwnFeed, IMPORT_COMMAND, noteOrigin } from './feed';
import { identityOf, metaId, metaOf, metaPut, officeName, requireIdentity, type OwnFeed, type TrustRecord } from './office';
import { Overlay } from './overlay';
import { newPackageId, readPackage, writePackage, type VerifiedEntry } from './package';
import { headIds, parseEntry, recomputeRecord, versionsOf, ownerOfKey } from './versions';
import { mergeVersions } from '../../shared/sync/merge';

type Bi = { zh: string; en: string };

export interface FeedHeadRecord {
  seq: number;
  hash: string;
  office: OfficeCode;
}

/** Everything a held feed head is keyed by: `head/<feed>/<epoch>`. */
export function feedHeads(state: LedgerState): Array<{ feed: string; head: FeedHeadRecord }> {
  const out: Array<{ feed: string; head: FeedHeadRecord }> = [];
  for (const [id, m] of state.syncMeta) if (id.startsWith('head/')) out.push({ feed: id.slice(5), head: m.data as unknown as FeedHeadRecord });
  return out;
}

/** What this office holds of `office`'s feeds (the vector a package acknowledges with). */
export function heldOf(state: LedgerState, office: OfficeCode): VersionVector {
  const v: VersionVector = {};
  for (const { feed, head } of feedHeads(state)) if (head.office === office) v[feed] = head.seq;
  return v;
}

export type Selection = { kind: 'unacknowledged' } | { kind: 'dates'; from: string; to: string };

export interface ExportResult {
  bytes: Buffer;
  manifest: Manifest;
  fileName: string;
  entries: number;
  encrypted: boolean;
}

/** Writes a package for office `to`: what it has not acknowledged (default) or a date range. */
export async function exportPackage(
  store: LedgerStore,
  to: OfficeCode,
  options: { selection?: Selection; now: Date; encrypt?: boolean; user?: string },
): Promise<ExportResult> {
  const feed = await extendOwnFeed(store);
  const state = store.state();
  const self = requireIdentity(state);
  if (to === self.code) throw new LedgerError('VALIDATION', { zh: '不能给本单位自己导出数据包。', en: 'A package cannot be addressed to this office itself.' });
  const target = metaOf<TrustRecord>(state, metaId.trust(to));
  if (!target) {
    throw new LedgerError('NOT_FOUND', {
      zh: `本单位尚未信任 ${to}：请先导入其身份文件或证书（office trust）。`,
      en: `This office does not trust ${to} yet: import its identity or certificate first (office trust).`,
    });
  }
  const selection = options.selection ?? { kind: 'unacknowledged' };
  const acked = metaOf<VersionVector>(state, metaId.ack(to)) ?? {};
  const ranges: Manifest['ranges'] = [];
  const lines: string[] = [];
  for (const { feed: fk, head } of feedHeads(state).filter((f) => f.head.office === self.code).sort((a, b) => (a.feed < b.feed ? -1 : 1))) {
    const epoch = Number(fk.split('/')[1]);
    let from = (selection.kind === 'unacknowledged' ? acked[fk] ?? 0 : 0) + 1;
    let upTo = head.seq;
    const entryAt = (seq: number) => state.syncEntries.get(`${fk}/${seq}`)!;
    if (selection.kind === 'dates') {
      // The entries recorded in the range, and everything between them (a feed range is contiguous).
      const inRange: number[] = [];
      for (let s = 1; s <= head.seq; s++) {
        const e = entryAt(s);
        const day = parseEntry(e.line, e.hash).r.at.slice(0, 10);
        if (day >= selection.from && day <= selection.to) inRange.push(s);
      }
      if (inRange.length === 0) continue;
      from = inRange[0];
      upTo = inRange[inRange.length - 1];
    }
    if (from > upTo) continue;
    const first = entryAt(from);
    for (let s = from; s <= upTo; s++) lines.push(entryAt(s).line);
    ranges.push({ feedId: self.code, epoch, fromSeq: from, toSeq: upTo, prevHash: parseEntry(first.line, first.hash).h.p, lastHash: entryAt(upTo).hash });
  }
  const packageId = newPackageId();
  const own = metaOf<Certificate>(state, metaId.certificate);
  const { bytes, manifest } = writePackage(
    self,
    {
      manifest: {
        packageId,
        createdAt: options.now.toISOString(),
        source: { code: self.code, name: self.name },
        target: { code: to },
        ranges,
        received: heldOf(state, to),
        selection,
      },
      lines,
      chain: own ? [own] : [],
    },
    options.encrypt === false ? undefined : target.boxKey,
  );
  await store.commit(
    [metaPut(metaId.sent(to), { packageId, at: options.now.toISOString(), entries: lines.length, ranges })],
    { user: options.user ?? 'sync', command: 'sync.export' },
  );
  if (feed) noteOrigin(store, feed, ranges.filter((r) => r.epoch === feed.epoch).reduce((m, r) => Math.max(m, r.toSeq), 0));
  const stamp = options.now.toISOString().slice(0, 19).replace(/[-:T]/g, '');
  return { bytes, manifest, fileName: `${self.code}-to-${to}-${stamp}.ledgerpkg`, entries: lines.length, encrypted: options.encrypt !== false };
}

export interface OfficeCounts {
  office: OfficeCode;
  name: string;
  new: number;
  held: number;
  gap: number;
  conflict: number;
  refused: number;
  /** Why entries were held back or quarantined, or the file refused. */
  messages: Bi[];
}

export interface FileOutcome {
  file: string;
  ok: boolean;
  office?: OfficeCode;
  packageId?: string;
  message?: Bi;
}

export interface ImportReport {
  offices: OfficeCounts[];
  files: FileOutcome[];
  /** Whether anything was written (false for a replay or a preview). */
  committed: boolean;
  revision: number;
}

interface Incoming {
  file: string;
  entries: VerifiedEntry[];
  manifest: Manifest;
  manifestLine: string;
  signature: string;
  chain: Certificate[];
  sourceName: string;
}

const todayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Verifies the files and (unless `preview`) applies them in one commit. A refused file applies
 * nothing; the others are applied all together.
 */
export async function importPackages(
  store: LedgerStore,
  files: Array<{ name: string; bytes: Buffer }>,
  options: { now: Date; preview?: boolean; user?: string },
): Promise<ImportReport> {
  if (!options.preview) await extendOwnFeed(store);
  const state = store.state();
  const self = requireIdentity(state);
  const today = todayOf(options.now);
  const outcomes: FileOutcome[] = [];
  const incoming: Incoming[] = [];
  const counts = new Map<string, OfficeCounts>();
  const countsOf = (office: string, name?: string) => {
    let c = counts.get(office);
    if (!c) counts.set(office, (c = { office, name: name ?? officeName(state, office), new: 0, held: 0, gap: 0, conflict: 0, refused: 0, messages: [] }));
    return c;
  };
  for (const f of files) {
    const read = readPackage(state, f.bytes, today);
    if (!read.ok) {
      outcomes.push({ file: f.name, ok: false, message: read.message, ...(read.source ? { office: read.source } : {}) });
      const c = countsOf(read.source ?? '?', read.source ? undefined : f.name);
      c.refused++;
      c.messages.push(read.message);
      continue;
    }
    outcomes.push({ file: f.name, ok: true, office: read.manifest.source.code, packageId: read.manifest.packageId });
    countsOf(read.manifest.source.code, read.sourceName);
    incoming.push({ file: f.name, ...read });
  }

  const ov = new Overlay(state);
  const touched = new Set<string>();
  const at = options.now.toISOString();
  for (const pkg of incoming) {
    const source = pkg.manifest.source.code;
    const c = countsOf(source, pkg.sourceName);
    const byFeed = new Map<string, VerifiedEntry[]>();
    for (const e of pkg.entries) {
      const fk = feedKey(e.header.f, e.header.e);
      let list = byFeed.get(fk);
      if (!list) byFeed.set(fk, (list = []));
      list.push(e);
    }
    for (const [fk, list] of byFeed) {
      const classes = classify(ov, fk, list);
      list.forEach((e, i) => {
        const k = classes[i];
        if (k === 'held') c.held++;
        else if (k === 'gap') {
          if (!ov.get('syncPending', `gap/${e.id}`)) {
            ov.put('syncPending', { id: `gap/${e.id}`, kind: 'gap', entryId: e.id, office: source, hash: e.hash, line: e.line, packageId: pkg.manifest.packageId, receivedAt: at });
          }
          c.gap++;
        } else if (k === 'fork') {
          const id = `fork/${e.id}/${e.hash.slice(0, 16)}`;
          if (!ov.get('syncPending', id)) {
            ov.put('syncPending', { id, kind: 'fork', entryId: e.id, office: source, hash: e.hash, line: e.line, packageId: pkg.manifest.packageId, receivedAt: at });
          }
          c.refused++;
        } else {
          applyEntry(ov, e, source, touched);
          c.new++;
        }
      });
      // Entries held back earlier may follow now.
      c.new += releaseHeld(ov, fk, source, touched);
      const headNow = ov.get('syncMeta', metaId.head(fk))?.data as FeedHeadRecord | undefined;
      const firstGap = classes.indexOf('gap');
      if (firstGap >= 0) c.messages.push(gapMessage(pkg.sourceName, headNow?.seq ?? 0, list[firstGap].header.s));
      const firstFork = classes.indexOf('fork');
      if (firstFork >= 0) c.messages.push(forkMessage(pkg.sourceName, list[firstFork].header.s));
    }
    // What the sender has received of this office's feeds acknowledges our earlier packages.
    const acked = { ...(metaOf<VersionVector>(ov.state, metaId.ack(source)) ?? {}) };
    let ackChanged = false;
    for (const [fk, seq] of Object.entries(pkg.manifest.received)) {
      if ((acked[fk] ?? 0) < seq) {
        acked[fk] = seq;
        ackChanged = true;
      }
    }
    if (ackChanged) ov.put('syncMeta', { id: metaId.ack(source), data: acked });
  }
  // Owners first: they decide what a record in conflict shows.
  const keys = [...touched].sort((a, b) => Number(!a.startsWith('owners/')) - Number(!b.startsWith('owners/')));
  const transferred = keys.filter((k) => k.startsWith('owners/'));
  for (const k of transferred) {
    const { id } = splitRecordKey(k);
    for (const c of ['units', 'cadres']) if (ov.get('syncHeads', recordKey(c, id))) keys.push(recordKey(c, id));
  }
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const before = headIds(new Overlay(state), key).length;
    const result = recomputeRecord(ov, key, self.code);
    if (result.conflictFields.length && before <= 1) {
      for (const side of result.sides) if (side.office !== self.code) countsOf(side.office).conflict++;
    }
  }
  const applied = ov.size > 0;
  const report = (committed: boolean, revision: number): ImportReport => ({
    offices: [...counts.values()].sort((a, b) => (a.office < b.office ? -1 : 1)),
    files: outcomes,
    committed,
    revision,
  });
  if (!applied || options.preview) return report(false, store.revision);
  for (const pkg of incoming) {
    const source = pkg.manifest.source.code;
    const c = counts.get(source)!;
    ov.put('syncMeta', {
      id: metaId.received(source),
      data: { packageId: pkg.manifest.packageId, at, createdAt: pkg.manifest.createdAt, entries: pkg.entries.length, new: c.new },
    });
    // The signed manifest, so that verify can check every held entry against its sender's signature.
    ov.put('syncMeta', { id: metaId.pkg(pkg.manifest.packageId), data: { manifest: pkg.manifestLine, signature: pkg.signature, chain: pkg.chain } });
  }
  const { revision } = await store.commit(ov.events(), { user: options.user ?? 'sync', command: IMPORT_COMMAND });
  return report(true, revision);
}

function classify(ov: Overlay, fk: string, list: VerifiedEntry[]): EntryClass[] {
  const head = ov.get('syncMeta', metaId.head(fk))?.data as FeedHeadRecord | undefined;
  return classifyFeed(head, (id) => ov.get('syncEntries', id)?.hash, list.map((e) => ({ id: e.id, seq: e.header.s, prevHash: e.header.p, hash: e.hash })));
}

function applyEntry(ov: Overlay, e: VerifiedEntry, source: OfficeCode, touched: Set<string>): void {
  ov.put('syncEntries', { id: e.id, hash: e.hash, line: e.line });
  ov.put('syncMeta', { id: metaId.head(feedKey(e.header.f, e.header.e)), data: { seq: e.header.s, hash: e.hash, office: source } });
  const last = new Map<string, boolean>();
  for (const ev of e.record.events) {
    if (!replicatedCollectionSet.has(ev.collection)) continue;
    const id = ev.type === 'put' ? String(ev.record.id) : ev.id;
    last.set(recordKey(ev.collection, qualifyId(id, source)), ev.type === 'remove');
  }
  for (const [key, removed] of last) {
    const versions = ov.get('syncHeads', key)?.versions ?? [];
    if (versions.some((v) => v.e === e.id)) continue;
    ov.put('syncHeads', { id: key, versions: [...versions, { e: e.id, o: source, b: e.header.b[key] ?? [], removed }] });
    touched.add(key);
  }
}

/** Applies held-back entries of feed `fk` that now follow its head; returns how many. */
function releaseHeld(ov: Overlay, fk: string, source: OfficeCode, touched: Set<string>): number {
  const prefix = `gap/${fk}/`;
  const waiting: VerifiedEntry[] = [];
  const pendingIds = new Set<string>([...ov.state.syncPending.keys(), ...ov.changed('syncPending')]);
  for (const id of pendingIds) {
    if (!id.startsWith(prefix)) continue;
    const p = ov.get('syncPending', id);
    if (!p) continue;
    const { h, r } = parseEntry(p.line, p.hash);
    waiting.push({ id: p.entryId, header: h, record: r, line: p.line, hash: p.hash });
  }
  if (waiting.length === 0) return 0;
  waiting.sort((a, b) => a.header.s - b.header.s);
  let released = 0;
  for (;;) {
    const head = ov.get('syncMeta', metaId.head(fk))?.data as FeedHeadRecord | undefined;
    const next = waiting.find((w) => w.header.s === (head?.seq ?? 0) + 1);
    if (!next) break;
    ov.remove('syncPending', `gap/${next.id}`);
    if (head && next.header.p !== head.hash) {
      ov.put('syncPending', { ...ov.state.syncPending.get(`gap/${next.id}`)!, id: `fork/${next.id}/${next.hash.slice(0, 16)}`, kind: 'fork' });
      break;
    }
    applyEntry(ov, next, source, touched);
    released++;
  }
  // Held entries now at or below the head were received again meanwhile: drop the copies.
  const head = ov.get('syncMeta', metaId.head(fk))?.data as FeedHeadRecord | undefined;
  for (const w of waiting) if (head && w.header.s <= head.seq && ov.get('syncEntries', w.id)?.hash === w.hash) ov.remove('syncPending', `gap/${w.id}`);
  return released;
}

// ---- conflicts ------------------------------------------------------------------------------

export interface ConflictItem {
  key: string;
  collection: string;
  /** The record's id in this office's ids. */
  recordId: string;
  owner: OfficeCode;
  fields: string[];
  sides: Array<{ version: string; office: OfficeCode; officeName: string; value: Record<string, unknown> | null }>;
  /** What the record shows until the conflict is resolved (the owner's side). */
  shown: Record<string, unknown> | null;
}

export function listConflicts(state: LedgerState): ConflictItem[] {
  const self = identityOf(state);
  if (!self) return [];
  const ov = new Overlay(state);
  const out: ConflictItem[] = [];
  for (const key of state.syncHeads.keys()) {
    if (headIds(ov, key).length < 2) continue;
    const owner = ownerOfKey(ov, key, self.code);
    const r = mergeVersions(versionsOf(ov, key), owner);
    if (!r.conflictFields.length) continue;
    const { collection, id } = splitRecordKey(key);
    out.push({
      key,
      collection,
      recordId: id.startsWith(`${self.code}.`) ? id.slice(self.code.length + 1) : id,
      owner,
      fields: r.conflictFields,
      sides: r.sides.map((s) => ({ ...s, officeName: officeName(state, s.office) })),
      shown: r.value,
    });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/**
 * Resolves a conflict with a new version whose bases name every side: the chosen side's value for
 * each conflicting field (`pick`: field → version id; default: `version` for all of them).
 */
export async function resolveConflict(
  store: LedgerStore,
  input: { key: string; version: string; pick?: Record<string, string> },
  meta: { user: string },
): Promise<{ revision: number }> {
  await extendOwnFeed(store);
  const state = store.state();
  const self = requireIdentity(state);
  const item = listConflicts(state).find((c) => c.key === input.key);
  if (!item) throw new LedgerError('NOT_FOUND', { zh: '该冲突不存在或已解决。', en: 'No such open conflict (it may have been resolved).' });
  const sideOf = (v: string) => {
    const s = item.sides.find((x) => x.version === v);
    if (!s) throw new LedgerError('VALIDATION', { zh: `冲突中没有版本 ${v}。`, en: `The conflict has no version ${v}.` });
    return s;
  };
  const chosen = sideOf(input.version);
  let value: Record<string, unknown> | null;
  if (item.fields.includes('*') || chosen.value === null) value = chosen.value;
  else {
    value = { ...(item.shown ?? {}) };
    for (const f of item.fields) {
      const from = sideOf(input.pick?.[f] ?? input.version).value;
      if (from && f in from) value[f] = from[f];
      else delete value[f];
    }
  }
  const { collection } = splitRecordKey(item.key);
  const events =
    value === null
      ? [{ type: 'remove' as const, collection: collection as never, id: item.recordId }]
      : [{ type: 'put' as const, collection: collection as never, record: localizeRecord(value, self.code) as never }];
  const { revision } = await store.commit(
    [...events, metaPut(metaId.resolution(item.key), { bases: item.sides.map((s) => s.version), at: new Date().toISOString() })],
    { user: meta.user, command: 'sync.resolve' },
  );
  await extendOwnFeed(store);
  return { revision };
}

// ---- offices --------------------------------------------------------------------------------

export interface OfficeRow {
  code: OfficeCode;
  name: string;
  self: boolean;
  anchor: boolean;
  certifiedUntil?: string;
  lastReceived?: { packageId: string; at: string; entries: number };
  lastSent?: { packageId: string; at: string; entries: number };
  held: VersionVector;
  acknowledged: VersionVector;
  heldBack: number;
  quarantined: number;
  openConflicts: number;
}

export function listOffices(state: LedgerState): OfficeRow[] {
  const self = identityOf(state);
  if (!self) return [];
  const conflicts = listConflicts(state);
  const pending = [...state.syncPending.values()];
  const codes = new Set<string>([self.code]);
  for (const id of state.syncMeta.keys()) if (id.startsWith('trust/')) codes.add(id.slice(6));
  for (const { head } of feedHeads(state)) codes.add(head.office);
  const own = metaOf<OwnFeed>(state, metaId.feed);
  return [...codes].sort().map((code) => {
    const trust = metaOf<TrustRecord>(state, metaId.trust(code));
    const received = metaOf<OfficeRow['lastReceived']>(state, metaId.received(code));
    const sent = metaOf<OfficeRow['lastSent']>(state, metaId.sent(code));
    return {
      code,
      name: officeName(state, code),
      self: code === self.code,
      anchor: !!trust?.anchor,
      ...(trust?.certificate ? { certifiedUntil: trust.certificate.body.validTo } : {}),
      ...(received ? { lastReceived: { packageId: received.packageId, at: received.at, entries: received.entries } } : {}),
      ...(sent ? { lastSent: { packageId: sent.packageId, at: sent.at, entries: sent.entries } } : {}),
      held: code === self.code && own ? { [`${own.feedId}/${own.epoch}`]: own.seq } : heldOf(state, code),
      acknowledged: metaOf<VersionVector>(state, metaId.ack(code)) ?? {},
      heldBack: pending.filter((p) => p.office === code && p.kind === 'gap').length,
      quarantined: pending.filter((p) => p.office === code && p.kind === 'fork').length,
      openConflicts: conflicts.filter((c) => c.sides.some((s) => s.office === code) && code !== self.code).length,
    };
  });
}
