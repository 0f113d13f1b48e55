// The core: store + services + dispatcher, in plain Node. The Electron shell, the browser host and
// tests all open it the same way and talk to it only through `call`. The core also knows who is
// calling (docs/ACCESS.md): a transport names only its session (one per window, browser tab or CLI
// run); the core looks the session up, builds the CallContext with the user's roles, and the
// dispatcher checks each endpoint's permission against them.
import type { CallContext, Envelope } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import { accessOf } from '../../shared/contract/permissions';
import type { AuditEntry } from '../../shared/domain/access';
import type { LedgerEvent } from '../../shared/ledger/events';
import { put } from '../../shared/ledger/events';
import type { ServiceContext, SessionControl } from '../services/context';
import { createHandlers } from '../services/index';
import { FileStore } from '../store/file-store';
import type { LedgerStore } from '../store/types';
import { anonymous, auditEntry, findUser, identityOf, loginsOn, recordAudit, singleUser, type Identity } from './auth/accounts';
import { LoginAttempts } from './auth/attempts';
import { acceptUnwrapped, checkLogin, failLogin, refuseIfLockedOut } from './auth/login';
import { createCredential, passwordMatches } from './auth/password';
import { createDispatcher } from './dispatcher';
import { demoDataDirFor } from './paths';
import { defaultStoreBackend, type StoreBackend } from './storeBackend';

export interface CoreOptions {
  dataDir: string;
  /** Unlocks an encrypted store at once; without it an encrypted store starts locked. */
  passphrase?: string;
  /** The OS user: the administrator (with every role) of a single-user ledger. */
  user: string;
  appVersion: string;
  now?: () => Date;
  /** The demo township's directory; `<dataDir>-demo` by default. */
  demoDataDir?: string;
  /** The events of a fresh demo township (DOMAIN data generated for `today`). */
  demoEvents?: (now: Date) => LedgerEvent[] | Promise<LedgerEvent[]>;
  /** Tests swap the store implementation here. */
  backend?: StoreBackend;
  /** Parse every result with its output schema too (tests, e2e). */
  checkOutput?: boolean;
  logError?: (message: string) => void;
  /** Minutes of inactivity before the app locks (policy: 10). */
  idleLockMinutes?: number;
}

/**
 * What a transport says about a call: its session id only. The Electron window and in-process
 * callers use the local session (no id); the browser host gives each tab its own. `user` is
 * accepted from older callers and ignored: the author of an event is never free text.
 */
export interface Caller {
  session?: string;
  user?: string;
}

