// The one error shape that crosses the contract. Never a stack trace: a code, the field(s) at
// fault and a message in both UI languages.
import { z } from 'zod';
import { bilingualSchema } from '../domain/primitives';

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'LOCKED',
  'UNKNOWN_COMMAND',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldErrorSchema = z.object({
  /** Dotted path into the input, e.g. "name" or "record.unitId". */
  path: z.string(),
  message: bilingualSchema,
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const ledgerErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: bilingualSchema,
  fields: z.array(fieldErrorSchema).optional(),
});
export type LedgerErrorShape = z.infer<typeof ledgerErrorSchema>;

/** Thrown by services; the dispatcher turns it into the envelope's `error`. */
export class LedgerError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: { zh: string; en: string },
    readonly fields?: FieldError[],
  ) {
    super(bilingual.en);
    this.name = 'LedgerError';
  }
  toShape(): LedgerErrorShape {
    return { code: this.code, message: this.bilingual, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

/** What every call returns over IPC or HTTP. `revision` lets the renderer's cache know it is stale. */
export type Envelope<T> =
  | { ok: true; value: T; revision: number }
  | { ok: false; error: LedgerErrorShape; revision: number };
