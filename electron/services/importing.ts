// import.*: the import wizard's endpoints over electron/import. One commit per imported file.
import type { ImportCommitResult, ImportPreview } from '../../shared/contract/importing';
import { maxRejectedListed, maxSampleRows } from '../../shared/contract/importing';
import { LedgerError } from '../../shared/contract/errors';
import { planImport, type ImportPlan } from '../../shared/import/plan';
import type { ImportKind } from '../../shared/import/columns';
import { readTable, runImport, type ReadResult } from '../import/importer';
import { defaultFileLimits, type FileLimits } from '../import/limits';
import { buildTemplate, templateFileName } from '../import/template';
import type { HandlerGroup, ServiceContext } from './context';

type ImportEndpoints = 'import.preview' | 'import.commit' | 'import.template';

function decodeFile(contentBase64: string, limits: FileLimits): Uint8Array {
  // Refuse before decoding: base64 is 4 characters per 3 bytes.
  if (Math.floor((contentBase64.length * 3) / 4) > limits.maxFileBytes + 3) {
    const mb = (limits.maxFileBytes / 1024 / 1024).toFixed(0);
    throw new LedgerError('VALIDATION', { zh: `文件过大（上限 ${mb} MB）`, en: `the file is too large (limit ${mb} MB)` });
  }
  return new Uint8Array(Buffer.from(contentBase64, 'base64'));
}

function counts(kind: ImportKind, fileName: string, read: ReadResult, plan: ImportPlan) {
  return {
    kind,
    fileName,
    format: read.format,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    headerRows: plan.headerRows,
    total: plan.total,
    valid: plan.valid,
    rejectedRows: plan.rejectedRows,
    rejected: plan.rejected.slice(0, maxRejectedListed),
    rejectedCount: plan.rejected.length,
    unknownColumns: plan.unknownColumns,
    fatal: plan.fatal,
    inserted: plan.inserted,
    updated: plan.updated,
    unchanged: plan.unchanged,
  };
}

export function importingHandlers(ctx: ServiceContext, limits: FileLimits = defaultFileLimits): HandlerGroup<ImportEndpoints> {
  return {
    async 'import.preview'({ kind, fileName, contentBase64 }): Promise<ImportPreview> {
      const read = await readTable({ fileName, bytes: decodeFile(contentBase64, limits) }, limits);
      const plan = planImport(ctx.store.state(), kind, read.table, limits);
      return { ...counts(kind, fileName, read, plan), sample: plan.rows.slice(0, maxSampleRows) };
    },
    async 'import.commit'({ kind, fileName, contentBase64, validOnly }, call): Promise<ImportCommitResult> {
      const bytes = decodeFile(contentBase64, limits);
      const { plan, read, committed, revision } = await runImport(ctx.store, kind, { fileName, bytes }, { user: call.user, validOnly, limits });
      return { ...counts(kind, fileName, read, plan), committed, revision };
    },
    async 'import.template'({ kind }) {
      return { fileName: templateFileName(kind), contentBase64: (await buildTemplate(kind)).toString('base64') };
    },
  };
}
