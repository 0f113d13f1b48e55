// `cadre-ledger users list | add NAME --role ROLE [--display-name TEXT] | disable NAME | enable NAME
// | reset NAME | role NAME --role ROLE`: accounts, through the same users.* endpoints the app uses
// (so the same permission, checks and journal records). New passwords come from
// LEDGER_NEW_PASSWORD or a prompt. The first `users add` turns logins on: the OS user becomes the
// administrator account and sets its own password (LEDGER_PASSWORD or a prompt) in the same run.
import type { Envelope } from '../../../shared/contract';
import { LedgerError } from '../../../shared/contract/errors';
import type { UserRow } from '../../../shared/contract/users';
import { roleLabels, roleSchema, type Role } from '../../../shared/domain/access';
import { checkPasswordRules } from '../../core/auth/password';
import { CLI_SESSION, osUserOf, passwordFrom, signIn, type SignedIn } from '../access';
import { exitCodes, UsageError } from '../io';
import { dataDir, onlyFlags, type Run } from '../run';

const usage = 'users list | add NAME --role admin|clerk|reviewer|auditor [--display-name TEXT] | disable NAME | enable NAME | reset NAME | role NAME --role ROLE';

function valueOf<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new LedgerError(env.error.code, env.error.message, env.error.fields);
  return env.value as T;
}

function roleFlag(run: Run): Role {
  const v = run.args.flags.get('role');
  const parsed = roleSchema.safeParse(v);
  if (!parsed.success) throw new UsageError({ zh: '--role 应为 admin、clerk、reviewer 或 auditor', en: '--role must be admin, clerk, reviewer or auditor' });
  return parsed.data;
}

async function newPassword(run: Run, name: string): Promise<string> {
  const password = await passwordFrom(run, 'LEDGER_NEW_PASSWORD', { zh: `${name} 的新密码（至少 12 个字符）：`, en: `New password for ${name} (12 characters or more): ` });
  if (!password) throw new UsageError({ zh: '缺少新密码：请设置 LEDGER_NEW_PASSWORD 或在终端中运行。', en: 'No new password: set LEDGER_NEW_PASSWORD or run in a terminal.' });
  checkPasswordRules(password);
  return password;
}

function printRow(run: Run, u: UserRow) {
  const state = u.disabled
    ? { zh: '已停用', en: 'disabled' }
    : u.lockedUntil
      ? { zh: `已锁定至 ${u.lockedUntil}`, en: `locked out until ${u.lockedUntil}` }
      : !u.hasPassword
        ? { zh: '未设密码', en: 'no password yet' }
        : u.mustChangePassword
          ? { zh: '须改密码', en: 'must change password' }
          : { zh: '正常', en: 'active' };
  run.out(`  ${u.name.padEnd(16)} ${u.displayName.padEnd(12)} ${run.t(roleLabels[u.role]).padEnd(14)} ${run.t(state)}`);
}

export async function cmdUsers(run: Run): Promise<number> {
  const [verb, name, ...extra] = run.args.positionals;
  if (!verb || extra.length || (verb !== 'list' && !name) || (verb === 'list' && name)) throw new UsageError({ zh: `用法：cadre-ledger --data 目录 ${usage}`, en: `usage: cadre-ledger --data DIR ${usage}` });
  onlyFlags(run, verb === 'add' ? ['role', 'display-name'] : verb === 'role' ? ['role'] : []);
  const call = (s: SignedIn, endpoint: string, input: unknown) => s.core.call(endpoint, input, { session: CLI_SESSION });
  // Gather every password before anything is written.
  let adminPassword: string | undefined;
  let password: string | undefined;
  const role = verb === 'add' || verb === 'role' ? roleFlag(run) : undefined;
  const s = await signIn(run, dataDir(run), 'users');
  try {
    if (verb === 'add' && !s.info.logins) {
      const os = osUserOf(run);
      adminPassword = await passwordFrom(run, 'LEDGER_PASSWORD', {
        zh: `添加第一个用户会开启登录，系统用户 ${os} 将成为系统管理员账户。为 ${os} 设置密码（至少 12 个字符）：`,
        en: `Adding the first user turns logins on; the OS user ${os} becomes the administrator account. Set a password for ${os} (12 characters or more): `,
      });
      if (!adminPassword) {
        throw new UsageError({
          zh: `添加第一个用户会开启登录：请用 LEDGER_PASSWORD 为系统管理员 ${os} 设置密码（或在终端中运行）。`,
          en: `Adding the first user turns logins on: give the administrator ${os} a password with LEDGER_PASSWORD (or run in a terminal).`,
        });
      }
      checkPasswordRules(adminPassword);
    }
    if (verb === 'add' || verb === 'reset') password = await newPassword(run, name);
    switch (verb) {
      case 'list': {
        const { users } = valueOf<{ users: UserRow[] }>(await call(s, 'users.list', {}));
        if (!users.length) run.out({ zh: '此台账没有用户账户（单用户：系统用户为系统管理员）。', en: 'This ledger has no accounts (single user: the OS user is its administrator).' });
        for (const u of users) printRow(run, u);
        return exitCodes.ok;
      }
      case 'add': {
        const displayName = run.args.flags.get('display-name');
        const row = valueOf<UserRow>(await call(s, 'users.add', { name, displayName: typeof displayName === 'string' ? displayName : name, role, password }));
        if (adminPassword) valueOf(await call(s, 'session.setPassword', { password: adminPassword }));
        run.out({ zh: `已添加用户 ${row.name}（${roleLabels[row.role].zh}），首次登录须改密码。`, en: `Added ${row.name} (${roleLabels[row.role].en}); the first login must change the password.` });
        if (adminPassword) {
          run.out({
            zh: `此台账已开启登录：以后每次运行请加 --user 用户名，密码取自 LEDGER_PASSWORD。系统管理员账户：${osUserOf(run)}。`,
            en: `Logins are now on: run every later command with --user NAME and LEDGER_PASSWORD. Administrator account: ${osUserOf(run)}.`,
          });
        }
        return exitCodes.ok;
      }
      case 'disable':
      case 'enable': {
        const row = valueOf<UserRow>(await call(s, 'users.disable', { name, disabled: verb === 'disable' }));
        run.out(verb === 'disable' ? { zh: `已停用 ${row.name}。`, en: `Disabled ${row.name}.` } : { zh: `已启用 ${row.name}。`, en: `Enabled ${row.name}.` });
        return exitCodes.ok;
      }
      case 'reset': {
        const row = valueOf<UserRow>(await call(s, 'users.reset', { name, password }));
        run.out({ zh: `已重置 ${row.name} 的密码（并解除锁定），下次登录须改密码。`, en: `Reset the password of ${row.name} (and cleared any lockout); the next login must change it.` });
        return exitCodes.ok;
      }
      case 'role': {
        const row = valueOf<UserRow>(await call(s, 'users.setRole', { name, role }));
        run.out({ zh: `${row.name} 的角色改为 ${roleLabels[row.role].zh}。`, en: `${row.name} is now ${roleLabels[row.role].en}.` });
        return exitCodes.ok;
      }
      default:
        throw new UsageError({ zh: `用法：cadre-ledger --data 目录 ${usage}`, en: `usage: cadre-ledger --data DIR ${usage}` });
    }
  } finally {
    await s.core.close();
  }
}
