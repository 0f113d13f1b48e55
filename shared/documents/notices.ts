// Notices per decided measure: 提醒谈话通知, 函询通知, 诫勉决定, 观察期通知 (also for a warning),
// 过渡性安置决定 and 处分期满解除通知. The model words every paragraph from the record, the cadre
// and the meeting that decided it; each kind has its own template in electron/documents/notices.ts.
import type { DocketItem, Meeting } from '../domain/meetings';
import type { IsoDate } from '../domain/primitives';
import type { Cadre, Measure, MeasureKind, Sanction } from '../domain/records';
import { measureLabels, sanctionLabels } from '../engine/labels';
import type { LedgerState } from '../ledger/collections';
import { DocumentInputError, notFound } from './errors';
import { chineseDate, defaultIssuer, meetingTypeLabels, sentence, toFill, unitNameOf } from './text';

export const noticeKinds = ['reminderTalk', 'inquiry', 'admonishment', 'probation', 'transitionalPlacement', 'sanctionRelease'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeKindLabels: Record<NoticeKind, string> = {
  reminderTalk: '提醒谈话通知',
  inquiry: '函询通知',
  admonishment: '诫勉决定',
  probation: '观察期通知',
  transitionalPlacement: '过渡性安置决定',
  sanctionRelease: '处分期满解除通知',
};

/** The notice a decided measure gets, if any (a warning is notified like a probation). */
export function noticeKindOf(kind: MeasureKind): NoticeKind | undefined {
  switch (kind) {
    case 'reminderTalk':
    case 'inquiry':
    case 'admonishment':
    case 'probation':
    case 'transitionalPlacement':
      return kind;
    case 'warning':
      return 'probation';
    default:
      return undefined;
  }
}

export interface NoticeModel {
  kind: NoticeKind;
  /** The record the notice is about (a measure or a sanction). */
  recordId: string;
  cadreId: string;
  fileName: string;
  title: string;
  /** 文号 (the record's document number), or empty. */
  documentNo: string;
  /** 张三同志： — empty for a decision, which names the cadre in its first paragraph. */
  addressee: string;
  paragraphs: string[];
  /** The facts in a small table (时间、地点、期限、文号 …); "（待填）" where the ledger has none. */
  fields: Array<[label: string, value: string]>;
  /** For an inquiry: the reply slip (回复说明) the cadre returns. */
  reply?: { title: string; rows: Array<[label: string, value: string]> };
  issuer: string;
  date: string;
  /** 抄送 line of a decision. */
  copyTo: string;
}

export interface NoticeInput {
  state: LedgerState;
  measureId?: string;
  sanctionId?: string;
  meeting?: Meeting;
  itemId?: string;
  issuer?: string;
  today: IsoDate;
}

interface Context {
  cadre: Cadre;
  unit: string;
  /** 经2026年11月30日党工委会议研究， */
  decidedBy: string;
  /** Why, in the reader's words (the item's basis, else the measure's note). */
  basis: string;
  issuer: string;
  date: string;
}

function meetingAndItem(input: NoticeInput, measure?: Measure): { meeting?: Meeting; item?: DocketItem } {
  const meetingId = measure?.meetingId;
  const meeting = input.meeting ?? (meetingId ? input.state.meetings.get(meetingId) : undefined);
  if (!meeting) return {};
  const itemId = input.itemId ?? measure?.meetingItemId;
  const item =
    meeting.items.find((i) => i.id === itemId) ??
    meeting.items.find(
      (i) =>
        (measure && i.decision?.measureId === measure.id) ||
        (input.sanctionId && (i.decision?.sanctionId ?? i.sanctionId) === input.sanctionId),
    );
  return { meeting, item };
}

function contextOf(input: NoticeInput, cadreId: string, meeting: Meeting | undefined, item: DocketItem | undefined, note: string): Context {
  const cadre = input.state.cadres.get(cadreId);
  if (!cadre) throw notFound({ zh: '干部', en: 'cadre' }, cadreId, 'cadreId');
  const decidedBy = meeting ? `经${chineseDate(meeting.date)}${meetingTypeLabels[meeting.type]}研究，` : '经研究，';
  return {
    cadre,
    unit: unitNameOf(input.state, cadre.unitId),
    decidedBy,
    basis: (item?.basis || note).trim(),
    issuer: input.issuer ?? defaultIssuer,
    date: chineseDate(input.today),
  };
}

const post = (c: Context) => `${c.unit}${c.cadre.position}`;
/** The basis as the cadre reads it: the finding's closing recommendation (", 建议…") is the office's, not the notice's. */
const basisClause = (c: Context) => {
  // The month-by-month ranks in brackets are evidence for the meeting; the notice keeps the summary.
  const text = c.basis
    .replace(/（[^（）]*第\d+\/\d+名[^（）]*）/g, '')
    .replace(/[，,；;]\s*建议[^。]*[。.]?$/, '')
    .replace(/[。.]$/, '');
  return text ? `${text}。` : '';
};
const range = (from: string, to?: string) => (to ? `${chineseDate(from)}至${chineseDate(to)}` : `${chineseDate(from)}起`);

function measureNotice(input: NoticeInput, measure: Measure, kind: NoticeKind): NoticeModel {
  if (measure.subjectType !== 'cadre') {
    throw new DocumentInputError('VALIDATION', { zh: '班子措施没有个人通知', en: 'a team measure has no personal notice' }, 'measureId');
  }
  const { meeting, item } = meetingAndItem(input, measure);
  const c = contextOf(input, measure.subjectId, meeting, item, measure.note);
  const name = c.cadre.name;
  const base = {
    kind,
    recordId: measure.id,
    cadreId: c.cadre.id,
    fileName: `${noticeKindLabels[kind]}-${name}-${measure.id}.docx`,
    documentNo: measure.documentNo ?? '',
    issuer: c.issuer,
    date: c.date,
    copyTo: '',
  };
  switch (kind) {
    case 'reminderTalk':
      return {
        ...base,
        title: '提醒谈话通知',
        addressee: `${name}同志：`,
        paragraphs: [
          `${basisClause(c)}${c.decidedBy}决定对你进行提醒谈话。`,
          '请你按下列时间、地点准时参加谈话，如实说明有关情况，对存在的问题深入剖析原因，提出整改措施。谈话后五个工作日内，将书面整改措施报组织部门。',
        ],
        fields: [
          ['谈话对象', `${name}（${post(c)}）`],
          ['谈话时间', chineseDate(measure.startsOn)],
          ['谈话地点', toFill],
          ['谈话人', toFill],
        ],
      };
    case 'inquiry':
      return {
        ...base,
        title: '函询通知',
        addressee: `${name}同志：`,
        paragraphs: [
          `${basisClause(c)}${c.decidedBy}决定就有关问题向你函询。`,
          `请你自收到本通知之日起15个工作日内，对函询问题逐项作出书面说明，如实反映情况，由本人签名后报送${c.issuer}。对函询问题不如实说明或者隐瞒、歪曲事实的，将依规依纪严肃处理。`,
        ],
        fields: [
          ['函询对象', `${name}（${post(c)}）`],
          ['函询日期', chineseDate(measure.startsOn)],
          ['回复期限', '收到本通知之日起15个工作日内'],
        ],
        reply: {
          title: '函询回复说明',
          rows: [
            ['姓名', name],
            ['单位及职务', post(c)],
            ['对函询问题的说明', ''],
            ['本人签名', '          年    月    日'],
          ],
        },
      };
    case 'admonishment':
      return {
        ...base,
        title: `关于给予${name}同志诫勉的决定`,
        addressee: '',
        paragraphs: [
          `${name}，${post(c) || c.unit}。`,
          `${basisClause(c)}${c.decidedBy}决定给予${name}同志诫勉。`,
          `诫勉自${chineseDate(measure.startsOn)}起执行。按照有关规定，受到诫勉的，六个月内不得提拔或者重用，当年不得评优评先。希望${name}同志深刻认识问题，认真整改，在今后工作中严格要求自己。`,
        ],
        fields: [],
        copyTo: `${name}同志，${c.unit}`,
      };
    case 'probation': {
      const warning = measure.kind === 'warning';
      return {
        ...base,
        title: warning ? `关于对${name}同志予以警示的通知` : `关于对${name}同志实行观察期管理的通知`,
        addressee: `${name}同志：`,
        paragraphs: warning
          ? [
              `${basisClause(c)}${c.decidedBy}决定对你予以警示。`,
              '请你正视存在的问题，认真查找原因，明确改进措施，切实改进工作。组织将持续跟踪你的工作表现；警示后仍无明显改进的，将按规定实行观察期管理或者予以调整。',
            ]
          : [
              `${basisClause(c)}${c.decidedBy}决定对你实行观察期管理，观察期为${range(measure.startsOn, measure.endsOn)}。`,
              '观察期内，请你对照问题认真整改，每月向组织部门报告思想和工作情况。观察期满，组织将对你的表现进行评估：表现好转的，结束观察期；仍无明显改进的，按照有关规定予以调整。',
            ],
        fields: [
          [warning ? '警示日期' : '观察期', warning ? chineseDate(measure.startsOn) : range(measure.startsOn, measure.endsOn)],
          ['评估日期', measure.reviewOn ? chineseDate(measure.reviewOn) : measure.endsOn ? chineseDate(measure.endsOn) : toFill],
        ],
      };
    }
    case 'transitionalPlacement':
      return {
        ...base,
        title: `关于对${name}同志实行过渡性安置的决定`,
        addressee: '',
        paragraphs: [
          `${name}，${post(c) || c.unit}。`,
          `${basisClause(c)}${c.decidedBy}决定对${name}同志实行过渡性安置，安置期为${range(measure.startsOn, measure.endsOn)}${measure.reviewOn ? `，${chineseDate(measure.reviewOn)}进行复核` : ''}。`,
          '过渡性安置期间，由组织部门安排岗位、明确帮扶责任人，组织参加教育培训。安置期满经考核，表现好、符合条件的，重新安排工作；仍不适宜担任现职的，按照有关规定调整。',
        ],
        fields: [
          ['安置期', range(measure.startsOn, measure.endsOn)],
          ['复核日期', measure.reviewOn ? chineseDate(measure.reviewOn) : toFill],
          ['安置岗位', toFill],
        ],
        copyTo: `${name}同志，${c.unit}`,
      };
    case 'sanctionRelease':
      throw new DocumentInputError('VALIDATION', { zh: '解除通知针对处分记录', en: 'a release notice is for a sanction' }, 'measureId');
  }
}

/** Grade demotion and removal: releasing them does not restore the grade or post (政务处分法 §26). */
const notRestoring = new Set(['admin.gradeDemotion', 'admin.removal']);

function releaseNotice(input: NoticeInput, sanction: Sanction): NoticeModel {
  const { meeting, item } = meetingAndItem(input);
  const c = contextOf(input, sanction.cadreId, meeting, item, '');
  const name = c.cadre.name;
  const label = sanctionLabels[sanction.kind].zh;
  const releasedOn = sanction.releasedOn ?? input.today;
  const paragraphs = [
    `你于${chineseDate(sanction.decidedOn)}受到${label}处分${sanction.documentNo ? `（${sanction.documentNo}）` : ''}${sanction.reason ? `，事由：${sentence(sanction.reason).replace(/。$/, '')}` : ''}。处分期间，你能够认识错误，处分期已满。`,
    `${c.decidedBy}决定自${chineseDate(releasedOn)}起解除对你的${label}处分。解除处分后，晋升职务、职级、级别和工资档次不再受原处分影响。${notRestoring.has(sanction.kind) ? '解除降级、撤职处分的，不视为恢复原级别、原职务、原职级。' : ''}`,
  ];
  return {
    kind: 'sanctionRelease',
    recordId: sanction.id,
    cadreId: c.cadre.id,
    fileName: `${noticeKindLabels.sanctionRelease}-${name}-${sanction.id}.docx`,
    title: `关于解除${name}同志${label}处分的通知`,
    documentNo: sanction.releaseDocumentNo ?? '',
    addressee: `${name}同志：`,
    paragraphs,
    fields: [
      ['处分种类', label],
      ['处分决定日期', chineseDate(sanction.decidedOn)],
      ['处分决定文号', sanction.documentNo || toFill],
      ['解除日期', chineseDate(releasedOn)],
    ],
    issuer: c.issuer,
    date: c.date,
    copyTo: c.unit,
  };
}

/** One notice for a measure (of a notice kind) or a sanction's release. */
export function noticeModel(input: NoticeInput): NoticeModel {
  if (!input.measureId && !input.sanctionId && input.meeting && input.itemId) {
    // A meeting's item: the notice is for what its decision recorded.
    const item = input.meeting.items.find((i) => i.id === input.itemId);
    if (!item) throw notFound({ zh: '议题', en: 'docket item' }, input.itemId, 'itemId');
    const d = item.decision;
    const sanctionId = d?.sanctionId ?? (item.group === 'releases' ? item.sanctionId : undefined);
    if (!d || (d.value !== 'approved' && d.value !== 'approvedAmended') || (!d.measureId && !sanctionId)) {
      throw new DocumentInputError('VALIDATION', { zh: '该议题没有需要通知的决定事项', en: 'the item has no decision that needs a notice' }, 'itemId');
    }
    return noticeModel({ ...input, measureId: d.measureId, sanctionId: d.measureId ? undefined : sanctionId });
  }
  if (!!input.measureId === !!input.sanctionId) {
    throw new DocumentInputError('VALIDATION', { zh: '请指定一项措施或一项处分', en: 'name exactly one measure or sanction' }, 'measureId');
  }
  if (input.sanctionId) {
    const sanction = input.state.sanctions.get(input.sanctionId);
    if (!sanction) throw notFound({ zh: '处分', en: 'sanction' }, input.sanctionId, 'sanctionId');
    return releaseNotice(input, sanction);
  }
  const measure = input.state.measures.get(input.measureId!);
  if (!measure) throw notFound({ zh: '措施', en: 'measure' }, input.measureId!, 'measureId');
  const kind = noticeKindOf(measure.kind);
  if (!kind) {
    throw new DocumentInputError(
      'VALIDATION',
      { zh: `“${measureLabels[measure.kind].zh}”没有通知模板`, en: `no notice template for ${measureLabels[measure.kind].en}` },
      'measureId',
    );
  }
  return measureNotice(input, measure, kind);
}

/** The notices a meeting's decisions call for: each decided measure of a notice kind, each release. */
export function noticesForMeeting(input: { meeting: Meeting; state: LedgerState; issuer?: string; today: IsoDate }): NoticeModel[] {
  const out: NoticeModel[] = [];
  for (const item of input.meeting.items) {
    const d = item.decision;
    if (!d || (d.value !== 'approved' && d.value !== 'approvedAmended')) continue;
    const base = { state: input.state, meeting: input.meeting, itemId: item.id, issuer: input.issuer, today: input.today };
    if (d.measureId) {
      const m = input.state.measures.get(d.measureId);
      if (m && m.subjectType === 'cadre' && noticeKindOf(m.kind)) out.push(noticeModel({ ...base, measureId: m.id }));
    } else {
      const sanctionId = d.sanctionId ?? (item.group === 'releases' ? item.sanctionId : undefined);
      if (sanctionId && input.state.sanctions.has(sanctionId)) out.push(noticeModel({ ...base, sanctionId }));
    }
  }
  return out;
}
