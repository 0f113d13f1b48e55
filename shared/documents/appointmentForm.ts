// 干部任免审批表 for a promotion or adjustment item: the national form's fields, filled with what
// the ledger holds (name, unit and post, rank level, category, appointed on, recent annual grades,
// rewards and penalties, the reason from the item's basis) and the rest left for the officer,
// marked "（待填）". The list of those fields is `fieldsLeftToFill` (and docs/DOCUMENTS.md).
import type { DocketItem, Meeting } from '../domain/meetings';
import type { IsoDate } from '../domain/primitives';
import type { MeasureKind } from '../domain/records';
import type { LedgerState } from '../ledger/collections';
import { cadreFacts } from './cadreFacts';
import { notFound } from './errors';
import { sentence, toFill } from './text';

/** Fields of the national form the ledger does not hold: printed empty, marked (待填). */
export const fieldsLeftToFill = [
  '性别',
  '出生年月（岁）',
  '民族',
  '籍贯',
  '出生地',
  '入党时间',
  '参加工作时间',
  '健康状况',
  '专业技术职务',
  '熟悉专业有何专长',
  '学历学位（全日制教育、在职教育，毕业院校系及专业）',
  '简历',
  '家庭主要成员及重要社会关系',
  '照片',
  '呈报单位',
  '审批机关意见',
  '行政机关任免意见',
  '填表人',
] as const;

/** Measures that leave the current post (拟免) and those that give a new one (拟任). */
const leavesPost: MeasureKind[] = ['removal', 'demotion', 'positionAdjustment', 'transitionalPlacement', 'rankReassignment', 'downwardExchange', 'dismissal', 'immediateExit', 'retirement'];
const givesPost: MeasureKind[] = ['promotion', 'demotion', 'positionAdjustment', 'rankReassignment', 'downwardExchange', 'transitionalPlacement', 'identityTransfer'];

export interface AppointmentFormModel {
  fileName: string;
  cadreId: string;
  itemId?: string;
  name: string;
  /** 现任职务: unit and post. */
  currentPost: string;
  rankLevel: string;
  category: string;
  appointedOn: string;
  /** 拟任职务 / 拟免职务: from the item's proposal and the current post, else (待填). */
  proposedPost: string;
  proposedRemoval: string;
  rewardsAndPenalties: string;
  annualGrades: string;
  reason: string;
  /** Every field the ledger does not hold reads this. */
  toFill: string;
  /** Rows of 家庭主要成员 printed empty. */
  familyRows: number;
}

export interface AppointmentFormInput {
  state: LedgerState;
  cadreId: string;
  meeting?: Meeting;
  item?: DocketItem;
  today: IsoDate;
}

export function appointmentFormModel(input: AppointmentFormInput): AppointmentFormModel {
  const { state, item } = input;
  if (!state.cadres.has(input.cadreId)) throw notFound({ zh: '干部', en: 'cadre' }, input.cadreId, 'cadreId');
  const f = cadreFacts(state, input.cadreId, { today: input.today, years: 3 });
  const currentPost = `${f.unit}${f.position}`;
  // What the meeting decided, when it amended the proposal; else what was proposed.
  const amended = item?.decision?.value === 'approvedAmended' ? item.decision : undefined;
  const kind = amended?.amendedKind ?? item?.proposedKind ?? (item?.group === 'promotion' || item?.group === 'reascend' ? 'promotion' : null);
  const proposal = (amended?.amendedProposal || item?.proposal || '').trim().replace(/[。.]$/, '');
  return {
    fileName: `干部任免审批表-${f.name}-${input.cadreId}.docx`,
    cadreId: input.cadreId,
    itemId: item?.id,
    name: f.name,
    currentPost: currentPost || toFill,
    rankLevel: f.rankLevel || toFill,
    category: f.category,
    appointedOn: f.appointedOn || toFill,
    proposedPost: kind && givesPost.includes(kind) && proposal ? proposal : toFill,
    proposedRemoval: kind && leavesPost.includes(kind) && currentPost ? currentPost : toFill,
    rewardsAndPenalties: f.rewardsAndPenalties.length ? f.rewardsAndPenalties.join('；\n') : '无',
    annualGrades: f.grades || toFill,
    reason: item?.basis ? sentence(item.basis) : toFill,
    toFill,
    familyRows: 5,
  };
}

/** Forms for a meeting's promotion, adjustment and rising-again items about a cadre, in docket order. */
export function appointmentFormsForMeeting(input: { meeting: Meeting; state: LedgerState; today: IsoDate }): AppointmentFormModel[] {
  return input.meeting.items
    .filter((i) => (i.group === 'promotion' || i.group === 'adjustments' || i.group === 'reascend') && i.subject?.type === 'cadre' && input.state.cadres.has(i.subject.id))
    .map((item) => appointmentFormModel({ state: input.state, cadreId: item.subject!.id, meeting: input.meeting, item, today: input.today }));
}
