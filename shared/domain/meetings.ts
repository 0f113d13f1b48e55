// Evaluation meetings (党工委会议 / 干部工作会议 / 干部小组会): the docket proposed from the findings,
// shaped by the officer, and the decisions taken. One record per meeting, its items inside it, so
// that reordering and editing the docket is one write. Once confirmed the meeting is read-only; a
// later correction is appended to `corrections`, visible beside the item it corrects.
import { z } from 'zod';
import { dateSchema, freeText, idSchema, monthSchema, nameText } from './primitives';
import { measureKindSchema, subjectSchema } from './records';
import { officeCodeSchema } from '../sync/schema';

export const meetingTypes = ['partyWorkCommittee', 'cadreWork', 'cadreGroup'] as const;
export type MeetingType = (typeof meetingTypes)[number];

/** Docket groups, in the order such meetings take them. */
export const docketGroups = [
  'rewards', // 奖励：嘉奖、记功、提高薪酬
  'promotion', // 提拔人选
  'talks', // 提醒谈话、函询、诫勉
  'warnings', // 预警与观察期
  'adjustments', // 调整：过渡性安置、调整岗位、降职、免职、辞退
  'reascend', // 重新使用
  'trials', // 试用期满
  'releases', // 处分期满解除
  'grades', // 年度等次更正与优秀比例
  'free', // 动议、确定考察对象、其他
] as const;
export type DocketGroup = (typeof docketGroups)[number];

export const freeItemKinds = ['motion', 'inspectionTargets', 'other'] as const;
export type FreeItemKind = (typeof freeItemKinds)[number];

/** 同意 / 不同意 / 暂缓 / 修改后同意. */
export const decisionValues = ['approved', 'rejected', 'deferred', 'approvedAmended'] as const;
export type DecisionValue = (typeof decisionValues)[number];

// Free text keeps line breaks; `line` is one line (names, titles): primitives.ts.
const text = freeText;
const line = nameText;

export const docketItemSchema = z.object({
  /** Unique within the meeting ('I01', 'I02', …). */
  id: idSchema,
  group: z.enum(docketGroups),
  /** For free items: 动议 / 确定考察对象 / 其他. */
  freeKind: z.enum(freeItemKinds).optional(),
  /** The cadre or unit; null for a free item about no one in the ledger. */
  subject: subjectSchema.nullable(),
  subjectName: line(100).default(''),
  /** 议题名称, e.g. "关于给予张三嘉奖的议题". */
  title: line(300).min(1),
  /** The proposed measure (null: a review, a release, a grade correction or a free item). */
  proposedKind: measureKindSchema.nullable().default(null),
  /** Length of the proposed measure in months (e.g. a 3-month probation); it runs from the meeting date. */
  proposedMonths: z.number().int().min(1).max(120).optional(),
  /** For a release item (sanction.release-due): the sanction to release. */
  sanctionId: idSchema.optional(),
  /** What the officer proposes, in words (拟办意见). */
  proposal: text(2000).default(''),
  /** The finding the item was proposed from, if any. */
  findingKey: z.string().max(300).optional(),
  rule: z.string().max(60).optional(),
  /** The basis written for the reader (the finding's explanation, editable). */
  basis: text(4000).default(''),
  /** Record ids and months the basis rests on. */
  evidenceIds: z.array(z.string().max(64)).max(200).default([]),
  /** Attach the cadre's case-file summary to the docket document. */
  attachCaseFile: z.boolean().default(false),
  decision: z
    .object({
      value: z.enum(decisionValues),
      votes: z
        .object({ for: z.number().int().min(0).max(999), against: z.number().int().min(0).max(999), abstain: z.number().int().min(0).max(999) })
        .optional(),
      note: text(2000).default(''),
      /** 修改后同意: the measure as amended (kind, length) and the amended wording. */
      amendedKind: measureKindSchema.optional(),
      amendedMonths: z.number().int().min(1).max(120).optional(),
      amendedProposal: text(2000).optional(),
      /** What the decision recorded in the ledger: the measure (同意) or the dismissal (不同意). */
      measureId: idSchema.optional(),
      dismissalId: idSchema.optional(),
      /** For a release item: the sanction released. */
      sanctionId: idSchema.optional(),
    })
    .optional(),
});
export type DocketItem = z.infer<typeof docketItemSchema>;

export const meetingSchema = z.object({
  id: idSchema,
  type: z.enum(meetingTypes),
  title: line(200).min(1),
  date: dateSchema,
  place: line(100).default(''),
  chair: line(50).default(''),
  recorder: line(50).default(''),
  attendees: z.array(line(50).min(1)).max(100).default([]),
  /** The month being prepared: the findings the docket was proposed from. */
  asOf: monthSchema,
  /** The office whose cadres the docket was prepared for (the New Area's meeting about one township); absent = every office. */
  office: officeCodeSchema.optional(),
  status: z.enum(['draft', 'confirmed']).default('draft'),
  confirmedAt: z.string().max(40).optional(),
  confirmedBy: z.string().max(50).optional(),
  items: z.array(docketItemSchema).max(500).default([]),
  /** Corrections after confirmation: new, visible entries; the confirmed items stay as they were. */
  corrections: z
    .array(z.object({ at: z.string().max(40), by: z.string().max(50), itemId: idSchema.optional(), text: text(2000).min(1) }))
    .max(200)
    .default([]),
});
export type Meeting = z.infer<typeof meetingSchema>;
