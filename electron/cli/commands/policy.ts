// `cadre-ledger policy list [--month M] | show ID [--json] | export ID OUT.json |
//  issue FILE.json --based-on ID --version V --from YYYY-MM --note TEXT | withdraw ID --reason TEXT`:
// the policy versions (docs/POLICY.md) through the same endpoints as the settings page, so the
// permission (issue and withdraw are the reviewer's), the checks and the journal are the same.
import { readFile, writeFile } from 'node:fs/promises';
import { LedgerError } from '../../../shared/contract/errors';
import type { IssuePolicyOutput, PolicyList, PolicyRow } from '../../../shared/contract/policy';
import type { Bilingual } from '../../../shared/domain/primitives';
import type { PolicyVersion } from '../../../shared/policy';
import { policyPathLabel, policySections, policyFieldOf, policyValueText, valueAt } from '../../../shared/policy/labels';
import { CLI_SESSION, auditCli, signIn, valueOrThrow } from '../access';
import { exitCodes, UsageError } from '../io';
import { dataDir, filePath, monthFlag, onlyFlags, type Run } from '../run';

const usage =
  'policy list [--month YYYY-MM] | policy show ID [--json] | policy export ID OUT.json | policy issue FILE.json --based-on ID --version V --from YYYY-MM --note TEXT [--preview] | policy withdraw ID --reason TEXT';

const usageError = () => new UsageError({ zh: `用法：cadre-ledger --data 目录 ${usage}`, en: `usage: cadre-ledger --data DIR ${usage}` });

/** Calls an endpoint as the signed-in user; a refusal becomes a LedgerError naming every field. */
async function callAs<T>(run: Run, name: string, input: unknown, task: (call: <R>(n: string, i: unknown) => Promise<R>) => Promise<T>): Promise<T> {
  const s = await signIn(run, dataDir(run), 'policy');
  try {
    const where = (path: string, lang: 'zh' | 'en') => {
      const label = policyPathLabel(path.replace(/^document\./, ''))[lang];
      return label === path.replace(/^document\./, '') ? path : lang === 'zh' ? `${label}（${path}）` : `${label} (${path})`;
    };
    const call = async <R>(n: string, i: unknown): Promise<R> => valueOrThrow<R>(await s.core.call(n, i, { session: CLI_SESSION }), where);
    const result = await task(call);
    await auditCli(s, 'policy', name);
    return result;
  } finally {
    await s.core.close();
  }
}

function stringFlag(run: Run, name: string, what: Bilingual): string {
  const v = run.args.flags.get(name);
  if (typeof v !== 'string' || !v.trim()) throw new UsageError({ zh: `缺少 --${name} ${what.zh}`, en: `missing --${name} ${what.en}` });
  return v;
}

function issuerText(row: PolicyRow): Bilingual {
  if (row.issuer.own) return { zh: '本单位', en: 'this office' };
  const tag = row.issuer.anchor ? { zh: '新区下发', en: 'from the New Area' } : { zh: '外单位', en: 'another office' };
  return { zh: `${tag.zh}：${row.issuer.name}（${row.issuer.code}）`, en: `${tag.en}: ${row.issuer.name} (${row.issuer.code})` };
}

function printList(run: Run, list: PolicyList): void {
  const inForce = list.items.find((i) => i.id === list.inForceId);
  run.out({
    zh: `规则版本（${list.month} 适用：${inForce ? `${inForce.version}，${inForce.id}` : list.inForceId}）`,
    en: `Policy versions (in force in ${list.month}: ${inForce ? `${inForce.version}, ${inForce.id}` : list.inForceId})`,
  });
  for (const r of list.items) {
    const marks: Bilingual[] = [];
    if (r.inForce) marks.push({ zh: '适用中', en: 'in force' });
    if (r.pending) marks.push({ zh: '尚未生效', en: 'not yet in force' });
    if (r.builtIn) marks.push({ zh: '默认规则', en: 'default' });
    if (!r.applies) marks.push({ zh: '不适用于本单位干部', en: 'not for this office’s cadres' });
    const span = r.until ? { zh: `${r.effectiveFrom} 至 ${r.until}`, en: `${r.effectiveFrom} to ${r.until}` } : { zh: `自 ${r.effectiveFrom} 起`, en: `from ${r.effectiveFrom}` };
    const who = issuerText(r);
    run.out(
      run.lang === 'zh'
        ? `  ${r.id}  版本 ${r.version}  ${span.zh}  ${who.zh}${marks.length ? `  [${marks.map((m) => m.zh).join('，')}]` : ''}  ${r.label.zh}${r.note ? `：${r.note}` : ''}`
        : `  ${r.id}  version ${r.version}  ${span.en}  ${who.en}${marks.length ? `  [${marks.map((m) => m.en).join(', ')}]` : ''}  ${r.label.en}${r.note ? `: ${r.note}` : ''}`,
    );
  }
  for (const w of list.withdrawn) {
    run.out({
      zh: `  ${w.id}  版本 ${w.version}（原定 ${w.effectiveFrom} 起）已撤回：${w.reason}（${w.by}，${w.at.slice(0, 10)}）`,
      en: `  ${w.id}  version ${w.version} (was to start ${w.effectiveFrom}) withdrawn: ${w.reason} (${w.by}, ${w.at.slice(0, 10)})`,
    });
  }
}

