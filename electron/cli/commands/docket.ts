// `cadre-ledger docket --as-of YYYY-MM [--office CODE] OUT.docx`: the docket (会议议题) proposed from
// that month's open findings, as the meeting screen proposes it (docs/MEETINGS.md), written as a
// .docx. At the New Area `--office` prepares a meeting about one township's cadres and units.
import { writeFile } from 'node:fs/promises';
import { createViewEngine } from '../../../shared/views/engineBinding';
import { todayOf } from '../../services/context';
import { docketDocument, proposedMeeting } from '../../services/documents';
import { exitCodes } from '../io';
import { filePath, monthFlag, officeFlag, onlyFlags, positionals, withStore, type Run } from '../run';

export async function cmdDocket(run: Run): Promise<number> {
  const [out] = positionals(run, [{ zh: '输出文件', en: 'OUT.docx' }], 'docket --as-of YYYY-MM [--office CODE] OUT.docx');
  onlyFlags(run, ['as-of', 'office']);
  const asOf = monthFlag(run, 'as-of');
  const path = filePath(run, out);
  return withStore(run, async (store) => {
    const engine = createViewEngine(() => store.revision, (revision) => store.changesSince?.(revision));
    const office = officeFlag(run, store.state());
    // One office's partition: its cadres and units, its findings (views/officeScope.ts).
    const state = office ? engine.partition(store.state(), office.code) : store.state();
    const today = todayOf((run.io.now ?? (() => new Date()))());
    const meeting = { ...proposedMeeting(state, engine, asOf, today), ...(office ? { office: office.code } : {}) };
    const doc = await docketDocument(state, engine, meeting, today);
    await writeFile(path, Buffer.from(doc.base64, 'base64'));
    run.out({
      zh: `已生成${office ? ` ${office.name}（${office.code}）` : ''} ${asOf} 的会议议题（${meeting.items.length} 项）：${path}`,
      en: `Wrote the docket proposed for ${office ? `${office.name} (${office.code}), ` : ''}${asOf} (${meeting.items.length} items): ${path}`,
    });
    return exitCodes.ok;
  });
}
