import { describe, expect, it } from 'vitest';
import { ApiError, buildApi, electronTransport, httpTransport } from './client';
import { useRevision } from './revision';
import { captureToken, readToken } from './token';

function fakeFetch(answer: { status?: number; body: unknown }, seen: { url?: string; init?: RequestInit }[] = []) {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  }) as unknown as typeof fetch;
}

describe('httpTransport', () => {
  it('POSTs /api/<endpoint> with the bearer token and returns the value', async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    const api = buildApi(httpTransport(() => 'tok123', fakeFetch({ body: { ok: true, value: [{ id: 'U1' }], revision: 7 } }, seen)));
    const units = await api.units.list({});
    expect(units).toEqual([{ id: 'U1' }]);
    expect(seen[0].url).toMatch(/\/api\/units\.list$/);
    expect(seen[0].init?.method).toBe('POST');
    expect((seen[0].init?.headers as Record<string, string>).Authorization).toBe('Bearer tok123');
    expect(useRevision.getState().revision).toBe(7);
  });

  it('turns an error envelope into ApiError with code, bilingual message and fields', async () => {
    const api = buildApi(
      httpTransport(
        () => 't',
        fakeFetch({
          status: 400,
          body: {
            ok: false,
            revision: 9,
            error: {
              code: 'VALIDATION',
              message: { zh: '输入有误', en: 'Invalid input' },
              fields: [{ path: 'unitId', message: { zh: '单位不存在', en: 'no such unit' } }],
            },
          },
        }),
      ),
    );
    const err = await api.cadres.create({ name: '', unitId: 'U9', peerGroup: 'x', category: 'soe' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('VALIDATION');
    expect(err.text('zh')).toBe('输入有误');
    expect(err.text('en')).toBe('Invalid input');
    expect(err.fields[0].path).toBe('unitId');
    expect(useRevision.getState().revision).toBe(9);
  });

  it('reports a 401 without an envelope as UNAUTHORIZED', async () => {
    const api = buildApi(httpTransport(() => null, (async () => new Response('no', { status: 401 })) as unknown as typeof fetch));
    await expect(api.units.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('electronTransport', () => {
  it('calls the grouped preload API and recovers the error shape it throws', async () => {
    const ledger = {
      units: {
        list: async () => [{ id: 'U2' }],
        create: async () => {
          throw Object.assign(new Error('x'), { code: 'CONFLICT', message: { zh: '重复', en: 'duplicate' } });
        },
      },
      revision: () => 42,
    };
    const api = buildApi(electronTransport(ledger as never));
    expect(await api.units.list({})).toEqual([{ id: 'U2' }]);
    expect(useRevision.getState().revision).toBe(42);
    await expect(api.units.create({ name: 'a' })).rejects.toMatchObject({ code: 'CONFLICT', bilingual: { zh: '重复' } });
  });
});

describe('electron preload errors', () => {
  it('parses the shape the preload puts in the message (contextBridge keeps only the message)', async () => {
    const shape = {
      code: 'VALIDATION',
      message: { zh: '输入有误', en: 'Invalid input' },
      fields: [{ path: 'name', message: { zh: '必填', en: 'required' } }],
    };
    const ledger = {
      cadres: {
        create: async () => {
          // What electron/shell/preload.ts envelopeError() throws, as it arrives in the page.
          throw new Error(`Error invoking remote method: VALIDATION: ${JSON.stringify(shape)}`);
        },
      },
      revision: () => 3,
    };
    const api = buildApi(electronTransport(ledger as never));
    const err = await api.cadres.create({ name: '', unitId: 'U1', peerGroup: 'x', category: 'soe' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('VALIDATION');
    expect(err.fields).toEqual(shape.fields);
    expect(useRevision.getState().revision).toBe(3);
  });
});

describe('launch token', () => {
  it('is taken out of the hash and kept in sessionStorage', () => {
    expect(captureToken('#token=abc%2Fdef')).toBe('');
    expect(readToken()).toBe('abc/def');
    expect(captureToken('#/cadres?token=xyz')).toBe('/cadres');
    expect(readToken()).toBe('xyz');
    expect(captureToken('#/units')).toBe('/units');
    expect(readToken()).toBe('xyz');
  });
});
