// Handlers for the 'backup' endpoints of the contract. Filled in by the issue that builds them.
import type { ServiceContext } from './context';

export function backupHandlers(_ctx: ServiceContext) {
  return {};
}
