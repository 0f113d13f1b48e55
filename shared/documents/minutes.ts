// 会议纪要 / 决定: after the meeting, what was decided on each item — the decision in the words a
// record uses, the votes, the note — and the corrections entered after confirmation, each beside
// the item it corrects.
import type { DecisionValue, DocketItem, Meeting } from '../domain/meetings';
import type { LedgerState } from '../ledger/collections';
import { docketGroupHeadings, groupItems, meetingHeader } from './docket';
import { cadreIntro, chineseDate, defaultIssuer, level1, level2, sentence, subjectNameOf } from './text';

export const decisionLabels: Record<DecisionValue, string> = {
  approved: '同意',
  rejected: '不同意',
  deferred: '暂缓',
  approvedAmended: '修改后同意',
};

export interface MinutesItemView {
  id: string;
  number: string;
  title: string;
  subject: string;
  /** 同意 / 不同意 / 暂缓 / 修改后同意, or 未作决定. */
  decisionLabel: string;
  /** The decision as the minutes word it: "会议同意……。" */
  decision: string;
  /** 表决结果：同意7票，反对0票，弃权1票。 (empty when no votes were recorded) */
  votes: string;
  note: string;
  /** What the decision recorded: 已记入干部档案（措施 M0123）. */
  recorded: string;
  corrections: string[];
}

export interface MinutesModel {
  fileName: string;
  title: string;
  header: Array<[label: string, value: string]>;
  /** 会议研究了以下议题 … (the opening paragraph). */
  opening: string;
  groups: Array<{ heading: string; items: MinutesItemView[] }>;
  /** Corrections not tied to an item. */
  corrections: string[];
  /** "本纪要为草稿，会议决定尚未确认。" while the meeting is a draft. */
  status: string;
  confirmed: boolean;
  issuer: string;
  date: string;
  decidedCount: number;
}

export interface MinutesModelInput {
  meeting: Meeting;
  state: LedgerState;
  issuer?: string;
}

function decisionText(item: DocketItem, proposal: string): string {
  const d = item.decision;
  if (!d) return '会议未对该议题作出决定。';
  switch (d.value) {
    case 'approved':
      // "拟给予张三嘉奖" reads as 会议同意给予张三嘉奖; other wording is quoted as the proposal.
      if (!proposal) return '会议同意该议题。';
      return /^(拟|建议)/.test(item.proposal.trim()) ? `会议同意${proposal}` : `会议同意拟办意见：${proposal}`;
    case 'rejected':
      return '会议不同意该议题。';
    case 'deferred':
      return '会议决定暂缓研究该议题。';
    case 'approvedAmended': {
      const amended = d.amendedProposal?.trim() || d.note;
      return amended ? `会议同意按修改后的意见办理：${sentence(amended)}` : `会议同意按修改后的意见办理${proposal ? `：${proposal}` : '。'}`;
    }
  }
}

function correctionLine(c: Meeting['corrections'][number]): string {
  const when = /^\d{4}-\d{2}-\d{2}/.test(c.at) ? chineseDate(c.at.slice(0, 10)) : c.at;
  return `更正（${when}，${c.by}）：${sentence(c.text)}`;
}

export function minutesModel(input: MinutesModelInput): MinutesModel {
  const { meeting, state } = input;
  const byItem = new Map<string, string[]>();
  const loose: string[] = [];
  for (const c of meeting.corrections) {
    if (c.itemId && meeting.items.some((i) => i.id === c.itemId)) byItem.set(c.itemId, [...(byItem.get(c.itemId) ?? []), correctionLine(c)]);
    else loose.push(correctionLine(c));
  }
  const groups = groupItems(meeting.items).map((g, gi) => ({
    heading: `${level1(gi + 1)}${docketGroupHeadings[g.group]}`,
    items: g.items.map((item, i): MinutesItemView => {
      const cadre = item.subject?.type === 'cadre' ? state.cadres.get(item.subject.id) : undefined;
      const proposal = sentence(item.proposal.replace(/^(拟|建议)/, ''));
      const d = item.decision;
      const recorded = d?.measureId
        ? `已记入干部档案（措施 ${d.measureId}）。`
        : d?.dismissalId
          ? `规则结论已按会议决定不予处理（记录 ${d.dismissalId}）。`
          : d?.sanctionId
            ? `已记录处分解除（处分 ${d.sanctionId}）。`
            : '';
      return {
        id: item.id,
        number: level2(i + 1),
        title: item.title,
        subject: cadre ? cadreIntro(state, cadre) : subjectNameOf(state, item.subject, item.subjectName),
        decisionLabel: d ? decisionLabels[d.value] : '未作决定',
        decision: decisionText(item, proposal),
        votes: d?.votes ? `表决结果：同意${d.votes.for}票，反对${d.votes.against}票，弃权${d.votes.abstain}票。` : '',
        note: d && d.note && !(d.value === 'approvedAmended' && !d.amendedProposal?.trim()) ? sentence(d.note) : '',
        recorded,
        corrections: byItem.get(item.id) ?? [],
      };
    }),
  }));
  const decidedCount = meeting.items.filter((i) => i.decision).length;
  const confirmed = meeting.status === 'confirmed';
  const base = meeting.title.replace(/(议题|纪要)$/, '');
  return {
    fileName: `会议纪要-${meeting.id}.docx`,
    title: `${base}纪要`,
    header: meetingHeader(meeting),
    opening: `${chineseDate(meeting.date)}，${meeting.chair ? `${meeting.chair}主持召开` : '召开'}${base}，研究了${meeting.items.length}项议题。现将会议决定事项纪要如下：`,
    groups,
    corrections: loose,
    status: confirmed
      ? `会议决定已于${meeting.confirmedAt ? chineseDate(meeting.confirmedAt.slice(0, 10)) : chineseDate(meeting.date)}确认${meeting.confirmedBy ? `（${meeting.confirmedBy}）` : ''}。`
      : '本纪要为草稿，会议决定尚未确认。',
    confirmed,
    issuer: input.issuer ?? defaultIssuer,
    date: chineseDate(meeting.date),
    decidedCount,
  };
}
