// Shared by the store's tests: temp data directories and small ledgers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerEvent } from '../../shared/ledger/events';

export function tempDir(prefix = 'store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `cadre-${prefix}`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const unitPut = (id: string, name = `单位${id}`): LedgerEvent => ({
  type: 'put',
  collection: 'units',
  record: { id, name },
});

export const cadrePut = (id: string, name = `张${id}`): LedgerEvent => ({
  type: 'put',
  collection: 'cadres',
  record: {
    id,
    name,
    unitId: 'u1',
    peerGroup: '乡镇班子',
    position: '副镇长',
    rankLevel: '副科',
    category: 'civilServant',
    leader: false,
  },
});

export const scorePut = (cadreId: string, month: string, score: number): LedgerEvent => ({
  type: 'put',
  collection: 'scores',
  record: { id: `${cadreId}:${month}`, cadreId, month, score },
});

/** Cheap scrypt for tests that are not about the key derivation itself. */
export const fastScrypt = { N: 2 ** 10, r: 8, p: 1 };
export const who = { user: 'tester', command: 'test' };
