// What the contract refuses before any service runs (issue 11): dates and months outside
// 1950–2100, ids outside the id alphabet or named like Object.prototype's members, names with
// control, zero-width or bidi characters; and what it normalises (NFC, line breaks).
import { describe, expect, it } from 'vitest';
import { cadreSchema, unitSchema } from './records';
import { dateSchema, freeText, idSchema, monthSchema, nameKey, nameText, yearSchema } from './primitives';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;

describe('calendar range', () => {
  it('accepts 1950–2100 and refuses the rest', () => {
    for (const m of ['1950-01', '2024-06', '2100-12']) expect(ok(monthSchema, m), m).toBe(true);
    for (const m of ['0000-01', '1949-12', '2101-01', '9999-12']) expect(ok(monthSchema, m), m).toBe(false);
    for (const d of ['1950-01-01', '2100-12-31', '2024-02-29']) expect(ok(dateSchema, d), d).toBe(true);
    for (const d of ['0100-01-01', '1949-12-31', '2101-01-01', '2023-02-29']) expect(ok(dateSchema, d), d).toBe(false);
    expect([1949, 1950, 2100, 2101].map((y) => ok(yearSchema, y))).toEqual([false, true, true, false]);
  });
});

describe('ids', () => {
  it('refuse every Object.prototype name and characters outside the alphabet', () => {
    for (const id of ['toString', 'hasOwnProperty', 'valueOf', '__proto__', 'constructor', 'prototype', 'isPrototypeOf', '__defineGetter__']) {
      expect(ok(idSchema, id), id).toBe(false);
    }
    for (const id of ['a/b', 'a b', '', 'x\u200b']) expect(ok(idSchema, id), id).toBe(false);
    for (const id of ['C00001', 'U1', '城关:1', 'C1:2024-01']) expect(ok(idSchema, id), id).toBe(true);
  });
});

describe('names', () => {
  const name = nameText(50).min(1);
  it('refuse NUL, newline, ESC, zero-width and bidi characters', () => {
    for (const bad of ['王\u0000五', '王\n五', '王\u001b[2J', '王\u200b五', '王\u200d五', '王\u2060五', '王\ufeff五', '王\u202e五', '王\u2066五\u2069']) {
      expect(ok(name, bad), JSON.stringify(bad)).toBe(false);
    }
  });
  it('are normalised to NFC and trimmed', () => {
    expect(name.parse(' Jose\u0301 ')).toBe('Jos\u00e9');
    expect(name.parse('\ufeff王五')).toBe('王五'); // a byte-order mark leaked into the first cell: trimmed as whitespace
    expect(unitSchema.parse({ id: 'U1', name: '城关镇 ' }).name).toBe('城关镇');
  });
  it('apply to cadre and unit records (a zero-width space does not make a new unit)', () => {
    expect(ok(unitSchema, { id: 'U2', name: '城关\u200b镇' })).toBe(false);
    expect(ok(cadreSchema, { id: 'C1', name: '张\n三', unitId: 'U1', peerGroup: 'g', category: 'civilServant' })).toBe(false);
  });
  it('compare for duplicates in a folded form', () => {
    expect(nameKey('城关镇 （一）')).toBe(nameKey('城关镇(一)'));
    expect(nameKey('ABC')).toBe(nameKey('ａｂｃ'));
  });
});

describe('free text', () => {
  const text = freeText(100);
  it('keeps line breaks and tabs, as \\n, and refuses other controls', () => {
    expect(text.parse('第一行\r\n第二行\t完')).toBe('第一行\n第二行\t完');
    for (const bad of ['a\u0000', 'a\u001b[31m', 'a\u0007', 'a\u202e']) expect(ok(text, bad), JSON.stringify(bad)).toBe(false);
  });
});
