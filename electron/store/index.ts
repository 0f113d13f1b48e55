// The durable store's public surface. The app, the CLI and the browser host use these; services
// depend only on the LedgerStore interface (types.ts).
import { FileStore, type StoreOptions } from './file-store';

export type { CommitMeta, CommitResult, LedgerStore, OpenOptions, OpenStore } from './types';
export { FileStore, initStore, isEncrypted, type InitResult, type StoreOptions, type StoreWarning } from './file-store';

/**
 * Opens the store in `dataDir` (creating it with `create: true`), taking the directory's lock.
 * Errors are LedgerError: NOT_FOUND (no store), LOCKED (another process holds it), UNAUTHORIZED
 * (encrypted: missing or wrong passphrase), INTERNAL (damaged data, naming the record).
 */
export function openStore(dataDir: string, options: StoreOptions = {}): Promise<FileStore> {
  return FileStore.open(dataDir, options);
}
