// session.*: what is open, unlocking an encrypted ledger, and the demo township switch. The core
// (electron/core/app.ts) does the work through ctx.session; these handlers only report.
import type { CallContext } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import type { SessionInfo } from '../../shared/contract/session';
import { latestScoredMonth } from '../../shared/views/monthReadiness';
import { permissionsOf } from '../../shared/contract/permissions';
import { roles } from '../../shared/domain/access';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';

type SessionEndpoints =
  | 'session.info'
  | 'session.unlock'
  | 'session.openDemo'
  | 'session.leaveDemo'
  | 'session.login'
  | 'session.logout'
  | 'session.lock'
  | 'session.setPassword'
  | 'session.confirmRecoveryKey';

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
  // Who the session is now (a login or a lock in this very call changed it).
  const who = ctx.session ? ctx.session.identify(call.session ?? 'local') : { name: call.user, displayName: call.user, roles: call.roles ?? roles };
  const recoveryKey = ctx.session?.recoveryKey;
  return {
    revision: locked ? 0 : ctx.store.revision,
    dataDir: ctx.store.dataDir,
    demo: ctx.demo,
    user: who.name,
    appVersion: ctx.appVersion,
    encrypted: ctx.session ? (ctx.demo ? false : ctx.session.encrypted) : ctx.store.encrypted,
    locked,
    today: todayOf(ctx.now()),
    latestScoredMonth: locked ? null : latestScoredMonthOf(ctx),
    logins: ctx.session?.logins ?? false,
    signedIn: !locked && who.roles.length > 0,
    displayName: who.displayName,
    roles: [...who.roles],
    permissions: [...permissionsOf(who.roles)],
    mustSetPassword: ctx.session?.mustSetPassword(call) ?? false,
    idleLockMinutes: ctx.session?.idleLockMinutes ?? 10,
    // The recovery key is shown to whoever may manage the ledger (the OS user at creation).
    ...(recoveryKey && permissionsOf(who.roles).has('backup.manage') ? { recoveryKey } : {}),
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
    'session.login': async ({ name, password }, call) => {
      await control(ctx).login(call.session ?? 'local', name.normalize('NFC'), password, call.session?.startsWith('host:') ? 'browser' : call.session === 'cli' ? 'cli' : 'app');
      return sessionInfo(ctx, call);
    },
    'session.logout': async (_input, call) => {
      await control(ctx).logout(call.session ?? 'local');
      return sessionInfo(ctx, call);
    },
    'session.lock': async (_input, call) => {
      await control(ctx).lock(call.session ?? 'local');
      return sessionInfo(ctx, call);
    },
    'session.setPassword': async ({ current, password }, call) => {
      await control(ctx).setPassword(call, current, password);
      return sessionInfo(ctx, call);
    },
    'session.confirmRecoveryKey': async (_input, call) => {
      control(ctx).confirmRecoveryKey();
      return sessionInfo(ctx, call);
    },
  };
}
