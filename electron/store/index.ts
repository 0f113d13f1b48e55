// The durable store's public surface. The app, the CLI and the browser host use these; services
// depend only on the LedgerStore interface (types.ts). Every error is a LedgerError with zh/en text.
import { FileStore, type StoreOptions } from './file-store';

export type { CommitMeta, CommitResult, LedgerStore, OpenOptions, OpenStore } from './types';
export { FileStore, hasUserKeys, initStore, isEncrypted, type InitResult, type StoreOptions, type StoreWarning } from './file-store';
export { verifyStore, type VerifyOptions, type VerifyProblem, type VerifyProblemKind, type VerifyReport, type VerifyRestore } from './verify';
export {
  backupPath,
  backupStore,
  listBackups,
  readBackupHeader,
  restoreStore,
  runDailyBackup,
  KEEP_DAILY_BACKUPS,
  type BackupEntry,
  type BackupHeader,
  type BackupKind,
  type BackupResult,
  type RestoreOptions,
  type RestoreResult,
} from './backup';
export { backupName } from './backup';
export { changePassphrase } from './passphrase';
export { lockHolder, type LockInfo } from './lock';
export { nodeFs, type StoreFs } from './fsio';
export { CURRENT_STORE_VERSION, migrations } from './migrations';

/**
 * Opens the store in `dataDir` (creating it with `create: true`), taking the directory's lock.
 * Errors are LedgerError: NOT_FOUND (no store), LOCKED (another process holds it), UNAUTHORIZED
 * (encrypted: missing or wrong passphrase), INTERNAL (damaged data, naming the record).
 */
export function openStore(dataDir: string, options: StoreOptions = {}): Promise<FileStore> {
  return FileStore.open(dataDir, options);
}
