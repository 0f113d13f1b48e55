import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/index';
import { cli } from './testing';

let dir: string;
let data: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-cli-'));
  data = join(dir, 'ledger');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const units = () => file('units.csv', 'id,name\nU1,城关镇\nU2,新区街道\n');
const cadres = () =>
  file(
    'cadres.csv',
    '干部编号,姓名,单位编号,考核序列,人员类别,是否领导\nC1,甲,U1,站所,公务员,否\nC2,乙,U1,站所,公务员,否\nC3,丙,U2,站所,事业,否\n',
  );

async function seeded() {
  expect((await cli(['--data', data, 'init'])).code).toBe(0);
  expect((await cli(['--data', data, 'import', 'units', units()])).code).toBe(0);
  expect((await cli(['--data', data, 'import', 'cadres', cadres()])).code).toBe(0);
}

describe('usage', () => {
  it('prints help in zh by default and in en on request', async () => {
    const zh = await cli(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法');
    const en = await cli(['help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: cadre-ledger');
  });

  it('exits 2 on usage errors, with the message in the chosen language', async () => {
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(['--lang=en', 'frobnicate']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect((await cli(['--data', data, 'evaluate', '--bogus'])).code).toBe(2);
    expect((await cli(['--data', data, 'evaluate'])).stderr).toContain('缺少 --as-of');
    expect((await cli(['--data', data, 'evaluate', '--as-of', '2024-13'])).code).toBe(2);
    expect((await cli(['--data', data, 'import', 'scores'])).stderr).toContain('缺少文件');
    expect((await cli(['--data', data, 'import', 'salaries', 'x.csv'])).stderr).toContain('未知的导入类型');
    expect((await cli(['--data', data, 'report', '--from', '2024-05', '--to', '2024-01'])).code).toBe(2);
    const noData = await cli(['--lang', 'en', 'evaluate', '--as-of', '2024-01']);
    expect(noData).toMatchObject({ code: 2, stderr: expect.stringContaining('--data') });
  });

  it('takes the data directory from LEDGER_DATA_DIR', async () => {
    expect((await cli(['init'], { LEDGER_DATA_DIR: data })).code).toBe(0);
    expect((await cli(['verify'], { LEDGER_DATA_DIR: data })).code).toBe(0);
  });

  it('exits 4 without a ledger or without the input file', async () => {
    expect((await cli(['--data', data, 'evaluate', '--as-of', '2024-01'])).code).toBe(4);
    await cli(['--data', data, 'init']);
    const missing = await cli(['--data', data, '--lang', 'en', 'import', 'units', join(dir, 'nope.csv')]);
    expect(missing).toMatchObject({ code: 4, stderr: expect.stringContaining('no such file') });
  });

  it('refuses a second init (exit 1)', async () => {
    await cli(['--data', data, 'init']);
    expect((await cli(['--data', data, 'init'])).code).toBe(1);
  });
});

describe('import', () => {
  it('prints counts and writes', async () => {
    await seeded();
    const out = await cli(['--data', data, 'import', 'scores', file('s.csv', 'cadre_id,month,score\nC1,2024-01,90\nC2,2024-01,80\n')]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('共 2 行，有效 2 行，拒绝 0 行');
    expect(out.stdout).toContain('新增 2，更新 0，未变 0');
    const again = await cli(['--data', data, '--lang', 'en', 'import', 'scores', join(dir, 's.csv')]);
    expect(again.stdout).toContain('0 inserted, 0 updated, 2 unchanged');
  });

  it('prints every rejected row and exits 1 having imported nothing; --valid-only imports the rest', async () => {
    await seeded();
    const path = file('s.csv', '干部编号,月份,得分,备注\nC1,2024-01,90,x\nC9,2024-01,80,y\nC2,2024-1x,70,z\n');
    const out = await cli(['--data', data, 'import', 'scores', path]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('未识别的列（未导入）：备注');
    expect(out.stderr).toContain('第 3 行，列“干部编号”: 干部“C9”不存在');
    expect(out.stderr).toContain('第 4 行，列“月份”');
    expect(out.stderr).toContain('未导入任何数据');
    const store = await openStore(data);
    expect(store.state().scores.size).toBe(0);
    await store.close();
    const partial = await cli(['--data', data, 'import', 'scores', path, '--valid-only']);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('新增 1');
  });

  it('exits 1 on a refused file (hostile or broken), naming why', async () => {
    await seeded();
    const out = await cli(['--data', data, '--lang', 'en', 'import', 'units', file('u.xlsx', 'PK\u0003\u0004garbage')]);
    expect(out).toMatchObject({ code: 1, stderr: expect.stringContaining('not a valid or safe xlsx') });
  });

  it('records the OS user of a single-user ledger, never the free text of --user', async () => {
    await seeded();
    const out = await cli(['--data', data, '--user', '县委组织部长', 'import', 'units', file('u2.csv', 'id,name\nU3,东山乡\n')], {}, { osUser: 'officer' });
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('--user 县委组织部长 未被采用');
    const journal = readFileSync(join(data, 'journal.log'), 'utf8');
    expect(journal).not.toContain('县委组织部长');
    expect(journal).toMatch(/"user":"officer","command":"import.units"/);
  });

  it('exits 3 while another process holds the ledger', async () => {
    await seeded();
    const holder = await openStore(data);
    try {
      const out = await cli(['--data', data, 'import', 'units', units()]);
      expect(out.code).toBe(3);
    } finally {
      await holder.close();
    }
  });
});

describe('template', () => {
  it('writes a template that imports as empty', async () => {
    await seeded();
    const out = join(dir, 'grades.xlsx');
    expect((await cli(['--data', data, 'template', 'grades', out])).code).toBe(0);
    const back = await cli(['--data', data, 'import', 'grades', out]);
    expect(back).toMatchObject({ code: 0, stdout: expect.stringContaining('共 0 行') });
  });
});

describe('evaluate and report', () => {
  it('prints findings as JSON with the fields of DOMAIN.md §6, and as a grouped table', async () => {
    await seeded();
    await cli(['--data', data, 'import', 'faults', file('f.csv', 'id,cadre_id,date,intentional,personal_interest,violation,tolerated\nF1,C1,2024-03-04,是,否,否,否\n')]);
    const json = await cli(['--data', data, 'evaluate', '--as-of', '2024-03', '--json']);
    expect(json.code).toBe(0);
    const findings = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    const fault = findings.find((f) => f.rule === 'deduction.fault')!;
    expect(fault).toMatchObject({ subject: { type: 'cadre', id: 'C1' }, asOf: '2024-03', evidence: { recordIds: ['F1'] } });
    expect(Object.keys(fault)).toEqual(expect.arrayContaining(['rule', 'subject', 'asOf', 'suggestion', 'evidence', 'explanation']));
    const table = await cli(['--data', data, 'evaluate', '--as-of', '2024-03']);
    expect(table.stdout).toMatch(/deduction\.fault：1 条/);
    expect(table.stdout).toContain('干部 甲（C1）：');
    const en = await cli(['--data', data, '--lang', 'en', 'evaluate', '--as-of', '2024-03']);
    expect(en.stdout).toContain('cadre 甲 (C1): ');
  });

  it('prints the meeting statistics', async () => {
    await seeded();
    await cli(['--data', data, 'import', 'sanctions', file('s.csv', 'id,cadre_id,kind,decided_on\nS1,C2,记过,2024-02-01\n')]);
    const json = await cli(['--data', data, 'report', '--from', '2024-01', '--to', '2024-06', '--json']);
    const stats = JSON.parse(json.stdout);
    expect(stats.items.find((i: { id: string }) => i.id === 'violationCases')).toMatchObject({ count: 1, recordIds: ['S1'] });
    expect(stats.items.find((i: { id: string }) => i.id === 'salaryDeductions').cadreIds).toEqual(['C2']);
    const table = await cli(['--data', data, 'report', '--from', '2024-01', '--to', '2024-06']);
    expect(table.stdout).toMatch(/查处违纪违法案件\s+1 人次\/件\s+\[S1\]/);
  });
});

describe('verify, backup, restore', () => {
  it('verifies an intact ledger (exit 0) and names the first bad record of a damaged one (exit 1)', async () => {
    await seeded();
    expect((await cli(['--data', data, 'verify'])).code).toBe(0);
    const journal = join(data, 'journal.log');
    const bytes = readFileSync(journal);
    const at = bytes.indexOf(Buffer.from('城关镇'));
    expect(at).toBeGreaterThan(0);
    bytes[at] ^= 0x01;
    writeFileSync(journal, bytes);
    const out = await cli(['--data', data, '--lang', 'en', 'verify']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/First bad record: journal\.log #1/);
  });

  it('backs up and restores', async () => {
    await seeded();
    const backup = join(dir, 'ledger.backup');
    const b = await cli(['--data', data, 'backup', backup]);
    expect(b.code).toBe(0);
    const other = join(dir, 'restored');
    const r = await cli(['--data', other, 'restore', backup]);
    expect(r.code).toBe(0);
    const store = await openStore(other);
    expect([...store.state().cadres.keys()].sort()).toEqual(['C1', 'C2', 'C3']);
    await store.close();
  });

  it('encrypts with LEDGER_PASSPHRASE and exits 3 without it or with a wrong one', { timeout: 60_000 }, async () => {
    const env = { LEDGER_PASSPHRASE: 'correct horse battery' };
    // The recovery key is shown once and must be confirmed as written down (no terminal here: the flag).
    expect((await cli(['--data', data, 'init'], env)).code).toBe(2);
    const init = await cli(['--data', data, 'init', '--confirm-recovery-key-saved'], env);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('恢复密钥');
    expect((await cli(['--data', data, 'import', 'units', units()], env)).code).toBe(0);
    expect((await cli(['--data', data, 'evaluate', '--as-of', '2024-01'])).code).toBe(3);
    expect((await cli(['--data', data, 'evaluate', '--as-of', '2024-01'], { LEDGER_PASSPHRASE: 'wrong' })).code).toBe(3);
    expect((await cli(['--data', data, 'verify'], env)).code).toBe(0);
  });
});

describe('demo', () => {
  it('fills an empty ledger with the demo township ending last month, and refuses a non-empty one', async () => {
    const now = () => new Date(2025, 0, 15); // January 2025: last month is 2024-12
    const out = await cli(['--data', data, 'demo'], {}, { now });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('300 名干部');
    const store = await openStore(data);
    try {
      const state = store.state();
      expect(state.cadres.size).toBe(300);
      const months = new Set([...state.scores.values()].map((s) => s.month));
      expect([...months].sort().at(-1)).toBe('2024-12');
      expect([...months].sort()[0]).toBe('2023-01');
    } finally {
      await store.close();
    }
    const evaluate = await cli(['--data', data, 'evaluate', '--as-of', '2024-12', '--json']);
    expect(evaluate.code).toBe(0);
    expect(JSON.parse(evaluate.stdout).length).toBeGreaterThan(0);
    const again = await cli(['--data', data, '--lang', 'en', 'demo'], {}, { now });
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('not empty') });
  });
});

describe('bin/cadre-ledger.mjs', () => {
  it('runs from any working directory and passes the exit code through', () => {
    const bin = resolve(__dirname, '../../bin/cadre-ledger.mjs');
    const help = spawnSync(process.execPath, [bin, '--lang', 'en', '--help'], { cwd: dir, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: cadre-ledger');
    const bad = spawnSync(process.execPath, [bin, 'frobnicate'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('未知命令');
  });
});
