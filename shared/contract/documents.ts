// documents.*: the Word documents a meeting runs on (.docx, A4, GB/T 9704 layout), rendered in the
// core (electron/documents/) from view models (shared/documents/). Each answers the file as base64.
import { z } from 'zod';
import { idSchema, monthSchema } from '../domain/primitives';
import { query } from './define';
import { meetingPeriodSchema } from './reports';

export const documentFileSchema = z.object({ fileName: z.string(), base64: z.string() });
export type DocumentFile = z.infer<typeof documentFileSchema>;

export const documentsContract = {
  /** 会议议题: a meeting's docket, or (asOf) the docket proposed from that month's findings. */
  'documents.docket': query(
    z
      .object({ meetingId: idSchema.optional(), asOf: monthSchema.optional() })
      .refine((v) => (v.meetingId ? 1 : 0) + (v.asOf ? 1 : 0) === 1, { message: 'give exactly one of meetingId or asOf', path: ['meetingId'] }),
    documentFileSchema,
  ),
  /** 会议纪要 / 决定: the decisions (a draft meeting's are marked as not yet confirmed). */
  'documents.minutes': query(z.object({ meetingId: idSchema }), documentFileSchema),
  /**
   * The notice for one decided item of a confirmed meeting (kind from meetings.get
   * itemDocuments[].notice); without itemId, every notice the meeting's decisions call for, in one file.
   */
  'documents.notice': query(z.object({ meetingId: idSchema, itemId: idSchema.optional() }), documentFileSchema),
  /** 干部任免审批表 for a promotion, adjustment or rising-again item (without itemId: every such item of the meeting). */
  'documents.appointmentForm': query(z.object({ meetingId: idSchema, itemId: idSchema.optional() }), documentFileSchema),
  /** The period report in prose, from the §4.4 counts (the same numbers as reports.meeting). */
  'documents.periodReport': query(meetingPeriodSchema, documentFileSchema),
} as const;
