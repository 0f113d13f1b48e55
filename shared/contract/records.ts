// records.put: one generic write for the ledger's dated records (scores, grades, sanctions,
// measures, faults, rehabilitation plans and check-ins, clearances, finding dismissals). Units and
// cadres go through units.* / cadres.*, policies through their own endpoints.
import { z } from 'zod';
import {
  annualGradeRecordSchema,
  checkInSchema,
  clearanceSchema,
  faultRecordSchema,
  findingDismissalSchema,
  measureSchema,
  monthlyScoreSchema,
  rehabPlanSchema,
  sanctionSchema,
} from '../domain/records';
import { collectionSchemas } from '../ledger/collections';
import { command } from './define';

/** The collections records.put writes (not units, cadres or policies, which have their own). */
const putCollectionNames = [
  'scores',
  'grades',
  'sanctions',
  'measures',
  'faults',
  'rehabPlans',
  'checkIns',
  'clearances',
  'dismissals',
] as const;
type PutName = (typeof putCollectionNames)[number];

/** The schema of one record of each such collection: the ledger's own, not a second copy. */
export const putRecordSchemas = Object.fromEntries(putCollectionNames.map((c) => [c, collectionSchemas[c]])) as {
  [C in PutName]: (typeof collectionSchemas)[C];
};
export type PutCollection = keyof typeof putRecordSchemas;
export const putCollections = Object.keys(putRecordSchemas) as PutCollection[];

/**
 * Scores, grades and check-ins are keyed by what they are about (cadre+month, cadre+year,
 * plan+date): their id is derived and may be left out. Any other record's id may be left out too;
 * the service assigns the next free number with the collection's prefix.
 */
export const recordIdPrefixes: Record<Exclude<PutCollection, 'scores' | 'grades' | 'checkIns'>, string> = {
  sanctions: 'S',
  measures: 'M',
  faults: 'F',
  rehabPlans: 'R',
  clearances: 'CL',
  dismissals: 'D',
};

// Written out per collection (not mapped) so each input keeps its exact type for the renderer.
const withoutId = { id: true } as const;
export const putRecordInputSchema = z.discriminatedUnion('collection', [
  z.object({ collection: z.literal('scores'), record: monthlyScoreSchema.partial(withoutId) }),
  z.object({ collection: z.literal('grades'), record: annualGradeRecordSchema.partial(withoutId) }),
  z.object({ collection: z.literal('sanctions'), record: sanctionSchema.partial(withoutId) }),
  z.object({ collection: z.literal('measures'), record: measureSchema.partial(withoutId) }),
  z.object({ collection: z.literal('faults'), record: faultRecordSchema.partial(withoutId) }),
  z.object({ collection: z.literal('rehabPlans'), record: rehabPlanSchema.partial(withoutId) }),
  z.object({ collection: z.literal('checkIns'), record: checkInSchema.partial(withoutId) }),
  z.object({ collection: z.literal('clearances'), record: clearanceSchema.partial(withoutId) }),
  z.object({ collection: z.literal('dismissals'), record: findingDismissalSchema.partial(withoutId) }),
]);
export const putRecordOutputSchema = z.discriminatedUnion('collection', [
  z.object({ collection: z.literal('scores'), record: monthlyScoreSchema }),
  z.object({ collection: z.literal('grades'), record: annualGradeRecordSchema }),
  z.object({ collection: z.literal('sanctions'), record: sanctionSchema }),
  z.object({ collection: z.literal('measures'), record: measureSchema }),
  z.object({ collection: z.literal('faults'), record: faultRecordSchema }),
  z.object({ collection: z.literal('rehabPlans'), record: rehabPlanSchema }),
  z.object({ collection: z.literal('checkIns'), record: checkInSchema }),
  z.object({ collection: z.literal('clearances'), record: clearanceSchema }),
  z.object({ collection: z.literal('dismissals'), record: findingDismissalSchema }),
]);
export type PutRecordInput = z.input<typeof putRecordInputSchema>;
export type PutRecordOutput = z.output<typeof putRecordOutputSchema>;

export const recordsContract = {
  /** Creates or replaces one record (validated, references checked, one journaled commit). */
  'records.put': command(putRecordInputSchema, putRecordOutputSchema),
} as const;
