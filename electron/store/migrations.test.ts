import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultyFs } from './bench/faulty-fs';
import { CURRENT_STORE_VERSION, migrations, openStore, verifyStore } from './index';
import { detectVersion } from './migrations';
import { cadrePut, unitPut } from './test-helpers';
import { tempDirs } from './test-dirs';

const dir = tempDirs('migrate-');

/** A skeleton-era store: one JSON line per event, as MemoryStore's JournaledEvent. */
function legacyStore(d: string, lines = 5): string {
  const events = [unitPut('u1'), ...Array.from({ length: lines - 1 }, (_, i) => cadrePut(`c${i}`))];
  const text = events
    .map((event, i) => JSON.stringify({ seq: i + 1, event, meta: { user: 'old-user', command: 'cadres.create' }, at: `2024-01-0${1 + (i % 9)}T00:00:00.000Z` }))
    .join('\n');
  writeFileSync(join(d, 'journal.jsonl'), text + '\n');
  return text;
}

describe('schema migrations', () => {
  it('are numbered and append-only up to the current version', () => {
    expect(migrations.map((m) => [m.from, m.to])).toEqual(Array.from({ length: CURRENT_STORE_VERSION }, (_, i) => [i, i + 1]));
  });

  it('v0 → v1: the legacy JSON-lines journal becomes the chained journal, with who and when', async () => {
    const d = dir();
    legacyStore(d);
    const s = await openStore(d, { autoBackup: false });
    expect(s.warnings.map((w) => w.code)).toEqual(['migrated']);
    expect(s.revision).toBe(5);
    expect(s.state().cadres.size).toBe(4);
    await s.close();
    expect(detectVersion(d)).toBe(1);
    expect(existsSync(join(d, 'journal.jsonl'))).toBe(false);
    expect(existsSync(join(d, 'legacy', 'journal.jsonl'))).toBe(true);
    const report = await verifyStore(d);
    expect(report).toMatchObject({ ok: true, events: 5 });
    const journal = readFileSync(join(d, 'journal.log'), 'utf8');
    expect(journal).toContain('"user":"old-user"');
    expect(journal).toContain('"at":"2024-01-02T00:00:00.000Z"');
  });

  it('v0 → v1 refuses a damaged legacy line in the middle, naming it, and changes nothing', async () => {
    const d = dir();
    const text = legacyStore(d).split('\n');
    text[2] = '{"seq":3,"event":';
    writeFileSync(join(d, 'journal.jsonl'), text.join('\n') + '\n');
    const err = await openStore(d).catch((e) => e);
    expect(err.code).toBe('VALIDATION');
    expect(err.bilingual.zh).toContain('第 3 行');
    expect(detectVersion(d)).toBe(0);
  });

  it('v0 → v1: a crash at any step leaves the old or the new version, never a mix', async () => {
    let sawOld = 0;
    let sawNew = 0;
    for (let n = 1; ; n++) {
      const d = dir();
      const legacy = legacyStore(d);
      const fsx = faultyFs({ failAt: n, ops: ['open', 'write', 'fsync', 'rename', 'mkdir', 'close'], mode: 'crash' });
      let crashed = false;
      try {
        const s = await openStore(d, { fs: fsx, autoBackup: false });
        await s.close();
      } catch (e) {
        crashed = fsx.tripped;
        if (!crashed) throw e;
      }
      rmSync(join(d, 'LOCK'), { force: true });
      const v = detectVersion(d);
      if (v === 0) {
        sawOld++;
        expect(readFileSync(join(d, 'journal.jsonl'), 'utf8')).toBe(legacy + '\n');
      } else {
        sawNew++;
        expect(v).toBe(1);
        expect((await verifyStore(d)).events).toBe(5);
      }
      // Either way the next open (sound disk) ends at v1 with all five events.
      const s = await openStore(d, { autoBackup: false });
      expect(s.revision).toBe(5);
      await s.close();
      if (!crashed) break;
    }
    expect(sawOld).toBeGreaterThan(0);
    expect(sawNew).toBeGreaterThan(0);
  });

  it('refuses a store written by a newer version, clearly', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    await s.close();
    const { parseMeta, writeMeta } = await import('./meta');
    const meta = parseMeta(readFileSync(join(d, 'meta.json'), 'utf8'));
    const { nodeFs } = await import('./fsio');
    await writeMeta(nodeFs, d, { ...meta, v: CURRENT_STORE_VERSION + 1 });
    const err = await openStore(d).catch((e) => e);
    expect(err.bilingual.zh).toContain('更新版本');
  });
});
