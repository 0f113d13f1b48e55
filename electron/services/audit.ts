// audit.*: the audit trail as people read it (审计日志). Every journal record is a row — who, when,
// which command, which records — and the audit entries the core writes beside the ledger's own
// records (logins, failures, lockouts, exports, prints, backups, restores) are rows of their own.
// The chain's state comes from the same check `verify` makes.
import type { AuditFilter, AuditRow, ChainState } from '../../shared/contract/audit';
import { LedgerError } from '../../shared/contract/errors';
import type { AuditEntry } from '../../shared/domain/access';
import { workbookOf } from '../export/xlsx';
import { FileStore } from '../store/file-store';
import type { HistoryRecord, LedgerStore } from '../store/types';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';

type AuditEndpoints = 'audit.list' | 'audit.export';

const MAX_RECORDS_SHOWN = 20;

/** One row per ledger commit, one per audit entry. Oldest first. */
export function auditRows(history: HistoryRecord[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const h of history) {
    const entries = h.events.filter((e) => e.type === 'put' && e.collection === 'audit');
    if (entries.length === h.events.length) {
      for (const e of entries) {
        const a = (e as { record: AuditEntry }).record;
        rows.push({
          seq: h.seq,
          at: a.at,
          user: a.user,
          command: a.action,
          result: a.result,
          records: [],
          recordCount: 0,
          ...(a.target !== undefined ? { target: a.target } : {}),
          ...(a.detail !== undefined ? { detail: a.detail } : {}),
          ...(a.restore ? { restore: a.restore } : {}),
        });
      }
      continue;
    }
    const touched = h.events.filter((e) => e.collection !== 'audit');
    rows.push({
      seq: h.seq,
      at: h.at,
      user: h.user,
      command: h.command,
      result: 'ok',
      records: touched.slice(0, MAX_RECORDS_SHOWN).map((e) => `${e.collection}/${e.type === 'put' ? (e.record as { id: string }).id : e.id}`),
      recordCount: touched.length,
    });
  }
  return rows;
}

export function matches(row: AuditRow, f: AuditFilter): boolean {
  if (f.user && row.user !== f.user) return false;
  if (f.action && !row.command.startsWith(f.action)) return false;
  if (f.result && row.result !== f.result) return false;
  const day = todayOf(new Date(row.at));
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  if (f.record) {
    const needle = f.record.toLowerCase();
    if (!row.records.some((r) => r.toLowerCase().includes(needle)) && !(row.target ?? '').toLowerCase().includes(needle)) return false;
  }
  return true;
}

// The chain check reads the whole journal: done once per revision.
const chainCache = new WeakMap<LedgerStore, { revision: number; chain: ChainState }>();

async function chainState(store: LedgerStore, restores: number): Promise<ChainState> {
  const hit = chainCache.get(store);
  if (hit && hit.revision === store.revision) return { ...hit.chain, restores };
  let chain: ChainState;
  if (store instanceof FileStore) {
    const report = await store.verify();
    const first = report.problems[0];
    chain = {
      intact: report.ok,
      head: report.head,
      records: report.records,
      restores,
      ...(first ? { firstProblem: { ...(first.seq !== undefined ? { seq: first.seq } : {}), file: first.file, message: first.message } } : {}),
    };
  } else {
    chain = { intact: true, head: '', records: (await store.history?.())?.length ?? 0, restores };
  }
  chainCache.set(store, { revision: store.revision, chain });
  return chain;
}

// The rows are read from the whole journal: once per revision of a store.
const rowsCache = new WeakMap<LedgerStore, { revision: number; rows: AuditRow[] }>();

async function rowsOf(ctx: ServiceContext): Promise<AuditRow[]> {
  const store = ctx.store;
  if (!store.history) {
    throw new LedgerError('CONFLICT', { zh: '此台账无法读取审计日志。', en: 'This ledger cannot show its audit trail.' });
  }
  const hit = rowsCache.get(store);
  if (hit && hit.revision === store.revision) return hit.rows;
  const revision = store.revision;
  const rows = auditRows(await store.history());
  rowsCache.set(store, { revision, rows });
  return rows;
}

const resultLabels = { ok: '成功 ok', failed: '失败 failed', refused: '拒绝 refused' } as const;

export function auditHandlers(ctx: ServiceContext): HandlerGroup<AuditEndpoints> {
  return {
    'audit.list': async ({ limit, ...filter }) => {
      const all = await rowsOf(ctx);
      const restores = all.filter((r) => r.restore).length;
      const chosen = all.filter((r) => matches(r, filter)).reverse();
      return { rows: chosen.slice(0, limit), total: chosen.length, chain: await chainState(ctx.store, restores) };
    },

    'audit.export': async (filter) => {
      const rows = (await rowsOf(ctx)).filter((r) => matches(r, filter)).reverse();
      const bytes = await workbookOf([
        {
          name: '审计日志 Audit trail',
          header: ['序号 Seq', '时间 Time', '用户 User', '操作 Command', '结果 Result', '记录 Records', '对象 Target', '说明 Detail'],
          rows: rows.map((r) => [
            r.seq,
            r.at,
            r.user,
            r.command,
            resultLabels[r.result],
            r.records.join(' ') + (r.recordCount > r.records.length ? ` …(${r.recordCount})` : ''),
            r.target ?? '',
            r.restore ? `restored ${r.restore.from}; replaced head ${r.restore.replacedHead} (#${r.restore.replacedRevision})` : (r.detail ?? ''),
          ]),
          widths: [8, 24, 14, 24, 12, 40, 28, 40],
        },
      ]);
      const day = todayOf(ctx.now());
      return { fileName: `审计日志-${day}.xlsx`, base64: bytes.toString('base64'), rows: rows.length };
    },
  };
}
