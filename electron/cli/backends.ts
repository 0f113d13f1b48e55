// The store and demo-generator functions the CLI calls (tests may substitute them).
import { generateTownship } from '../../shared/demo/township';
import type { Month } from '../../shared/domain/primitives';
import type { LedgerStore } from '../store/types';
import { backupStore, initStore, openStore, restoreStore, verifyStore } from '../store/index';

export interface VerifyReportLike {
  ok: boolean;
  events?: number;
  head?: string;
  restores?: Array<{ seq: number; at: string; user: string; from: string; replacedHead: string; replacedRevision: number; safetyBackup?: string }>;
  problems: Array<{ file?: string; seq?: number; offset?: number; message: { zh: string; en: string } }>;
}

export interface SecretOptions {
  passphrase?: string;
  recoveryKey?: string;
  /** A user account's login (an encrypted ledger with accounts). */
  user?: { name: string; password: string };
}

export interface TownshipOptions {
  cadres: number;
  endMonth: Month;
  months: number;
  seed: number;
}

export interface CliBackends {
  openStore(dataDir: string, options: SecretOptions & { create?: boolean }): Promise<LedgerStore>;
  initStore(dataDir: string, options: { passphrase?: string }): Promise<{ recoveryKey?: string }>;
  verifyStore(dataDir: string, options: SecretOptions): Promise<VerifyReportLike>;
  backupStore(store: LedgerStore, outFile: string): Promise<unknown>;
  restoreStore(
    file: string,
    dataDir: string,
    options: SecretOptions & { dataKey?: Buffer; restoredBy?: string; command?: string },
  ): Promise<{ revision: number; safetyBackup?: string }>;
  generateTownship(options: TownshipOptions): Promise<Record<string, unknown[]>>;
}

export async function loadBackends(): Promise<CliBackends> {
  return {
    openStore: (dir, options) => openStore(dir, options),
    initStore: (dir, options) => initStore(dir, options),
    verifyStore: (dir, options) => verifyStore(dir, options),
    backupStore: (store, out) => backupStore(store, out),
    restoreStore: (file, dir, options) => restoreStore(file, dir, options),
    generateTownship: async (options) => generateTownship(options),
  };
}
