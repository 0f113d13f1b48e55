// The New Area's view from the command line: `report --office` and `docket --office` at a New Area
// holding two townships, and `transfer` (sync.transfer) of a cadre between them.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../testing';

let dir: string;
const at = (name: string) => join(dir, name);
const now = () => new Date(2026, 5, 15, 12);
const run = (argv: string[]) => cli(argv, {}, { now });
const data = { XQ: '', XZ01: '', XZ02: '' };
const names = { XQ: '新区党工委办公室', XZ01: '青山镇', XZ02: '绿水镇' };

/** Six cadres in one peer group scored 2026-01 … 2026-05 (each township its own order), a sanction. */
async function township(code: 'XZ01' | 'XZ02', flip: boolean) {
  const d = data[code];
  writeFileSync(at(`${code}-u.csv`), 'id,name\nU1,党政办\nU2,经发办\n');
  expect((await run(['--data', d, 'import', 'units', at(`${code}-u.csv`)])).code).toBe(0);
  const people = ['甲', '乙', '丙', '丁', '戊', '己'];
  writeFileSync(at(`${code}-c.csv`), `干部编号,姓名,单位编号,考核序列,人员类别,是否领导\n${people.map((n, i) => `C${i + 1},${code}${n},U${i < 3 ? 1 : 2},乡镇干部,公务员,否`).join('\n')}\n`);
  expect((await run(['--data', d, 'import', 'cadres', at(`${code}-c.csv`)])).code).toBe(0);
  const rows = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].flatMap((m) => people.map((_, i) => `C${i + 1},${m},${flip ? 70 + i * 5 : 100 - i * 5}`));
  writeFileSync(at(`${code}-s.csv`), `cadre_id,month,score\n${rows.join('\n')}\n`);
  expect((await run(['--data', d, 'import', 'scores', at(`${code}-s.csv`)])).code).toBe(0);
  writeFileSync(at(`${code}-x.csv`), `id,cadre_id,kind,decided_on,reason\nS1,C2,党内警告,2026-02-10,违反工作纪律\n`);
  expect((await run(['--data', d, 'import', 'sanctions', at(`${code}-x.csv`)])).code).toBe(0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-cli-newarea-'));
  for (const code of ['XQ', 'XZ01', 'XZ02'] as const) {
    data[code] = at(code);
    expect((await run(['--data', data[code], 'init', '--office', code, '--office-name', names[code]])).code).toBe(0);
  }
  expect((await run(['--data', data.XQ, 'office', 'identity', at('xq.identity.json')])).code).toBe(0);
  for (const code of ['XZ01', 'XZ02'] as const) {
    expect((await run(['--data', data[code], 'office', 'identity', at(`${code}.identity.json`)])).code).toBe(0);
    expect((await run(['--data', data.XQ, 'office', 'certify', at(`${code}.identity.json`), at(`${code}.cert.json`)])).code).toBe(0);
    expect((await run(['--data', data[code], 'office', 'trust', at('xq.identity.json')])).code).toBe(0);
    expect((await run(['--data', data[code], 'office', 'trust', at(`${code}.cert.json`)])).code).toBe(0);
    await township(code, code === 'XZ02');
    expect((await run(['--data', data[code], 'export-package', '--to', 'XQ', at(`${code}.ledgerpkg`)])).code).toBe(0);
    expect((await run(['--data', data.XQ, 'import-package', at(`${code}.ledgerpkg`)])).code).toBe(0);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = async (argv: string[]) => {
  const r = await run(argv);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('report --office and docket --office at the New Area', () => {
  it("counts one township's cadres as the township itself does, and the townships add up to the whole", async () => {
    const period = ['report', '--from', '2026-01', '--to', '2026-05', '--json'];
    const whole = await json(['--data', data.XQ, ...period]);
    const parts = [];
    for (const code of ['XZ01', 'XZ02'] as const) {
      const here = await json(['--data', data.XQ, ...period, '--office', code]);
      const there = await json(['--data', data[code], ...period]);
      expect(JSON.parse(JSON.stringify(here).replaceAll(`${code}.`, ''))).toEqual(there);
      parts.push(here);
    }
    const cases = whole.items.find((i: { id: string }) => i.id === 'violationCases');
    expect(cases.recordIds).toEqual(['XZ01.S1', 'XZ02.S1']);
    for (const [k, item] of whole.items.entries()) expect(item.count).toBe(parts[0].items[k].count + parts[1].items[k].count);
    const findings = await json(['--data', data.XQ, 'evaluate', '--as-of', '2026-05', '--office', 'XZ01', '--json']);
    const own = await json(['--data', data.XZ01, 'evaluate', '--as-of', '2026-05', '--json']);
    expect(JSON.parse(JSON.stringify(findings).replaceAll('XZ01.', ''))).toEqual(own);
    const table = await run(['--data', data.XQ, 'report', '--from', '2026-01', '--to', '2026-05', '--office', 'XZ02']);
    expect(table.stdout).toContain('绿水镇（XZ02）干部工作会议统计（2026-01 至 2026-05）');
  });

  it('writes one township’s docket, and names the offices it holds when given another', async () => {
    const out = await run(['--data', data.XQ, 'docket', '--as-of', '2026-05', '--office', 'XZ01', at('xz01-docket.docx')]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('已生成 青山镇（XZ01） 2026-05 的会议议题');
    expect(existsSync(at('xz01-docket.docx'))).toBe(true);
    const bad = await run(['--data', data.XQ, 'docket', '--as-of', '2026-05', '--office', 'XZ09', at('x.docx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--office 应为本台账所含单位的代码：XZ01（青山镇）、XZ02（绿水镇），而不是“XZ09”');
  });
});

describe('transfer', () => {
  it('moves a cadre to another township; the rankings and statistics follow it', async () => {
    const done = await run(['--data', data.XQ, 'transfer', 'XZ01.C2', '--to', 'XZ02', '--on', '2026-06-01', '--note', '调任']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('已将干部 XZ01乙（XZ01.C2）移交 绿水镇（XZ02），移交日期 2026-06-01');
    expect(done.stdout).toContain('由接收单位在导入数据包后修改');
    const again = await run(['--data', data.XQ, 'transfer', 'XZ01.C2', '--to', 'XZ02', '--on', '2026-06-02']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('该干部已属于 XZ02');
    const unknown = await run(['--data', data.XQ, 'transfer', 'XZ01.C3', '--to', 'XZ07', '--on', '2026-06-02']);
    expect(unknown.stderr).toContain('本单位不认识单位 XZ07');
    expect((await run(['--data', data.XQ, 'transfer', 'XZ01.C3', '--to', 'xz', '--on', '2026-06-02'])).code).toBe(2);
    // The cadre and its sanction now count for its new township, no longer for the old one.
    const cases = async (office: string) =>
      (await json(['--data', data.XQ, 'report', '--from', '2026-01', '--to', '2026-05', '--json', '--office', office])).items.find(
        (i: { id: string }) => i.id === 'violationCases',
      ).recordIds;
    expect(await cases('XZ02')).toEqual(['XZ01.S1', 'XZ02.S1']);
    expect(await cases('XZ01')).toEqual([]);
  });
});