function printDocument(run: Run, row: PolicyRow, document: PolicyVersion): void {
  const t = (b: Bilingual) => b[run.lang];
  run.out(`${t(row.label)}  ${row.id}  ${run.lang === 'zh' ? `版本 ${row.version}，自 ${row.effectiveFrom} 起` : `version ${row.version}, from ${row.effectiveFrom}`}  ${t(issuerText(row))}`);
  if (row.note) run.out(`${run.lang === 'zh' ? '说明：' : 'Note: '}${row.note}`);
  for (const section of policySections) {
    run.out('');
    run.out(run.lang === 'zh' ? `【${section.title.zh}】` : `[${section.title.en}]`);
    for (const f of section.fields) run.out(`  ${t(f.label)}${run.lang === 'zh' ? '：' : ': '}${t(policyValueText(f, valueAt(document, f.keys)))}`);
  }
}

function printIssued(run: Run, out: IssuePolicyOutput): void {
  const v = out.version;
  if (!out.issued) run.out({ zh: '预览（尚未发布）：', en: 'Preview (not issued):' });
  run.out({
    zh: `${out.issued ? '已发布' : '将发布'}规则版本 ${v.version}（${v.id}），自 ${v.effectiveFrom} 起生效，依据 ${v.basedOnId}。改动 ${out.changes.length} 项：`,
    en: `${out.issued ? 'Issued' : 'Would issue'} policy version ${v.version} (${v.id}), in force from ${v.effectiveFrom}, based on ${v.basedOnId}. ${out.changes.length} change(s):`,
  });
  for (const c of out.changes) {
    const f = policyFieldOf(c.path);
    const label = policyPathLabel(c.path);
    run.out(`  ${label[run.lang]}${run.lang === 'zh' ? '：' : ': '}${policyValueText(f, c.before)[run.lang]} → ${policyValueText(f, c.after)[run.lang]}`);
  }
  for (const w of out.warnings) run.err({ zh: `注意：${w.message.zh}`, en: `Note: ${w.message.en}` });
}

export async function cmdPolicy(run: Run): Promise<number> {
  const [sub, ...rest] = run.args.positionals;
  const arity = (n: number) => {
    if (rest.length !== n) throw usageError();
  };
  switch (sub) {
    case 'list': {
      arity(0);
      onlyFlags(run, ['month']);
      const month = run.args.flags.has('month') ? monthFlag(run, 'month') : undefined;
      return callAs(run, 'policy.list', {}, async (call) => {
        printList(run, await call<PolicyList>('policy.list', month ? { month } : {}));
        return exitCodes.ok;
      });
    }
    case 'show': {
      arity(1);
      onlyFlags(run, ['json']);
      return callAs(run, 'policy.get', rest[0], async (call) => {
        const got = await call<{ row: PolicyRow; document: PolicyVersion }>('policy.get', { id: rest[0] });
        if (run.args.flags.has('json')) run.io.stdout.write(JSON.stringify(got.document, null, 2) + '\n');
        else printDocument(run, got.row, got.document);
        return exitCodes.ok;
      });
    }
    case 'export': {
      arity(2);
      onlyFlags(run, []);
      const out = filePath(run, rest[1]);
      return callAs(run, 'policy.get', rest[0], async (call) => {
        const got = await call<{ document: PolicyVersion }>('policy.get', { id: rest[0] });
        await writeFile(out, JSON.stringify(got.document, null, 2) + '\n');
        run.out({
          zh: `已写出规则版本 ${got.document.version}（${got.document.id}）：${out}\n修改其中的数值后，用 policy issue ${rest[1]} --based-on ${got.document.id} --version 新版本号 --from YYYY-MM --note 说明 发布。`,
          en: `Wrote policy version ${got.document.version} (${got.document.id}): ${out}\nEdit its numbers, then issue it with policy issue ${rest[1]} --based-on ${got.document.id} --version NEW --from YYYY-MM --note TEXT.`,
        });
        return exitCodes.ok;
      });
    }
    case 'issue': {
      arity(1);
      onlyFlags(run, ['based-on', 'version', 'from', 'note', 'preview']);
      const basedOn = stringFlag(run, 'based-on', { zh: '所依据的版本编号', en: 'ID' });
      const version = stringFlag(run, 'version', { zh: '版本号', en: 'V' });
      const effectiveFrom = monthFlag(run, 'from');
      const note = stringFlag(run, 'note', { zh: '说明（会议及文号）', en: 'TEXT' });
      const text = await readFile(filePath(run, rest[0]), 'utf8');
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch (e) {
        throw new LedgerError('VALIDATION', { zh: `文件不是有效的 JSON：${(e as Error).message}`, en: `the file is not valid JSON: ${(e as Error).message}` });
      }
      if (!document || typeof document !== 'object' || Array.isArray(document)) {
        throw new LedgerError('VALIDATION', { zh: '文件应为一个规则版本（JSON 对象），可用 policy export 得到', en: 'the file must hold one policy version (a JSON object), as policy export writes' });
      }
      const dryRun = run.args.flags.has('preview');
      return callAs(run, 'policy.issue', version, async (call) => {
        // The file's name (label) is kept when it has one: an office renames its version by editing it.
        const label = (document as { label?: unknown }).label;
        const named = label && typeof label === 'object' && 'zh' in label && 'en' in label ? { label } : {};
        const out = await call<IssuePolicyOutput>('policy.issue', { basedOn, version, effectiveFrom, note, document, dryRun, ...named });
        printIssued(run, out);
        return exitCodes.ok;
      });
    }
    case 'withdraw': {
      arity(1);
      onlyFlags(run, ['reason']);
      const reason = stringFlag(run, 'reason', { zh: '撤回原因', en: 'TEXT' });
      return callAs(run, 'policy.withdraw', rest[0], async (call) => {
        const out = await call<{ id: string; revisionId: string }>('policy.withdraw', { id: rest[0], reason });
        run.out({ zh: `已撤回规则版本 ${out.id}（历史记录 ${out.revisionId}）。`, en: `Withdrew policy version ${out.id} (history ${out.revisionId}).` });
        return exitCodes.ok;
      });
    }
    default:
      throw usageError();
  }
}
