// Units and cadres: the registry every other feature hangs off.
import { z } from 'zod';
import { cadreStatuses } from '../domain/status';
import { cadreSchema, unitSchema } from '../domain/records';
import { idSchema } from '../domain/primitives';
import { command, query } from './define';

/** `office`: the owning office's code (shared/views/officeScope.ts), '' when the ledger has no office identity. */
export const unitRowSchema = unitSchema.extend({ cadreCount: z.number().int(), office: z.string() });
export const cadreRowSchema = cadreSchema.extend({ status: z.enum(cadreStatuses), office: z.string() });
export type UnitRow = z.infer<typeof unitRowSchema>;
export type CadreRow = z.infer<typeof cadreRowSchema>;

export const registryContract = {
  'units.list': query(z.object({}), z.array(unitRowSchema)),
  /** `id` may be left out: the service assigns the next free U-number. */
  'units.create': command(unitSchema.partial({ id: true }), unitSchema),
  'units.update': command(unitSchema, unitSchema),
  /** Every cadre with its derived status; the renderer filters and virtualizes (50,000 rows). */
  'cadres.list': query(z.object({}), z.array(cadreRowSchema)),
  'cadres.get': query(z.object({ id: idSchema }), cadreRowSchema),
  /** `id` may be left out: the service assigns the next free C-number. */
  'cadres.create': command(cadreSchema.partial({ id: true }), cadreSchema),
  'cadres.update': command(cadreSchema, cadreSchema),
} as const;
