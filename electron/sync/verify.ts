// `verify` for the feeds: every held feed's hash chain, from its first entry to its head, and for
// every other office's feed the signature of a package that vouches for its head (the chain then
// vouches for every entry before it). Reads the ledger only; never repairs.
import type { LedgerState } from '../../shared/ledger/collections';
import { certificateSchema, manifestSchema, type Certificate } from '../../shared/sync/schema';
import { feedHeads } from './exchange';
import { sha256Hex, verifyBytes } from './keys';
import { feedGenesis, identityOf, metaId, metaOf, type OwnFeed, type TrustRecord } from './office';
import { parseEntry } from './versions';

type Bi = { zh: string; en: string };
export interface FeedProblem {
  feed: string;
  seq?: number;
  message: Bi;
}
export interface FeedReport {
  ok: boolean;
  feeds: number;
  entries: number;
  problems: FeedProblem[];
}

function signKeyOf(state: LedgerState, office: string, chain: Certificate[]): string | undefined {
  const trust = metaOf<TrustRecord>(state, metaId.trust(office));
  if (trust?.anchor) return trust.signKey;
  return chain.find((c) => c.body.code === office)?.body.signKey ?? trust?.signKey;
}

export function verifyFeeds(state: LedgerState): FeedReport {
  const self = identityOf(state);
  const problems: FeedProblem[] = [];
  let entries = 0;
  const heads = feedHeads(state);
  // The highest entry of each feed a verified signature vouches for.
  const signed = new Map<string, { seq: number; hash: string }[]>();
  for (const [id, m] of state.syncMeta) {
    if (!id.startsWith('package/')) continue;
    const data = m.data as { manifest: string; signature: string; chain: unknown };
    const manifest = manifestSchema.safeParse(safeJson(data.manifest));
    const chain = certificateSchema.array().safeParse(data.chain);
    if (!manifest.success || !chain.success) {
      problems.push({ feed: '?', message: { zh: `已存的数据包清单 ${id} 格式不正确。`, en: `Stored package manifest ${id} is malformed.` } });
      continue;
    }
    const source = manifest.data.source.code;
    const key = signKeyOf(state, source, chain.data);
    if (!key || !verifyBytes(key, data.manifest, data.signature)) {
      problems.push({ feed: source, message: { zh: `数据包 ${manifest.data.packageId} 的签名无法验证。`, en: `The signature of package ${manifest.data.packageId} does not verify.` } });
      continue;
    }
    for (const r of manifest.data.ranges) {
      const fk = `${r.feedId}/${r.epoch}`;
      signed.set(fk, [...(signed.get(fk) ?? []), { seq: r.toSeq, hash: r.lastHash }]);
    }
  }
  const own = metaOf<OwnFeed>(state, metaId.feed);
  for (const { feed, head } of heads) {
    let prev: string | undefined;
    for (let seq = 1; seq <= head.seq; seq++) {
      const e = state.syncEntries.get(`${feed}/${seq}`);
      if (!e) {
        problems.push({ feed, seq, message: { zh: `数据流 ${feed} 缺少第 ${seq} 号记录。`, en: `Feed ${feed} lacks entry ${seq}.` } });
        break;
      }
      entries++;
      const { h } = parseEntry(e.line, e.hash);
      const genesis = own && feed === `${own.feedId}/${own.epoch}` && seq === 1 ? feedGenesis(own.feedId, own.epoch, own.nonce) : undefined;
      if (sha256Hex(e.line) !== e.hash || `${h.f}/${h.e}` !== feed || h.s !== seq || (prev !== undefined && h.p !== prev) || (genesis && h.p !== genesis)) {
        problems.push({ feed, seq, message: { zh: `数据流 ${feed} 的第 ${seq} 号记录与哈希链不符。`, en: `Entry ${seq} of feed ${feed} breaks the hash chain.` } });
        break;
      }
      prev = e.hash;
    }
    if (head.office === self?.code) continue;
    if (!(signed.get(feed) ?? []).some((s) => s.seq === head.seq && s.hash === head.hash)) {
      problems.push({
        feed,
        message: { zh: `数据流 ${feed} 的最后一条记录没有经过验证的签名。`, en: `The head of feed ${feed} is not covered by a verified signature.` },
      });
    }
  }
  return { ok: problems.length === 0, feeds: heads.length, entries, problems };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
