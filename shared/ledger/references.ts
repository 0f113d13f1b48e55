// Referential integrity: a record may only point at records that exist. Shared by the services
// (one record from a form) and the importer (many rows, checked against the ledger plus the file).
import type { FieldError } from '../contract/errors';
import type { CollectionName, LedgerState, RecordOf } from './collections';

type Lookup = (collection: CollectionName, id: string) => boolean;

/** Which field of which collection refers to which collection. */
const referenceFields: { [C in CollectionName]?: Array<[field: string, target: CollectionName | 'subject' | 'anyRecord']> } = {
  cadres: [['unitId', 'units']],
  scores: [['cadreId', 'cadres']],
  grades: [['cadreId', 'cadres']],
  sanctions: [['cadreId', 'cadres']],
  measures: [['subjectId', 'subject']],
  faults: [['cadreId', 'cadres']],
  rehabPlans: [['cadreId', 'cadres'], ['measureId', 'measures']],
  checkIns: [['planId', 'rehabPlans']],
  clearances: [['cadreId', 'cadres'], ['recordId', 'anyRecord']],
};

/** Collections a clearance or revocation may point into. */
export const clearableCollections: CollectionName[] = ['sanctions', 'measures', 'faults', 'scores', 'grades'];

const targetLabel: Record<string, { zh: string; en: string }> = {
  units: { zh: '单位', en: 'unit' },
  cadres: { zh: '干部', en: 'cadre' },
  measures: { zh: '措施', en: 'measure' },
  rehabPlans: { zh: '帮扶计划', en: 'rehabilitation plan' },
  anyRecord: { zh: '记录', en: 'record' },
};

export function lookupIn(state: LedgerState, extra?: Lookup): Lookup {
  return (collection, id) => state[collection].has(id) || (extra ? extra(collection, id) : false);
}

export function checkReferences<C extends CollectionName>(
  collection: C,
  record: RecordOf<C>,
  exists: Lookup,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, target] of referenceFields[collection] ?? []) {
    const value = (record as Record<string, unknown>)[field];
    if (typeof value !== 'string') continue;
    let found: boolean;
    let label = targetLabel[target];
    if (target === 'subject') {
      const type = (record as { subjectType?: string }).subjectType === 'unit' ? 'units' : 'cadres';
      found = exists(type, value);
      label = targetLabel[type];
    } else if (target === 'anyRecord') {
      found = clearableCollections.some((c) => exists(c, value));
    } else {
      found = exists(target, value);
    }
    if (!found) {
      errors.push({
        path: field,
        message: { zh: `${label.zh}“${value}”不存在`, en: `unknown ${label.en} "${value}"` },
      });
    }
  }
  return errors;
}
