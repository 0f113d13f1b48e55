// reports.*: the meeting statistics (DOMAIN.md §4.4), with the engine's findings for the counts
// that follow from policy.
import type { MeetingStatistics } from '../../shared/reports/meeting';
import { meetingStatistics } from '../../shared/reports/meeting';
import { evaluate } from '../../shared/engine';
import type { HandlerGroup, ServiceContext } from './context';

export function reportsHandlers(ctx: ServiceContext): HandlerGroup<'reports.meeting'> {
  return {
    async 'reports.meeting'({ from, to }): Promise<MeetingStatistics> {
      const state = ctx.store.state();
      return meetingStatistics(state, from, to, { findingsAsOf: (month) => evaluate(state, month) });
    },
  };
}
