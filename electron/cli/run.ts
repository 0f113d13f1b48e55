// The headless command line (DOMAIN.md §6). `runCli(argv, io)` does the work and returns the exit
// code; main.ts wires it to the process. Every message exists in zh and en (--lang, zh default).
import { readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LedgerError } from '../../shared/contract/errors';
import type { Finding } from '../../shared/domain/findings';
import { monthSchema, type Month } from '../../shared/domain/primitives';
import { ruleTitles } from '../../shared/engine';
import { importKindSchema, importKinds, kindLabels, type ImportKind } from '../../shared/import/columns';
import { collectionNames, collectionSchemas, type CollectionName, type LedgerState } from '../../shared/ledger/collections';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { runImport } from '../import/importer';
import { buildTemplate } from '../import/template';
import type { LedgerStore } from '../store/types';
import { engineForViews } from '../../shared/views/engineBinding';
import { officeNameOf, officesOf } from '../../shared/views/officeScope';
import { parseArgs, type ParsedArgs } from './args';
import { auditCli, osUserOf, signIn } from './access';
import { cmdDocket } from './commands/docket';
import { cmdHead } from './commands/head';
import { checkRecoveryKeyCanBeConfirmed, cmdInit, initUsage, showRecoveryKey } from './commands/init';
import { cmdPassword } from './commands/password';
import { cmdUsers } from './commands/users';
import { cmdExportPackage } from './commands/export-package';
import { cmdImportPackage } from './commands/import-package';
import { cmdOffice } from './commands/office';
import { cmdPolicy } from './commands/policy';
import { checkFeeds } from './commands/verify-feeds';
import { cmdReport } from './commands/report';
import { cmdTransfer } from './commands/transfer';
import { loadBackends, type CliBackends } from './backends';
import { exitCodes, terminalSafeIo, UsageError, type Bi, type CliIo, type Lang } from './io';

const commands = ['init', 'import', 'template', 'evaluate', 'report', 'docket', 'verify', 'backup', 'restore', 'demo', 'users', 'password', 'head', 'office', 'export-package', 'import-package', 'transfer', 'policy', 'help'] as const;
type Command = (typeof commands)[number];

export interface RunOptions {
  /** Store and generator functions (tests may replace them). */
  backends?: CliBackends;
}

export interface Run {
  args: ParsedArgs;
  io: CliIo;
  lang: Lang;
  backends: CliBackends;
  out(text: Bi | string): void;
  err(text: Bi | string): void;
  t(text: Bi): string;
}

