// Handlers for the 'registry' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function registryHandlers(_ctx: ServiceContext) {
  return {};
}
