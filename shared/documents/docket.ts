// 会议议题 (the docket) as a document: the meeting's header, then the items grouped as such
// meetings take them (一、奖励 …), numbered within each group (（一）…), each with its subject, the
// proposed action and its basis; a case-file summary after an item when the officer attached one.
import type { DocketGroup, DocketItem, Meeting } from '../domain/meetings';
import type { LedgerState } from '../ledger/collections';
import { cadreFacts } from './cadreFacts';
import { chineseDate, cadreIntro, defaultIssuer, level1, level2, listJoin, meetingTypeLabels, sentence, subjectNameOf } from './text';

/** A case-file summary as the docket prints it: a two-column table, then paragraphs. */
export interface CaseFileSummaryForDocument {
  rows: Array<[label: string, value: string]>;
  lines?: string[];
}

export const docketGroupHeadings: Record<DocketGroup, string> = {
  rewards: '奖励事项（嘉奖、记功、提高薪酬）',
  promotion: '提拔人选',
  talks: '提醒谈话、函询、诫勉',
  warnings: '预警与观察期',
  adjustments: '调整事项（过渡性安置、调整岗位、降职、免职、辞退）',
  reascend: '重新使用',
  trials: '试用期满考核',
  releases: '处分期满解除',
  grades: '年度考核等次更正与优秀比例',
  free: '其他议题',
};

export const freeKindLabels = { motion: '动议', inspectionTargets: '确定考察对象', other: '其他' } as const;

export interface DocketItemView {
  id: string;
  /** （一） */
  number: string;
  title: string;
  /** 张三（城关镇党政办主任） or the unit's name; empty for a free item about no one. */
  subject: string;
  /** 动议 / 确定考察对象 / 其他 for a free item. */
  kind?: string;
  proposal: string;
  basis: string;
  /** 相关记录：S0001、M0003 */
  evidence: string;
  caseFile?: CaseFileSummaryForDocument;
}

export interface DocketModel {
  fileName: string;
  title: string;
  /** 会议时间、地点、主持人、记录人、参会人员. */
  header: Array<[label: string, value: string]>;
  issuer: string;
  groups: Array<{ heading: string; group: DocketGroup; items: DocketItemView[] }>;
  itemCount: number;
}

export interface DocketModelInput {
  meeting: Meeting;
  state: LedgerState;
  caseFiles?: ReadonlyMap<string, CaseFileSummaryForDocument>;
  issuer?: string;
}

/** Items grouped in the order the groups first appear in the docket (the officer's order), items in order. */
export function groupItems(items: readonly DocketItem[]): Array<{ group: DocketGroup; items: DocketItem[] }> {
  const groups = new Map<DocketGroup, DocketItem[]>();
  for (const item of items) {
    const list = groups.get(item.group) ?? [];
    list.push(item);
    groups.set(item.group, list);
  }
  return [...groups].map(([group, list]) => ({ group, items: list }));
}

/** What the ledger holds about the cadre, when the officer attached the case file but none was passed. */
export function ledgerCaseFile(state: LedgerState, cadreId: string, today: string): CaseFileSummaryForDocument | undefined {
  if (!state.cadres.has(cadreId)) return undefined;
  const f = cadreFacts(state, cadreId, { today });
  return {
    rows: [
      ['姓名', f.name],
      ['单位', f.unit],
      ['职务', f.position],
      ['职级', f.rankLevel],
      ['人员类别', f.category],
      ['任现职时间', f.appointedOn],
      ['近年年度考核', f.grades || '无记录'],
      ['奖惩情况', f.rewardsAndPenalties.join('\n') || '无'],
    ],
  };
}

export function meetingHeader(meeting: Meeting): Array<[string, string]> {
  return [
    ['会议名称', `${meeting.title}（${meetingTypeLabels[meeting.type]}）`],
    ['会议时间', chineseDate(meeting.date)],
    ['会议地点', meeting.place],
    ['主持人', meeting.chair],
    ['记录人', meeting.recorder],
    ['参会人员', listJoin(meeting.attendees)],
  ].filter(([, v]) => v !== '') as Array<[string, string]>;
}

export function docketModel(input: DocketModelInput): DocketModel {
  const { meeting, state } = input;
  const groups = groupItems(meeting.items).map((g, gi) => ({
    group: g.group,
    heading: `${level1(gi + 1)}${docketGroupHeadings[g.group]}`,
    items: g.items.map((item, i): DocketItemView => {
      const cadre = item.subject?.type === 'cadre' ? state.cadres.get(item.subject.id) : undefined;
      const caseFile = item.attachCaseFile
        ? (input.caseFiles?.get(item.id) ?? (cadre ? ledgerCaseFile(state, cadre.id, meeting.date) : undefined))
        : undefined;
      return {
        id: item.id,
        number: level2(i + 1),
        title: item.title,
        subject: cadre ? cadreIntro(state, cadre) : subjectNameOf(state, item.subject, item.subjectName),
        kind: item.freeKind ? freeKindLabels[item.freeKind] : undefined,
        proposal: sentence(item.proposal),
        basis: sentence(item.basis),
        evidence: item.evidenceIds.length ? listJoin(item.evidenceIds) : '',
        ...(caseFile ? { caseFile } : {}),
      };
    }),
  }));
  const title = /议题$/.test(meeting.title) ? meeting.title : `${meeting.title}议题`;
  return {
    fileName: `会议议题-${meeting.id}.docx`,
    title,
    header: meetingHeader(meeting),
    issuer: input.issuer ?? defaultIssuer,
    groups,
    itemCount: meeting.items.length,
  };
}
