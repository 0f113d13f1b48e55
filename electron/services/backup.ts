// Handlers for backup.*: thin wrappers over electron/store/backup.ts. Backups live in
// <dataDir>/backups/; restore goes through ctx.swapStore (close, replace files, reopen).
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CallContext } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import type { AuditEntry } from '../../shared/domain/access';
import { put } from '../../shared/ledger/events';
import { auditEntry } from '../core/auth/accounts';
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

/** A restore's safety copy of the replaced ledger cannot be deleted for this long. */
export const PRE_RESTORE_KEEP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** An audit entry now (through the core's session control, which also handles a locked ledger). */
async function auditNow(ctx: ServiceContext, call: CallContext, fields: Omit<AuditEntry, 'id' | 'at' | 'user'>): Promise<void> {
  const entry = auditEntry({ user: call.user, ...fields }, ctx.now());
  if (ctx.session) await ctx.session.audit([entry]);
  else await ctx.store.commit([put('audit', entry)], { user: call.user, command: fields.action });
}

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

    'backup.restore': async ({ name, base64, passphrase }, call) => {
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
        result = await restoreStore(file, dir, { dataKey, passphrase, restoredBy: call.user, command: 'backup.restore', now: ctx.now });
      });
      return {
        revision: ctx.store.revision,
        restoredFrom: basename(file),
        ...(result?.safetyBackup ? { safetyBackup: basename(result.safetyBackup) } : {}),
      };
    },

    'backup.delete': async ({ name }, call) => {
      const store = fileStore(ctx);
      const path = existing(store.dataDir, name);
      const found = entry(store.dataDir, name);
      const ageMs = ctx.now().getTime() - Date.parse(found.createdAt);
      if (found.kind === 'pre-restore' && !(ageMs >= PRE_RESTORE_KEEP_DAYS * DAY_MS)) {
        await auditNow(ctx, call, { action: 'backup.delete', result: 'refused', target: name, detail: `pre-restore copy younger than ${PRE_RESTORE_KEEP_DAYS} days` });
        const until = new Date(Date.parse(found.createdAt) + PRE_RESTORE_KEEP_DAYS * DAY_MS).toISOString().slice(0, 10);
        throw new LedgerError('CONFLICT', {
          zh: `恢复前的安全副本须保留 ${PRE_RESTORE_KEEP_DAYS} 天（${until} 之后才能删除）：它保存着被恢复替换掉的记录。`,
          en: `A pre-restore safety copy is kept for ${PRE_RESTORE_KEEP_DAYS} days (it can be deleted after ${until}): it holds the records the restore replaced.`,
        }, [{ path: 'name', message: { zh: `须保留至 ${until}`, en: `kept until ${until}` } }]);
      }
      rmSync(path);
      await auditNow(ctx, call, { action: 'backup.delete', result: 'ok', target: name, detail: found.kind });
      return { name };
    },

    'backup.verify': async () => {
      const report = await fileStore(ctx).verify();
      return { ...report, problems: report.problems.map((p) => ({ ...p })) };
    },
  };
}
