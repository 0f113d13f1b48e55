import { describe, expect, it } from 'vitest';
import { createTestContext } from './context';
import { syncHandlers } from './sync';

const call = { user: 'admin' };

function office() {
  const ctx = createTestContext();
  return { ctx, h: syncHandlers(ctx) };
}

describe('sync service', () => {
  it('runs the certificate ceremony, exports, previews and imports a package, lists offices and transfers a cadre', async () => {
    const xq = office();
    const xz = office();
    expect(await xq.h['sync.office']({}, call)).toBeNull();
    await xq.h['sync.createOffice']({ code: 'XQ', name: '新区党工委办公室' }, call);
    const info = await xz.h['sync.createOffice']({ code: 'XZ01', name: '青山镇' }, call);
    expect(info).toMatchObject({ code: 'XZ01', certificate: null, feed: { epoch: 1, seq: 0 } });
    // Ceremony: the township's identity to the New Area, the certificate and the New Area's identity back.
    const cert = await xq.h['sync.certify']({ text: (await xz.h['sync.identity']({}, call)).text, validFrom: '2024-01-01', validTo: '2026-12-31' }, call);
    const anchor = await xz.h['sync.trust']({ text: (await xq.h['sync.identity']({}, call)).text }, call);
    expect(anchor.kind).toBe('anchor');
    expect((await xz.h['sync.trust']({ text: cert.text }, call)).kind).toBe('own-certificate');
    expect((await xz.h['sync.office']({}, call))!.certificate).toMatchObject({ issuer: 'XQ', validTo: '2026-12-31' });

    await xz.ctx.store.commit(
      [
        { type: 'put', collection: 'units', record: { id: 'U0001', name: '党政办' } },
        { type: 'put', collection: 'cadres', record: { id: 'C00001', name: '李四', unitId: 'U0001', peerGroup: '班子', position: '', rankLevel: '', category: 'civilServant', leader: false } },
      ],
      { user: 'clerk', command: 'cadres.create' },
    );
    const pkg = await xz.h['sync.export']({ to: 'XQ', selection: { kind: 'unacknowledged' }, encrypt: true }, call);
    expect(pkg).toMatchObject({ entries: 1, encrypted: true });
    const files = [{ name: pkg.fileName, base64: pkg.base64 }];
    const preview = await xq.h['sync.preview']({ files }, call);
    expect(preview.offices).toEqual([expect.objectContaining({ office: 'XZ01', new: 1, held: 0 })]);
    expect(xq.ctx.store.state().cadres.size).toBe(0);
    const done = await xq.h['sync.import']({ files }, call);
    expect(done.committed).toBe(true);
    expect(xq.ctx.store.state().cadres.get('XZ01.C00001')).toMatchObject({ name: '李四', unitId: 'XZ01.U0001' });
    const rows = await xq.h['sync.offices']({}, call);
    expect(rows.find((r) => r.code === 'XZ01')).toMatchObject({ certifiedUntil: '2026-12-31', held: { 'XZ01/1': 1 }, openConflicts: 0 });
    expect(await xq.h['sync.conflicts']({}, call)).toEqual([]);

    // The transfer dialog's receiving offices: every office trusted here, held data or not.
    expect((await xz.h['sync.scopes']({}, call)).trusted).toEqual([{ code: 'XQ', name: '新区党工委办公室' }]);
    expect((await xq.h['sync.scopes']({}, call)).trusted).toEqual([{ code: 'XZ01', name: '青山镇' }]); // certifying trusts it
    const moved = await xz.h['sync.transfer']({ cadreId: 'C00001', to: 'XQ', on: '2024-06-15', note: '调任' }, call);
    expect(moved.office).toBe('XQ');
    const back = await xz.h['sync.export']({ to: 'XQ', selection: { kind: 'unacknowledged' }, encrypt: true }, call);
    await xq.h['sync.import']({ files: [{ name: back.fileName, base64: back.base64 }] }, call);
    expect(xq.ctx.store.state().owners.get('XZ01.C00001')).toMatchObject({ office: 'XQ', history: [{ from: 'XZ01', to: 'XQ' }] });
  });
});
