// session.*: what is open, unlocking an encrypted ledger, and the demo township switch. The core
// (electron/core/app.ts) does the work through ctx.session; these handlers only report.
import type { CallContext } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import type { SessionInfo } from '../../shared/contract/session';
import { latestScoredMonth } from '../../shared/views/monthReadiness';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';

type SessionEndpoints = 'session.info' | 'session.unlock' | 'session.openDemo' | 'session.leaveDemo';

/** The latest scored month per store (recomputed when the revision moves: one scan of the scores). */
const latestCache = new WeakMap<ServiceContext, { store: unknown; revision: number; month: string | null }>();
function latestScoredMonthOf(ctx: ServiceContext): string | null {
  const hit = latestCache.get(ctx);
  if (hit && hit.store === ctx.store && hit.revision === ctx.store.revision) return hit.month;
  const month = latestScoredMonth(ctx.store.state());
  latestCache.set(ctx, { store: ctx.store, revision: ctx.store.revision, month });
  return month;
}

export function sessionInfo(ctx: ServiceContext, call: CallContext): SessionInfo {
  const locked = ctx.session?.locked ?? false;
  return {
    revision: locked ? 0 : ctx.store.revision,
    dataDir: ctx.store.dataDir,
    demo: ctx.demo,
    user: call.user,
    appVersion: ctx.appVersion,
    encrypted: ctx.session ? (ctx.demo ? false : ctx.session.encrypted) : ctx.store.encrypted,
    locked,
    today: todayOf(ctx.now()),
    latestScoredMonth: locked ? null : latestScoredMonthOf(ctx),
  };
}

function control(ctx: ServiceContext) {
  if (!ctx.session) {
    throw new LedgerError('CONFLICT', {
      zh: '此处不支持切换台账',
      en: 'switching ledgers is not supported here',
    });
  }
  return ctx.session;
}

export function sessionHandlers(ctx: ServiceContext): HandlerGroup<SessionEndpoints> {
  return {
    'session.info': (_input, call) => sessionInfo(ctx, call),
    'session.unlock': async ({ passphrase }, call) => {
      const session = control(ctx);
      if (session.locked) await session.unlock(passphrase);
      return sessionInfo(ctx, call);
    },
    'session.openDemo': async (_input, call) => {
      if (!ctx.demo) await control(ctx).openDemo();
      return sessionInfo(ctx, call);
    },
    'session.leaveDemo': async (_input, call) => {
      if (ctx.demo) await control(ctx).leaveDemo();
      return sessionInfo(ctx, call);
    },
  };
}
