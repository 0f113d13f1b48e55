// Which store the core opens. The durable store (electron/store/index.ts) replaces the interim
// journal here, in one place, without touching services, hosts or the UI.
import type { LedgerStore, OpenStore } from '../store/types';
import { openInterimStore } from './interimStore';

export interface StoreBackend {
  openStore: OpenStore;
  /** Whether the data directory holds an encrypted store (readable without the passphrase). */
  isEncrypted(dataDir: string): Promise<boolean>;
}

export const defaultStoreBackend: StoreBackend = {
  openStore: openInterimStore,
  isEncrypted: async () => false,
};

export type { LedgerStore };
