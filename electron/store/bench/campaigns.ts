// Damage campaigns shared by the unit tests (small counts) and `npm run test:crash` (full counts):
//   corruption: random bit flips and truncations across the journal and the snapshots;
//   tamper: edit / delete / insert / reorder of journal records with recomputed frame checksums.
// Each trial works on a fresh copy of a base store that has an anchored part (closed cleanly) and
// an unanchored tail (written after the last close, as after a crash), plus snapshots.
import { cpSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerError } from '../../../shared/contract/errors';
import type { LedgerEvent } from '../../../shared/ledger/events';
import { encodeFrame, FRAME_HEADER } from '../frame';
import { initStore, openStore, verifyStore } from '../index';
import { stateDigest } from '../snapshot';
import { cadrePut, fastScrypt, scorePut, tempDir, unitPut } from '../test-helpers';

/** Small deterministic PRNG (mulberry32) so a failing trial can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BaseStore {
  dir: string;
  passphrase?: string;
  /** Record boundaries in the journal: [start offset, end offset, last seq]. */
  records: { start: number; end: number; lastSeq: number }[];
  /** State digest after each record's last seq. */
  digestAt: Map<number, string>;
  /** Last event sequence number covered by head.json (closed cleanly there). */
  anchoredSeq: number;
  finalSeq: number;
  cleanup(): void;
}

function eventsFor(i: number, random: () => number): LedgerEvent[] {
  const n = 1 + Math.floor(random() * 3);
  const out: LedgerEvent[] = [];
  for (let j = 0; j < n; j++) {
    const r = random();
    const id = `c${Math.floor(random() * 12)}`;
    if (r < 0.4) out.push(cadrePut(id, `干部${i}-${j}`));
    else if (r < 0.8) out.push(scorePut(id, `2024-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`, Math.round(random() * 100)));
    else if (r < 0.9) out.push(unitPut(`u${Math.floor(random() * 3)}`));
    else out.push({ type: 'remove', collection: 'cadres', id });
  }
  return out;
}

export function journalFrames(journal: Buffer): { start: number; end: number }[] {
  const frames: { start: number; end: number }[] = [];
  for (let at = 0; at < journal.length; ) {
    const end = at + FRAME_HEADER + journal.readUInt32LE(at + 4);
    frames.push({ start: at, end });
    at = end;
  }
  return frames;
}

/** Builds a base store: `anchored` records then a clean close, then `tail` more records, "crashed". */
export async function buildBaseStore(opts: { encrypted: boolean; anchored: number; tail: number; seed: number }): Promise<BaseStore> {
  const random = rng(opts.seed);
  const work = tempDir('base-');
  const live = join(work.dir, 'live');
  const dir = join(work.dir, 'base');
  const passphrase = opts.encrypted ? 'campaign passphrase' : undefined;
  await initStore(live, { passphrase, scryptParams: fastScrypt });
  const digestAt = new Map<number, string>();
  const commitMany = async (store: Awaited<ReturnType<typeof openStore>>, count: number, from: number) => {
    for (let i = 0; i < count; i++) {
      const { revision } = await store.commit(eventsFor(from + i, random), { user: 'campaign', command: 'test' });
      digestAt.set(revision, stateDigest(store.state()));
    }
  };
  let store = await openStore(live, { passphrase, autoBackup: false, snapshotEvery: Math.max(3, Math.floor(opts.anchored / 3)) });
  await commitMany(store, opts.anchored, 0);
  await store.whenIdle();
  await store.close();
  const anchoredSeq = store.revision;
  store = await openStore(live, { passphrase, autoBackup: false, snapshotEvery: 1e9 });
  await commitMany(store, opts.tail, opts.anchored);
  // The "crash": a copy of the directory while the store is open (everything acknowledged is on disk).
  cpSync(live, dir, { recursive: true });
  rmSync(join(dir, 'LOCK'));
  const finalSeq = store.revision;
  await store.close();
  const journal = readFileSync(join(dir, 'journal.log'));
  const frames = journalFrames(journal);
  const seqs = [...digestAt.keys()].sort((a, b) => a - b);
  return {
    dir,
    passphrase,
    records: frames.map((f, i) => ({ ...f, lastSeq: seqs[i] })),
    digestAt,
    anchoredSeq,
    finalSeq,
    cleanup: work.cleanup,
  };
}

