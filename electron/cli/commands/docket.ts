// `cadre-ledger docket --as-of YYYY-MM OUT.docx`: the docket (会议议题) proposed from that month's
// open findings, as the meeting screen proposes it (docs/MEETINGS.md), written as a .docx.
import { writeFile } from 'node:fs/promises';
import { createViewEngine } from '../../../shared/views/engineBinding';
import { todayOf } from '../../services/context';
import { docketDocument, proposedMeeting } from '../../services/documents';
import { exitCodes } from '../io';
import { filePath, monthFlag, onlyFlags, positionals, withStore, type Run } from '../run';

export async function cmdDocket(run: Run): Promise<number> {
  const [out] = positionals(run, [{ zh: '输出文件', en: 'OUT.docx' }], 'docket --as-of YYYY-MM OUT.docx');
  onlyFlags(run, ['as-of']);
  const asOf = monthFlag(run, 'as-of');
  const path = filePath(run, out);
  return withStore(run, async (store) => {
    const state = store.state();
    const engine = createViewEngine(() => store.revision);
    const today = todayOf((run.io.now ?? (() => new Date()))());
    const meeting = proposedMeeting(state, engine, asOf, today);
    const doc = await docketDocument(state, engine, meeting, today);
    await writeFile(path, Buffer.from(doc.base64, 'base64'));
    run.out({
      zh: `已生成 ${asOf} 的会议议题（${meeting.items.length} 项）：${path}`,
      en: `Wrote the docket proposed for ${asOf} (${meeting.items.length} items): ${path}`,
    });
    return exitCodes.ok;
  });
}
