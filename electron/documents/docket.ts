// 会议议题: the docket as the meeting reads it. The header as a small table, then each group
// (一、黑体), each item (（一）楷体) with its subject, proposal, basis and records, and the case-file
// summary the officer attached.
import type { DocketModel } from '../../shared/documents/docket';
import { blank, body, heading1, heading2, labelled, officialDocument, table, title, type Block } from './layout';

export function renderDocket(model: DocketModel): Promise<Buffer> {
  const blocks: Block[] = [...title(model.title)];
  blocks.push(table({ widths: [1, 4], keepTogether: true, rows: model.header.map(([k, v]) => [{ text: k, label: true }, v]) }), blank());
  if (model.itemCount === 0) blocks.push(body('本次会议暂无议题。'));
  for (const group of model.groups) {
    blocks.push(heading1(group.heading));
    for (const item of group.items) {
      blocks.push(heading2(`${item.number}${item.title}`));
      if (item.kind) blocks.push(labelled('议题类型：', item.kind));
      if (item.subject) blocks.push(labelled('对象：', item.subject));
      if (item.proposal) blocks.push(labelled('拟办意见：', item.proposal));
      if (item.basis) blocks.push(labelled('依据：', item.basis));
      if (item.evidence) blocks.push(labelled('相关记录：', item.evidence));
      if (item.caseFile) {
        blocks.push(labelled('干部档案摘要：', ''));
        blocks.push(table({ widths: [1.5, 4], rows: item.caseFile.rows.map(([k, v]) => [{ text: k, label: true }, v]) }));
        for (const line of item.caseFile.lines ?? []) blocks.push(body(line));
      }
    }
  }
  return officialDocument({ title: model.title, subject: '会议议题', sections: [blocks] });
}
