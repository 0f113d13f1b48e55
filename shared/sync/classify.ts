// How an incoming feed entry relates to what an office already holds of that feed (docs/SYNC.md).
// Feeds are append-only chains, so the answer only depends on the held head and the held entry at
// the same position.
export type EntryClass =
  /** The next entry of the feed: applied. */
  | 'new'
  /** Same feed position, same hash: skipped (importing a package twice changes nothing). */
  | 'held'
  /** An earlier entry is missing: kept in the holding area until the missing package arrives. */
  | 'gap'
  /** Same position, another hash (a copied key or data directory): quarantined for the administrator. */
  | 'fork';

export interface FeedHead {
  seq: number;
  hash: string;
}

export interface IncomingEntry {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Classifies the entries of one feed (one epoch), in ascending seq, against the held head and the
 * hashes of held entries. Entries after a fork chain from it, so they are forks too; entries after
 * a gap wait with it.
 */
export function classifyFeed(
  head: FeedHead | undefined,
  heldHash: (id: string) => string | undefined,
  entries: readonly IncomingEntry[],
): EntryClass[] {
  let cur = head ?? { seq: 0, hash: '' };
  let forked = false;
  let gapped = false;
  return entries.map((e) => {
    if (forked) return 'fork';
    if (e.seq <= cur.seq) {
      if (heldHash(e.id) === e.hash) return 'held';
      forked = true;
      return 'fork';
    }
    if (gapped || e.seq > cur.seq + 1) {
      gapped = true;
      return 'gap';
    }
    if (cur.seq > 0 && e.prevHash !== cur.hash) {
      forked = true;
      return 'fork';
    }
    cur = { seq: e.seq, hash: e.hash };
    return 'new';
  });
}

/** "缺少来自 XX镇 的第 … 号之前的数据包": what a held-back entry waits for. */
export function gapMessage(officeName: string, heldUpTo: number, waitingFrom: number): { zh: string; en: string } {
  return {
    zh: `缺少来自 ${officeName} 的第 ${waitingFrom} 号之前的数据包（已收到至第 ${heldUpTo} 号），已暂存，收到缺少的数据包后自动导入。`,
    en: `Missing the packages from ${officeName} before No. ${waitingFrom} (received up to No. ${heldUpTo}); held back until the missing package arrives.`,
  };
}

export function forkMessage(officeName: string, seq: number): { zh: string; en: string } {
  return {
    zh: `来自 ${officeName} 的第 ${seq} 号记录与已收到的同号记录不同（同一台账被复制到两台电脑，或密钥被复制），已隔离，请管理员核实。`,
    en: `Entry No. ${seq} from ${officeName} differs from the one already received with that number (a copied data directory or key); quarantined for the administrator.`,
  };
}
