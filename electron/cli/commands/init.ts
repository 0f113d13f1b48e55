// `cadre-ledger --data DIR init [--admin NAME] [--confirm-recovery-key-saved]`: creates a ledger.
// With --admin it has logins from the start: NAME is its administrator, with the password from
// LEDGER_PASSWORD (or a prompt). Without it the ledger is single-user: the OS user is its
// administrator, with no password (docs/ACCESS.md). LEDGER_PASSPHRASE encrypts it; the recovery
// key is then shown once, and the person confirms it was written down.
import { loginNameSchema, type UserRecord } from '../../../shared/domain/access';
import { put } from '../../../shared/ledger/events';
import { createCredential, checkPasswordRules } from '../../core/auth/password';
import { FileStore, openStore } from '../../store/index';
import { passwordFrom } from '../access';
import { exitCodes, UsageError } from '../io';
import { initOffice } from './office';
import { dataDir, onlyFlags, positionals, type Run } from '../run';

export const initUsage = 'init [--admin NAME] [--confirm-recovery-key-saved] [--office CODE --office-name NAME]';

/** Refuses, before anything is created, to make an encrypted store nobody can confirm the key of. */
export function checkRecoveryKeyCanBeConfirmed(run: Run): void {
  if (run.args.flags.has('confirm-recovery-key-saved') || run.io.prompt) return;
  throw new UsageError({
    zh: '加密台账会显示一次恢复密钥（忘记口令时唯一的进入方式）。请在终端中交互运行，或加 --confirm-recovery-key-saved 表示您会抄下并保管它。',
    en: 'An encrypted ledger shows its recovery key once (the only way in if the passphrase is lost). Run this in a terminal, or add --confirm-recovery-key-saved to say you will write it down and keep it.',
  });
}

/** Prints the recovery key once with its warning and asks for a "yes" (or takes the flag as one). */
export async function showRecoveryKey(run: Run, recoveryKey: string): Promise<void> {
  run.out({
    zh: `\n恢复密钥（忘记口令时唯一的进入方式，请现在抄写并妥善保管，此后不再显示）：\n\n  ${recoveryKey}\n`,
    en: `\nRecovery key (the only way in if the passphrase is lost; write it down now and keep it safe, it is not shown again):\n\n  ${recoveryKey}\n`,
  });
  if (run.args.flags.has('confirm-recovery-key-saved')) return;
  for (let i = 0; i < 3; i++) {
    const answer = await run.io.prompt?.(run.t({ zh: '已抄下恢复密钥？输入 yes 确认：', en: 'Written the recovery key down? Type yes to confirm: ' }), false);
    if (answer?.trim().toLowerCase() === 'yes') return;
  }
  run.err({
    zh: '未确认恢复密钥已抄下。台账已创建；若密钥遗失，忘记口令后将无法打开台账。',
    en: 'The recovery key was not confirmed. The ledger was created; if the key is lost, a forgotten passphrase locks it for good.',
  });
}

export async function cmdInit(run: Run): Promise<number> {
  positionals(run, [], initUsage);
  onlyFlags(run, ['admin', 'confirm-recovery-key-saved', 'office', 'office-name']);
  const dir = dataDir(run);
  const passphrase = run.io.env.LEDGER_PASSPHRASE || undefined;
  const admin = run.args.flags.get('admin');
  if (admin === true) throw new UsageError({ zh: '--admin 需要用户名', en: '--admin needs a user name' });
  let password: string | undefined;
  if (admin !== undefined) {
    if (!loginNameSchema.safeParse(admin).success) {
      throw new UsageError({ zh: `用户名“${admin}”不合法：只能用字母、数字、汉字及 _ . @ -`, en: `Invalid user name "${admin}": letters, digits, _ . @ - only` });
    }
    password = await passwordFrom(run, 'LEDGER_PASSWORD', { zh: `为系统管理员 ${admin} 设置密码（至少 12 个字符）：`, en: `Set a password for the administrator ${admin} (12 characters or more): ` });
    if (!password) {
      throw new UsageError({ zh: '缺少管理员密码：请设置 LEDGER_PASSWORD 或在终端中运行。', en: 'No administrator password: set LEDGER_PASSWORD or run in a terminal.' });
    }
    checkPasswordRules(password);
  }
  if (passphrase) checkRecoveryKeyCanBeConfirmed(run);
  const result = await run.backends.initStore(dir, passphrase ? { passphrase } : {});
  run.out({ zh: `已在 ${dir} 创建台账${passphrase ? '（已加密）' : ''}。`, en: `Created a ledger in ${dir}${passphrase ? ' (encrypted)' : ''}.` });
  if (admin !== undefined && password) {
    const store = await openStore(dir, { passphrase, autoBackup: false });
    try {
      const now = (run.io.now ?? (() => new Date()))();
      const made = await createCredential(password, now);
      const user: UserRecord = {
        id: 'U0001',
        name: admin.normalize('NFC'),
        displayName: admin,
        role: 'admin',
        disabled: false,
        credential: made.credential,
        mustChangePassword: false,
        createdAt: now.toISOString(),
      };
      await store.commit([put('users', user)], { user: user.name, command: 'init' });
      if (store instanceof FileStore) await store.setUserKey(user.name, made.keys);
    } finally {
      await store.close();
    }
    run.out({
      zh: `系统管理员：${admin}。此台账已开启登录：以后每次运行请加 --user 用户名，密码取自 LEDGER_PASSWORD（或在终端输入）。`,
      en: `Administrator: ${admin}. Logins are on: run every later command with --user NAME; the password comes from LEDGER_PASSWORD (or a prompt).`,
    });
  }
  await initOffice(run, dir, passphrase);
  if (result.recoveryKey) await showRecoveryKey(run, result.recoveryKey);
  return exitCodes.ok;
}
