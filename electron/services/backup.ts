// Handlers for backup.*: thin wrappers over electron/store/backup.ts. Backups live in
// <dataDir>/backups/; restore goes through ctx.swapStore (close, replace files, reopen).
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LedgerError } from '../../shared/contract/errors';
import {
  backupName,
  backupPath,
  backupStore,
  FileStore,
  KEEP_DAILY_BACKUPS,
  listBackups,
  readBackupHeader,
  restoreStore,
  type RestoreResult,
} from '../store/index';
import type { HandlerGroup, ServiceContext } from './context';

type BackupEndpoints =
  | 'backup.list'
  | 'backup.create'
  | 'backup.download'
  | 'backup.restore'
  | 'backup.delete'
  | 'backup.verify';

/** Downloads and uploads travel as base64 in one message: keep them to a sane size. */
export const MAX_TRANSFER_BYTES = 256 << 20;

function fileStore(ctx: ServiceContext): FileStore {
  const store = ctx.store;
  if (!(store instanceof FileStore)) {
    throw new LedgerError('CONFLICT', {
      zh: '当前台账不是文件台账（或尚未解锁），无法备份或恢复。',
      en: 'The open ledger is not a file store (or is still locked): it cannot be backed up or restored.',
    });
  }
  return store;
}

function existing(dataDir: string, name: string): string {
  const path = backupPath(dataDir, name);
  if (!existsSync(path)) {
    throw new LedgerError('NOT_FOUND', { zh: `找不到备份 ${name}`, en: `No backup named ${name}` }, [
      { path: 'name', message: { zh: '找不到此备份', en: 'no such backup' } },
    ]);
  }
  return path;
}

function entry(dataDir: string, name: string) {
  const found = listBackups(dataDir).find((b) => b.name === name);
  if (found) return found;
  return { name, kind: 'other' as const, size: statSync(backupPath(dataDir, name)).size, createdAt: new Date().toISOString() };
}

export function backupHandlers(ctx: ServiceContext): HandlerGroup<BackupEndpoints> {
  return {
    'backup.list': async () => {
      const store = fileStore(ctx);
      return { directory: store.backupsDir, keepDaily: KEEP_DAILY_BACKUPS, backups: listBackups(store.dataDir) };
    },

    'backup.create': async () => {
      const store = fileStore(ctx);
      const name = backupName('manual', ctx.now());
      const result = await backupStore(store, backupPath(store.dataDir, name));
      return { ...entry(store.dataDir, name), revision: result.revision };
    },

    'backup.download': async ({ name }) => {
      const store = fileStore(ctx);
      const path = existing(store.dataDir, name);
      const size = statSync(path).size;
      if (size > MAX_TRANSFER_BYTES) {
        throw new LedgerError('VALIDATION', {
          zh: `备份过大（${size} 字节），无法在浏览器中下载；请直接复制文件 ${path}。`,
          en: `The backup is too large (${size} bytes) to download in the browser; copy the file ${path} instead.`,
        });
      }
      return { name, size, base64: readFileSync(path).toString('base64') };
    },

    'backup.restore': async ({ name, base64, passphrase }) => {
      const store = fileStore(ctx);
      const dataDir = store.dataDir;
      let file: string;
      if (name !== undefined) file = existing(dataDir, name);
      else {
        const bytes = Buffer.from(base64!, 'base64');
        if (bytes.length === 0 || bytes.length > MAX_TRANSFER_BYTES) {
          throw new LedgerError('VALIDATION', { zh: '上传的备份文件为空或过大。', en: 'The uploaded backup is empty or too large.' }, [
            { path: 'base64', message: { zh: '文件为空或过大', en: 'empty or too large' } },
          ]);
        }
        file = backupPath(dataDir, backupName('uploaded', ctx.now()));
        mkdirSync(join(dataDir, 'backups'), { recursive: true });
        writeFileSync(file, bytes);
        try {
          await readBackupHeader(file); // reject a damaged upload before closing anything
        } catch (e) {
          rmSync(file, { force: true });
          throw e;
        }
      }
      const dataKey = store.dataKey;
      let result: RestoreResult | undefined;
      await ctx.swapStore(async (dir) => {
        result = await restoreStore(file, dir, { dataKey, passphrase });
      });
      return {
        revision: ctx.store.revision,
        restoredFrom: basename(file),
        ...(result?.safetyBackup ? { safetyBackup: basename(result.safetyBackup) } : {}),
      };
    },

    'backup.delete': async ({ name }) => {
      const store = fileStore(ctx);
      rmSync(existing(store.dataDir, name));
      return { name };
    },

    'backup.verify': async () => {
      const report = await fileStore(ctx).verify();
      return { ...report, problems: report.problems.map((p) => ({ ...p })) };
    },
  };
}