const helpText: Bi = {
  zh: `干部能上能下台账 命令行

用法：cadre-ledger [--data 目录] [--lang zh|en] [--user 用户名] 命令 …

命令：
  ${initUsage}
                                    创建台账（--admin：开启登录并设管理员；设置了 LEDGER_PASSPHRASE 则加密）
  import 类型 文件 [--valid-only]    导入 .xlsx 或 .csv；类型：${importKinds.join(', ')}
  template 类型 输出.xlsx            生成空白导入模板（中英文两行表头）
  evaluate --as-of YYYY-MM [--office 代码] [--json] 截至某月的规则结论
  report --from YYYY-MM --to YYYY-MM [--office 代码] [--json] [--docx 输出.docx]  干部工作会议统计（--docx：情况报告；--office：只统计该单位）
  docket --as-of YYYY-MM [--office 代码] 输出.docx   由该月提示生成会议议题（.docx；--office：只含该单位的干部和班子）
  verify                            校验全部记录和审计链
  backup 输出文件                    备份台账
  restore 备份文件                   从备份恢复台账
  demo                              生成演示乡镇（300名干部、截至上月的24个月）
  users list|add|disable|enable|reset|role …  管理用户（add 名 --role admin|clerk|reviewer|auditor）
  password                          更改自己的密码（新密码取自 LEDGER_NEW_PASSWORD）
  head [--json]                     当前审计链头（可抄入会议记录作外部见证）
  office show|identity 输出|trust 文件|certify 身份文件 输出 [--valid-to 日期]  单位身份与证书（见 docs/SYNC.md）
  export-package --to 代码 输出 [--since 日期 --until 日期] [--plain]  给某单位导出其未确认收到的数据包
  import-package 文件… [--preview]  导入数据包；按单位列出新增、已有、暂存、冲突、拒绝；有文件被拒绝时退出码 1
  transfer 干部编号 --to 代码 --on YYYY-MM-DD [--note 说明]  把干部移交另一单位管理（保留编号和全部记录）
  policy list [--month M]|show 编号 [--json]|export 编号 输出.json|issue 文件.json --based-on 编号 --version 版本号 --from YYYY-MM --note 说明 [--preview]|withdraw 编号 --reason 原因
                                    规则版本：查看、导出以便修改、发布新版本（审核人）、撤回尚未生效的版本（见 docs/POLICY.md）

选项：
  --data 目录    台账目录（默认取环境变量 LEDGER_DATA_DIR）
  --lang zh|en   输出语言（默认 zh）
  --user 用户名  以此用户登录（已开启登录的台账必填；单用户台账的操作人为系统用户）
环境变量：LEDGER_PASSWORD 登录密码；LEDGER_NEW_PASSWORD users add/reset 的新密码；
          LEDGER_PASSPHRASE 加密台账的口令；LEDGER_RECOVERY_KEY 恢复密钥（忘记口令时）

退出码：0 成功；1 有被拒绝的行且未导入、校验发现问题、文件被拒绝；2 用法错误；
        3 台账被占用、已加密但未提供口令或口令错误、用户名或密码错误、没有权限；4 台账或文件不存在；5 数据损坏或内部错误
`,
  en: `Cadre Ledger command line

Usage: cadre-ledger [--data DIR] [--lang zh|en] [--user NAME] COMMAND …

Commands:
  ${initUsage}
                                    create a ledger (--admin: with logins and this administrator; encrypted if LEDGER_PASSPHRASE is set)
  import KIND FILE [--valid-only]   import an .xlsx or .csv; KIND: ${importKinds.join(', ')}
  template KIND OUT.xlsx            write an empty import template (Chinese and English header rows)
  evaluate --as-of YYYY-MM [--office CODE] [--json] the findings as of a month
  report --from YYYY-MM --to YYYY-MM [--office CODE] [--json] [--docx OUT.docx]  the meeting statistics (--docx: the period report; --office: that office's only)
  docket --as-of YYYY-MM [--office CODE] OUT.docx   the docket proposed from that month's findings (.docx; --office: that office's cadres and units)
  verify                            check every record and the audit chain
  backup OUT                        back the ledger up to a file
  restore FILE                      restore the ledger from a backup
  demo                              generate the demo township (300 cadres, 24 months to last month)
  users list|add|disable|enable|reset|role …  accounts (add NAME --role admin|clerk|reviewer|auditor)
  password                          change your own password (the new one from LEDGER_NEW_PASSWORD)
  head [--json]                     the audit chain's head now (an external anchor for the minutes)
  office show|identity OUT|trust FILE|certify IDENTITY OUT [--valid-to DATE]  office identity and certificates (docs/SYNC.md)
  export-package --to CODE OUT [--since DATE --until DATE] [--plain]  a package of what office CODE has not acknowledged
  import-package FILE… [--preview]  import packages; per office: new, already held, held back, conflict, refused; exit 1 if a file is refused
  transfer CADRE --to CODE --on YYYY-MM-DD [--note TEXT]  move a cadre to another office (keeps its id and every record)
  policy list [--month M]|show ID [--json]|export ID OUT.json|issue FILE.json --based-on ID --version V --from YYYY-MM --note TEXT [--preview]|withdraw ID --reason TEXT
                                    policy versions: read, export to edit, issue the next (reviewer), withdraw one not yet in force (docs/POLICY.md)

Options:
  --data DIR     ledger directory (default: LEDGER_DATA_DIR)
  --lang zh|en   output language (default zh)
  --user NAME    log in as this user (required once a ledger has logins; a single-user ledger records the OS user)
Environment: LEDGER_PASSWORD the login password; LEDGER_NEW_PASSWORD the new password for users add/reset;
             LEDGER_PASSPHRASE unlocks/encrypts the ledger; LEDGER_RECOVERY_KEY if the passphrase is lost

Exit codes: 0 ok; 1 rows rejected and nothing imported, verify found problems, file refused;
            2 usage error; 3 ledger in use, encrypted without passphrase or wrong passphrase,
              wrong user name or password, or no permission;
            4 no ledger or no such file; 5 damaged data or internal error
`,
};

