// users.*: accounts and roles, for the administrator (docs/ACCESS.md). Each change is one journal
// record (who made it, which account), so role changes are in the audit trail by themselves.
// The first account turns logins on: the calling OS user gets an administrator account of its own
// (no password yet: the app asks for one at once).
import type { CallContext } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import { loginNameSchema, type UserRecord } from '../../shared/domain/access';
import { put } from '../../shared/ledger/events';
import { findUser, loginsOn, nextUserId, userRow } from '../core/auth/accounts';
import { createCredential, type NewCredential } from '../core/auth/password';
import { FileStore } from '../store/file-store';
import type { HandlerGroup, ServiceContext } from './context';

type UsersEndpoints = 'users.list' | 'users.add' | 'users.disable' | 'users.reset' | 'users.setRole';

function control(ctx: ServiceContext) {
  if (!ctx.session) throw new LedgerError('CONFLICT', { zh: '此处不能管理用户', en: 'users cannot be managed here' });
  if (ctx.demo) throw new LedgerError('CONFLICT', { zh: '演示乡镇中不能管理用户。', en: 'Users cannot be managed in the demo township.' });
  return ctx.session;
}

function existing(ctx: ServiceContext, name: string): UserRecord {
  const user = findUser(ctx.store.state(), name);
  if (!user) {
    throw new LedgerError('NOT_FOUND', { zh: `没有用户 ${name}`, en: `No user named ${name}` }, [
      { path: 'name', message: { zh: '没有此用户', en: 'no such user' } },
    ]);
  }
  return user;
}

/** Refuses a change that would leave no enabled administrator with a password. */
function keepsAnAdministrator(ctx: ServiceContext, changed: UserRecord): void {
  const admins = [...ctx.store.state().users.values()]
    .map((u) => (u.id === changed.id ? changed : u))
    .filter((u) => u.role === 'admin' && !u.disabled);
  if (!admins.length) {
    throw new LedgerError('CONFLICT', {
      zh: '至少要保留一个启用的系统管理员账户。',
      en: 'At least one enabled administrator account must remain.',
    });
  }
}

async function save(ctx: ServiceContext, call: CallContext, command: string, users: UserRecord[], keys: Map<string, NewCredential['keys']>) {
  await ctx.store.commit(
    users.map((u) => put('users', u)),
    { user: call.user, command },
  );
  if (ctx.store instanceof FileStore) {
    for (const [name, k] of keys) await ctx.store.setUserKey(name, k);
  }
}

export function usersHandlers(ctx: ServiceContext): HandlerGroup<UsersEndpoints> {
  const row = (u: UserRecord) => userRow(u, control(ctx).attempts, ctx.now());
  return {
    'users.list': () => {
      control(ctx);
      return { users: [...ctx.store.state().users.values()].map(row) };
    },

    'users.add': async ({ name, displayName, role, password }, call) => {
      const session = control(ctx);
      const state = ctx.store.state();
      const login = name.normalize('NFC');
      if (findUser(state, login)) {
        throw new LedgerError('CONFLICT', { zh: `用户名 ${login} 已被使用`, en: `The user name ${login} is taken` }, [
          { path: 'name', message: { zh: '用户名已被使用', en: 'name taken' } },
        ]);
      }
      const now = ctx.now();
      const made = await createCredential(password, now);
      const records: UserRecord[] = [];
      const keys = new Map<string, NewCredential['keys']>([[login, made.keys]]);
      let firstAdmin: UserRecord | undefined;
      if (!loginsOn(state)) {
        // Turning logins on: the OS user who does it becomes an administrator account of its own.
        const osName = loginNameSchema.safeParse(session.osUser).success ? session.osUser.normalize('NFC') : 'admin';
        if (osName === login) {
          throw new LedgerError('CONFLICT', {
            zh: `${login} 是当前系统用户，开启登录时会自动成为系统管理员账户；请为其他人添加账户。`,
            en: `${login} is the OS user, who becomes the administrator account when logins are turned on; add someone else.`,
          });
        }
        firstAdmin = { id: nextUserId(state), name: osName, displayName: osName, role: 'admin', disabled: false, mustChangePassword: false, createdAt: now.toISOString() };
        records.push(firstAdmin);
      }
      const id = firstAdmin ? `U${String(Number(firstAdmin.id.slice(1)) + 1).padStart(4, '0')}` : nextUserId(state);
      const user: UserRecord = {
        id,
        name: login,
        displayName,
        role,
        disabled: false,
        credential: made.credential,
        mustChangePassword: true,
        createdAt: now.toISOString(),
      };
      records.push(user);
      await save(ctx, call, 'users.add', records, keys);
      if (firstAdmin) session.bind(call.session ?? 'local', firstAdmin.id);
      return row(user);
    },

    'users.disable': async ({ name, disabled }, call) => {
      control(ctx);
      const user = existing(ctx, name);
      if (disabled && user.name === call.user) {
        throw new LedgerError('CONFLICT', { zh: '不能停用自己的账户。', en: 'You cannot disable your own account.' });
      }
      const changed = { ...user, disabled };
      keepsAnAdministrator(ctx, changed);
      await save(ctx, call, 'users.disable', [changed], new Map());
      // A disabled account's password no longer unwraps an encrypted store's key (a reset restores it).
      if (disabled && ctx.store instanceof FileStore) await ctx.store.setUserKey(user.name, null);
      return row(changed);
    },

    'users.reset': async ({ name, password }, call) => {
      const session = control(ctx);
      const user = existing(ctx, name);
      const made = await createCredential(password, ctx.now());
      const changed = { ...user, credential: made.credential, mustChangePassword: true };
      await save(ctx, call, 'users.reset', [changed], new Map([[user.name, made.keys]]));
      await session.attempts.clear(user.name);
      return row(changed);
    },

    'users.setRole': async ({ name, role }, call) => {
      control(ctx);
      const user = existing(ctx, name);
      const changed = { ...user, role };
      keepsAnAdministrator(ctx, changed);
      await save(ctx, call, 'users.setRole', [changed], new Map());
      return row(changed);
    },
  };
}
