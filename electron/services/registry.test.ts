import { beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { put } from '../../shared/ledger/events';
import { createDispatcher } from '../core/dispatcher';
import { MemoryStore } from '../store/memory';
import { createTestContext, type ServiceContext } from './context';
import { nextSequentialId } from '../../shared/ledger/ids';
import { registryHandlers } from './registry';

let ctx: ServiceContext;
let store: MemoryStore;
let call: (name: string, input: unknown) => Promise<any>;

beforeEach(() => {
  store = new MemoryStore();
  ctx = createTestContext({ store });
  const d = createDispatcher(registryHandlers(ctx) as unknown as Handlers, { revision: () => ctx.store.revision, checkOutput: true });
  call = (name, input) => d.call(name, input, { user: 'officer' });
});

const cadre = (over: Record<string, unknown> = {}) => ({
  name: '李娜',
  unitId: 'U0001',
  peerGroup: '乡镇领导',
  category: 'civilServant',
  ...over,
});

describe('units', () => {
  it('assigns U-numbers, journals who did it, and counts cadres', async () => {
    const a = await call('units.create', { name: '党政办' });
    const b = await call('units.create', { name: '经发办' });
    expect(a).toMatchObject({ ok: true, value: { id: 'U0001', name: '党政办' }, revision: 1 });
    expect(b).toMatchObject({ ok: true, value: { id: 'U0002' }, revision: 2 });
    expect(store.journal[0].meta).toEqual({ user: 'officer', command: 'units.create' });
    await call('cadres.create', cadre());
    const list = await call('units.list', {});
    expect(list.value).toEqual([
      { id: 'U0001', name: '党政办', cadreCount: 1, office: '' },
      { id: 'U0002', name: '经发办', cadreCount: 0, office: '' },
    ]);
  });

  it('refuses a duplicate id or name with CONFLICT on the field, and an unknown id on update', async () => {
    await call('units.create', { id: 'U0001', name: '党政办' });
    expect(await call('units.create', { id: 'U0001', name: '别的' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: [{ path: 'id' }] },
    });
    expect(await call('units.create', { name: '党政办' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: [{ path: 'name' }] },
    });
    expect(await call('units.update', { id: 'U0009', name: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('units.update', { id: 'U0001', name: '党政综合办' })).toMatchObject({ ok: true });
    expect(store.state().units.get('U0001')?.name).toBe('党政综合办');
    expect(store.revision).toBe(2);
  });
});

describe('cadres', () => {
  beforeEach(async () => {
    await call('units.create', { name: '党政办' });
  });

  it('creates with a C-number and defaults, and gets it back with its status', async () => {
    const created = await call('cadres.create', cadre());
    expect(created.value).toEqual({
      id: 'C00001',
      name: '李娜',
      unitId: 'U0001',
      peerGroup: '乡镇领导',
      position: '',
      rankLevel: '',
      category: 'civilServant',
      leader: false,
    });
    expect(await call('cadres.get', { id: 'C00001' })).toMatchObject({ ok: true, value: { id: 'C00001', status: 'inPost' } });
    expect(await call('cadres.get', { id: 'C404' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects an unknown unit and a missing name field by field, and commits nothing', async () => {
    const env = await call('cadres.create', cadre({ name: '', unitId: 'U0404' }));
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'name' }] } });
    const ref = await call('cadres.create', cadre({ unitId: 'U0404' }));
    expect(ref).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'unitId', message: { zh: '单位“U0404”不存在', en: 'unknown unit "U0404"' } }] },
    });
    expect(store.revision).toBe(1);
  });

  it('rejects a trial end before the appointment, and a duplicate id', async () => {
    const env = await call('cadres.create', cadre({ appointedOn: '2024-05-01', trialEndsOn: '2024-04-01' }));
    expect(env).toMatchObject({ ok: false, error: { fields: [{ path: 'trialEndsOn' }] } });
    await call('cadres.create', cadre({ id: 'C7' }));
    expect(await call('cadres.create', cadre({ id: 'C7' }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('updates an existing cadre only', async () => {
    await call('cadres.create', cadre());
    expect(await call('cadres.update', { ...cadre({ id: 'C00001', position: '副镇长' }) })).toMatchObject({ ok: true });
    expect(store.state().cadres.get('C00001')?.position).toBe('副镇长');
    expect(await call('cadres.update', cadre({ id: 'C00002' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('derives status from measures in force, ignoring cleared ones', async () => {
    await call('cadres.create', cadre());
    await call('cadres.create', cadre({ name: '王强' }));
    await store.commit(
      [
        put('measures', { id: 'M1', subjectType: 'cadre', subjectId: 'C00001', kind: 'transitionalPlacement', startsOn: '2024-01-01', note: '' }),
        put('measures', { id: 'M2', subjectType: 'cadre', subjectId: 'C00002', kind: 'dismissal', startsOn: '2024-02-01', note: '' }),
        put('clearances', { id: 'CL1', cadreId: 'C00002', recordId: 'M2', date: '2024-03-01', note: '', kind: 'revocation' }),
      ],
      { user: 't', command: 'test' },
    );
    const list = (await call('cadres.list', {})).value as Array<{ id: string; status: string }>;
    expect(list.map((c) => [c.id, c.status])).toEqual([
      ['C00001', 'transitional'],
      ['C00002', 'inPost'],
    ]);
  });
});

describe('nextSequentialId', () => {
  it('goes one above the highest number in use and ignores other shapes', () => {
    expect(nextSequentialId([], 'U', 4)).toBe('U0001');
    expect(nextSequentialId(['U0001', 'U0009', 'X0100', 'U12a'], 'U', 4)).toBe('U0010');
    expect(nextSequentialId(['C99999'], 'C', 5)).toBe('C100000');
  });
});
