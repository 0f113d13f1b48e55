// Calendar primitives shared by the engine, the store and the UI.
// Months are 'YYYY-MM' and dates 'YYYY-MM-DD' strings: they sort as text and survive JSON untouched.
import { z } from 'zod';

/**
 * The years a ledger may speak of: no cadre record predates the People's Republic's first
 * cadre files in any form an office would enter, and nothing is planned past 2100. Outside them a
 * date is a typo (0024 for 2024) or a probe, and the engine's month arithmetic is not asked to
 * handle it.
 */
export const minYear = 1950;
export const maxYear = 2100;
const yearInRange = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= minYear && y <= maxYear;
};
const rangeMessage = { message: `year must be ${minYear}–${maxYear}` };

/** A month's shape alone: for months derived in answers (the month before 1950-01 is 1949-12). */
export const monthFormatSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected YYYY-MM' });

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected YYYY-MM' })
  .refine(yearInRange, rangeMessage);
export type Month = z.infer<typeof monthSchema>;

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD' })
  .refine(isRealDate, { message: 'not a calendar date' })
  .refine(yearInRange, rangeMessage);
export type IsoDate = z.infer<typeof dateSchema>;

/** Names an id must not take: ids become object keys (Object.prototype's own names, and prototype). */
const reservedIds = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Record ids: printable, no path or prototype tricks (ids become object keys and file names). */
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, { message: 'letters, digits, _ . : - only' })
  .refine((s) => !reservedIds.has(s), { message: 'reserved id' });
export type Id = z.infer<typeof idSchema>;

export const yearSchema = z.number().int().min(minYear).max(maxYear);

// Text as people type it, checked once here for every record and input (issue 11):
// - control characters (NUL, ESC, …) never belong in a ledger: they corrupt exports and terminals;
// - zero-width characters (U+200B–U+200F, U+2060, U+FEFF) make two names that look the same differ,
//   so a duplicate unit passes and a search misses;
// - bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) make text display other than it reads.
// Names and titles are one line and refuse all three; free text keeps line breaks and tabs.
// Both are normalised to NFC (the same 姓名 typed with different input methods compares equal).
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const controlCharsButLineBreaks = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const invisibleChars = /[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]/;
const nameMessage = { message: 'no control, zero-width or bidi-control characters' };
const textMessage = { message: 'no control characters (line breaks and tabs are allowed)' };

/** A name or title (单位名称, 姓名, 谈话人 …): one line, NFC, trimmed, at most `max` characters. */
export const nameText = (max: number) =>
  z
    .string()
    .normalize('NFC')
    .trim()
    .max(max)
    .refine((s) => !controlChars.test(s) && !invisibleChars.test(s), nameMessage);

/** Free text (a reason, a note, evidence): NFC, trimmed, line breaks as \n, no other controls. */
export const freeText = (max: number) =>
  z
    .string()
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .normalize('NFC')
    .trim()
    .max(max)
    .refine((s) => !controlCharsButLineBreaks.test(s) && !/[\u202a-\u202e\u2066-\u2069]/.test(s), textMessage);

/**
 * The form two names are compared in for duplicates: compatibility-folded (full-width Ａ and （）
 * as their ASCII forms), case-folded, without whitespace.
 */
export const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Text in both UI languages. Findings, errors and rule explanations carry both. */
export const bilingualSchema = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;
