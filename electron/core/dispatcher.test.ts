import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import { createDispatcher } from './dispatcher';

const user = { user: 'tester' };
const unit = { id: 'U0001', name: '党政办' };

function handlers(overrides: Partial<Record<string, (input: any) => unknown>>): Handlers {
  return overrides as unknown as Handlers;
}

describe('dispatcher', () => {
  it('answers an unknown endpoint with UNKNOWN_COMMAND, including prototype names', async () => {
    const d = createDispatcher(handlers({}), { revision: () => 7 });
    for (const name of ['nope.nothing', '__proto__', 'constructor', 'toString']) {
      const env = await d.call(name, {}, user);
      expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' }, revision: 7 });
    }
  });

  it('parses the input before the handler sees it, with per-field errors', async () => {
    const create = vi.fn(async (input) => ({ ...input, id: 'U0001' }));
    const d = createDispatcher(handlers({ 'units.create': create }), { revision: () => 3 });
    const bad = await d.call('units.create', { name: '' }, user);
    expect(create).not.toHaveBeenCalled();
    expect(bad).toEqual({
      ok: false,
      revision: 3,
      error: {
        code: 'VALIDATION',
        message: { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the marked fields' },
        fields: [{ path: 'name', message: { zh: '必填', en: 'required' } }],
      },
    });
    const good = await d.call('units.create', { name: '  党政办 ', junk: 1 }, user);
    expect(create).toHaveBeenCalledWith({ name: '党政办' }, user);
    expect(good).toEqual({ ok: true, value: { name: '党政办', id: 'U0001' }, revision: 3 });
  });

  it('passes a LedgerError through as its shape', async () => {
    const d = createDispatcher(
      handlers({
        'cadres.get': () => {
          throw new LedgerError('NOT_FOUND', { zh: '没有', en: 'none' }, [{ path: 'id', message: { zh: 'x', en: 'x' } }]);
        },
      }),
      { revision: () => 1 },
    );
    expect(await d.call('cadres.get', { id: 'C1' }, user)).toEqual({
      ok: false,
      revision: 1,
      error: { code: 'NOT_FOUND', message: { zh: '没有', en: 'none' }, fields: [{ path: 'id', message: { zh: 'x', en: 'x' } }] },
    });
  });

  it('turns any other error into INTERNAL without the stack, and logs the stack', async () => {
    const logged: string[] = [];
    const d = createDispatcher(
      handlers({
        'units.list': () => {
          throw new Error('secret detail /home/x/file.ts:12');
        },
      }),
      { revision: () => 0, logError: (m) => logged.push(m) },
    );
    const env = await d.call('units.list', {}, user);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('INTERNAL');
    expect(JSON.stringify(env)).not.toContain('secret detail');
    expect(logged.join('\n')).toContain('secret detail');
    expect(logged.join('\n')).toContain('units.list');
  });

  it('lets the gate refuse a call and stamps the revision read after the handler', async () => {
    let revision = 5;
    const d = createDispatcher(
      handlers({
        'units.list': () => [],
        'units.create': async (input) => {
          revision = 6;
          return { ...input, id: 'U0001' };
        },
      }),
      {
        revision: () => revision,
        gate: (name) => (name === 'units.list' ? new LedgerError('LOCKED', { zh: '锁定', en: 'locked' }) : undefined),
      },
    );
    expect(await d.call('units.list', {}, user)).toMatchObject({ ok: false, error: { code: 'LOCKED' }, revision: 5 });
    expect(await d.call('units.create', { name: 'a' }, user)).toMatchObject({ ok: true, revision: 6 });
  });

  it('accepts a missing input for an endpoint that takes an empty object', async () => {
    const d = createDispatcher(handlers({ 'units.list': () => [] }), { revision: () => 0 });
    expect(await d.call('units.list', undefined, user)).toEqual({ ok: true, value: [], revision: 0 });
  });

  it('runs commands one at a time in arrival order, queries alongside', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const firstStarted = new Promise<void>((r) => (started = r));
    const d = createDispatcher(
      handlers({
        'units.create': async (input) => {
          order.push(`start ${input.name}`);
          if (input.name === 'first') {
            started();
            await gate;
          }
          order.push(`end ${input.name}`);
          return { ...input, id: input.name };
        },
        'units.list': () => {
          order.push('list');
          return [];
        },
      }),
      { revision: () => 0 },
    );
    const a = d.call('units.create', { name: 'first' }, user);
    const b = d.call('units.create', { name: 'second' }, user);
    await firstStarted;
    await d.call('units.list', {}, user);
    release();
    await Promise.all([a, b]);
    expect(order).toEqual(['start first', 'list', 'end first', 'start second', 'end second']);
  });

  it('with checkOutput, a result that breaks the output schema is an INTERNAL error', async () => {
    const d = createDispatcher(handlers({ 'units.create': () => ({ ...unit, id: 42 }) }), {
      revision: () => 0,
      checkOutput: true,
      logError: () => {},
    });
    expect(await d.call('units.create', { name: 'x' }, user)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
