import { describe, expect, it } from 'vitest';
import { auditContract } from '../../shared/contract/audit';
import { put } from '../../shared/ledger/events';
import { MemoryStore } from '../store/memory';
import { auditHandlers } from './audit';
import { createTestContext } from './context';

async function trail() {
  const store = new MemoryStore();
  await store.commit([put('units', { id: 'U1', name: '城关镇' })], { user: 'clerk1', command: 'units.create' });
  const entry = (id: string, user: string, action: string, result: 'ok' | 'failed' | 'refused', extra = {}) =>
    put('audit', { id, at: '2024-06-15T02:00:00.000Z', user, action, result, ...extra });
  await store.commit([entry('A1', 'clerk1', 'session.login', 'failed', { detail: 'browser' })], { user: 'clerk1', command: 'session.login' });
  await store.commit([entry('A2', 'admin', 'backup.restore', 'ok', { target: 'manual-1.cbak', restore: { from: 'manual-1.cbak', replacedHead: 'ab'.repeat(32), replacedRevision: 2, restoredRevision: 1 } })], {
    user: 'admin',
    command: 'backup.restore',
  });
  const h = auditHandlers(createTestContext({ store }));
  return { h, store };
}

describe('audit.* handlers', () => {
  it('lists journal records and audit entries newest first, with who, what, which record and the result', async () => {
    const { h } = await trail();
    const out = auditContract['audit.list'].output.parse(await h['audit.list']({ limit: 100 }, { user: 'auditor1' }));
    expect(out.rows.map((r) => [r.user, r.command, r.result])).toEqual([
      ['admin', 'backup.restore', 'ok'],
      ['clerk1', 'session.login', 'failed'],
      ['clerk1', 'units.create', 'ok'],
    ]);
    expect(out.rows[2].records).toEqual(['units/U1']);
    expect(out.rows[0].restore).toMatchObject({ from: 'manual-1.cbak', replacedRevision: 2 });
    expect(out.chain).toMatchObject({ intact: true, restores: 1 });
  });

  it('filters by user, kind of action, result and record, and exports what is filtered', async () => {
    const { h } = await trail();
    const list = (f: object) => h['audit.list']({ limit: 100, ...f }, { user: 'a' }) as Promise<{ rows: { command: string }[]; total: number }>;
    expect((await list({ result: 'failed' })).rows.map((r) => r.command)).toEqual(['session.login']);
    expect((await list({ action: 'backup.' })).total).toBe(1);
    expect((await list({ user: 'clerk1' })).total).toBe(2);
    expect((await list({ record: 'u1' })).rows.map((r) => r.command)).toEqual(['units.create']);
    expect((await list({ from: '2030-01-01' })).total).toBe(0);
    const file = await h['audit.export']({ user: 'clerk1' }, { user: 'a' });
    expect(file.rows).toBe(2);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK'); // an .xlsx
    expect(file.fileName).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });
});
