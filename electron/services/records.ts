// Handlers for the 'records' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function recordsHandlers(_ctx: ServiceContext) {
  return {};
}
