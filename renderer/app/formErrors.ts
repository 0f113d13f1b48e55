// Puts a contract VALIDATION error onto the antd form fields it names ("record.unitId" → the
// form field ['record', 'unitId'] or, if the form is flat, ['unitId']).
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { pick } from '../i18n';

/** Returns the messages that matched no field (to be shown as a general error). */
export function applyFieldErrors(form: FormInstance, err: unknown, lang: string, knownFields: string[]): string[] {
  if (!(err instanceof ApiError)) return [err instanceof Error ? err.message : String(err)];
  const rest: string[] = [];
  const byField = new Map<string, string[]>();
  for (const f of err.fields) {
    const parts = f.path.split('.');
    const name = knownFields.includes(f.path) ? f.path : knownFields.find((k) => k === parts[parts.length - 1]);
    if (name) byField.set(name, [...(byField.get(name) ?? []), pick(f.message, lang)]);
    else rest.push(`${f.path}: ${pick(f.message, lang)}`);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size === 0) rest.unshift(err.text(lang));
  return rest;
}