export async function runCli(argv: string[], rawIo: CliIo, options: RunOptions = {}): Promise<number> {
  const io = terminalSafeIo(rawIo); // nothing from the ledger may drive the terminal
  const envLang: Lang = io.env.LEDGER_LANG === 'en' ? 'en' : 'zh';
  let lang: Lang = argv.includes('--lang=en') || argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : envLang;
  const t = (b: Bi) => b[lang];
  const write = (sink: CliIo['stdout'], text: Bi | string) => sink.write((typeof text === 'string' ? text : t(text)) + '\n');
  try {
    const args = parseArgs(argv, envLang);
    lang = args.lang;
    const run: Run = {
      args,
      io,
      lang,
      backends: options.backends ?? (await loadBackends()),
      out: (text) => write(io.stdout, text),
      err: (text) => write(io.stderr, text),
      t,
    };
    if (args.help || !args.command || args.command === 'help') {
      io.stdout.write(t(helpText));
      return args.command || args.help ? exitCodes.ok : exitCodes.usage;
    }
    if (!(commands as readonly string[]).includes(args.command)) {
      throw new UsageError({ zh: `未知命令“${args.command}”。运行 --help 查看用法。`, en: `unknown command "${args.command}". Run --help for usage.` });
    }
    return await dispatch(args.command as Command, run);
  } catch (e) {
    return reportError(e, (text) => write(io.stderr, text), t);
  }
}

function reportError(e: unknown, err: (text: Bi | string) => void, t: (b: Bi) => string): number {
  if (e instanceof UsageError) {
    err(e.bilingual);
    return exitCodes.usage;
  }
  if (e instanceof LedgerError) {
    err(e.bilingual);
    switch (e.code) {
      case 'LOCKED':
      case 'UNAUTHORIZED':
      case 'FORBIDDEN':
        return exitCodes.locked;
      case 'NOT_FOUND':
        return exitCodes.notFound;
      case 'INTERNAL':
        return exitCodes.internal;
      default:
        return exitCodes.failed;
    }
  }
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    const path = (e as NodeJS.ErrnoException).path ?? '';
    err({ zh: `文件不存在：${path}`, en: `no such file: ${path}` });
    return exitCodes.notFound;
  }
  if (code === 'EACCES' || code === 'EPERM') {
    const path = (e as NodeJS.ErrnoException).path ?? '';
    err({ zh: `没有访问权限：${path}`, en: `permission denied: ${path}` });
    return exitCodes.failed;
  }
  err(t({ zh: `内部错误：${(e as Error)?.message ?? String(e)}`, en: `internal error: ${(e as Error)?.message ?? String(e)}` }));
  return exitCodes.internal;
}

// ---- helpers -------------------------------------------------------------------------------

export function dataDir(run: Run): string {
  const dir = run.args.data ?? run.io.env.LEDGER_DATA_DIR;
  if (!dir) {
    throw new UsageError({ zh: '请用 --data 指定台账目录（或设置 LEDGER_DATA_DIR）', en: 'give the ledger directory with --data (or set LEDGER_DATA_DIR)' });
  }
  return resolve(run.io.cwd ?? process.cwd(), dir);
}

export const filePath = (run: Run, p: string) => resolve(run.io.cwd ?? process.cwd(), p);

function secrets(run: Run): { passphrase?: string; recoveryKey?: string } {
  const passphrase = run.io.env.LEDGER_PASSPHRASE || undefined;
  const recoveryKey = run.io.env.LEDGER_RECOVERY_KEY || undefined;
  return { ...(passphrase ? { passphrase } : {}), ...(recoveryKey ? { recoveryKey } : {}) };
}


export function positionals(run: Run, names: Bi[], usage: string): string[] {
  const p = run.args.positionals;
  if (p.length !== names.length) {
    throw new UsageError({
      zh: `用法：cadre-ledger --data 目录 ${usage}（${p.length < names.length ? `缺少${names[p.length].zh}` : '参数过多'}）`,
      en: `usage: cadre-ledger --data DIR ${usage} (${p.length < names.length ? `missing ${names[p.length].en}` : 'too many arguments'})`,
    });
  }
  return p;
}

