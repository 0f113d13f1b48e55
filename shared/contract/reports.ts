// Reports: the meeting statistics of DOMAIN.md §4.4 for a period.
import { z } from 'zod';
import { bilingualSchema, monthSchema } from '../domain/primitives';
import { meetingStatisticIds } from '../reports/meeting';
import { officeCodeSchema } from '../sync/schema';
import { query } from './define';

export const meetingStatisticSchema = z.object({
  id: z.enum(meetingStatisticIds),
  label: bilingualSchema,
  counts: z.enum(['cadres', 'records']),
  count: z.number().int(),
  cadreIds: z.array(z.string()),
  recordIds: z.array(z.string()),
  basis: bilingualSchema,
});

export const meetingStatisticsSchema = z.object({
  from: monthSchema,
  to: monthSchema,
  withFindings: z.boolean(),
  items: z.array(meetingStatisticSchema),
});

export const meetingPeriodSchema = z
  /** `office`: count only that office's cadres and the records about them; omitted = every office. */
  .object({ from: monthSchema, to: monthSchema, office: officeCodeSchema.optional() })
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] })
  .refine((p) => Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) <= 10, { message: 'at most 10 years', path: ['to'] });

export const reportsContract = {
  /** The §4.4 counts for the months from … to, each with the cadre and record ids behind it. */
  'reports.meeting': query(meetingPeriodSchema, meetingStatisticsSchema),
} as const;
