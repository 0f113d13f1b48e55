// The CLI runs as a user (docs/ACCESS.md). Every command that touches a ledger opens it through
// the core, as the app and the browser host do: a ledger with accounts needs `--user NAME` and
// LEDGER_PASSWORD (or a prompt), checked by session.login with its lockout and audit entries; a
// single-user ledger runs as the OS user, as before. The command's permission comes from the one
// table (shared/contract/permissions.ts, cliCommandAccess).
import { userInfo } from 'node:os';
import type { Envelope, SessionInfo } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import { cliCommandAccess, permissionLabels } from '../../shared/contract/permissions';
import { auditEntry } from '../core/auth/accounts';
import { openCore, type Core } from '../core/app';
import { fileStoreBackend } from '../core/storeBackend';
import { isEncrypted } from '../store/index';
import type { LedgerStore } from '../store/types';
import type { Run } from './run';

export const CLI_SESSION = 'cli';

export function osUserOf(run: Pick<Run, 'io'>): string {
  if (run.io.osUser) return run.io.osUser;
  try {
    return userInfo().username;
  } catch {
    return 'user';
  }
}

/** LEDGER_PASSWORD, else a prompt; undefined when neither is available. */
export async function passwordFrom(run: Run, variable: 'LEDGER_PASSWORD' | 'LEDGER_NEW_PASSWORD', question: { zh: string; en: string }): Promise<string | undefined> {
  const given = run.io.env[variable];
  if (given) return given;
  return run.io.prompt ? run.io.prompt(run.t(question), true) : undefined;
}

export interface SignedIn {
  core: Core;
  info: SessionInfo;
  store: LedgerStore;
  /** Who the events are recorded as: the logged-in user, or the OS user of a single-user ledger. */
  user: string;
  /** What unlocks the store again for tools that reopen it (verify). */
  unlock: { passphrase?: string; user?: { name: string; password: string } };
}

function envelopeError(env: { ok: boolean; error?: { code: string; message: { zh: string; en: string } } }): LedgerError {
  return new LedgerError((env.error?.code ?? 'INTERNAL') as never, env.error?.message ?? { zh: '内部错误', en: 'internal error' });
}

