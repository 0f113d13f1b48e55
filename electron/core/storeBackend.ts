// Which store the core opens: the durable file store (electron/store). Tests swap in a fake here
// (CoreOptions.backend); services, hosts and the UI never see the difference.
import { LedgerError } from '../../shared/contract/errors';
import { hasUserKeys, isEncrypted, openStore } from '../store/index';
import type { OpenStore } from '../store/types';

export interface StoreBackend {
  openStore: OpenStore;
  /** Whether the data directory holds an encrypted store (readable without the passphrase). */
  isEncrypted(dataDir: string): Promise<boolean>;
  /** Whether an encrypted store's data key is wrapped for user accounts (logins are on). */
  hasUserKeys?(dataDir: string): Promise<boolean>;
  /** Stores on disk: logins.json (failed logins, lockouts) lives beside them. */
  persistent?: boolean;
}

/** The file store; `purpose` is written into the lock so a refused second opener can name us. */
export function fileStoreBackend(purpose = 'cadre-ledger'): StoreBackend {
  return {
    openStore: (dataDir, options) => openStore(dataDir, { ...options, purpose }),
    isEncrypted: defaultStoreBackend.isEncrypted,
    hasUserKeys: defaultStoreBackend.hasUserKeys,
    persistent: true,
  };
}

export const defaultStoreBackend: StoreBackend = {
  persistent: true,
  openStore: (dataDir, options) => openStore(dataDir, options),
  async hasUserKeys(dataDir) {
    return hasUserKeys(dataDir);
  },
  async isEncrypted(dataDir) {
    try {
      return isEncrypted(dataDir);
    } catch (e) {
      // No store there yet: the core creates a plain one (or an encrypted one if given a passphrase).
      if (e instanceof LedgerError && e.code === 'NOT_FOUND') return false;
      throw e;
    }
  },
};
