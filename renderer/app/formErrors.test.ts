import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { applyFieldErrors } from './formErrors';

function fakeForm() {
  const set: Array<{ name: unknown; errors?: string[] }> = [];
  return { set, form: { setFields: (f: Array<{ name: unknown; errors?: string[] }>) => set.push(...f) } as never };
}

const err = new ApiError('VALIDATION', { zh: '输入有误', en: 'Invalid input' }, [
  { path: 'name', message: { zh: '必填', en: 'required' } },
  { path: 'record.unitId', message: { zh: '单位不存在', en: 'no such unit' } },
  { path: 'mystery', message: { zh: '奇怪', en: 'odd' } },
]);

describe('applyFieldErrors', () => {
  it('puts each message on its field in the UI language and returns the rest', () => {
    const { set, form } = fakeForm();
    const rest = applyFieldErrors(form, err, 'zh', ['name', 'unitId']);
    expect(set).toEqual([
      { name: 'name', errors: ['必填'] },
      { name: 'unitId', errors: ['单位不存在'] },
    ]);
    expect(rest).toEqual(['mystery: 奇怪']);
    const en = fakeForm();
    applyFieldErrors(en.form, err, 'en', ['name', 'unitId']);
    expect(en.set[0]).toEqual({ name: 'name', errors: ['required'] });
  });
  it('returns the whole message when no field matches', () => {
    const { form } = fakeForm();
    const e = new ApiError('CONFLICT', { zh: '已有同名单位', en: 'exists' });
    expect(applyFieldErrors(form, e, 'zh', ['name'])).toEqual(['已有同名单位']);
  });
});