export function monthFlag(run: Run, name: string): Month {
  const v = run.args.flags.get(name);
  if (typeof v !== 'string') throw new UsageError({ zh: `缺少 --${name} YYYY-MM`, en: `missing --${name} YYYY-MM` });
  if (!monthSchema.safeParse(v).success) throw new UsageError({ zh: `--${name} 应为 YYYY-MM，而不是“${v}”`, en: `--${name} must be YYYY-MM, not "${v}"` });
  return v;
}

function kindArg(value: string): ImportKind {
  const parsed = importKindSchema.safeParse(value.replace(/-/g, '_'));
  if (!parsed.success) {
    throw new UsageError({ zh: `未知的导入类型“${value}”；可用：${importKinds.join(', ')}`, en: `unknown import kind "${value}"; one of: ${importKinds.join(', ')}` });
  }
  return parsed.data;
}

/**
 * `--office CODE`: one of the offices the ledger holds (the New Area's view of a township), or
 * undefined without the flag. An office whose cadres the ledger does not hold is a usage error
 * naming those it does.
 */
export function officeFlag(run: Run, state: LedgerState): { code: string; name: string } | undefined {
  const v = run.args.flags.get('office');
  if (v === undefined) return undefined;
  const held = officesOf(state).filter((o) => o.code);
  const known = held.map((o) => `${o.code}（${o.name}）`).join('、') || '—';
  const knownEn = held.map((o) => `${o.code} (${o.name})`).join(', ') || '—';
  if (typeof v !== 'string' || !held.some((o) => o.code === v)) {
    throw new UsageError({
      zh: `--office 应为本台账所含单位的代码：${known}${typeof v === 'string' ? `，而不是“${v}”` : ''}`,
      en: `--office must be the code of an office this ledger holds: ${knownEn}${typeof v === 'string' ? `, not "${v}"` : ''}`,
    });
  }
  return { code: v, name: officeNameOf(state, v) };
}

export function onlyFlags(run: Run, allowed: string[]) {
  for (const name of run.args.flags.keys()) {
    if (!allowed.includes(name)) throw new UsageError({ zh: `命令 ${run.args.command} 不接受 --${name}`, en: `${run.args.command} does not take --${name}` });
  }
}

/**
 * Runs `task` on the ledger, opened as the CLI's user (docs/ACCESS.md: `--user` and
 * LEDGER_PASSWORD once the ledger has logins) with the command's permission checked. `user` is
 * who the task's events are recorded as.
 */
export async function withStore<T>(run: Run, task: (store: LedgerStore, user: string) => Promise<T>): Promise<T> {
  const s = await signIn(run, dataDir(run), run.args.command ?? '');
  try {
    const result = await task(s.store, s.user);
    await auditCli(s, run.args.command ?? '', run.args.positionals.join(' ') || undefined);
    return result;
  } finally {
    await s.core.close();
  }
}

// ---- commands ------------------------------------------------------------------------------

async function dispatch(command: Command, run: Run): Promise<number> {
  switch (command) {
    case 'init':
      return cmdInit(run);
    case 'import':
      return cmdImport(run);
    case 'template':
      return cmdTemplate(run);
    case 'evaluate':
      return cmdEvaluate(run);
    case 'report':
      return cmdReport(run);
    case 'docket':
      return cmdDocket(run);
    case 'verify':
      return cmdVerify(run);
    case 'backup':
      return cmdBackup(run);
    case 'restore':
      return cmdRestore(run);
    case 'demo':
      return cmdDemo(run);
    case 'users':
      return cmdUsers(run);
    case 'password':
      return cmdPassword(run);
    case 'head':
      return cmdHead(run);
    case 'office':
      return cmdOffice(run);
    case 'export-package':
      return cmdExportPackage(run);
    case 'import-package':
      return cmdImportPackage(run);
    case 'policy':
      return cmdPolicy(run);
    case 'transfer':
      return cmdTransfer(run);
    default:
      run.io.stdout.write(run.t(helpText));
      return exitCodes.ok;
  }
}

