// 会议纪要 / 决定: the header, the opening paragraph, then per item the decision, votes, note, what
// was recorded and any later correction; the status line and the issuer's signature at the end.
import type { MinutesModel } from '../../shared/documents/minutes';
import { blank, body, heading1, heading2, labelled, officialDocument, signature, table, title, type Block } from './layout';

export function renderMinutes(model: MinutesModel): Promise<Buffer> {
  const blocks: Block[] = [...title(model.title)];
  blocks.push(table({ widths: [1, 4], keepTogether: true, rows: model.header.map(([k, v]) => [{ text: k, label: true }, v]) }), blank());
  blocks.push(body(model.opening));
  for (const group of model.groups) {
    blocks.push(heading1(group.heading));
    for (const item of group.items) {
      blocks.push(heading2(`${item.number}${item.title}`));
      if (item.subject) blocks.push(labelled('对象：', item.subject));
      blocks.push(labelled(`决定（${item.decisionLabel}）：`, item.decision));
      if (item.votes) blocks.push(body(item.votes));
      if (item.note) blocks.push(labelled('备注：', item.note));
      if (item.recorded) blocks.push(body(item.recorded));
      for (const c of item.corrections) blocks.push(body(c, { bold: true }));
    }
  }
  if (model.corrections.length) {
    blocks.push(heading1('更正事项'));
    for (const c of model.corrections) blocks.push(body(c));
  }
  blocks.push(body(model.status));
  blocks.push(...signature(model.issuer, model.date));
  return officialDocument({ title: model.title, subject: '会议纪要', sections: [blocks] });
}
