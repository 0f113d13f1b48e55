// Every text exists in both languages: the zh and en trees of every namespace have the same keys,
// and no text is empty.
import { describe, expect, it } from 'vitest';
import { collectNamespaces, type Messages } from './index';

function keys(m: Messages, prefix = ''): string[] {
  return Object.entries(m).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}
function empties(m: Messages, prefix = ''): string[] {
  return Object.entries(m).flatMap(([k, v]) =>
    typeof v === 'string' ? (v.trim() ? [] : [`${prefix}${k}`]) : empties(v, `${prefix}${k}.`),
  );
}

const namespaces = collectNamespaces();

describe('i18n namespaces', () => {
  it('finds the app and feature namespaces', () => {
    expect(Object.keys(namespaces)).toEqual(expect.arrayContaining(['app', 'cadres', 'units']));
  });
  for (const [ns, m] of Object.entries(namespaces)) {
    it(`${ns}: zh and en have exactly the same keys, none empty`, () => {
      const zh = keys(m.zh).sort();
      const en = keys(m.en).sort();
      expect(zh.filter((k) => !en.includes(k)), 'missing in en').toEqual([]);
      expect(en.filter((k) => !zh.includes(k)), 'missing in zh').toEqual([]);
      expect([...empties(m.zh), ...empties(m.en)]).toEqual([]);
    });
  }
});
