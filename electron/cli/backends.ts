// The store and demo-generator functions the CLI calls (tests may substitute them). The demo
// generator is built in parallel by another part of the project: until its module exists, `demo`
// says so plainly instead of the CLI failing to load.
import { LedgerError } from '../../shared/contract/errors';
import type { Month } from '../../shared/domain/primitives';
import type { LedgerStore } from '../store/types';
import { backupStore, initStore, openStore, restoreStore, verifyStore } from '../store/index';

export interface VerifyReportLike {
  ok: boolean;
  events?: number;
  head?: string;
  problems: Array<{ file?: string; seq?: number; offset?: number; message: { zh: string; en: string } }>;
}

export interface SecretOptions {
  passphrase?: string;
  recoveryKey?: string;
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
  restoreStore(file: string, dataDir: string, options: SecretOptions): Promise<{ revision: number; safetyBackup?: string }>;
  generateTownship(options: TownshipOptions): Promise<Record<string, unknown[]>>;
}

const notYet = (what: string) =>
  new LedgerError('INTERNAL', {
    zh: `此版本尚未提供“${what}”功能。`,
    en: `"${what}" is not available in this build yet.`,
  });

type AnyFn = (...args: unknown[]) => unknown;

function exported(module: object, name: string): AnyFn | undefined {
  const f = (module as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as AnyFn) : undefined;
}

// A specifier TypeScript does not resolve at compile time (the module may not exist yet).
const townshipModule = '../../shared/demo/township';

export async function loadBackends(): Promise<CliBackends> {
  return {
    openStore: (dir, options) => openStore(dir, options),
    initStore: (dir, options) => initStore(dir, options),
    verifyStore: (dir, options) => verifyStore(dir, options),
    backupStore: (store, out) => backupStore(store, out),
    restoreStore: (file, dir, options) => restoreStore(file, dir, options),
    async generateTownship(options) {
      let module: object;
      try {
        module = (await import(/* @vite-ignore */ townshipModule)) as object;
      } catch {
        throw notYet('demo');
      }
      const f = exported(module, 'generateTownship');
      if (!f) throw notYet('demo');
      return (await f(options)) as Record<string, unknown[]>;
    },
  };
}