async function cmdImport(run: Run): Promise<number> {
  const [kindText, file] = positionals(run, [{ zh: '类型', en: 'KIND' }, { zh: '文件', en: 'FILE' }], 'import KIND FILE [--valid-only]');
  onlyFlags(run, ['valid-only']);
  const kind = kindArg(kindText);
  const validOnly = run.args.flags.has('valid-only');
  const path = filePath(run, file);
  const info = await stat(path);
  if (!info.isFile()) throw new UsageError({ zh: `不是文件：${path}`, en: `not a file: ${path}` });
  const bytes = new Uint8Array(await readFile(path));
  return withStore(run, async (store, user) => {
    const { plan, committed } = await runImport(store, kind, { fileName: file, bytes }, { user, validOnly });
    const label = kindLabels[kind];
    run.out({
      zh: `导入${label.zh}（${file}）：共 ${plan.total} 行，有效 ${plan.valid} 行，拒绝 ${plan.rejectedRows} 行。`,
      en: `Import of ${label.en} (${file}): ${plan.total} rows, ${plan.valid} valid, ${plan.rejectedRows} rejected.`,
    });
    if (plan.unknownColumns.length) {
      run.err({
        zh: `警告：未识别的列（未导入）：${plan.unknownColumns.join('、')}`,
        en: `warning: unknown columns (not imported): ${plan.unknownColumns.join(', ')}`,
      });
    }
    if (plan.rejected.length) {
      run.err({ zh: '被拒绝的行：', en: 'Rejected rows:' });
      for (const r of plan.rejected) {
        const where = r.column ? { zh: `第 ${r.row} 行，列“${r.column}”`, en: `row ${r.row}, column "${r.column}"` } : { zh: `第 ${r.row} 行`, en: `row ${r.row}` };
        run.err(`  ${run.t(where)}: ${run.t(r.reason)}`);
      }
    }
    if (!committed) {
      run.err(
        plan.fatal
          ? { zh: '未导入任何数据：文件本身有问题。', en: 'Nothing was imported: the file itself has a problem.' }
          : { zh: '未导入任何数据：有被拒绝的行。改正后重试，或用 --valid-only 只导入有效行。', en: 'Nothing was imported: some rows were rejected. Fix them and retry, or use --valid-only to import the valid rows.' },
      );
      return exitCodes.failed;
    }
    run.out({
      zh: `已写入：新增 ${plan.inserted}，更新 ${plan.updated}，未变 ${plan.unchanged}。`,
      en: `Written: ${plan.inserted} inserted, ${plan.updated} updated, ${plan.unchanged} unchanged.`,
    });
    // --valid-only with no valid row imported nothing either.
    return plan.rejected.length > 0 && plan.valid === 0 ? exitCodes.failed : exitCodes.ok;
  });
}

async function cmdTemplate(run: Run): Promise<number> {
  const [kindText, out] = positionals(run, [{ zh: '类型', en: 'KIND' }, { zh: '输出文件', en: 'OUT.xlsx' }], 'template KIND OUT.xlsx');
  onlyFlags(run, []);
  const kind = kindArg(kindText);
  const path = filePath(run, out);
  await writeFile(path, await buildTemplate(kind));
  run.out({ zh: `已生成${kindLabels[kind].zh}导入模板：${path}`, en: `Wrote the ${kindLabels[kind].en} import template: ${path}` });
  return exitCodes.ok;
}

/** The JSON form of a finding (DOMAIN.md §6: at least rule, subject, asOf, suggestion, evidence, explanation). */
function findingJson(f: Finding) {
  return { rule: f.rule, subject: f.subject, asOf: f.asOf, suggestion: f.suggestion, evidence: f.evidence, explanation: f.explanation, key: f.key };
}

