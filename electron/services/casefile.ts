// Handlers for the 'casefile' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function casefileHandlers(_ctx: ServiceContext) {
  return {};
}
