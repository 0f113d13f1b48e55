// The period report: title, opening, the three sections of prose, then 附表 with every count, its
// unit and its basis (the same numbers as the statistics page), and the signature.
import type { PeriodReportModel } from '../../shared/documents/periodReport';
import { attachmentLabel, blank, body, heading1, officialDocument, pageBreak, signature, table, title, type Block } from './layout';

export function renderPeriodReport(model: PeriodReportModel): Promise<Buffer> {
  const blocks: Block[] = [...title(model.title), body(model.opening)];
  for (const section of model.sections) {
    blocks.push(heading1(section.heading));
    for (const p of section.paragraphs) blocks.push(body(p));
  }
  if (model.caveat) blocks.push(body(model.caveat));
  // 附件说明 under the body (§7.3.4), the attachment on a page of its own (§8).
  blocks.push(blank(), body('附件：干部能上能下工作统计表'));
  blocks.push(...signature(model.issuer, model.date));
  blocks.push(pageBreak(), attachmentLabel('附件'), blank(), ...title('干部能上能下工作统计表'));
  blocks.push(
    table({
      widths: [3, 1.2, 5],
      header: [['项目', '数量', '统计口径']],
      rows: model.figures.map((f) => [f.label, { text: `${f.count}${f.unit}`, align: 'center' }, f.basis]),
    }),
  );
  return officialDocument({ title: model.title.replace('\n', ''), subject: '情况报告', sections: [blocks] });
}
