// `cadre-ledger --user NAME password`: sets one's own password (the new one from
// LEDGER_NEW_PASSWORD or a prompt; the current one from LEDGER_PASSWORD, as for every call). An
// account an administrator created or reset must do this before anything else.
import { LedgerError } from '../../../shared/contract/errors';
import { checkPasswordRules } from '../../core/auth/password';
import { CLI_SESSION, passwordFrom, signIn } from '../access';
import { exitCodes, UsageError } from '../io';
import { dataDir, onlyFlags, positionals, type Run } from '../run';

export async function cmdPassword(run: Run): Promise<number> {
  positionals(run, [], 'password');
  onlyFlags(run, []);
  const s = await signIn(run, dataDir(run), 'password');
  try {
    if (!s.info.logins) {
      throw new LedgerError('CONFLICT', {
        zh: '此台账未开启登录（单用户），没有密码。添加第一个用户即开启登录（见 README）。',
        en: 'This ledger has no logins (single user), so no passwords. Adding the first user turns them on (see README).',
      });
    }
    const password = await passwordFrom(run, 'LEDGER_NEW_PASSWORD', { zh: `${s.user} 的新密码（至少 12 个字符）：`, en: `New password for ${s.user} (12 characters or more): ` });
    if (!password) throw new UsageError({ zh: '缺少新密码：请设置 LEDGER_NEW_PASSWORD 或在终端中运行。', en: 'No new password: set LEDGER_NEW_PASSWORD or run in a terminal.' });
    checkPasswordRules(password);
    const env = await s.core.call('session.setPassword', { current: s.unlock.user?.password, password }, { session: CLI_SESSION });
    if (!env.ok) throw new LedgerError(env.error.code, env.error.message, env.error.fields);
    run.out({ zh: `${s.user} 的密码已更改。`, en: `The password of ${s.user} was changed.` });
    return exitCodes.ok;
  } finally {
    await s.core.close();
  }
}
