// A cadre's standing is derived from the measures in force, never stored: recording a placement or
// an exit changes it, clearing that record changes it back.
import type { Clearance, Measure } from './records';

export const cadreStatuses = ['inPost', 'probation', 'transitional', 'exited'] as const;
export type CadreStatus = (typeof cadreStatuses)[number];

const exitKinds = new Set(['dismissal', 'retirement', 'immediateExit']);

/** Ids of records that a clearance or revocation took out of the ledger's effect. */
export function annulledIds(clearances: Iterable<Clearance>): Set<string> {
  const out = new Set<string>();
  for (const c of clearances) out.add(c.recordId);
  return out;
}

/** Status on `today` (YYYY-MM-DD) from the cadre's own measures. */
export function cadreStatus(measures: Iterable<Measure>, annulled: Set<string>, today: string): CadreStatus {
  let status: CadreStatus = 'inPost';
  for (const m of measures) {
    if (m.subjectType !== 'cadre' || annulled.has(m.id)) continue;
    if (m.startsOn > today) continue;
    const running = !m.endsOn || m.endsOn >= today;
    if (exitKinds.has(m.kind)) return 'exited';
    if (!running) continue;
    if (m.kind === 'transitionalPlacement') status = 'transitional';
    else if (m.kind === 'probation' && status === 'inPost') status = 'probation';
  }
  return status;
}
