// Set-up for the meetings and documents service tests: a MemoryStore with a fixed clock, the
// findings, meetings and documents handlers on a fake engine, behind the real dispatcher (output
// checked against the contract).
import type { Handlers } from '../../shared/contract';
import type { Envelope } from '../../shared/contract/errors';
import type { Finding } from '../../shared/domain/findings';
import type { LedgerState } from '../../shared/ledger/collections';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { fakeEngine, finding, LedgerBuilder } from '../../shared/views/testing';
import { createDispatcher } from '../core/dispatcher';
import type { MemoryStore } from '../store/memory';
import { createTestContext } from './context';
import { documentsHandlers } from './documents';
import { findingsHandlers } from './findings';
import { meetingsHandlers } from './meetings';
import { reportsHandlers } from './reports';

export async function meetingServices(ledger: LedgerBuilder, findingsByMonth: Record<string, Finding[]> = {}, today = new Date(2026, 11, 1, 12)) {
  const ctx = createTestContext({ now: () => today });
  const events: LedgerEvent[] = [];
  for (const [collection, map] of Object.entries(ledger.state) as Array<[keyof LedgerState, Map<string, never>]>) {
    for (const record of map.values()) events.push(put(collection, record));
  }
  if (events.length) await ctx.store.commit(events, { user: 'setup', command: 'test' });
  const engine = fakeEngine(findingsByMonth);
  const handlers = {
    ...findingsHandlers(ctx, engine),
    ...meetingsHandlers(ctx, engine),
    ...documentsHandlers(ctx, engine),
    ...reportsHandlers(ctx),
  };
  const dispatcher = createDispatcher(handlers as unknown as Handlers, {
    revision: () => ctx.store.revision,
    checkOutput: true,
    logError: (m) => {
      throw new Error(m);
    },
  });
  const raw = (name: string, input: unknown) => dispatcher.call(name, input, { user: 'reviewer.li' });
  /** Calls and unwraps; throws the error shape as JSON when the call failed. */
  const call = async <T = any>(name: string, input: unknown): Promise<T> => {
    const r: Envelope<unknown> = await raw(name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as T;
  };
  return { ctx, store: ctx.store as MemoryStore, engine, call, raw };
}

/** A small township for November 2026, with one finding per docket group that matters here. */
export function meetingTownship() {
  const b = new LedgerBuilder().unit('U1', '城关镇').unit('U2', '新区办');
  b.cadre('C1', { name: '张三', unitId: 'U1', position: '党政办主任' });
  b.cadre('C2', { name: '李四', unitId: 'U1' });
  b.cadre('C3', { name: '王五', unitId: 'U2' });
  b.cadre('C4', { name: '赵六', unitId: 'U2' });
  b.add('sanctions', { id: 'S1', cadreId: 'C4', kind: 'party.warning', decidedOn: '2025-11-10', reason: '' });
  for (const [id, s] of [['C1', 95], ['C2', 60], ['C3', 80], ['C4', 70]] as const) b.score(id, '2026-11', s);
  const at = '2026-11';
  const c = (id: string) => ({ type: 'cadre' as const, id });
  const findings: Finding[] = [
    finding('warn.bottom-third-streak', c('C2'), at, {
      suggestion: { kind: 'reminderTalk', params: { streakMonths: 3 } },
      evidence: { recordIds: ['C2:2026-09'], months: [{ month: '2026-11', score: 60, rank: 4, n: 4, third: 'bottom' }] },
      explanation: { zh: '连续3个月位列同序列后三分之一，建议进行提醒谈话。', en: 'bottom third 3 months' },
    }),
    finding('raise.top-third-streak', c('C1'), at, {
      suggestion: { kind: 'salaryRaise', params: { streakMonths: 6 } },
      explanation: { zh: '连续6个月位列前三分之一，建议提高薪酬待遇。', en: 'top third 6 months' },
    }),
    finding('team.low-ranking', { type: 'unit', id: 'U2' }, at, {
      suggestion: { kind: 'probation', params: { months: 3, withWarning: true } },
      explanation: { zh: '班子连续2个月排名靠后。', en: 'team low' },
    }),
    finding('sanction.release-due', c('C4'), at, {
      key: 'sanction.release-due|cadre:C4|S1',
      suggestion: { kind: 'releaseNotice', params: { sanctionId: 'S1', periodEndedOn: '2026-11-09' } },
      evidence: { recordIds: ['S1'] },
      explanation: { zh: '党内警告（S1）影响期已于2026-11-09届满。', en: 'release due' },
    }),
    finding('promote.candidate', c('C3'), at, {
      suggestion: { kind: 'promotion', params: {} },
      explanation: { zh: '符合提拔人选条件。', en: 'candidate' },
    }),
    // Informational: no docket item.
    finding('sanction.no-promotion', c('C4'), at, { suggestion: { kind: 'promotionBar', params: {} } }),
  ];
  return { ledger: b, findings: { [at]: findings } };
}
