// casefile.get: one cadre's case file. The view is pure (shared/views/casefile.ts); the service
// supplies the clock and the cadre's current findings.
import { LedgerError } from '../../shared/contract/errors';
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
        return caseFileView(state, engine, { cadreId, asOf, today, findings });
      } catch (e) {
        if (e instanceof CadreNotFound) throw cadreNotFound(cadreId);
        throw e;
      }
    },
  };
}

const cadreNotFound = (id: string) =>
  new LedgerError('NOT_FOUND', { zh: `干部“${id}”不存在`, en: `cadre "${id}" not found` }, [
    { path: 'cadreId', message: { zh: '干部不存在', en: 'no such cadre' } },
  ]);
