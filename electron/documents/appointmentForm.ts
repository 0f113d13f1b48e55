// 干部任免审批表 in the layout of the national form (中组部 式样): page one — identity, education,
// posts and 简历; page two — 奖惩情况, 年度考核结果, 任免理由, 家庭主要成员, the approval boxes.
// Fields the ledger does not hold carry the model's "（待填）".
import type { AppointmentFormModel } from '../../shared/documents/appointmentForm';
import { addressee, body, officialDocument, pageBreak, table, title, type Block, type CellSpec } from './layout';

const L = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({ text, label: true, ...extra });
const V = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({ text, align: 'center', ...extra });

/** Seven grid columns: label, value, label, value, label, value, photo. */
const widths = [1.25, 1.45, 1.3, 1.45, 1.3, 1.35, 1.7];

export function appointmentFormBlocks(m: AppointmentFormModel): Block[] {
  const t = m.toFill;
  const first = table({
    widths,
    text: 'form',
    minRowHeight: 620,
    rowHeights: { 10: 4500 },
    rows: [
      [L('姓  名'), V(m.name, { bold: true }), L('性  别'), V(t), L('出生年月\n（  岁）'), V(t), V(`照片\n${t}`, { rowSpan: 4 })],
      [L('民  族'), V(t), L('籍  贯'), V(t), L('出 生 地'), V(t)],
      [L('入  党\n时  间'), V(t), L('参加工\n作时间'), V(t), L('健康状况'), V(t)],
      [L('专业技\n术职务'), V(t, { columnSpan: 2 }), L('熟悉专业\n有何专长'), V(t, { columnSpan: 2 })],
      [L('学  历\n学  位', { rowSpan: 2 }), L('全日制\n教  育'), V(t, { columnSpan: 2 }), L('毕业院校\n系及专业'), V(t, { columnSpan: 2 })],
      [L('在  职\n教  育'), V(t, { columnSpan: 2 }), L('毕业院校\n系及专业'), V(t, { columnSpan: 2 })],
      [L('现任职务'), { text: m.currentPost, columnSpan: 6 }],
      [L('现 职 级'), V(m.rankLevel), L('人员类别'), V(m.category), L('任现职\n时  间'), V(m.appointedOn, { columnSpan: 2 })],
      [L('拟任职务'), { text: m.proposedPost, columnSpan: 6 }],
      [L('拟免职务'), { text: m.proposedRemoval, columnSpan: 6 }],
      [L('简\n\n\n历'), { text: t, columnSpan: 6, align: 'left' }],
    ],
  });
  const family = Array.from({ length: m.familyRows }, (_, i) => [
    V(i === 0 ? t : ''),
    V(''),
    V(''),
    V(''),
    V('', { columnSpan: 2 }),
  ]);
  const second = table({
    widths,
    text: 'form',
    minRowHeight: 520,
    // 奖惩情况, 年度考核结果, 任免理由, then after the family rows the three approval boxes.
    rowHeights: { 0: 1800, 1: 700, 2: 1800, [4 + m.familyRows]: 1300, [5 + m.familyRows]: 1300, [6 + m.familyRows]: 1300 },
    rows: [
      [L('奖\n惩\n情\n况'), { text: m.rewardsAndPenalties, columnSpan: 6 }],
      [L('年度考\n核结果'), { text: m.annualGrades, columnSpan: 6 }],
      [L('任\n免\n理\n由'), { text: m.reason, columnSpan: 6 }],
      [L('家庭主要\n成员及\n重要社会\n关系', { rowSpan: m.familyRows + 1 }), L('称  谓'), L('姓  名'), L('出生\n年月'), L('政治\n面貌'), L('工作单位及职务', { columnSpan: 2 })],
      ...family,
      [L('呈报\n单位'), { text: `${t}\n\n（盖章）\n年    月    日`, columnSpan: 6, align: 'right' }],
      [L('审批机\n关意见'), { text: `${t}\n\n（盖章）\n年    月    日`, columnSpan: 6, align: 'right' }],
      [L('行政机\n关任免\n意  见'), { text: `${t}\n\n（盖章）\n年    月    日`, columnSpan: 6, align: 'right' }],
    ],
  });
  return [...title('干部任免审批表'), first, pageBreak(), second, addressee(`填表人：${t}`)];
}

/** One form per cadre, each on its own pages. */
export function renderAppointmentForms(models: readonly AppointmentFormModel[]): Promise<Buffer> {
  return officialDocument({
    title: '干部任免审批表',
    subject: '干部任免审批表',
    sections: models.length ? models.map(appointmentFormBlocks) : [[...title('干部任免审批表'), body('本次会议没有提拔或调整议题。')]],
  });
}
