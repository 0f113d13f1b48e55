// The exchange between a township and the New Area from the command line: init with an office,
// the certificate ceremony, export-package, import-package (counts, refusal exit code), verify.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../testing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-cli-sync-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);
const now = () => new Date(2026, 5, 15, 12);
const run = (argv: string[]) => cli(argv, {}, { now });

describe('office, export-package and import-package', () => {
  it('carries a township’s records to the New Area and refuses a tampered file with exit code 1', async () => {
    const xq = at('xq');
    const xz = at('xz');
    expect((await run(['--data', xq, 'init', '--office', 'XQ', '--office-name', '新区党工委办公室'])).stdout).toMatch(/单位身份：新区党工委办公室（XQ），密钥指纹 [0-9A-F-]+/);
    expect((await run(['--data', xz, 'init', '--office', 'XZ01', '--office-name', '青山镇'])).code).toBe(0);
    expect((await run(['--data', xz, 'office', 'show'])).stdout).toMatch(/单位：青山镇（XZ01）[\s\S]*证书：无/);

    // The ceremony.
    expect((await run(['--data', xz, 'office', 'identity', at('xz.identity.json')])).code).toBe(0);
    expect((await run(['--data', xq, 'office', 'identity', at('xq.identity.json')])).code).toBe(0);
    const certified = await run(['--data', xq, 'office', 'certify', at('xz.identity.json'), at('xz.cert.json'), '--valid-to', '2029-06-30']);
    expect(certified.stdout).toContain('已为 青山镇（XZ01）签发证书（2026-06-15 至 2029-06-30）');
    expect((await run(['--data', xz, 'office', 'trust', at('xq.identity.json')])).stdout).toContain('已信任 新区党工委办公室（XQ）的身份');
    expect((await run(['--data', xz, 'office', 'trust', at('xz.cert.json')])).stdout).toContain('有效期至 2029-06-30');

    writeFileSync(at('u.csv'), 'id,name\nU1,党政办\n');
    expect((await run(['--data', xz, 'import', 'units', at('u.csv')])).code).toBe(0);
    const exported = await run(['--data', xz, 'export-package', '--to', 'XQ', at('p1.ledgerpkg')]);
    expect(exported.stdout).toMatch(/已写出发给 XQ 的数据包（1 条记录，已加密/);

    const preview = await run(['--data', xq, 'import-package', at('p1.ledgerpkg'), '--preview']);
    expect(preview.stdout).toContain('青山镇（XZ01）：新增 1，已有 0，暂存（缺包）0，冲突 0，拒绝 0');
    expect(preview.stdout).toContain('预览');
    const imported = await run(['--data', xq, 'import-package', at('p1.ledgerpkg')]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('已导入（一次提交）');
    const again = await run(['--data', xq, 'import-package', at('p1.ledgerpkg')]);
    expect(again.stdout).toContain('新增 0，已有 1');
    expect(again.stdout).toContain('没有新内容，台账未变');

    const bad = Buffer.from(readFileSync(at('p1.ledgerpkg')));
    bad[bad.length - 3] ^= 1;
    writeFileSync(at('bad.ledgerpkg'), bad);
    const refused = await run(['--data', xq, 'import-package', at('bad.ledgerpkg')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('已拒绝');

    const verified = await run(['--data', xq, 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('数据交换：1 条数据流、1 条记录，哈希链与签名完好');
  }, 60_000);
});
