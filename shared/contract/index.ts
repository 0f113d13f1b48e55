// The one IPC contract: endpoint name → input and output schema. The preload API, the main-process
// handlers, the browser host and the renderer client are all derived from this map.
import type { z } from 'zod';
import type { Role } from '../domain/access';
import { auditContract } from './audit';
import { backupContract } from './backup';
import { casefileContract } from './casefile';
import { documentsContract } from './documents';
import { faultsContract } from './faults';
import { findingsContract } from './findings';
import { importingContract } from './importing';
import { meetingsContract } from './meetings';
import { policyContract } from './policy';
import { recordsContract } from './records';
import { rehabContract } from './rehab';
import { registryContract } from './registry';
import { reportsContract } from './reports';
import { sessionContract } from './session';
import { syncContract } from './sync';
import { trackerContract } from './tracker';
import { usersContract } from './users';

export const contract = {
  ...sessionContract,
  ...usersContract,
  ...auditContract,
  ...registryContract,
  ...recordsContract,
  ...rehabContract,
  ...faultsContract,
  ...findingsContract,
  ...casefileContract,
  ...trackerContract,
  ...importingContract,
  ...reportsContract,
  ...backupContract,
  ...meetingsContract,
  ...documentsContract,
  ...syncContract,
  ...policyContract,
} as const;

export type Contract = typeof contract;
export type EndpointName = keyof Contract;
export const endpointNames = Object.keys(contract) as EndpointName[];

export type InputOf<N extends EndpointName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends EndpointName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends EndpointName> = z.output<Contract[N]['output']>;

/** What main-process services implement: one handler per endpoint, given the parsed input. */
export type Handlers = {
  [N in EndpointName]: (input: ParsedInputOf<N>, ctx: CallContext) => Promise<OutputOf<N>> | OutputOf<N>;
};
export interface CallContext {
  /**
   * Who is calling: the authenticated login name (or the OS user of a single-user ledger). The core
   * builds this from its own session table; transports never supply it (docs/ACCESS.md).
   */
  user: string;
  /** The caller's roles; the dispatcher checks each endpoint's permission against them. */
  roles?: readonly Role[];
  /** The transport's session id (one per window, browser tab or CLI run). */
  session?: string;
}

/** What the renderer calls: `api.cadres.list({})`, grouped by the part before the first dot. */
type Group<N extends string> = N extends `${infer G}.${string}` ? G : never;
type Method<N extends string, G extends string> = N extends `${G}.${infer M}` ? M : never;
export type LedgerApi = {
  [G in Group<EndpointName>]: {
    [M in Method<Extract<EndpointName, `${G}.${string}`>, G>]: (
      input: InputOf<Extract<`${G}.${M}`, EndpointName>>,
    ) => Promise<OutputOf<Extract<`${G}.${M}`, EndpointName>>>;
  };
};

export * from './errors';
export type { Role } from '../domain/access';
export type { Bilingual } from '../domain/primitives';
export type { SessionInfo } from './session';
export type { CadreRow, UnitRow } from './registry';
export type { PutCollection, PutRecordInput, PutRecordOutput } from './records';
export { command, query, type Endpoint } from './define';
