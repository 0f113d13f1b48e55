import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../shared/contract/errors';
import { initStore, openStore } from './index';
import { cadrePut, unitPut, who } from './test-helpers';
import { tempDirs } from './test-dirs';

const dir = tempDirs();

describe('file store', () => {
  it('commits durably and reopens to the same state', async () => {
    const d = dir();
    await initStore(d);
    const s = await openStore(d, { autoBackup: false });
    expect(s.revision).toBe(0);
    expect((await s.commit([unitPut('u1')], who)).revision).toBe(1);
    expect((await s.commit([cadrePut('c1'), cadrePut('c2')], who)).revision).toBe(3);
    await s.commit([{ type: 'remove', collection: 'cadres', id: 'c1' }], who);
    expect([...s.state().cadres.keys()]).toEqual(['c2']);
    await s.close();
    const again = await openStore(d, { autoBackup: false });
    expect(again.revision).toBe(4);
    expect(again.state().units.get('u1')).toEqual({ id: 'u1', name: '单位u1' });
    expect([...again.state().cadres.keys()]).toEqual(['c2']);
    await again.close();
  });

  it('refuses to open a directory without a store unless asked to create one', async () => {
    const d = dir();
    await expect(openStore(join(d, 'none'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const s = await openStore(join(d, 'new'), { create: true, autoBackup: false });
    expect(s.revision).toBe(0);
    await s.close();
    await expect(initStore(join(d, 'new'))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps the state free of later mutation of committed objects', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    const ev = unitPut('u1', '甲');
    await s.commit([ev], who);
    (ev as { record: { name: string } }).record.name = '乙';
    expect(s.state().units.get('u1')?.name).toBe('甲');
    await s.close();
  });

  it('rejects malformed events without writing anything', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    await expect(
      s.commit([{ type: 'put', collection: 'nope', record: { id: 'x' } } as never], who),
    ).rejects.toBeInstanceOf(LedgerError);
    expect(s.revision).toBe(0);
    expect(readFileSync(join(d, 'journal.log')).length).toBe(0);
    await s.close();
  });

  it('serializes concurrent commits in call order', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => s.commit([unitPut(`u${i}`)], who)));
    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await s.close();
  });

  it('gives a second opener LOCKED naming the holder, and frees the lock on close', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false });
    const err = await openStore(d).catch((e) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect(err.code).toBe('LOCKED');
    expect(err.bilingual.en).toContain(`pid ${process.pid}`);
    expect(err.bilingual.zh).toContain('占用');
    await s.close();
    const t = await openStore(d, { autoBackup: false });
    await t.close();
  });

  it('recovers a stale lock left by a dead process', async () => {
    const d = dir();
    await initStore(d);
    writeFileSync(
      join(d, 'LOCK'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: 'x', purpose: 'crashed', nonce: 'n' }),
    );
    const s = await openStore(d, { autoBackup: false });
    expect(JSON.parse(readFileSync(join(d, 'LOCK'), 'utf8')).pid).toBe(process.pid);
    await s.close();
    expect(existsSync(join(d, 'LOCK'))).toBe(false);
  });

  it('uses a snapshot on open and replays only the journal after it', async () => {
    const d = dir();
    const s = await openStore(d, { create: true, autoBackup: false, snapshotEvery: 5 });
    for (let i = 0; i < 12; i++) await s.commit([unitPut(`u${i}`)], who);
    await s.whenIdle();
    await s.close();
    const again = await openStore(d, { autoBackup: false });
    expect(again.revision).toBe(12);
    expect(again.state().units.size).toBe(12);
    expect(again.warnings).toEqual([]);
    await again.close();
  });
});
