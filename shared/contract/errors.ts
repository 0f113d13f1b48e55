// The one error shape that crosses the contract. Never a stack trace: a code, the field(s) at
// fault and a message in both UI languages.
import { z } from 'zod';
import { bilingualSchema } from '../domain/primitives';

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  /** Logged in, but the role lacks the endpoint's permission (shared/contract/permissions.ts). */
  'FORBIDDEN',
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

// ---- zod issues → field errors in both UI languages -------------------------------------------
// The dispatcher, the services (records.put validates a record inside its input) and the renderer's
// own form checks share this translation, so a field gets the same words wherever it is checked.

type Bi = { zh: string; en: string };

/** Custom messages of the shared schemas (primitives.ts), translated. */
const knownMessages: Record<string, Bi> = {
  'expected YYYY-MM': { zh: '格式应为 YYYY-MM（如 2024-03）', en: 'expected YYYY-MM (e.g. 2024-03)' },
  'expected YYYY-MM-DD': { zh: '格式应为 YYYY-MM-DD（如 2024-03-15）', en: 'expected YYYY-MM-DD (e.g. 2024-03-15)' },
  'not a calendar date': { zh: '不是有效的日期', en: 'not a calendar date' },
  'letters, digits, _ . : - only': { zh: '只能包含字母、数字及 _ . : -', en: 'letters, digits, _ . : - only' },
  'reserved id': { zh: '该编号为保留字，不能使用', en: 'reserved id' },
};

const typeNames: Record<string, Bi> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'yes/no' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
  date: { zh: '日期', en: 'a date' },
};

/** The minimal view of a zod 4 issue this needs (keeps shared/ free of zod internals). */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  /** Discriminated unions: the discriminator values that would have matched. */
  options?: unknown[];
  keys?: string[];
  format?: string;
  divisor?: number;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function sizeText(issue: IssueLike, bound: number | bigint, small: boolean): Bi {
  const n = String(bound);
  const strictWord = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      return small
        ? { zh: `至少 ${strictWord ? Number(bound) + 1 : n} 个字`, en: `at least ${strictWord ? Number(bound) + 1 : n} characters` }
        : { zh: `最多 ${strictWord ? Number(bound) - 1 : n} 个字`, en: `at most ${strictWord ? Number(bound) - 1 : n} characters` };
    case 'array':
    case 'set':
      return small ? { zh: `至少 ${n} 项`, en: `at least ${n} items` } : { zh: `最多 ${n} 项`, en: `at most ${n} items` };
    default:
      if (small) return strictWord ? { zh: `应大于 ${n}`, en: `must be greater than ${n}` } : { zh: `不能小于 ${n}`, en: `must be at least ${n}` };
      return strictWord ? { zh: `应小于 ${n}`, en: `must be less than ${n}` } : { zh: `不能大于 ${n}`, en: `must be at most ${n}` };
  }
}

/** One zod issue in words. `input` is the raw input, to tell "missing" from "wrong type". */
export function issueMessage(issue: IssueLike, input?: unknown): Bi {
  const known = knownMessages[issue.message];
  if (known) return known;
  switch (issue.code) {
    case 'invalid_type': {
      const v = valueAt(input, issue.path);
      if (v === undefined || v === null) return { zh: '必填', en: 'required' };
      const t = typeNames[issue.expected ?? ''] ?? { zh: issue.expected ?? '?', en: issue.expected ?? '?' };
      return { zh: `应为${t.zh}`, en: `expected ${t.en}` };
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { zh: '必填', en: 'required' };
      return sizeText(issue, issue.minimum ?? 0, true);
    case 'too_big':
      return sizeText(issue, issue.maximum ?? 0, false);
    case 'invalid_value': {
      const values = (issue.values ?? []).map((v) => String(v));
      if (values.length === 1) return { zh: `应为 ${values[0]}`, en: `expected ${values[0]}` };
      return { zh: `取值无效，应为以下之一：${values.join('、')}`, en: `invalid option: expected one of ${values.join(', ')}` };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { zh: '邮箱格式不正确', en: 'invalid email address' };
      return { zh: '格式不正确', en: 'invalid format' };
    case 'unrecognized_keys':
      return { zh: `不认识的字段：${(issue.keys ?? []).join('、')}`, en: `unknown field(s): ${(issue.keys ?? []).join(', ')}` };
    case 'not_multiple_of':
      return { zh: `应为 ${issue.divisor} 的倍数`, en: `must be a multiple of ${issue.divisor}` };
    case 'invalid_union': {
      if (!issue.options) return { zh: '取值无效', en: 'invalid value' };
      const v = valueAt(input, issue.path);
      if (v === undefined || v === null || v === '') return { zh: '必填', en: 'required' };
      const values = issue.options.map((o) => String(o));
      return { zh: `取值无效，应为以下之一：${values.join('、')}`, en: `invalid option: expected one of ${values.join(', ')}` };
    }
    case 'invalid_key':
    case 'invalid_element':
      return { zh: '包含无效的项', en: 'contains an invalid entry' };
    default:
      // A custom refinement with its own words (English from the schema): keep them, marked.
      return { zh: `取值无效（${issue.message}）`, en: issue.message || 'invalid value' };
  }
}

/** Zod issues → field errors; `prefix` is prepended to paths (e.g. 'record' for records.put). */
export function fieldErrorsFromIssues(issues: readonly IssueLike[], input?: unknown, prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => String(p)).join('.');
    return {
      path: prefix && path ? `${prefix}.${path}` : prefix || path,
      message: issueMessage(issue, input),
    };
  });
}

/** The VALIDATION error for a failed parse, with one field error per issue. */
export function validationError(issues: readonly IssueLike[], input?: unknown, prefix = ''): LedgerError {
  return new LedgerError(
    'VALIDATION',
    { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the marked fields' },
    fieldErrorsFromIssues(issues, input, prefix),
  );
}