async function cmdEvaluate(run: Run): Promise<number> {
  positionals(run, [], 'evaluate --as-of YYYY-MM [--office CODE] [--json]');
  onlyFlags(run, ['as-of', 'office', 'json']);
  const asOf = monthFlag(run, 'as-of');
  return withStore(run, async (store) => {
    const state = store.state();
    // The app's engine: at the New Area each township's cadres are evaluated among their own.
    const findings = engineForViews.evaluate(state, asOf, undefined, officeFlag(run, state)?.code);
    if (run.args.flags.has('json')) {
      run.io.stdout.write(JSON.stringify(findings.map(findingJson), null, 2) + '\n');
      return exitCodes.ok;
    }
    run.out({ zh: `截至 ${asOf} 的规则结论：共 ${findings.length} 条`, en: `Findings as of ${asOf}: ${findings.length}` });
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) {
      let list = byRule.get(f.rule);
      if (!list) byRule.set(f.rule, (list = []));
      list.push(f);
    }
    for (const [rule, list] of byRule) {
      const title = (ruleTitles as Record<string, Bi>)[rule] ?? { zh: rule, en: rule };
      run.out('');
      run.out(run.lang === 'zh' ? `【${title.zh}】${rule}：${list.length} 条` : `[${title.en}] ${rule}: ${list.length}`);
      for (const f of list) {
        const name = f.subject.type === 'cadre' ? state.cadres.get(f.subject.id)?.name : state.units.get(f.subject.id)?.name;
        const zhWho = f.subject.type === 'cadre' ? '干部' : '单位';
        run.out(
          run.lang === 'zh'
            ? `  ${zhWho}${name ? ` ${name}` : ''}（${f.subject.id}）：${f.explanation.zh}`
            : `  ${f.subject.type}${name ? ` ${name}` : ''} (${f.subject.id}): ${f.explanation.en}`,
        );
      }
    }
    return exitCodes.ok;
  });
}

async function cmdVerify(run: Run): Promise<number> {
  positionals(run, [], 'verify');
  onlyFlags(run, []);
  const dir = dataDir(run);
  // Logged in and permitted first; a ledger too damaged to open is still verified (read-only).
  let unlock: { passphrase?: string; recoveryKey?: string; user?: { name: string; password: string } } = secrets(run);
  let feedsOk = true;
  try {
    const s = await signIn(run, dir, 'verify');
    unlock = { ...unlock, ...s.unlock };
    feedsOk = checkFeeds(run, s.store.state());
    await s.core.close();
  } catch (e) {
    if (!(e instanceof LedgerError) || e.code !== 'INTERNAL') throw e;
  }
  const report = await run.backends.verifyStore(dir, unlock);
  const restores = report.restores ?? [];
  for (const r of restores) {
    run.out({
      zh: `恢复记录 #${r.seq}：${r.at} 由 ${r.user} 从 ${r.from} 恢复，替换了第 ${r.replacedRevision} 个事件处的链头 ${r.replacedHead || '（无）'}${r.safetyBackup ? `，被替换的数据保存在 ${r.safetyBackup}` : ''}。`,
      en: `Restore #${r.seq}: ${r.at} by ${r.user} from ${r.from}, replacing the chain head ${r.replacedHead || '(none)'} at event #${r.replacedRevision}${r.safetyBackup ? `; the replaced data is kept in ${r.safetyBackup}` : ''}.`,
    });
  }
  if (report.ok && !feedsOk) return exitCodes.failed;
  if (report.ok) {
    run.out({
      zh: `台账完好：${report.events ?? '?'} 个事件，审计链完整${restores.length ? `（其中 ${restores.length} 次恢复，见上）` : ''}。${report.head ? `链头：${report.head}` : ''}`,
      en: `The ledger is intact: ${report.events ?? '?'} events, audit chain complete${restores.length ? ` (${restores.length} restore(s), listed above)` : ''}.${report.head ? ` Head: ${report.head}` : ''}`,
    });
    return exitCodes.ok;
  }
  const [first, ...rest] = report.problems;
  const where = (p: (typeof report.problems)[number]) =>
    [p.file, p.seq !== undefined ? `#${p.seq}` : '', p.offset !== undefined ? `@${p.offset}` : ''].filter(Boolean).join(' ');
  run.err({ zh: `台账有问题。第一个损坏的记录：${where(first)}：${first.message.zh}`, en: `The ledger has problems. First bad record: ${where(first)}: ${first.message.en}` });
  for (const p of rest) run.err(`  ${where(p)}: ${run.t(p.message)}`);
  return exitCodes.failed;
}

async function cmdBackup(run: Run): Promise<number> {
  const [out] = positionals(run, [{ zh: '输出文件', en: 'OUT' }], 'backup OUT');
  onlyFlags(run, []);
  const path = filePath(run, out);
  return withStore(run, async (store) => {
    await run.backends.backupStore(store, path);
    run.out({ zh: `已备份到 ${path}（${store.revision} 个事件）。`, en: `Backed up to ${path} (${store.revision} events).` });
    return exitCodes.ok;
  });
}

