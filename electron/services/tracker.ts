// Handlers for the 'tracker' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function trackerHandlers(_ctx: ServiceContext) {
  return {};
}
