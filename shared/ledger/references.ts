// Referential integrity: a record may only point at records that exist. Shared by the services
// (one record from a form) and the importer (many rows, checked against the ledger plus the file).
import type { FieldError } from '../contract/errors';
import { rehabSourceMeasures } from '../domain/records';
import type { CollectionName, LedgerState, RecordOf } from './collections';

/**
 * Whether a record exists; with `get`, also the record itself, for the checks that compare a
 * record with what it refers to (dates in order, the same cadre). lookupIn gives both.
 */
type Lookup = ((collection: CollectionName, id: string) => boolean) & {
  get?: <C extends CollectionName>(collection: C, id: string) => RecordOf<C> | undefined;
};

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
  const exists: Lookup = (collection, id) => state[collection].has(id) || (extra ? extra(collection, id) : false);
  exists.get = <C extends CollectionName>(collection: C, id: string) =>
    (extra?.get?.(collection, id) ?? (state[collection] as Map<string, RecordOf<C>>).get(id)) as RecordOf<C> | undefined;
  return exists;
}

/**
 * Collections whose ids a clearance, a revision or a docket item may name without saying the
 * collection: an id must be unique across all of them, or "record S7" would be two records.
 */
export const caseRecordCollections: CollectionName[] = ['sanctions', 'measures', 'faults', 'scores', 'grades', 'rehabPlans', 'checkIns', 'clearances'];

/** The measures a rehabilitation plan may follow (records.ts rehabSourceMeasures). */
const planSourceKinds = new Set<string>(rehabSourceMeasures);

const fieldError = (path: string, zh: string, en: string): FieldError => ({ path, message: { zh, en } });

/**
 * The checks between a record and the records it names (issue 11): its id not taken in another
 * case-record collection, its dates not before what they follow, its references the same cadre's
 * and of the right kind. Needs `exists.get`; without it only existence is checked.
 */
function checkAgainstReferenced<C extends CollectionName>(collection: C, record: RecordOf<C>, exists: Lookup): FieldError[] {
  const get = exists.get;
  if (!get) return [];
  const errors: FieldError[] = [];
  const id = (record as { id?: unknown }).id;
  if (typeof id === 'string' && caseRecordCollections.includes(collection)) {
    const other = caseRecordCollections.find((c) => c !== collection && exists(c, id));
    if (other) errors.push(fieldError('id', `编号“${id}”已被另一类记录使用`, `id "${id}" is already used by a record of another kind (${other})`));
  }
  if (collection === 'scores') {
    const score = record as RecordOf<'scores'>;
    const appointedOn = get('cadres', score.cadreId)?.appointedOn;
    if (appointedOn && score.month < appointedOn.slice(0, 7)) {
      errors.push(fieldError('month', `${score.month} 早于该干部任职时间（${appointedOn}）`, `${score.month} is before the cadre was appointed (${appointedOn})`));
    }
  }
  if (collection === 'checkIns') {
    const checkIn = record as RecordOf<'checkIns'>;
    const plan = get('rehabPlans', checkIn.planId);
    if (plan && checkIn.date < plan.startsOn) {
      errors.push(fieldError('date', `谈话日期早于帮扶计划开始日期（${plan.startsOn}）`, `the check-in is dated before its plan starts (${plan.startsOn})`));
    }
  }
  if (collection === 'rehabPlans') {
    const plan = record as RecordOf<'rehabPlans'>;
    const measure = get('measures', plan.measureId);
    if (measure) {
      if (measure.subjectType !== 'cadre' || measure.subjectId !== plan.cadreId) {
        errors.push(fieldError('measureId', `措施“${measure.id}”不是干部“${plan.cadreId}”的措施`, `measure "${measure.id}" is not a measure of cadre "${plan.cadreId}"`));
      } else if (!planSourceKinds.has(measure.kind)) {
        errors.push(fieldError('measureId', `措施“${measure.id}”不是可开展帮扶的调整措施`, `measure "${measure.id}" is not a measure a rehabilitation plan follows`));
      } else if (plan.startsOn < measure.startsOn) {
        errors.push(fieldError('startsOn', `帮扶计划开始日期早于措施开始日期（${measure.startsOn}）`, `the plan starts before its measure (${measure.startsOn})`));
      }
    }
  }
  return errors;
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
  return errors.length ? errors : checkAgainstReferenced(collection, record, exists);
}

/** Measures that reward or move a cadre: never an allegation, so never cleared. */
const nonAllegationMeasures = new Set(['salaryRaise', 'commendation', 'merit3', 'promotion', 'identityTransfer']);

/**
 * What a clearance or revocation may name (issue 9): an allegation against the same cadre — a
 * sanction, a fault or one of the cadre's own measures — that exists and is not cleared already
 * (`selfId`: the clearance being corrected, which may keep its record).
 */
export function checkClearanceTarget(state: LedgerState, clearance: RecordOf<'clearances'>, selfId?: string): FieldError[] {
  const id = clearance.recordId;
  const error = (zh: string, en: string): FieldError[] => [{ path: 'recordId', message: { zh, en } }];
  const sanction = state.sanctions.get(id);
  const fault = state.faults.get(id);
  const measure = state.measures.get(id);
  let owner: string | undefined;
  if (sanction) owner = sanction.cadreId;
  else if (fault) owner = fault.cadreId;
  else if (measure) {
    if (measure.subjectType !== 'cadre') return error('班子（单位）措施不能由个人澄清', 'a team (unit) measure cannot be cleared for a cadre');
    // The authority may revoke any decision it made (撤销); only an allegation can be cleared (澄清).
    if (clearance.kind !== 'revocation' && nonAllegationMeasures.has(measure.kind)) {
      return error('该措施不是问责或处理，不能澄清', 'this measure is not an allegation and cannot be cleared');
    }
    owner = measure.subjectId;
  } else if (state.scores.has(id) || state.grades.has(id) || state.rehabPlans.has(id) || state.checkIns.has(id) || state.clearances.has(id)) {
    return error('只能澄清处分、过错或措施', 'only a sanction, fault or measure can be cleared');
  } else {
    return error(`记录“${id}”不存在`, `unknown record "${id}"`);
  }
  if (owner !== clearance.cadreId) return error(`该记录属于干部“${owner}”`, `that record belongs to cadre "${owner}"`);
  for (const c of state.clearances.values()) {
    if (c.recordId === id && c.id !== selfId) {
      return error(`该记录已由“${c.id}”${c.kind === 'revocation' ? '撤销' : '澄清'}`, `that record is already ${c.kind === 'revocation' ? 'revoked' : 'cleared'} by "${c.id}"`);
    }
  }
  return [];
}
