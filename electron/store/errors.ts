// The store's errors: always LedgerError with both languages, naming the file and record at fault.
import { LedgerError } from '../../shared/contract/errors';

export function noStoreError(dataDir: string): LedgerError {
  return new LedgerError('NOT_FOUND', {
    zh: `目录 ${dataDir} 中没有台账。请先运行 init 创建。`,
    en: `There is no ledger in ${dataDir}. Create one with init first.`,
  });
}

export function corruptError(file: string, seq: number | undefined, offset: number | undefined, detail: string): LedgerError {
  const where = `${file}${offset !== undefined ? ` @${offset}` : ''}${seq !== undefined ? ` (event #${seq})` : ''}`;
  return new LedgerError(
    'INTERNAL',
    {
      zh: `台账数据损坏：${where}：${detail}。未做任何修改。请运行 verify 查看详情，并从备份恢复。`,
      en: `The ledger data is damaged at ${where}: ${detail}. Nothing was changed. Run verify for details and restore from a backup.`,
    },
    [{ path: where, message: { zh: detail, en: detail } }],
  );
}

