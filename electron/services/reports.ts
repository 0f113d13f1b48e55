// reports.*: the meeting statistics (DOMAIN.md §4.4), with the engine's findings for the counts
// that follow from policy.
import type { MeetingStatistics } from '../../shared/reports/meeting';
import { officeMeetingStatistics } from '../../shared/reports/meeting';
import type { ViewEngine } from '../../shared/views/viewEngine';
import type { HandlerGroup, ServiceContext } from './context';
import { viewEngineOf } from './findings';

export function reportsHandlers(ctx: ServiceContext, engine: ViewEngine = viewEngineOf(ctx)): HandlerGroup<'reports.meeting'> {
  return {
    // The findings come from the office-scoped engine: each township's cadres among their own.
    async 'reports.meeting'({ from, to, office }): Promise<MeetingStatistics> {
      return officeMeetingStatistics(ctx.store.state(), engine, from, to, office);
    },
  };
}
