// Calendar primitives shared by the engine, the store and the UI.
// Months are 'YYYY-MM' and dates 'YYYY-MM-DD' strings: they sort as text and survive JSON untouched.
import { z } from 'zod';

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected YYYY-MM' });
export type Month = z.infer<typeof monthSchema>;

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD' })
  .refine(isRealDate, { message: 'not a calendar date' });
export type IsoDate = z.infer<typeof dateSchema>;

/** Record ids: printable, no path or prototype tricks (ids become object keys and file names). */
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, { message: 'letters, digits, _ . : - only' })
  .refine((s) => !['__proto__', 'constructor', 'prototype'].includes(s), { message: 'reserved id' });
export type Id = z.infer<typeof idSchema>;

export const yearSchema = z.number().int().min(1949).max(2100);

/** Text in both UI languages. Findings, errors and rule explanations carry both. */
export const bilingualSchema = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;
