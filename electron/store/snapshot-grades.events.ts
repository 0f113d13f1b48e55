// A small ledger with annual grades for the snapshot tests (snapshot-grades.test.ts) and for the
// v3 stores under fixtures/snapshot-v3/ (written by the v3 code, see its README): grades the
// columns hold, two the columns cannot hold (an id that is not `cadreId:year`, another key order),
// a grade changed and a grade removed in a second commit.
import type { LedgerEvent } from '../../shared/ledger/events';

interface Helpers {
  unitPut: (id: string) => LedgerEvent;
  cadrePut: (id: string) => LedgerEvent;
  scorePut: (cadreId: string, month: string, score: number) => LedgerEvent;
}

export const gradePut = (cadreId: string, year: number, grade: string): LedgerEvent => ({
  type: 'put',
  collection: 'grades',
  record: { id: `${cadreId}:${year}`, cadreId, year, grade },
} as LedgerEvent);

/** Two commits: the ledger, then a grade changed and one removed. */
export function gradeLedgerEvents(h: Helpers): [LedgerEvent[], LedgerEvent[]] {
  const first: LedgerEvent[] = [h.unitPut('u1')];
  for (let c = 1; c <= 4; c++) first.push(h.cadrePut(`c${c}`));
  for (const m of ['2024-11', '2024-12']) for (let c = 1; c <= 4; c++) first.push(h.scorePut(`c${c}`, m, 70 + c));
  first.push(
    gradePut('c1', 2023, 'competent'),
    gradePut('c1', 2024, 'excellent'),
    gradePut('c2', 2024, 'basic'),
    gradePut('c3', 2024, 'incompetent'),
    gradePut('c4', 2023, 'ungraded'),
    { type: 'put', collection: 'grades', record: { id: 'g-odd', cadreId: 'c2', year: 2023, grade: 'excellent' } },
    { type: 'put', collection: 'grades', record: { cadreId: 'c4', id: 'c4:2024', year: 2024, grade: 'basic' } as never },
  );
  const second: LedgerEvent[] = [
    gradePut('c1', 2024, 'competent'),
    { type: 'remove', collection: 'grades', id: 'c3:2024' },
  ];
  return [first, second];
}
