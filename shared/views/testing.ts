// Test helpers for the views and their services: a small ledger built in a few lines, and a fake
// engine whose findings the test decides (the real engine has its own tests).
import type { Finding } from '../domain/findings';
import type { Cadre, Measure, Sanction, Subject } from '../domain/records';
import { emptyLedgerState, type CollectionName, type LedgerState, type RecordOf } from '../ledger/collections';
import { applyEvent, put } from '../ledger/events';
import { engineForViews } from './engineBinding';
import type { ViewEngine } from './viewEngine';

export class LedgerBuilder {
  readonly state: LedgerState = emptyLedgerState();
  add<C extends CollectionName>(collection: C, record: RecordOf<C>): this {
    applyEvent(this.state, put(collection, record));
    return this;
  }
  unit(id: string, name = id): this {
    return this.add('units', { id, name });
  }
  cadre(id: string, fields: Partial<Cadre> = {}): this {
    return this.add('cadres', {
      id,
      name: fields.name ?? `干部${id}`,
      unitId: 'U1',
      peerGroup: 'G',
      position: '',
      rankLevel: '',
      category: 'civilServant',
      leader: false,
      ...fields,
    });
  }
  score(cadreId: string, month: string, score: number): this {
    return this.add('scores', { id: `${cadreId}:${month}`, cadreId, month, score });
  }
  measure(id: string, fields: Partial<Measure> & Pick<Measure, 'kind' | 'startsOn'>): this {
    return this.add('measures', { id, subjectType: 'cadre', subjectId: 'C1', note: '', ...fields });
  }
  sanction(id: string, fields: Partial<Sanction> & Pick<Sanction, 'kind' | 'decidedOn'>): this {
    return this.add('sanctions', { id, cadreId: 'C1', reason: '', ...fields });
  }
  clear(recordId: string, date: string, cadreId = 'C1', kind: 'clearance' | 'revocation' = 'clearance'): this {
    return this.add('clearances', { id: `CL-${recordId}`, cadreId, recordId, date, note: '', kind });
  }
}

export function finding(rule: string, subject: Subject, asOf: string, extra: Partial<Finding> = {}): Finding {
  return {
    key: `${rule}|${subject.type}:${subject.id}`,
    rule,
    subject,
    asOf,
    suggestion: { kind: 'reminderTalk', params: {} },
    evidence: { recordIds: [] },
    explanation: { zh: `${rule} 的说明`, en: `why ${rule}` },
    ...extra,
  };
}

/** The views' engine with findings decided by the test: `byMonth[asOf]`. */
export function fakeEngine(byMonth: Record<string, Finding[]>): ViewEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    ...engineForViews,
    calls,
    evaluate(_state, asOf, subject) {
      calls.push(asOf);
      const all = (byMonth[asOf] ?? []).map((f) => ({ ...f, asOf }));
      return subject ? all.filter((f) => f.subject.type === subject.type && f.subject.id === subject.id) : all;
    },
  };
}
