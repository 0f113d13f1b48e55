// `cadre-ledger policy …` in-process against a real store on a temp directory: list, show, export
// to edit, issue the edited file (refusals name the field), withdraw one not yet in force.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../testing';

let dir: string;
let data: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-policy-'));
  data = join(dir, 'ledger');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);
const now = () => new Date(2026, 5, 15, 12);
const run = (argv: string[]) => cli(['--data', data, ...argv], {}, { now });

/** Six cadres in one peer group scored 2026-01 … 2026-05; 甲 and 乙 top third every month. */
async function seeded() {
  expect((await cli(['--data', data, 'init'])).code).toBe(0);
  writeFileSync(at('u.csv'), 'id,name\nU1,城关镇\n');
  await run(['import', 'units', at('u.csv')]);
  const names = ['甲', '乙', '丙', '丁', '戊', '己'];
  writeFileSync(at('c.csv'), `干部编号,姓名,单位编号,考核序列,人员类别,是否领导\n${names.map((n, i) => `C${i + 1},${n},U1,站所,公务员,否`).join('\n')}\n`);
  await run(['import', 'cadres', at('c.csv')]);
  const rows = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].flatMap((m) => names.map((_, i) => `C${i + 1},${m},${100 - i * 5}`));
  writeFileSync(at('s.csv'), `cadre_id,month,score\n${rows.join('\n')}\n`);
  expect((await run(['import', 'scores', at('s.csv')])).code).toBe(0);
}

describe('cadre-ledger policy', () => {
  it('lists, shows, exports, issues the edited file and withdraws a version not yet in force', async () => {
    await seeded();
    const list = await run(['policy', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('规则版本（2026-05 适用：1，lanzhou-new-area.2000-01）');
    expect(list.stdout).toContain('[适用中，默认规则]');

    const show = await run(['policy', 'show', 'lanzhou-new-area.2000-01']);
    expect(show.stdout).toContain('【连续排名规则】');
    expect(show.stdout).toContain('连续位列前三分之一（提高薪酬）：6 个月');
    expect(show.stdout).toContain('绩效扣减：党内警告：10%');
    const en = await run(['--lang', 'en', 'policy', 'show', 'lanzhou-new-area.2000-01']);
    expect(en.stdout).toContain('Top third in a row (salary raise): 6 months');
    const json = JSON.parse((await run(['policy', 'show', 'lanzhou-new-area.2000-01', '--json'])).stdout);
    expect(json.streaks.raiseTopThirdMonths).toBe(6);

    expect((await run(['policy', 'export', 'lanzhou-new-area.2000-01', at('p.json')])).stdout).toContain('policy issue');
    const doc = JSON.parse(readFileSync(at('p.json'), 'utf8'));
    doc.streaks.raiseTopThirdMonths = 3;
    doc.label = { zh: '城关镇2026年规则', en: 'Chengguan 2026 policy' };
    writeFileSync(at('p.json'), JSON.stringify(doc));

    const evaluateApril = async () => JSON.parse((await run(['evaluate', '--as-of', '2026-04', '--json'])).stdout).filter((f: any) => f.rule === 'raise.top-third-streak');
    expect(await evaluateApril()).toHaveLength(0);

    const issueArgs = ['policy', 'issue', at('p.json'), '--based-on', 'lanzhou-new-area.2000-01', '--version', '2026.1', '--from', '2026-04', '--note', '党委会决定'];
    const preview = await run([...issueArgs, '--preview']);
    expect(preview.stdout).toContain('预览（尚未发布）');
    expect(preview.stdout).toContain('连续位列前三分之一（提高薪酬）：6 个月 → 3 个月');
    expect(preview.stderr).toContain('已评分月份');
    expect((await run(['policy', 'list'])).stdout).not.toContain('2026.1');

    const issued = await run(issueArgs);
    expect(issued.code).toBe(0);
    expect(issued.stdout).toContain('已发布规则版本 2026.1（P0001），自 2026-04 起生效');
    expect(await evaluateApril()).toHaveLength(2);
    expect((await run(['policy', 'list'])).stdout).toMatch(/P0001 {2}版本 2026\.1 {2}自 2026-04 起 {2}本单位 {2}\[适用中\]/);
    expect((await run(['policy', 'list', '--month', '2026-03'])).stdout).toContain('2026-03 适用：1，');
    expect((await run(['policy', 'list'])).stdout).toContain('城关镇2026年规则：党委会决定');

    // The same label again is refused, naming the field.
    const again = await run(issueArgs);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('版本号“2026.1”已被使用');
    // A threshold out of bounds names the threshold.
    doc.streaks.raiseTopThirdMonths = 0;
    writeFileSync(at('bad.json'), JSON.stringify(doc));
    const bad = await run(['policy', 'issue', at('bad.json'), '--based-on', 'P0001', '--version', '2026.2', '--from', '2026-07', '--note', 'x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('连续位列前三分之一（提高薪酬）（document.streaks.raiseTopThirdMonths）');

    doc.streaks.raiseTopThirdMonths = 4;
    writeFileSync(at('next.json'), JSON.stringify(doc));
    expect((await run(['policy', 'issue', at('next.json'), '--based-on', 'P0001', '--version', '2026.2', '--from', '2026-09', '--note', '九月起'])).code).toBe(0);
    expect((await run(['policy', 'list'])).stdout).toContain('[尚未生效]');
    const withdrawn = await run(['policy', 'withdraw', 'P0002', '--reason', '数值有误']);
    expect(withdrawn.stdout).toContain('已撤回规则版本 P0002');
    expect((await run(['policy', 'list'])).stdout).toContain('P0002  版本 2026.2（原定 2026-09 起）已撤回：数值有误');
    const inForce = await run(['policy', 'withdraw', 'P0001', '--reason', 'x']);
    expect(inForce.code).toBe(1);
    expect(inForce.stderr).toContain('请发布下一版本');
  }, 60_000);

  it('explains its usage', async () => {
    await seeded();
    expect((await run(['policy', 'issue', at('p.json')])).code).toBe(2);
    expect((await run(['policy', 'frobnicate'])).stderr).toContain('用法');
  }, 30_000);
});
