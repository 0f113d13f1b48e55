// A policy version issued by the New Area travels in a package and applies at the township from
// its effectiveFrom (issue 12): the township lists it as 新区下发 and in force, its findings change
// from that month and not before, and the New Area evaluates the township's cadres under it too.
import { afterEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { evaluate } from '../../shared/engine';
import type { LedgerEvent } from '../../shared/ledger/events';
import { defaultPolicy } from '../../shared/policy';
import { partitionFor } from '../../shared/views/officeScope';
import { createDispatcher } from '../core/dispatcher';
import { exportPackage, importPackages } from '../sync/exchange';
import { cadre, ceremony, closeOffices, NOW, openOffice, score, unit, who, type TestOffice } from '../sync/testkit';
import { createTestContext } from './context';
import { policyHandlers } from './policy';

let open: TestOffice[] = [];
afterEach(async () => {
  await closeOffices(...open);
  open = [];
});

function policyApi(office: TestOffice) {
  const ctx = createTestContext({ store: office.store, now: () => NOW });
  const d = createDispatcher(policyHandlers(ctx) as unknown as Handlers, { revision: () => office.store.revision, checkOutput: true });
  return async (name: string, input: unknown): Promise<any> => {
    const r = await d.call(name, input, { user: 'reviewer' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
}

const send = async (from: TestOffice, to: TestOffice) => {
  const p = await exportPackage(from.store, to.code, { now: NOW });
  const report = await importPackages(to.store, [{ name: p.fileName, bytes: p.bytes }], { now: NOW });
  expect(report.files[0]).toMatchObject({ ok: true });
};

// Six cadres of one peer group scored 2026-01 … 2026-05 (the clock: 2026-06-15). C00001 and
// C00002 are top third every month: five months, one short of the default's six-month streak.
const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const cadreIds = ['C00001', 'C00002', 'C00003', 'C00004', 'C00005', 'C00006'];
const townshipLedger = (): LedgerEvent[] => [
  unit('U0001'),
  ...cadreIds.map((id) => cadre(id, 'U0001')),
  ...cadreIds.flatMap((id, i) => months.map((m) => score(id, m, 100 - i * 5))),
];
const raisedAt = (state: Parameters<typeof evaluate>[0], month: string) =>
  evaluate(state, month)
    .filter((f) => f.rule === 'raise.top-third-streak')
    .map((f) => f.subject.id)
    .sort();

describe('a policy version issued by the New Area', () => {
  it('travels to the township in a package and applies there from its effectiveFrom, not before', async () => {
    const xq = await openOffice('XQ', '新区党工委办公室');
    const xz = await openOffice('XZ01', '青山镇');
    open.push(xq, xz);
    await ceremony(xq, xz);
    await xz.store.commit(townshipLedger(), who);
    await send(xz, xq);
    expect(raisedAt(xz.store.state(), '2026-04')).toEqual([]);

    // The New Area's committee shortens the top-third streak to 3 months from April.
    const document = structuredClone(defaultPolicy) as any;
    document.streaks.raiseTopThirdMonths = 3;
    const input = { basedOn: defaultPolicy.id, version: '2026.1', effectiveFrom: '2026-04', note: '新区党工委会议决定', document };
    // The dry run at the New Area counts the township's cadres (under the township's timeline).
    const preview = await policyApi(xq)('policy.issue', { ...input, dryRun: true });
    expect(preview.warnings.find((w: any) => w.kind === 'scoredMonths')).toMatchObject({ months: ['2026-04', '2026-05'], added: 4, removed: 0 });
    const issued = await policyApi(xq)('policy.issue', input);
    expect(issued.version.id).toBe('P0001');
    await send(xq, xz);

    // At the township: the New Area's version and the default it was issued from, under XQ ids.
    const s = xz.store.state();
    expect(s.policies.get('XQ.P0001')).toMatchObject({ version: '2026.1', effectiveFrom: '2026-04', basedOnId: `XQ.${defaultPolicy.id}` });
    const list = await policyApi(xz)('policy.list', {});
    expect(list).toMatchObject({ month: '2026-05', office: 'XZ01', inForceId: 'XQ.P0001' });
    const row = list.items.find((i: any) => i.id === 'XQ.P0001');
    expect(row).toMatchObject({ inForce: true, applies: true, issuer: { code: 'XQ', name: '新区党工委办公室', own: false, anchor: true }, issuedBy: 'reviewer' });
    expect(list.items.find((i: any) => i.id === `XQ.${defaultPolicy.id}`)).toMatchObject({ builtIn: true, inForce: false, until: '2026-03' });
    expect((await policyApi(xz)('policy.list', { month: '2026-03' })).inForceId).toBe(`XQ.${defaultPolicy.id}`);

    // The township's findings change from April on, and not before.
    expect(raisedAt(s, '2026-03')).toEqual([]);
    expect(raisedAt(s, '2026-04')).toEqual(['C00001', 'C00002']);
    expect(raisedAt(s, '2026-05')).toEqual(['C00001', 'C00002']);

    // Only the New Area can withdraw its version.
    const withdraw = await createDispatcher(policyHandlers(createTestContext({ store: xz.store, now: () => NOW })) as unknown as Handlers, { revision: () => 0 }).call(
      'policy.withdraw',
      { id: 'XQ.P0001', reason: '误发' },
      { user: 'reviewer' },
    );
    expect(withdraw).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The New Area evaluates the township's cadres under it too (their timeline: the township's
    // versions and the New Area's).
    const na = xq.store.state();
    expect(raisedAt(partitionFor(na, 'XZ01'), '2026-03')).toEqual([]);
    expect(raisedAt(partitionFor(na, 'XZ01'), '2026-04')).toEqual(['XZ01.C00001', 'XZ01.C00002']);
    expect((await policyApi(xq)('policy.list', { office: 'XZ01', month: '2026-04' })).inForceId).toBe('P0001');
  });

  it('gives way to a later version of the township’s own, at the township and at the New Area for its cadres', async () => {
    const xq = await openOffice('XQ', '新区党工委办公室');
    const xz = await openOffice('XZ01', '青山镇');
    open.push(xq, xz);
    await ceremony(xq, xz);
    await xz.store.commit(townshipLedger(), who);
    const shorter = structuredClone(defaultPolicy) as any;
    shorter.streaks.raiseTopThirdMonths = 3;
    await policyApi(xq)('policy.issue', { basedOn: defaultPolicy.id, version: '2026.1', effectiveFrom: '2026-04', note: '新区决定', document: shorter });
    await send(xq, xz);

    // The township may not go back before the New Area's version in force, but may follow it.
    const xzApi = policyApi(xz);
    const longer = structuredClone(shorter);
    longer.streaks.raiseTopThirdMonths = 5;
    await expect(xzApi('policy.issue', { basedOn: 'XQ.P0001', version: '镇2026.1', effectiveFrom: '2026-03', note: '镇党委决定', document: longer })).rejects.toThrow(/effectiveFrom/);
    const own = await xzApi('policy.issue', { basedOn: 'XQ.P0001', version: '镇2026.1', effectiveFrom: '2026-05', note: '镇党委决定', document: longer });
    expect(own.version).toMatchObject({ id: 'P0001', basedOnId: 'XQ.P0001' });
    const list = await xzApi('policy.list', {});
    expect(list.inForceId).toBe('P0001');
    expect(list.items.find((i: any) => i.id === 'XQ.P0001')).toMatchObject({ inForce: false, until: '2026-04' });
    expect(raisedAt(xz.store.state(), '2026-04')).toEqual(['C00001', 'C00002']);
    expect(raisedAt(xz.store.state(), '2026-05')).toEqual(['C00001', 'C00002']); // five months ≥ 5

    await send(xz, xq);
    const na = await policyApi(xq)('policy.list', { office: 'XZ01', month: '2026-05' });
    expect(na.inForceId).toBe('XZ01.P0001');
    expect(na.items.find((i: any) => i.id === 'XZ01.P0001')).toMatchObject({ applies: true, issuer: { code: 'XZ01', name: '青山镇', own: false, anchor: false } });
    // For the New Area's own cadres the township's version does not apply.
    const self = await policyApi(xq)('policy.list', { month: '2026-05' });
    expect(self.inForceId).toBe('P0001');
    expect(self.items.find((i: any) => i.id === 'XZ01.P0001')).toMatchObject({ applies: false, inForce: false });
  });
});
