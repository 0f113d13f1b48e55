// Handlers for the 'importing' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function importingHandlers(_ctx: ServiceContext) {
  return {};
}
