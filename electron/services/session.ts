// Handlers for the 'session' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function sessionHandlers(_ctx: ServiceContext) {
  return {};
}
