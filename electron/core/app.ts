// The core: store + services + dispatcher, in plain Node. The Electron shell, the browser host and
// tests all open it the same way and talk to it only through `call`.
import type { CallContext, Envelope } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import type { LedgerEvent } from '../../shared/ledger/events';
import type { ServiceContext, SessionControl } from '../services/context';
import { createHandlers } from '../services/index';
import type { LedgerStore } from '../store/types';
import { createDispatcher } from './dispatcher';
import { demoDataDirFor } from './paths';
import { defaultStoreBackend, type StoreBackend } from './storeBackend';

export interface CoreOptions {
  dataDir: string;
  /** Unlocks an encrypted store at once; without it an encrypted store starts locked. */
  passphrase?: string;
  /** The default caller recorded with every command (the OS user, or the CLI's --user). */
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
}

export interface Core {
  call(name: string, input: unknown, callCtx?: CallContext): Promise<Envelope<unknown>>;
  close(): Promise<void>;
  readonly ctx: ServiceContext;
}

const lockedError = () =>
  new LedgerError('LOCKED', {
    zh: '台账已加密，请先输入口令解锁',
    en: 'The ledger is encrypted: unlock it with its passphrase first',
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
  let passphrase = options.passphrase;
  let homeEncrypted = await backend.isEncrypted(homeDir);
  let locked = false;

  /** Opens the office's store, or the locked stand-in when it is encrypted and no passphrase is known. */
  async function openHome(): Promise<LedgerStore> {
    homeEncrypted = await backend.isEncrypted(homeDir);
    if (homeEncrypted && passphrase === undefined) {
      locked = true;
      return lockedStore(homeDir);
    }
    const store = await backend.openStore(homeDir, { create: true, passphrase });
    locked = false;
    homeEncrypted = store.encrypted;
    return store;
  }

  // Calls wait while the store is being switched (demo, unlock, restore).
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

  const session: SessionControl = {
    homeDataDir: homeDir,
    get locked() {
      return locked;
    },
    get encrypted() {
      return homeEncrypted;
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
    checkOutput: options.checkOutput,
    logError: options.logError,
  });

  let closed = false;
  return {
    ctx,
    call: (name, input, callCtx) => {
      if (closed) {
        return Promise.resolve({
          ok: false as const,
          error: { code: 'INTERNAL' as const, message: { zh: '台账已关闭', en: 'the ledger is closed' } },
          revision: 0,
        });
      }
      return dispatcher.call(name, input, callCtx ?? { user: options.user });
    },
    async close() {
      if (closed) return;
      closed = true;
      while (switching) await switching;
      await ctx.store.close();
    },
  };
}
