// Handlers for the 'findings' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function findingsHandlers(_ctx: ServiceContext) {
  return {};
}
