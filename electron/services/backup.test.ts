import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { backupContract } from '../../shared/contract/backup';
import { openStore, type FileStore } from '../store/index';
import { tempDir, unitPut, who } from '../store/test-helpers';
import { backupHandlers } from './backup';
import { createTestContext, type ServiceContext } from './context';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

async function setup(): Promise<{ ctx: ServiceContext; h: ReturnType<typeof backupHandlers> }> {
  const t = tempDir('svc-backup-');
  cleanups.push(t.cleanup);
  const store = await openStore(t.dir, { create: true, autoBackup: false });
  const ctx = createTestContext({ store, now: () => new Date('2025-04-01T09:30:00Z') });
  ctx.swapStore = async (replace) => {
    const dir = ctx.store.dataDir;
    await ctx.store.close();
    try {
      await replace(dir);
    } finally {
      ctx.store = await openStore(dir, { autoBackup: false });
    }
  };
  cleanups.unshift(() => void ctx.store.close());
  return { ctx, h: backupHandlers(ctx) };
}

const call = { user: 'admin' };
type B = typeof backupContract;
const parse = <N extends keyof B>(name: N, output: unknown): z.output<B[N]['output']> =>
  backupContract[name].output.parse(output) as z.output<B[N]['output']>;

describe('backup.* handlers', () => {
  it('creates, lists, downloads, restores by name and from an upload, deletes', async () => {
    const { ctx, h } = await setup();
    await ctx.store.commit([unitPut('u1')], who);
    const made = parse('backup.create', await h['backup.create']({}, call));
    expect(made).toMatchObject({ kind: 'manual', revision: 1, name: 'manual-2025-04-01T09-30-00-000Z.cbak' });
    const list = parse('backup.list', await h['backup.list']({}, call));
    expect(list.keepDaily).toBe(7);
    expect(list.backups.map((b) => b.name)).toEqual([made.name]);

    const download = parse('backup.download', await h['backup.download']({ name: made.name }, call));
    expect(Buffer.from(download.base64, 'base64').length).toBe(download.size);

    await ctx.store.commit([unitPut('u2')], who);
    const restored = parse('backup.restore', await h['backup.restore']({ name: made.name }, call));
    expect(restored.revision).toBe(2); // u1, then the restore's own record
    expect(restored.safetyBackup).toMatch(/^pre-restore-/);
    expect([...ctx.store.state().units.keys()]).toEqual(['u1']);

    // An uploaded copy of the pre-restore backup brings u2 back.
    const pre = parse('backup.download', await h['backup.download']({ name: restored.safetyBackup! }, call));
    const fromUpload = parse('backup.restore', await h['backup.restore']({ base64: pre.base64 }, call));
    expect(fromUpload.restoredFrom).toMatch(/^uploaded-/);
    expect([...ctx.store.state().units.keys()]).toEqual(['u1', 'u2']);

    const report = parse('backup.verify', await h['backup.verify']({}, call));
    expect(report).toMatchObject({ ok: true, events: 3 });
    expect(report.restores.map((r) => r.from)).toEqual([expect.stringMatching(/^uploaded-/)]);

    expect(await h['backup.delete']({ name: made.name }, call)).toEqual({ name: made.name });
    await expect(h['backup.download']({ name: made.name }, call)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a restore visible: backup, a change, restore, then deleting the pre-restore copy is refused for 30 days', async () => {
    let now = new Date('2025-04-01T09:30:00Z');
    const { ctx, h } = await setup();
    ctx.now = () => now;
    await ctx.store.commit([unitPut('u1')], who);
    const made = parse('backup.create', await h['backup.create']({}, call));
    await ctx.store.commit([unitPut('changed later')], who);
    const headBefore = (ctx.store as FileStore).headHash;
    now = new Date('2025-04-01T10:00:00Z');
    const restored = parse('backup.restore', await h['backup.restore']({ name: made.name }, call));
    expect([...ctx.store.state().units.keys()]).toEqual(['u1']);

    await expect(h['backup.delete']({ name: restored.safetyBackup! }, call)).rejects.toMatchObject({ code: 'CONFLICT' });
    const report = parse('backup.verify', await h['backup.verify']({}, call));
    expect(report.ok).toBe(true);
    expect(report.restores).toEqual([
      expect.objectContaining({ user: 'admin', from: made.name, replacedHead: headBefore, replacedRevision: 2, restoredRevision: 1, safetyBackup: restored.safetyBackup }),
    ]);
    // The refusal is in the journal too, after the restore's record.
    const history = await (ctx.store as FileStore).history();
    expect(history.map((r) => r.command)).toEqual(['test', 'backup.restore', 'backup.delete']);
    expect(JSON.stringify(history[2].events)).toContain('"refused"');

    now = new Date('2025-05-02T10:00:00Z');
    expect(await h['backup.delete']({ name: restored.safetyBackup! }, call)).toEqual({ name: restored.safetyBackup });
  });

  it('rejects a damaged upload before touching the open ledger', async () => {
    const { ctx, h } = await setup();
    await ctx.store.commit([unitPut('u1')], who);
    const before = ctx.store as FileStore;
    await expect(h['backup.restore']({ base64: Buffer.from('garbage').toString('base64') }, call)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(ctx.store).toBe(before);
    expect(before.isClosed).toBe(false);
  });

  it('refuses names that would leave the backups directory', () => {
    expect(backupContract['backup.download'].input.safeParse({ name: '../meta.json' }).success).toBe(false);
    expect(backupContract['backup.download'].input.safeParse({ name: '../x.cbak' }).success).toBe(false);
    expect(backupContract['backup.restore'].input.safeParse({}).success).toBe(false);
  });
});
