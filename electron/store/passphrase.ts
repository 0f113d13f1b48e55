// Changing the passphrase of an encrypted store (or setting a new one after unlocking with the
// recovery key): only the wrapping of the data key in meta.json changes; no record is rewritten.
import { resolve } from 'node:path';
import { LedgerError } from '../../shared/contract/errors';
import { rewrapForPassphrase, unlockDataKey, type UnlockSecret } from './crypto';
import { noStoreError } from './errors';
import { nodeFs, type StoreFs } from './fsio';
import { acquireLock } from './lock';
import { readMeta, writeMeta } from './meta';

export async function changePassphrase(
  dataDir: string,
  secret: UnlockSecret & { newPassphrase: string; fs?: StoreFs },
): Promise<void> {
  const dir = resolve(dataDir);
  const lock = acquireLock(dir, 'cadre-ledger passphrase');
  try {
    const found = readMeta(dir);
    if (!found) throw noStoreError(dir);
    const { meta } = found;
    if (!meta.encryption) {
      throw new LedgerError('VALIDATION', {
        zh: '此台账未加密，无法更改口令（加密须在 init 时选择）。',
        en: 'This ledger is not encrypted, so it has no passphrase (encryption is chosen at init).',
      });
    }
    const dataKey = await unlockDataKey(meta.storeId, meta.encryption, secret);
    const encryption = await rewrapForPassphrase(meta.storeId, meta.encryption, dataKey, secret.newPassphrase);
    await writeMeta(secret.fs ?? nodeFs, dir, { ...meta, encryption });
  } finally {
    lock.release();
  }
}
