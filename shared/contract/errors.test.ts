import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cadreSchema } from '../domain/records';
import { dateSchema, monthSchema } from '../domain/primitives';
import { fieldErrorsFromIssues, LedgerError, validationError } from './errors';

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return fieldErrorsFromIssues(r.error.issues, input);
};

describe('zod issues in both UI languages', () => {
  it('says 必填 for a missing or blank required field, and names the wrong type otherwise', () => {
    const errs = errorsOf(cadreSchema, { id: 'C1', name: '  ', unitId: 5, category: 'civilServant' });
    expect(errs).toContainEqual({ path: 'name', message: { zh: '必填', en: 'required' } });
    expect(errs).toContainEqual({ path: 'peerGroup', message: { zh: '必填', en: 'required' } });
    expect(errs).toContainEqual({ path: 'unitId', message: { zh: '应为文本', en: 'expected text' } });
  });

  it('gives the date and month formats in Chinese', () => {
    expect(errorsOf(z.object({ d: dateSchema }), { d: '2024/1/2' })[0].message.zh).toBe('格式应为 YYYY-MM-DD（如 2024-03-15）');
    expect(errorsOf(z.object({ d: dateSchema }), { d: '2024-02-30' })[0].message.zh).toBe('不是有效的日期');
    expect(errorsOf(z.object({ m: monthSchema }), { m: '2024-13' })[0].message).toEqual({
      zh: '格式应为 YYYY-MM（如 2024-03）',
      en: 'expected YYYY-MM (e.g. 2024-03)',
    });
  });

  it('lists the allowed options of an enum and the bounds of a number', () => {
    const [e] = errorsOf(z.object({ g: z.enum(['a', 'b']) }), { g: 'c' });
    expect(e.message.zh).toBe('取值无效，应为以下之一：a、b');
    const [n] = errorsOf(z.object({ s: z.number().min(0).max(100) }), { s: 101 });
    expect(n.message).toEqual({ zh: '不能大于 100', en: 'must be at most 100' });
    const [t] = errorsOf(z.object({ s: z.string().max(3) }), { s: 'abcd' });
    expect(t.message.zh).toBe('最多 3 个字');
  });

  it('prefixes nested paths and builds a VALIDATION error', () => {
    const schema = z.object({ record: z.object({ score: z.number() }) });
    const input = { record: {} };
    const r = schema.safeParse(input);
    const err = validationError(r.error!.issues, input);
    expect(err).toBeInstanceOf(LedgerError);
    expect(err.code).toBe('VALIDATION');
    expect(err.toShape().fields).toEqual([{ path: 'record.score', message: { zh: '必填', en: 'required' } }]);
    expect(fieldErrorsFromIssues(r.error!.issues, input, 'outer')[0].path).toBe('outer.record.score');
  });
});
