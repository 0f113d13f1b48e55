// The browser host itself: token, refusal, persistence across a restart, static serving.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('an API request without the token is refused with 401', async ({ ledger }) => {
  const none = await fetch(`${ledger.url}api/session.info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(none.status).toBe(401);
  expect((await none.json()).error.code).toBe('UNAUTHORIZED');

  const wrong = await fetch(`${ledger.url}api/units.list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not-the-token' },
    body: '{}',
  });
  expect(wrong.status).toBe(401);

  const right = await fetch(`${ledger.url}api/session.info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-ledger-token': ledger.token },
    body: '{}',
  });
  expect(right.status).toBe(200);
  const info = await right.json();
  expect(info.ok).toBe(true);
  expect(info.value.dataDir).toBe(ledger.dataDir);
  // The host found package.json (also when run from the e2e bundle).
  expect(info.value.appVersion).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
});

test('data survives a restart of the host process', async ({ ledger }) => {
  const unit = await ledger.call<{ id: string }>('units.create', { name: '新区党工委办公室' });
  await ledger.call('cadres.create', { name: '张伟', unitId: unit.id, peerGroup: '乡镇领导', category: 'civilServant' });
  const before = await ledger.api('session.info');

  await ledger.restart();

  const cadres = await ledger.call<Array<{ name: string; unitId: string }>>('cadres.list');
  expect(cadres).toEqual([expect.objectContaining({ name: '张伟', unitId: unit.id })]);
  const after = await ledger.api('session.info');
  expect(after.revision).toBe(before.revision);
});

test('a bad input gets field errors in Chinese and English, never a stack', async ({ ledger }) => {
  const env = await ledger.api('cadres.create', { unitId: 'U9999', peerGroup: '乡镇领导', category: 'civilServant' });
  expect(env.ok).toBe(false);
  if (env.ok) return;
  expect(env.error.code).toBe('VALIDATION');
  expect(env.error.fields).toContainEqual({ path: 'name', message: { zh: '必填', en: 'required' } });
  expect(JSON.stringify(env)).not.toMatch(/at .*\.ts/);
});

test('the page is served with a content security policy, and paths cannot leave the renderer folder', async ({ ledger }) => {
  const page = await fetch(ledger.url);
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  const escape = await fetch(`${ledger.url}..%2f..%2fpackage.json`);
  expect([403, 404]).toContain(escape.status);
});

test('the demo township opens in its own directory and the office ledger is untouched', async ({ ledger }) => {
  await ledger.call('units.create', { name: '本镇党政办' });
  const demo = await ledger.call<{ demo: boolean; dataDir: string }>('session.openDemo');
  expect(demo).toMatchObject({ demo: true, dataDir: `${ledger.dataDir}-demo` });
  const cadres = await ledger.call<unknown[]>('cadres.list');
  expect(cadres.length).toBe(300);

  const back = await ledger.call<{ demo: boolean; dataDir: string }>('session.leaveDemo');
  expect(back).toMatchObject({ demo: false, dataDir: ledger.dataDir });
  expect(await ledger.call('units.list')).toEqual([expect.objectContaining({ name: '本镇党政办', cadreCount: 0 })]);
});
