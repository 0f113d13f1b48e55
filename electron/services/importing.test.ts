import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { put } from '../../shared/ledger/events';
import { defaultFileLimits } from '../import/limits';
import { createTestContext } from './context';
import { importingHandlers } from './importing';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const call = { user: 'officer' };

async function setup() {
  const ctx = createTestContext();
  await ctx.store.commit(
    [
      put('units', { id: 'U1', name: '城关镇' }),
      put('cadres', { id: 'C1', name: '甲', unitId: 'U1', peerGroup: 'g', position: '', rankLevel: '', category: 'civilServant', leader: false }),
    ],
    { user: 'seed', command: 'seed' },
  );
  return { ctx, h: importingHandlers(ctx) };
}

const scores = '干部编号,月份,得分\nC1,2024-01,90\nC1,2024-02,91\nC2,2024-02,80\n';

describe('import.* handlers', () => {
  it('previews with counts, rejected rows and a sample, writing nothing', async () => {
    const { ctx, h } = await setup();
    const input = contract['import.preview'].input.parse({ kind: 'scores', fileName: 's.csv', contentBase64: b64(scores) });
    const out = await h['import.preview'](input, call);
    expect(contract['import.preview'].output.parse(out)).toBeTruthy();
    expect(out).toMatchObject({ total: 3, valid: 2, rejectedRows: 1, rejectedCount: 1, inserted: 2, format: 'csv', encoding: 'utf-8' });
    expect(out.rejected).toEqual([{ row: 4, column: '干部编号', reason: expect.objectContaining({ zh: '干部“C2”不存在' }) }]);
    expect(out.sample.map((s) => s.record.id)).toEqual(['C1:2024-01', 'C1:2024-02']);
    expect(ctx.store.revision).toBe(2);
  });

  it('commits nothing with a rejected row, the valid rows with validOnly, as the calling user', async () => {
    const { ctx, h } = await setup();
    const input = { kind: 'scores' as const, fileName: 's.csv', contentBase64: b64(scores) };
    const blocked = await h['import.commit']({ ...input, validOnly: false }, call);
    expect(blocked).toMatchObject({ committed: false, revision: 2 });
    const done = await h['import.commit']({ ...input, validOnly: true }, call);
    expect(contract['import.commit'].output.parse(done)).toBeTruthy();
    expect(done).toMatchObject({ committed: true, revision: 4, inserted: 2 });
    expect(ctx.store.state().scores.size).toBe(2);
    const again = await h['import.commit']({ ...input, validOnly: true }, call);
    expect(again).toMatchObject({ committed: true, revision: 4, inserted: 0, unchanged: 2 });
  });

  it('refuses an oversized file before decoding it', async () => {
    const { ctx } = await setup();
    const h = importingHandlers(ctx, { ...defaultFileLimits, maxFileBytes: 10 });
    await expect(h['import.preview']({ kind: 'units', fileName: 'u.csv', contentBase64: b64('id,name\nU2,一个很长的名字\n') }, call)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('serves a template that previews as empty', async () => {
    const { h } = await setup();
    const t = await h['import.template']({ kind: 'grades' }, call);
    expect(t.fileName).toBe('grades-template.xlsx');
    const out = await h['import.preview']({ kind: 'grades', fileName: t.fileName, contentBase64: t.contentBase64 }, call);
    expect(out).toMatchObject({ format: 'xlsx', headerRows: [1, 2], total: 0, fatal: false });
  });
});
