// casefile.get: one cadre's case file. The view is pure (shared/views/casefile.ts); the service
// supplies the clock and the cadre's current findings, and the office that owns the cadre.
import type { Ownership } from '../../shared/contract/casefile';
import { LedgerError } from '../../shared/contract/errors';
import type { LedgerState } from '../../shared/ledger/collections';
import type { Owner } from '../../shared/sync/records';
import { officeNameOf, ownerOf, selfCodeOf } from '../../shared/views/officeScope';
import { CadreNotFound, caseFileView } from '../../shared/views/casefile';
import { listFindings } from '../../shared/views/findings';
import { viewEngineOf } from './findings';
import type { ViewEngine } from '../../shared/views/viewEngine';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';

export function casefileHandlers(ctx: ServiceContext, engine: ViewEngine = viewEngineOf(ctx)): HandlerGroup<'casefile.get'> {
  return {
    'casefile.get': ({ cadreId, asOf }) => {
      const state = ctx.store.state();
      const today = todayOf(ctx.now());
      if (!state.cadres.has(cadreId)) throw cadreNotFound(cadreId);
      const findings = listFindings(state, engine, { asOf, today, subject: { type: 'cadre', id: cadreId } }).items;
      try {
        const view = caseFileView(state, engine, { cadreId, asOf, today, findings });
        const ownership = ownershipOf(state, cadreId);
        return ownership ? { ...view, ownership } : view;
      } catch (e) {
        if (e instanceof CadreNotFound) throw cadreNotFound(cadreId);
        throw e;
      }
    },
  };
}

/** The cadre's owning office and its transfers (sync.transfer's `owners` record), with the offices' names. */
function ownershipOf(state: LedgerState, cadreId: string): Ownership | undefined {
  const self = selfCodeOf(state);
  if (!self) return undefined;
  const office = ownerOf(state, 'cadres', cadreId, self);
  const owner = state.owners.get(cadreId) as Owner | undefined;
  const history = owner?.collection === 'cadres' ? owner.history : [];
  const cadre = state.cadres.get(cadreId);
  const unitOffice = cadre ? ownerOf(state, 'units', cadre.unitId, self) : office;
  return {
    office,
    officeName: officeNameOf(state, office),
    self: office === self,
    unitOffice,
    unitOfficeName: officeNameOf(state, unitOffice),
    transfers: history.map((h) => ({ ...h, note: h.note ?? '', fromName: officeNameOf(state, h.from), toName: officeNameOf(state, h.to) })),
  };
}

const cadreNotFound = (id: string) =>
  new LedgerError('NOT_FOUND', { zh: `干部“${id}”不存在`, en: `cadre "${id}" not found` }, [
    { path: 'cadreId', message: { zh: '干部不存在', en: 'no such cadre' } },
  ]);