/** Opens the ledger in `dir` as the CLI's user and checks the command's permission. Close `core` after. */
export async function signIn(run: Run, dir: string, command: string): Promise<SignedIn> {
  isEncrypted(dir); // NOT_FOUND when there is no ledger: the CLI never creates one outside init/demo
  const osUser = osUserOf(run);
  const passphrase = run.io.env.LEDGER_PASSPHRASE || run.io.env.LEDGER_RECOVERY_KEY || undefined;
  const core = await openCore({
    dataDir: dir,
    passphrase,
    user: osUser,
    appVersion: 'cli',
    backend: fileStoreBackend('cadre-ledger (command line)'),
    ...(run.io.now ? { now: run.io.now } : {}),
  });
  try {
    let info = (await core.call('session.info', {}, { session: CLI_SESSION })) as { ok: true; value: SessionInfo };
    const unlock: SignedIn['unlock'] = passphrase ? { passphrase } : {};
    if (info.value.logins) {
      const name = run.args.user;
      if (!name) {
        throw new LedgerError('UNAUTHORIZED', {
          zh: '此台账已开启登录：请用 --user 用户名 运行，密码取自环境变量 LEDGER_PASSWORD（或在终端输入）。',
          en: 'This ledger has logins: run with --user NAME; the password comes from LEDGER_PASSWORD (or a prompt).',
        });
      }
      const password = await passwordFrom(run, 'LEDGER_PASSWORD', { zh: `${name} 的密码：`, en: `Password for ${name}: ` });
      if (!password) {
        throw new LedgerError('UNAUTHORIZED', { zh: '缺少密码：请设置 LEDGER_PASSWORD 或在终端中运行。', en: 'No password: set LEDGER_PASSWORD or run in a terminal.' });
      }
      const login = await core.call('session.login', { name, password }, { session: CLI_SESSION });
      if (!login.ok) throw envelopeError(login as never);
      info = login as { ok: true; value: SessionInfo };
      unlock.user = { name, password };
    } else {
      if (info.value.locked) {
        throw new LedgerError('UNAUTHORIZED', {
          zh: '此台账已加密，请提供口令（或恢复密钥）。命令行可设置环境变量 LEDGER_PASSPHRASE。',
          en: 'This ledger is encrypted: a passphrase (or the recovery key) is required. The CLI reads LEDGER_PASSPHRASE.',
        });
      }
      if (run.args.user && run.args.user !== osUser) {
        run.err({
          zh: `注意：此台账未开启登录（单用户），操作人记为系统用户 ${osUser}，--user ${run.args.user} 未被采用。开启登录见 README。`,
          en: `Note: this ledger has no logins (single user); the author is recorded as the OS user ${osUser}, not --user ${run.args.user}. README says how to turn logins on.`,
        });
      }
    }
    if (info.value.mustSetPassword && command !== 'password') {
      throw new LedgerError('FORBIDDEN', {
        zh: `请先设置自己的密码：cadre-ledger --data 目录 --user ${info.value.user} password（新密码取自 LEDGER_NEW_PASSWORD）。管理员设定的初始密码须由本人更改。`,
        en: `Set your own password first: cadre-ledger --data DIR --user ${info.value.user} password (the new one from LEDGER_NEW_PASSWORD). A password an administrator set must be changed by its owner.`,
      });
    }
    const access = Object.prototype.hasOwnProperty.call(cliCommandAccess, command) ? cliCommandAccess[command] : undefined;
    if (!access) {
      throw new LedgerError('FORBIDDEN', {
        zh: `命令 ${command} 未列入权限表（shared/contract/permissions.ts 的 cliCommandAccess），已拒绝。`,
        en: `The command ${command} is not in the permission table (cliCommandAccess in shared/contract/permissions.ts): refused.`,
      });
    }
    if (!info.value.permissions.includes(access.permission)) {
      await core.ctx.session!.audit([auditEntry({ user: info.value.user, action: `cli.${command}`, result: 'refused', detail: access.permission }, core.ctx.now())]);
      const label = permissionLabels[access.permission];
      throw new LedgerError('FORBIDDEN', {
        zh: `没有权限：命令 ${command} 需要“${label.zh}”（${access.permission}）权限，用户 ${info.value.user} 没有。`,
        en: `Not permitted: ${command} needs the "${label.en}" (${access.permission}) permission, which ${info.value.user} does not have.`,
      });
    }
    return { core, info: info.value, store: core.ctx.store, user: info.value.user, unlock };
  } catch (e) {
    await core.close();
    throw e;
  }
}

/** After a command that takes data out (a backup), its audit entry. */
export async function auditCli(s: SignedIn, command: string, target?: string): Promise<void> {
  const access = cliCommandAccess[command];
  if (!access?.audit) return;
  await s.core.ctx.session!.audit([auditEntry({ user: s.user, action: `cli.${command}`, result: 'ok', detail: access.audit, ...(target ? { target } : {}) }, s.core.ctx.now())]);
}

/**
 * An endpoint's answer, or its refusal as a LedgerError whose message lists every field (the CLI
 * prints the message only). `where` names a field's path for the reader (default: the path).
 */
export function valueOrThrow<T>(env: Envelope<unknown>, where: (path: string, lang: 'zh' | 'en') => string = (path) => path): T {
  if (env.ok) return env.value as T;
  const fields = env.error.fields ?? [];
  const zh = fields.map((f) => `\n  ${f.path ? `${where(f.path, 'zh')}：` : ''}${f.message.zh}`).join('');
  const en = fields.map((f) => `\n  ${f.path ? `${where(f.path, 'en')}: ` : ''}${f.message.en}`).join('');
  throw new LedgerError(env.error.code, { zh: env.error.message.zh + zh, en: env.error.message.en + en });
}
