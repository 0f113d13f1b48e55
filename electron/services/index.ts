// All handlers, one group per domain. The `satisfies Handlers` check fails to compile if any
// endpoint of the contract has no handler.
import type { Handlers } from '../../shared/contract';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { casefileHandlers } from './casefile';
import type { ServiceContext } from './context';
import { documentsHandlers } from './documents';
import { faultsHandlers } from './faults';
import { findingsHandlers } from './findings';
import { importingHandlers } from './importing';
import { meetingsHandlers } from './meetings';
import { policyHandlers } from './policy';
import { recordsHandlers } from './records';
import { registryHandlers } from './registry';
import { rehabHandlers } from './rehab';
import { reportsHandlers } from './reports';
import { sessionHandlers } from './session';
import { syncHandlers } from './sync';
import { trackerHandlers } from './tracker';
import { usersHandlers } from './users';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...sessionHandlers(ctx),
    ...usersHandlers(ctx),
    ...auditHandlers(ctx),
    ...registryHandlers(ctx),
    ...recordsHandlers(ctx),
    ...rehabHandlers(ctx),
    ...faultsHandlers(ctx),
    ...findingsHandlers(ctx),
    ...casefileHandlers(ctx),
    ...trackerHandlers(ctx),
    ...importingHandlers(ctx),
    ...reportsHandlers(ctx),
    ...backupHandlers(ctx),
    ...meetingsHandlers(ctx),
    ...documentsHandlers(ctx),
    ...syncHandlers(ctx),
    ...policyHandlers(ctx),
  } satisfies Handlers;
}
