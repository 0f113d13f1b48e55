import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from './server';

let host: RunningHost;
let root: string;
const calls: Array<{ name: string; input: unknown; session: string }> = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cadre-host-'));
  mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'dist', 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the browser');
  host = await startHost({
    staticDir: join(root, 'dist'),
    maxBodyBytes: 1000,
    core: {
      async call(name, input, ctx) {
        calls.push({ name, input, session: ctx!.session! });
        return { ok: true, value: { echoed: name }, revision: 4 };
      },
    },
  });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

const api = (name: string, init: { body?: string; headers?: Record<string, string>; method?: string } = {}) =>
  fetch(`${host.url}api/${name}`, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...init.headers },
    body: init.method === 'GET' ? undefined : (init.body ?? '{}'),
  });

/** A raw request, to send a path or Host header that fetch would normalize. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
    expect(host.launchUrl).toBe(`${host.url}#token=${host.token}`);
  });

  it('refuses API calls without the token, with a wrong one, or with a token only in the query', async () => {
    expect((await api('units.list', { headers: { Authorization: '' } })).status).toBe(401);
    expect((await api('units.list', { headers: { Authorization: 'Bearer x' } })).status).toBe(401);
    const q = await fetch(`${host.url}api/units.list?token=${host.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(q.status).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it('gives each browser a session cookie of its own and names only that session to the core', async () => {
    const first = await api('session.info');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^ledger_session_${host.port}=[\\w-]{40,}; HttpOnly; SameSite=Strict; Path=/api$`));
    const id = cookie.split(';')[0].split('=')[1];
    expect(calls.at(-1)!.session).toBe(`host:${id}`);
    // The same browser keeps its session; a cookie this host never issued gets a new one.
    const again = await api('session.info', { headers: { Cookie: `ledger_session_${host.port}=${id}` } });
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(calls.at(-1)!.session).toBe(`host:${id}`);
    const planted = await api('session.info', { headers: { Cookie: `ledger_session_${host.port}=chosen-by-someone-else` } });
    expect(planted.headers.get('set-cookie')).not.toContain('chosen-by-someone-else');
    expect(calls.at(-1)!.session).not.toBe('host:chosen-by-someone-else');
  });

  it('passes the JSON input to the core and returns the envelope', async () => {
    const res = await api('units.create', { body: JSON.stringify({ name: '党政办' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { echoed: 'units.create' }, revision: 4 });
    expect(calls.at(-1)).toMatchObject({ name: 'units.create', input: { name: '党政办' } });
    const alt = await api('units.list', { headers: { Authorization: '', 'x-ledger-token': host.token } });
    expect(alt.status).toBe(200);
  });

  it('answers bad requests at the HTTP level', async () => {
    expect((await api('units.list', { body: '{nope' })).status).toBe(400);
    expect((await api('units.list', { body: 'x'.repeat(2000) })).status).toBe(413);
    expect((await api('units.list', { headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    expect((await api('units.list', { method: 'GET' })).status).toBe(405);
  });

  it('serves the renderer with MIME types, CSP and a page fallback for client routes', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await fetch(`${host.url}assets/app-1.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await fetch(`${host.url}cadres/C1`)).status).toBe(200);
    expect((await fetch(`${host.url}assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await raw(path);
      expect(res.body).not.toContain('not for the browser');
      expect([403, 404]).toContain(res.status);
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw('/', { Host: 'evil.example:80' });
    expect(res.status).toBe(421);
  });
});
