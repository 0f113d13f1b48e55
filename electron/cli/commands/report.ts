// `cadre-ledger report --from YYYY-MM --to YYYY-MM [--office CODE] [--json] [--docx OUT.docx]`: the
// meeting statistics (DOMAIN.md §4.4) as a table, as JSON, or as the period report in prose (.docx)
// built from the same figures. At the New Area `--office` counts one township's cadres only, as
// that township counts them itself (the same computation as reports.meeting).
import { writeFile } from 'node:fs/promises';
import { periodReportModel } from '../../../shared/documents/periodReport';
import { officeMeetingStatistics } from '../../../shared/reports/meeting';
import { createViewEngine } from '../../../shared/views/engineBinding';
import { todayOf } from '../../services/context';
import { renderPeriodReport } from '../../documents/periodReport';
import { exitCodes, UsageError } from '../io';
import { filePath, monthFlag, officeFlag, onlyFlags, positionals, withStore, type Run } from '../run';

export async function cmdReport(run: Run): Promise<number> {
  positionals(run, [], 'report --from YYYY-MM --to YYYY-MM [--office CODE] [--json] [--docx OUT.docx]');
  onlyFlags(run, ['from', 'to', 'office', 'json', 'docx']);
  const from = monthFlag(run, 'from');
  const to = monthFlag(run, 'to');
  if (from > to) throw new UsageError({ zh: '--from 不能晚于 --to', en: '--from must not be after --to' });
  const docx = run.args.flags.get('docx');
  if (docx === true || docx === '') throw new UsageError({ zh: '--docx 需要输出文件名', en: '--docx needs an output file' });
  return withStore(run, async (store) => {
    const state = store.state();
    const engine = createViewEngine(() => store.revision);
    const office = officeFlag(run, state);
    const stats = officeMeetingStatistics(state, engine, from, to, office?.code);
    if (typeof docx === 'string') {
      const path = filePath(run, docx);
      const model = periodReportModel({ statistics: stats, today: todayOf((run.io.now ?? (() => new Date()))()) });
      await writeFile(path, await renderPeriodReport(model));
      run.out({ zh: `已生成情况报告（${from} 至 ${to}）：${path}`, en: `Wrote the period report (${from} to ${to}): ${path}` });
      return exitCodes.ok;
    }
    if (run.args.flags.has('json')) {
      run.io.stdout.write(JSON.stringify(stats, null, 2) + '\n');
      return exitCodes.ok;
    }
    const whose = office ? { zh: `${office.name}（${office.code}）`, en: `${office.name} (${office.code}), ` } : { zh: '', en: '' };
    run.out({ zh: `${whose.zh}干部工作会议统计（${from} 至 ${to}）`, en: `Meeting statistics (${whose.en}${from} to ${to})` });
    const width = Math.max(...stats.items.map((i) => displayWidth(run.t(i.label))));
    for (const item of stats.items) {
      const label = run.t(item.label);
      const unit = run.t(item.counts === 'records' ? { zh: '人次/件', en: 'cases' } : { zh: '人', en: 'cadres' });
      const ids = item.counts === 'records' ? item.recordIds : item.cadreIds;
      const shown = ids.slice(0, 8).join(', ') + (ids.length > 8 ? ', …' : '');
      run.out(`  ${label}${' '.repeat(width - displayWidth(label))}  ${String(item.count).padStart(5)} ${unit}${shown ? `  [${shown}]` : ''}`);
    }
    return exitCodes.ok;
  });
}

/** Terminal columns: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
