// `cadre-ledger export-package --to CODE OUT [--since YYYY-MM-DD --until YYYY-MM-DD] [--plain]`:
// writes a signed package of what office CODE has not acknowledged (or of a date range),
// encrypted for it unless --plain (docs/SYNC.md).
import { writeFile } from 'node:fs/promises';
import { officeCodeSchema } from '../../../shared/sync/schema';
import { exportPackage } from '../../sync/exchange';
import { exitCodes, UsageError } from '../io';
import { filePath, onlyFlags, positionals, withStore, type Run } from '../run';

export async function cmdExportPackage(run: Run): Promise<number> {
  const [out] = positionals(run, [{ zh: '输出文件', en: 'OUT' }], 'export-package --to CODE OUT [--since YYYY-MM-DD --until YYYY-MM-DD] [--plain]');
  onlyFlags(run, ['to', 'since', 'until', 'plain']);
  const to = run.args.flags.get('to');
  if (typeof to !== 'string' || !officeCodeSchema.safeParse(to).success) {
    throw new UsageError({ zh: '缺少 --to 单位代码（如 XQ）', en: 'missing --to OFFICE-CODE (e.g. XQ)' });
  }
  const since = run.args.flags.get('since');
  const until = run.args.flags.get('until');
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if ((since !== undefined || until !== undefined) && !(typeof since === 'string' && typeof until === 'string' && date.test(since) && date.test(until))) {
    throw new UsageError({ zh: '--since 与 --until 须同时给出，格式 YYYY-MM-DD', en: '--since and --until go together, as YYYY-MM-DD' });
  }
  const path = filePath(run, out);
  const now = (run.io.now ?? (() => new Date()))();
  return withStore(run, async (store, user) => {
    const r = await exportPackage(store, to, {
      now,
      selection: typeof since === 'string' ? { kind: 'dates', from: since, to: until as string } : { kind: 'unacknowledged' },
      encrypt: !run.args.flags.has('plain'),
      user,
    });
    await writeFile(path, r.bytes);
    run.out({
      zh: `已写出发给 ${to} 的数据包（${r.entries} 条记录${r.encrypted ? '，已加密' : ''}，${r.bytes.length} 字节）：${path}`,
      en: `Wrote the package for ${to} (${r.entries} entries${r.encrypted ? ', encrypted' : ''}, ${r.bytes.length} bytes): ${path}`,
    });
    return exitCodes.ok;
  });
}
