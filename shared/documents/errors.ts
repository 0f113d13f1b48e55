// Why a document cannot be made from the input: an unknown id, or a record of the wrong kind.
// The service turns it into a LedgerError with the same code, message and field path.
import type { Bilingual } from '../domain/primitives';

export class DocumentInputError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'VALIDATION',
    readonly bilingual: Bilingual,
    readonly path?: string,
  ) {
    super(bilingual.en);
    this.name = 'DocumentInputError';
  }
}

export function notFound(what: Bilingual, id: string, path?: string): DocumentInputError {
  return new DocumentInputError('NOT_FOUND', { zh: `未找到${what.zh}：${id}`, en: `unknown ${what.en}: ${id}` }, path);
}
