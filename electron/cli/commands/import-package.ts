// `cadre-ledger import-package FILE… [--preview]`: verifies every package file, then imports them
// in one commit; prints per office how many entries were new, already held, held back for a gap,
// in conflict and refused. Exits non-zero when a file is refused (docs/SYNC.md).
import { readFile } from 'node:fs/promises';
import { importPackages } from '../../sync/exchange';
import { exitCodes, UsageError } from '../io';
import { filePath, onlyFlags, withStore, type Run } from '../run';

export async function cmdImportPackage(run: Run): Promise<number> {
  onlyFlags(run, ['preview']);
  const names = run.args.positionals;
  if (names.length === 0) throw new UsageError({ zh: '用法：cadre-ledger --data 目录 import-package 文件…', en: 'usage: cadre-ledger --data DIR import-package FILE…' });
  const files = await Promise.all(names.map(async (n) => ({ name: n, bytes: await readFile(filePath(run, n)) })));
  const now = (run.io.now ?? (() => new Date()))();
  return withStore(run, async (store, user) => {
    const preview = run.args.flags.has('preview');
    const r = await importPackages(store, files, { now, preview, user });
    for (const f of r.files) if (!f.ok) run.err({ zh: `已拒绝 ${f.file}：${f.message!.zh}`, en: `Refused ${f.file}: ${f.message!.en}` });
    for (const o of r.offices) {
      run.out({
        zh: `${o.name}（${o.office}）：新增 ${o.new}，已有 ${o.held}，暂存（缺包）${o.gap}，冲突 ${o.conflict}，拒绝 ${o.refused}`,
        en: `${o.name} (${o.office}): new ${o.new}, already held ${o.held}, held back ${o.gap}, conflict ${o.conflict}, refused ${o.refused}`,
      });
      for (const m of o.messages) run.out(`  ${run.t(m)}`);
    }
    run.out(
      preview
        ? { zh: '（预览：未做任何修改）', en: '(preview: nothing was changed)' }
        : r.committed
          ? { zh: '已导入（一次提交）。', en: 'Imported (one commit).' }
          : { zh: '没有新内容，台账未变。', en: 'Nothing new; the ledger is unchanged.' },
    );
    return r.files.some((f) => !f.ok) ? exitCodes.failed : exitCodes.ok;
  });
}
