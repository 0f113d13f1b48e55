// With an encrypted ledger nothing readable reaches IndexedDB: drafts are sealed with a key held
// only in memory (lost at lock), and the read cache stays in memory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { setCachePersistence } from './cache';
import { db } from './db';
import { forgetDraftKey, loadDraft, protectDrafts, saveDraft } from './drafts';

afterEach(async () => {
  await protectDrafts(false);
  await setCachePersistence(true);
});

describe('an encrypted ledger in the renderer', () => {
  it('seals drafts: IndexedDB holds no plain text, and a lock makes them unreadable', async () => {
    await saveDraft('cadre:new', { name: '明文草稿' });
    await protectDrafts(true);
    expect(await db.drafts.get('cadre:new')).toBeUndefined(); // plain drafts are dropped
    await saveDraft('cadre:new', { name: '王秀英', note: '谈话记录' });
    const row = await db.drafts.get('cadre:new');
    expect(JSON.stringify(row)).not.toContain('王秀英');
    expect(JSON.stringify(row)).not.toContain('谈话记录');
    expect((await loadDraft('cadre:new'))?.values).toEqual({ name: '王秀英', note: '谈话记录' });
    forgetDraftKey();
    expect(await loadDraft('cadre:new')).toBeUndefined();
    await saveDraft('cadre:new', { name: '锁定后' });
    expect(await db.drafts.get('cadre:new')).toBeUndefined(); // nothing is kept while locked
    await protectDrafts(true); // a new unlock: a new key
    expect(await loadDraft('cadre:new')).toBeUndefined();
  });

  it('keeps the read cache out of IndexedDB', async () => {
    await db.cache.put({ key: 'x', revision: 1, json: '"王秀英"', storedAt: 0 });
    await setCachePersistence(false);
    expect(await db.cache.count()).toBe(0);
  });
});
