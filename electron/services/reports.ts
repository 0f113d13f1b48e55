// Handlers for the 'reports' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function reportsHandlers(_ctx: ServiceContext) {
  return {};
}