export interface CampaignResult {
  trials: number;
  /** Damage that verify reported. */
  detected: number;
  /** Exceptions that were not a LedgerError, from verify or open (must be 0). */
  crashes: number;
  /** Opens that succeeded with a state that is not exactly a valid prefix (must be 0). */
  wrongState: number;
  /** Truncations at an exact record boundary after the anchor: a legitimate earlier state. */
  cleanCuts: number;
  /** Tail truncations that reopened at the last whole record. */
  tailRecovered: number;
  /** Damage verify did not report although it should have (must be 0). */
  missed: number;
  failures: string[];
}

function emptyResult(): CampaignResult {
  return { trials: 0, detected: 0, crashes: 0, wrongState: 0, cleanCuts: 0, tailRecovered: 0, missed: 0, failures: [] };
}

function listFiles(dir: string): string[] {
  return readdirSync(join(dir, 'snapshots'))
    .filter((n) => n.endsWith('.snap'))
    .map((n) => join('snapshots', n));
}

/** Random bit flips and truncations; every one must be detected by verify, none may crash. */
export async function corruptionCampaign(base: BaseStore, trials: number, seed: number): Promise<CampaignResult> {
  const random = rng(seed);
  const result = emptyResult();
  const scratch = tempDir('corrupt-');
  const snapshots = listFiles(base.dir);
  const anchorEnd = base.records.find((r) => r.lastSeq === base.anchoredSeq)!.end;
  try {
    for (let t = 0; t < trials; t++) {
      const dir = join(scratch.dir, `t${t}`);
      cpSync(base.dir, dir, { recursive: true });
      const inJournal = random() < 0.7 || snapshots.length === 0;
      const rel = inJournal ? 'journal.log' : snapshots[Math.floor(random() * snapshots.length)];
      const file = join(dir, rel);
      const bytes = readFileSync(file);
      const flip = random() < 0.6;
      const at = Math.floor(random() * bytes.length);
      let what: string;
      if (flip) {
        const bit = Math.floor(random() * 8);
        bytes[at] ^= 1 << bit;
        writeFileSync(file, bytes);
        what = `flip ${rel}@${at}.${bit}`;
      } else {
        truncateSync(file, at);
        what = `truncate ${rel} to ${at}`;
      }
      result.trials++;
      const note = (kind: string) => result.failures.length < 20 && result.failures.push(`trial ${t} (${what}): ${kind}`);
      // A cut exactly at a record boundary after the anchor is a legitimate earlier state.
      const cleanCut = inJournal && !flip && at >= anchorEnd && base.records.some((r) => r.end === at);
      try {
        const report = await verifyStore(dir, { passphrase: base.passphrase });
        if (!report.ok) result.detected++;
        else if (cleanCut) result.cleanCuts++;
        else {
          result.missed++;
          note('not detected');
        }
      } catch (e) {
        if (e instanceof LedgerError) result.detected++;
        else {
          result.crashes++;
          note(`verify crashed: ${String(e)}`);
        }
      }
      try {
        const store = await openStore(dir, { passphrase: base.passphrase, autoBackup: false, snapshotOnClose: Infinity });
        const rev = store.revision;
        const digest = stateDigest(store.state());
        await store.close();
        if (base.digestAt.get(rev) !== digest || rev < base.anchoredSeq) {
          result.wrongState++;
          note(`opened at #${rev} with a state that is not the journal's`);
        } else if (inJournal && !flip) {
          const whole = base.records.filter((r) => r.end <= at).at(-1);
          if (whole && rev === whole.lastSeq) result.tailRecovered++;
          else if (rev !== base.finalSeq) {
            result.wrongState++;
            note(`tail cut at ${at} reopened at #${rev}, expected #${whole?.lastSeq}`);
          }
        } else if (!inJournal && rev !== base.finalSeq) {
          result.wrongState++;
          note(`snapshot damage lost events: reopened at #${rev}`);
        }
      } catch (e) {
        if (!(e instanceof LedgerError)) {
          result.crashes++;
          note(`open crashed: ${String(e)}`);
        } else if (!inJournal) {
          result.wrongState++;
          note(`snapshot damage made open fail: ${e.message}`);
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    scratch.cleanup();
  }
  return result;
}

export type TamperKind = 'edit' | 'delete' | 'insert' | 'reorder';

/** Applies one tampering to a journal, recomputing the checksum of every frame it touches. */
export function tamper(journal: Buffer, kind: TamperKind, k: number, encrypted: boolean, random: () => number): Buffer {
  const frames = journalFrames(journal).map((f) => journal.subarray(f.start, f.end));
  const reframe = (payload: Buffer) => encodeFrame(payload);
  const payloadOf = (frame: Buffer) => Buffer.from(frame.subarray(FRAME_HEADER));
  switch (kind) {
    case 'edit': {
      const payload = payloadOf(frames[k]);
      if (encrypted) {
        payload[7 + Math.floor(random() * (payload.length - 7))] ^= 0x20;
        frames[k] = reframe(payload);
      } else {
        const record = JSON.parse(payload.subarray(1).toString('utf8'));
        const ev = record.events[0];
        if (ev.type === 'put') ev.record = { ...ev.record, ...('name' in ev.record ? { name: '篡改' } : { score: 0 }) };
        record.user = record.user + 'x';
        frames[k] = reframe(Buffer.concat([payload.subarray(0, 1), Buffer.from(JSON.stringify(record))]));
      }
      break;
    }
    case 'delete':
      frames.splice(k, 1);
      break;
    case 'insert': {
      // A plausible forgery: a copy of another record (plain: re-sequenced to fit here).
      const source = frames[Math.floor(random() * frames.length)];
      let inserted: Buffer = Buffer.from(source);
      if (!encrypted && k > 0) {
        const prev = JSON.parse(payloadOf(frames[k - 1]).subarray(1).toString('utf8'));
        const record = JSON.parse(payloadOf(source).subarray(1).toString('utf8'));
        record.seq = prev.seq + prev.events.length;
        inserted = reframe(Buffer.concat([Buffer.from('P'), Buffer.from(JSON.stringify(record))]));
      }
      frames.splice(k, 0, inserted);
      break;
    }
    case 'reorder': {
      const j = k + 1 < frames.length ? k + 1 : k - 1;
      [frames[k], frames[j]] = [frames[j], frames[k]];
      break;
    }
  }
  return Buffer.concat(frames);
}

/**
 * Every tampering kind at every record position of a cleanly closed store: verify must flag each.
 * (An append after the last record is not a tampering a plain store can detect: see STORE.md.)
 */
export async function tamperCampaign(opts: { encrypted: boolean; records: number; seed: number; rounds?: number }): Promise<CampaignResult & { byKind: Record<TamperKind, number> }> {
  const random = rng(opts.seed);
  const base = await buildBaseStore({ encrypted: opts.encrypted, anchored: opts.records, tail: 0, seed: opts.seed });
  const result = { ...emptyResult(), byKind: { edit: 0, delete: 0, insert: 0, reorder: 0 } };
  const scratch = tempDir('tamper-');
  try {
    // The base was "crashed" after an empty tail; close it cleanly so the head anchor covers all.
    const closed = await openStore(base.dir, { passphrase: base.passphrase, autoBackup: false });
    await closed.close();
    const journal = readFileSync(join(base.dir, 'journal.log'));
    const n = journalFrames(journal).length;
    let t = 0;
    for (let round = 0; round < (opts.rounds ?? 1); round++) {
      for (const kind of ['edit', 'delete', 'insert', 'reorder'] as TamperKind[]) {
        for (let k = 0; k < n; k++) {
          const dir = join(scratch.dir, `t${t++}`);
          cpSync(base.dir, dir, { recursive: true });
          writeFileSync(join(dir, 'journal.log'), tamper(journal, kind, k, opts.encrypted, random));
          result.trials++;
          try {
            const report = await verifyStore(dir, { passphrase: base.passphrase });
            if (!report.ok) {
              result.detected++;
              result.byKind[kind]++;
            } else {
              result.missed++;
              if (result.failures.length < 20) result.failures.push(`${kind} at record ${k}: not flagged`);
            }
          } catch (e) {
            if (e instanceof LedgerError) {
              result.detected++;
              result.byKind[kind]++;
            } else {
              result.crashes++;
              result.failures.push(`${kind} at record ${k}: verify crashed: ${String(e)}`);
            }
          }
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    scratch.cleanup();
    base.cleanup();
  }
  return result;
}
