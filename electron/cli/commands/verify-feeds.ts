// Part of `verify` (docs/SYNC.md): every feed this ledger holds, its hash chain, and the signature
// vouching for each other office's feed head. Prints what it found; false when there is a problem.
import type { LedgerState } from '../../../shared/ledger/collections';
import { verifyFeeds } from '../../sync/verify';
import type { Run } from '../run';

export function checkFeeds(run: Run, state: LedgerState): boolean {
  const r = verifyFeeds(state);
  if (r.feeds === 0) return true;
  if (r.ok) {
    run.out({
      zh: `数据交换：${r.feeds} 条数据流、${r.entries} 条记录，哈希链与签名完好。`,
      en: `Exchange: ${r.feeds} feeds, ${r.entries} entries; hash chains and signatures intact.`,
    });
    return true;
  }
  for (const p of r.problems) run.err({ zh: `数据交换问题（${p.feed}）：${p.message.zh}`, en: `Exchange problem (${p.feed}): ${p.message.en}` });
  return false;
}
