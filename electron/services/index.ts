// All handlers, one group per domain. The `satisfies Handlers` check fails to compile if any
// endpoint of the contract has no handler.
import type { Handlers } from '../../shared/contract';
import { backupHandlers } from './backup';
import { casefileHandlers } from './casefile';
import type { ServiceContext } from './context';
import { documentsHandlers } from './documents';
import { findingsHandlers } from './findings';
import { importingHandlers } from './importing';
import { meetingsHandlers } from './meetings';
import { recordsHandlers } from './records';
import { registryHandlers } from './registry';
import { reportsHandlers } from './reports';
import { sessionHandlers } from './session';
import { trackerHandlers } from './tracker';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...sessionHandlers(ctx),
    ...registryHandlers(ctx),
    ...recordsHandlers(ctx),
    ...findingsHandlers(ctx),
    ...casefileHandlers(ctx),
    ...trackerHandlers(ctx),
    ...importingHandlers(ctx),
    ...reportsHandlers(ctx),
    ...backupHandlers(ctx),
    ...meetingsHandlers(ctx),
    ...documentsHandlers(ctx),
  } satisfies Handlers;
}