async function cmdRestore(run: Run): Promise<number> {
  const [file] = positionals(run, [{ zh: '备份文件', en: 'FILE' }], 'restore FILE');
  onlyFlags(run, []);
  const path = filePath(run, file);
  await stat(path);
  const dir = dataDir(run);
  // Who restores, with the open ledger's key; a ledger too damaged to open is restored by the OS
  // user (nobody can log in to it), and the restore's record says so.
  let restoredBy = osUserOf(run);
  let dataKey: Buffer | undefined;
  try {
    const s = await signIn(run, dir, 'restore');
    restoredBy = s.user;
    dataKey = (s.store as { dataKey?: Buffer }).dataKey;
    await s.core.close();
  } catch (e) {
    // No ledger there yet (a new machine), or one too damaged to open: the OS user restores.
    if (!(e instanceof LedgerError) || (e.code !== 'INTERNAL' && e.code !== 'NOT_FOUND')) throw e;
    if (e.code === 'INTERNAL') restoredBy = `${restoredBy} (OS user; the ledger could not be opened)`;
  }
  const result = await run.backends.restoreStore(path, dir, { ...secrets(run), ...(dataKey ? { dataKey } : {}), restoredBy, command: 'restore' });
  run.out({
    zh: `已从 ${path} 恢复台账到 ${dir}（${result.revision} 个事件）。${result.safetyBackup ? `原台账已先备份到 ${result.safetyBackup}。` : ''}`,
    en: `Restored the ledger in ${dir} from ${path} (${result.revision} events).${result.safetyBackup ? ` The replaced ledger was saved first to ${result.safetyBackup}.` : ''}`,
  });
  return exitCodes.ok;
}

function lastMonth(now: Date): Month {
  const y = now.getFullYear();
  const m = now.getMonth(); // 0-based: this is already "last month" in 1-based terms
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

function intFlag(run: Run, name: string, fallback: number, max: number): number {
  const v = run.args.flags.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError({ zh: `--${name} 应为 1 到 ${max} 的整数`, en: `--${name} must be a whole number from 1 to ${max}` });
  return n;
}

async function cmdDemo(run: Run): Promise<number> {
  positionals(run, [], 'demo');
  onlyFlags(run, ['cadres', 'months', 'seed', 'end-month']);
  const endMonth = run.args.flags.has('end-month') ? monthFlag(run, 'end-month') : lastMonth((run.io.now ?? (() => new Date()))());
  const cadres = intFlag(run, 'cadres', 300, 100_000);
  const months = intFlag(run, 'months', 24, 120);
  const seed = intFlag(run, 'seed', 1, 2 ** 31 - 1);
  const dir = dataDir(run);
  if (secrets(run).passphrase && !existsSync(join(dir, 'meta.json'))) checkRecoveryKeyCanBeConfirmed(run);
  const township = await run.backends.generateTownship({ cadres, endMonth, months, seed });
  const store = await run.backends.openStore(dir, { ...secrets(run), create: true });
  const createdKey = (store as { createdRecoveryKey?: string }).createdRecoveryKey;
  try {
    const state = store.state();
    if (collectionNames.some((c) => state[c].size > 0)) {
      run.err({ zh: `台账 ${dir} 中已有数据：演示乡镇只能生成到空台账中。`, en: `The ledger in ${dir} is not empty: the demo township goes into an empty ledger only.` });
      return exitCodes.failed;
    }
    const events: LedgerEvent[] = [];
    for (const [collection, records] of Object.entries(township)) {
      if (!(collection in collectionSchemas)) continue;
      for (const record of records as unknown[]) {
        events.push(put(collection as CollectionName, collectionSchemas[collection as CollectionName].parse(record) as never));
      }
    }
    // Only into an empty ledger, so one without accounts: the OS user is its author.
    await store.commit(events, { user: osUserOf(run), command: 'demo' });
    const count = (c: CollectionName) => store.state()[c].size;
    run.out({
      zh: `已生成演示乡镇到 ${dir}：${count('units')} 个单位，${count('cadres')} 名干部，${count('scores')} 条月度得分（截至 ${endMonth}，共 ${months} 个月）。`,
      en: `Generated the demo township in ${dir}: ${count('units')} units, ${count('cadres')} cadres, ${count('scores')} monthly scores (${months} months to ${endMonth}).`,
    });
    if (createdKey) await showRecoveryKey(run, createdKey);
    return exitCodes.ok;
  } finally {
    await store.close();
  }
}