export interface Core {
  call(name: string, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  close(): Promise<void>;
  readonly ctx: ServiceContext;
}

/** The idle-lock setting from the environment (LEDGER_IDLE_LOCK_MINUTES, 1–1440), else the policy's 10. */
export function idleLockMinutesFrom(env: Record<string, string | undefined>): number {
  const n = Number(env.LEDGER_IDLE_LOCK_MINUTES);
  return Number.isInteger(n) && n >= 1 && n <= 1440 ? n : DEFAULT_IDLE_LOCK_MINUTES;
}

/** The local session: the Electron window and in-process callers. */
export const LOCAL_SESSION = 'local';
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

const lockedError = () =>
  new LedgerError('LOCKED', {
    zh: '台账已加密，请先登录或输入口令解锁',
    en: 'The ledger is encrypted: log in or unlock it with its passphrase first',
  });

/** Stands in for an encrypted store until its passphrase is given. */
function lockedStore(dataDir: string): LedgerStore {
  return {
    dataDir,
    encrypted: true,
    revision: 0,
    state: () => {
      throw lockedError();
    },
    commit: async () => {
      throw lockedError();
    },
    close: async () => {},
  };
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const backend = options.backend ?? defaultStoreBackend;
  const homeDir = options.dataDir;
  const demoDir = options.demoDataDir ?? demoDataDirFor(homeDir);
  const osUser = options.user;
  let passphrase = options.passphrase;
  let homeEncrypted = await backend.isEncrypted(homeDir);
  let locked = false;
  /** Set when this launch created an encrypted store: shown once, until confirmed. */
  let recoveryKey: string | undefined;
  // Beside the store on disk; in memory for the stores of tests.
  const attempts = new LoginAttempts(backend.persistent ? homeDir : undefined);
  /** Logged-in sessions: session id → account id (roles are re-read from the ledger at each call). */
  const sessions = new Map<string, { userId: string; identity: Identity }>();

  /** Opens the office's store, or the locked stand-in when it is encrypted and no passphrase is known. */
  async function openHome(): Promise<LedgerStore> {
    homeEncrypted = await backend.isEncrypted(homeDir);
    if (homeEncrypted && passphrase === undefined) {
      locked = true;
      lockedLoginsOn = backend.hasUserKeys ? await backend.hasUserKeys(homeDir) : false;
      return lockedStore(homeDir);
    }
    const store = await backend.openStore(homeDir, { create: true, passphrase });
    locked = false;
    homeEncrypted = store.encrypted;
    if (store instanceof FileStore && store.createdRecoveryKey) recoveryKey = store.createdRecoveryKey;
    await flushPending(store);
    return store;
  }

  /** Journals the audit entries that waited in logins.json (failures while locked). */
  async function flushPending(store: LedgerStore): Promise<void> {
    if (store.dataDir !== homeDir) return;
    try {
      await recordAudit(store, attempts, []);
    } catch (e) {
      options.logError?.(`[cadre-ledger] audit entries not journaled: ${(e as Error).message}`);
    }
  }

  /** Writes audit entries to the open office store, or keeps them for later while it is locked. */
  async function audit(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    if (locked || ctx.demo) {
      if (!ctx.demo) await attempts.queue(entries);
      return;
    }
    await recordAudit(ctx.store, attempts, entries);
  }

  // Calls wait while the store is being switched (demo, unlock, restore, lock).
  let switching: Promise<void> | undefined;
  async function exclusive(work: () => Promise<void>): Promise<void> {
    while (switching) await switching;
    const done = work();
    switching = done.then(
      () => undefined,
      () => undefined,
    );
    try {
      await done;
    } finally {
      switching = undefined;
    }
  }

  /** Whether the office's ledger has accounts (known from meta.json while an encrypted one is locked). */
  async function homeLoginsOn(): Promise<boolean> {
    if (ctx.demo || locked) return backend.hasUserKeys ? backend.hasUserKeys(homeDir) : false;
    return loginsOn(ctx.store.state());
  }

  /** Who the session is, right now. */
  function identify(session: string): Identity {
    if (ctx.demo) return sessions.get(session)?.identity ?? (demoLoginsOn ? anonymous : singleUser(osUser));
    if (locked) return sessions.get(session)?.identity ?? (lockedLoginsOn ? anonymous : singleUser(osUser));
    const state = ctx.store.state();
    if (!loginsOn(state)) return singleUser(osUser);
    const s = sessions.get(session);
    if (s) {
      const user = state.users.get(s.userId);
      if (user && !user.disabled) {
        s.identity = identityOf(user);
        return s.identity;
      }
      sessions.delete(session);
    }
    // The OS user whose account was made when logins were turned on, before it has a password: the
    // app (never the browser host) keeps it signed in and asks for the password at once.
    if (session === LOCAL_SESSION) {
      const own = findUser(state, osUser);
      if (own && !own.credential && !own.disabled) return identityOf(own);
    }
    return anonymous;
  }
  // Refreshed before each call while the office ledger is not readable (locked, or in the demo).
  let lockedLoginsOn = false;
  let demoLoginsOn = false;

  async function forgetKey(): Promise<void> {
    // An encrypted office ledger forgets its key: closed, replaced by the locked stand-in.
    if (ctx.demo || !homeEncrypted || locked) return;
    await ctx.store.close();
    passphrase = undefined;
    locked = true;
    lockedLoginsOn = backend.hasUserKeys ? await backend.hasUserKeys(homeDir) : false;
    sessions.clear();
    ctx.store = lockedStore(homeDir);
  }

  const session: SessionControl = {
    homeDataDir: homeDir,
    osUser,
    attempts,
    idleLockMinutes: options.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
    get locked() {
      return locked;
    },
    get encrypted() {
      return homeEncrypted;
    },
    get logins() {
      if (ctx.demo) return demoLoginsOn;
      if (locked) return lockedLoginsOn;
      return loginsOn(ctx.store.state());
    },
    get recoveryKey() {
      return recoveryKey;
    },
    confirmRecoveryKey() {
      recoveryKey = undefined;
    },
    identify,
    mustSetPassword(call) {
      if (ctx.demo || locked) return false;
      const state = ctx.store.state();
      if (!loginsOn(state)) return false;
      const s = sessions.get(call.session ?? LOCAL_SESSION);
      const user = s ? state.users.get(s.userId) : call.session === LOCAL_SESSION || call.session === undefined ? findUser(state, osUser) : undefined;
      return !!user && (!user.credential || user.mustChangePassword);
    },
    bind(sessionId, userId) {
      if (ctx.demo || locked) return;
      const user = ctx.store.state().users.get(userId);
      if (user) sessions.set(sessionId, { userId, identity: identityOf(user) });
    },
    unlock: (given) =>
      exclusive(async () => {
        if (!locked || ctx.demo) return;
        let store: LedgerStore;
        try {
          store = await backend.openStore(homeDir, { create: false, passphrase: given });
        } catch (e) {
          if (e instanceof LedgerError && e.code !== 'UNAUTHORIZED') throw e;
          throw new LedgerError('UNAUTHORIZED', { zh: '口令不正确', en: 'Wrong passphrase' }, [
            { path: 'passphrase', message: { zh: '口令不正确', en: 'wrong passphrase' } },
          ]);
        }
        passphrase = given;
        locked = false;
        ctx.store = store;
        await flushPending(store);
      }),
    login: (sessionId, name, password, via) =>
      exclusive(async () => {
        const now = ctx.now();
        if (ctx.demo) throw new LedgerError('CONFLICT', { zh: '请先退出演示乡镇再登录。', en: 'Leave the demo township before logging in.' });
        if (locked) {
          if (!(backend.hasUserKeys && (await backend.hasUserKeys(homeDir)))) {
            throw new LedgerError('CONFLICT', { zh: '此台账没有用户账户：请输入口令解锁。', en: 'This ledger has no user accounts: unlock it with its passphrase.' });
          }
          await refuseIfLockedOut(attempts, name, now, via);
          let store: LedgerStore;
          try {
            store = await backend.openStore(homeDir, { create: false, user: { name, password } });
          } catch (e) {
            if (e instanceof LedgerError && e.code !== 'UNAUTHORIZED') throw e;
            return failLogin(attempts, name, now, via);
          }
          try {
            const user = await acceptUnwrapped(store.state(), attempts, name, now, via);
            ctx.store = store;
            locked = false;
            sessions.set(sessionId, { userId: user.id, identity: identityOf(user) });
            await recordAudit(store, attempts, [auditEntry({ user: user.name, action: 'session.login', result: 'ok', detail: via }, now)]);
          } catch (e) {
            if (ctx.store !== store) {
              await flushPending(store).catch(() => {});
              await store.close();
            }
            throw e;
          }
          return;
        }
        const state = ctx.store.state();
        if (!loginsOn(state)) {
          throw new LedgerError('CONFLICT', {
            zh: '此台账尚未开启登录（单用户）：添加第一个用户即开启。',
            en: 'Logins are not on for this ledger (single user): adding the first user turns them on.',
          });
        }
        try {
          const user = await checkLogin(state, attempts, name, password, now, via);
          sessions.set(sessionId, { userId: user.id, identity: identityOf(user) });
          await recordAudit(ctx.store, attempts, [auditEntry({ user: user.name, action: 'session.login', result: 'ok', detail: via }, now)]);
        } catch (e) {
          await flushPending(ctx.store);
          throw e;
        }
      }),
    logout: (sessionId) =>
      exclusive(async () => {
        const s = sessions.get(sessionId);
        sessions.delete(sessionId);
        if (s) await audit([auditEntry({ user: s.identity.name, action: 'session.logout', result: 'ok' }, ctx.now())]);
        if (!sessions.size) await forgetKey();
      }),
    lock: (sessionId) =>
      exclusive(async () => {
        const who = identify(sessionId);
        if (who.name && (homeEncrypted || sessions.has(sessionId))) {
          await audit([auditEntry({ user: who.name, action: 'session.lock', result: 'ok' }, ctx.now())]);
        }
        sessions.delete(sessionId);
        await forgetKey();
      }),
    setPassword: (call, current, password) =>
      exclusive(async () => {
        if (ctx.demo || locked) throw lockedError();
        const state = ctx.store.state();
        const who = identify(call.session ?? LOCAL_SESSION);
        const user = who.userId ? state.users.get(who.userId) : undefined;
        if (!user) {
          throw new LedgerError('CONFLICT', {
            zh: '单用户台账没有密码：先添加用户以开启登录。',
            en: 'A single-user ledger has no passwords: add a user first to turn logins on.',
          });
        }
        const now = ctx.now();
        if (user.credential && !user.mustChangePassword) {
          if (!current || !(await passwordMatches(user.credential, current))) {
            try {
              await failLogin(attempts, user.name, now, 'session.setPassword');
            } finally {
              await flushPending(ctx.store);
            }
          }
        }
        const made = await createCredential(password, now);
        await ctx.store.commit([put('users', { ...user, credential: made.credential, mustChangePassword: false })], {
          user: user.name,
          command: 'session.setPassword',
        });
        if (ctx.store instanceof FileStore) await ctx.store.setUserKey(user.name, made.keys);
        sessions.set(call.session ?? LOCAL_SESSION, { userId: user.id, identity: identityOf(user) });
      }),
    openDemo: () =>
      exclusive(async () => {
        if (ctx.demo) return;
        const demoStore = await backend.openStore(demoDir, { create: true });
        try {
          if (demoStore.revision === 0) {
            if (!options.demoEvents) {
              throw new LedgerError('CONFLICT', { zh: '此版本不含演示数据', en: 'this build has no demo township' });
            }
            const events = await options.demoEvents(now());
            await demoStore.commit(events, { user: 'demo', command: 'session.openDemo' });
          }
        } catch (e) {
          await demoStore.close();
          throw e;
        }
        demoLoginsOn = await homeLoginsOn();
        await ctx.store.close();
        ctx.store = demoStore;
        ctx.demo = true;
        locked = false;
      }),
    leaveDemo: () =>
      exclusive(async () => {
        if (!ctx.demo) return;
        await ctx.store.close();
        ctx.demo = false;
        ctx.store = await openHome();
      }),
    audit,
  };

  const now = options.now ?? (() => new Date());
  const ctx: ServiceContext = {
    store: lockedStore(homeDir), // replaced just below
    now,
    appVersion: options.appVersion,
    demo: false,
    session,
    swapStore: (replaceFiles) =>
      exclusive(async () => {
        const dir = ctx.store.dataDir;
        await ctx.store.close();
        try {
          await replaceFiles(dir);
        } finally {
          // Reopen whatever is there now; a restored encrypted backup may need its own passphrase.
          if (ctx.demo) ctx.store = await backend.openStore(dir, { create: true });
          else {
            try {
              ctx.store = await openHome();
            } catch {
              locked = true;
              homeEncrypted = true;
              ctx.store = lockedStore(homeDir);
            }
          }
        }
      }),
  };
  ctx.store = await openHome();

  const dispatcher = createDispatcher(createHandlers(ctx), {
    revision: () => (locked ? 0 : ctx.store.revision),
    gate: async (name) => {
      while (switching) await switching;
      if (locked && !name.startsWith('session.')) return lockedError();
      return undefined;
    },
    enforcePermissions: true,
    checkOutput: options.checkOutput,
    logError: options.logError,
  });

  async function callAs(name: string, input: unknown, sessionId: string): Promise<Envelope<unknown>> {
    while (switching) await switching;
    if (locked) lockedLoginsOn = backend.hasUserKeys ? await backend.hasUserKeys(homeDir) : false;
    const who = identify(sessionId);
    // An account whose password an administrator set (or that has none yet) may only change it.
    const mustChange = session.mustSetPassword({ user: who.name, session: sessionId }) && !['session', 'self'].includes(accessOf(name)?.permission ?? '');
    const callCtx: CallContext = { user: who.name, roles: mustChange ? [] : who.roles, session: sessionId };
    if (mustChange) {
      return {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: { zh: '请先设置自己的密码（管理员设定的初始密码须由本人更改）。', en: 'Set your own password first (a password an administrator set must be changed by its owner).' },
        },
        revision: locked ? 0 : ctx.store.revision,
      };
    }
    const envelope = await dispatcher.call(name, input, callCtx);
    // Beside the ledger's own journal records: refusals, and reads that take data out.
    const access = accessOf(name);
    try {
      if (!envelope.ok && envelope.error.code === 'FORBIDDEN') {
        await audit([auditEntry({ user: who.name || '(not logged in)', action: name, result: 'refused', detail: access?.permission }, ctx.now())]);
      } else if (envelope.ok && access?.audit) {
        const target = auditTarget(name, input, envelope.value);
        await audit([auditEntry({ user: who.name, action: name, result: 'ok', detail: access.audit, ...(target ? { target } : {}) }, ctx.now())]);
        return { ...envelope, revision: locked ? 0 : ctx.store.revision };
      }
    } catch (e) {
      options.logError?.(`[cadre-ledger] audit entry for ${name} not written: ${(e as Error).message}`);
    }
    return envelope;
  }

  let closed = false;
  return {
    ctx,
    call: (name, input, caller) => {
      if (closed) {
        return Promise.resolve({
          ok: false as const,
          error: { code: 'INTERNAL' as const, message: { zh: '台账已关闭', en: 'the ledger is closed' } },
          revision: 0,
        });
      }
      return callAs(name, input, caller?.session ?? LOCAL_SESSION);
    },
    async close() {
      if (closed) return;
      closed = true;
      while (switching) await switching;
      await ctx.store.close();
    },
  };
}

/** What an audited read concerned: a backup's name, a document's record… (never its content). */
function auditTarget(name: string, input: unknown, value: unknown): string | undefined {
  const pick = (o: unknown, keys: string[]) => {
    if (!o || typeof o !== 'object') return undefined;
    for (const k of keys) {
      const v = (o as Record<string, unknown>)[k];
      if (typeof v === 'string' && v.length <= 200) return v;
    }
    return undefined;
  };
  return pick(input, ['name', 'meetingId', 'cadreId', 'id', 'asOf', 'from']) ?? pick(value, ['name', 'fileName']) ?? (name.endsWith('.export') ? name : undefined);
}
