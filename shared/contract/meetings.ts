// meetings.*: the evaluation meeting (党工委会议 / 干部工作会议 / 干部小组会). The docket is proposed
// from the open findings of the month being prepared, shaped by the officer, decided item by item,
// and confirmed: confirmation records every decision's effect in the case files in one commit and
// locks the meeting (read-only; corrections are appended as visible entries). docs/MEETINGS.md.
import { z } from 'zod';
import {
  decisionValues,
  docketItemSchema,
  meetingSchema,
  meetingTypes,
} from '../domain/meetings';
import { dateSchema, freeText, idSchema, monthSchema, nameText } from '../domain/primitives';
import { measureKindSchema } from '../domain/records';
import { noticeKinds } from '../documents/notices';
import { officeCodeSchema } from '../sync/schema';
import { command, query } from './define';

// Free text keeps line breaks; `line` is one line (names, titles): shared/domain/primitives.ts.
const text = freeText;
const line = nameText;

/** A docket item as the officer sends it: an item without an id is new and gets the next one ('I07'). */
export const docketItemInputSchema = docketItemSchema.omit({ decision: true }).extend({ id: idSchema.optional() });
export type DocketItemInput = z.input<typeof docketItemInputSchema>;

/** A proposed item: what meetings.proposeDocket returns, ready to send back in meetings.create/setDocket. */
export const proposedItemSchema = docketItemSchema.omit({ id: true, decision: true });
export type ProposedItem = z.infer<typeof proposedItemSchema>;

export const meetingDetailsSchema = z.object({
  type: z.enum(meetingTypes),
  /** Defaults to "2026年12月干部工作会议" from the date and the type. */
  title: line(200).optional(),
  date: dateSchema,
  place: line(100).default(''),
  chair: line(50).default(''),
  recorder: line(50).default(''),
  attendees: z.array(line(50).min(1)).max(100).default([]),
});

export const meetingRowSchema = z.object({
  id: idSchema,
  type: z.enum(meetingTypes),
  title: z.string(),
  date: dateSchema,
  place: z.string(),
  asOf: monthSchema,
  /** The office the docket was prepared for (meetings.create `office`); absent = every office. */
  office: z.string().optional(),
  status: z.enum(['draft', 'confirmed']),
  /** The meeting date is today or later (and it is not confirmed yet). */
  upcoming: z.boolean(),
  itemCount: z.number().int(),
  /** Items with a decision recorded (draft or confirmed). */
  decidedCount: z.number().int(),
  /** Per decision value, e.g. { approved: 5, rejected: 1 }. */
  decisions: z.partialRecord(z.enum(decisionValues), z.number().int()),
  correctionCount: z.number().int(),
  confirmedAt: z.string().optional(),
  confirmedBy: z.string().optional(),
});
export type MeetingRow = z.infer<typeof meetingRowSchema>;

/** Which notice an item produces once approved (null: none): the documents module's kinds. */
export { noticeKinds, type NoticeKind } from '../documents/notices';

export const meetingViewSchema = meetingSchema.extend({
  /** Per item (same order as `items`): the documents it can produce now. */
  itemDocuments: z.array(
    z.object({
      itemId: idSchema,
      /** 提醒谈话通知 / 函询通知 / 诫勉决定 / 观察期通知 / 过渡性安置决定 / 处分期满解除通知, when approved. */
      notice: z.enum(noticeKinds).nullable(),
      /** 干部任免审批表: promotion and adjustment items about a cadre. */
      appointmentForm: z.boolean(),
    }),
  ),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

export const proposedDocketSchema = z.object({
  asOf: monthSchema,
  /** In docket-group order, then by subject name. */
  items: z.array(proposedItemSchema),
  /** Open findings of the month not proposed as items (informational rules), by rule. */
  informational: z.array(z.object({ rule: z.string(), count: z.number().int() })),
  /** The month has scores: score-based rules could fire. */
  hasScores: z.boolean(),
});
export type ProposedDocket = z.infer<typeof proposedDocketSchema>;

export const decisionInputSchema = z.object({
  id: idSchema,
  itemId: idSchema,
  /** null clears the draft decision. */
  value: z.enum(decisionValues).nullable(),
  votes: z
    .object({ for: z.number().int().min(0).max(999), against: z.number().int().min(0).max(999), abstain: z.number().int().min(0).max(999) })
    .optional(),
  note: text(2000).default(''),
  /** 修改后同意: the measure as amended; omitted fields keep the proposal's. */
  amendedKind: measureKindSchema.optional(),
  amendedMonths: z.number().int().min(1).max(120).optional(),
  amendedProposal: text(2000).optional(),
});

export const confirmResultSchema = z.object({
  meeting: meetingViewSchema,
  /** What confirmation recorded in the ledger. */
  measureIds: z.array(idSchema),
  dismissalIds: z.array(idSchema),
  releasedSanctionIds: z.array(idSchema),
});
export type ConfirmResult = z.infer<typeof confirmResultSchema>;

export const meetingsContract = {
  /** Past and upcoming meetings, latest date first. */
  'meetings.list': query(z.object({}), z.object({ items: z.array(meetingRowSchema) })),
  'meetings.get': query(z.object({ id: idSchema }), meetingViewSchema),
  /** The docket proposed from the open findings of `asOf` (dismissed and acted-on ones excluded). */
  'meetings.proposeDocket': query(z.object({ asOf: monthSchema, office: officeCodeSchema.optional() }), proposedDocketSchema),
  /** A new draft meeting; `items` (e.g. the proposed docket) become its docket. */
  'meetings.create': command(
    meetingDetailsSchema.extend({
      asOf: monthSchema,
      /** The office the docket was prepared for (kept on the meeting); omitted = every office. */
      office: officeCodeSchema.optional(),
      items: z.array(docketItemInputSchema).max(500).default([]),
    }),
    meetingViewSchema,
  ),
  /** Changes the meeting's details (draft only). */
  'meetings.update': command(
    z.object({
      id: idSchema,
      type: z.enum(meetingTypes).optional(),
      title: line(200).min(1).optional(),
      date: dateSchema.optional(),
      place: line(100).optional(),
      chair: line(50).optional(),
      recorder: line(50).optional(),
      attendees: z.array(line(50).min(1)).max(100).optional(),
      asOf: monthSchema.optional(),
    }),
    meetingViewSchema,
  ),
  /**
   * Replaces the docket (draft only): removing, reordering, editing and adding items. An item that
   * keeps its id keeps its draft decision.
   */
  'meetings.setDocket': command(z.object({ id: idSchema, items: z.array(docketItemInputSchema).max(500) }), meetingViewSchema),
  /** Records (or clears, value null) an item's draft decision; changeable until confirmation. */
  'meetings.decide': command(decisionInputSchema, meetingViewSchema),
  /**
   * The reviewer confirms: every item must have a decision. One commit records the effects
   * (measures, dismissals, releases) and locks the meeting.
   */
  'meetings.confirm': command(z.object({ id: idSchema }), confirmResultSchema),
  /** After confirmation: appends a visible correction entry (about one item, or the meeting). */
  'meetings.correct': command(z.object({ id: idSchema, itemId: idSchema.optional(), text: text(2000).min(1) }), meetingViewSchema),
  /** Deletes a draft meeting. */
  'meetings.delete': command(z.object({ id: idSchema }), z.object({ id: idSchema })),
} as const;
