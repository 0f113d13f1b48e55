// The docket and period-report commands, run in-process against a real store on a temp directory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOfficialLayout, openDocx } from '../../documents/testing';
import { cli } from '../testing';

let dir: string;
let data: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-docket-'));
  data = join(dir, 'ledger');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const now = () => new Date(2026, 11, 1, 12);

/** Three cadres in one peer group; 乙 in the bottom third from September to November. */
async function seeded() {
  expect((await cli(['--data', data, 'init'])).code).toBe(0);
  await cli(['--data', data, 'import', 'units', file('u.csv', 'id,name\nU1,城关镇\n')]);
  await cli([
    '--data',
    data,
    'import',
    'cadres',
    file('c.csv', '干部编号,姓名,单位编号,考核序列,人员类别,是否领导\nC1,甲,U1,站所,公务员,否\nC2,乙,U1,站所,公务员,否\nC3,丙,U1,站所,公务员,否\n'),
  ]);
  const rows = ['2026-09', '2026-10', '2026-11'].flatMap((m) => [`C1,${m},95`, `C2,${m},60`, `C3,${m},80`]);
  expect((await cli(['--data', data, 'import', 'scores', file('s.csv', `cadre_id,month,score\n${rows.join('\n')}\n`)])).code).toBe(0);
}

describe('cadre-ledger docket', () => {
  it('writes the docket proposed from the month’s findings', async () => {
    await seeded();
    const out = join(dir, '议题.docx');
    const r = await cli(['--data', data, 'docket', '--as-of', '2026-11', out], {}, { now });
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('已生成 2026-11 的会议议题') });
    const parts = await openDocx(readFileSync(out));
    expectOfficialLayout(parts, { tables: false });
    expect(parts.text).toContain('关于对乙进行提醒谈话的议题');
    expect(parts.text).toContain('后三分之一');
  });

  it('refuses a missing output file or month (exit 2)', async () => {
    await seeded();
    expect((await cli(['--data', data, 'docket', '--as-of', '2026-11'])).code).toBe(2);
    expect((await cli(['--data', data, 'docket', join(dir, 'x.docx')])).stderr).toContain('缺少 --as-of');
  });
});

describe('cadre-ledger report --docx', () => {
  it('writes the period report from the same figures as the statistics', async () => {
    await seeded();
    const out = join(dir, 'report.docx');
    const r = await cli(['--data', data, 'report', '--from', '2026-01', '--to', '2026-11', '--docx', out], {}, { now });
    expect(r.code).toBe(0);
    const parts = await openDocx(readFileSync(out));
    expectOfficialLayout(parts, { tables: false });
    expect(parts.text).toContain('2026年');
    // The table form still works.
    const table = await cli(['--data', data, 'report', '--from', '2026-01', '--to', '2026-11']);
    expect(table.stdout).toContain('干部工作会议统计（2026-01 至 2026-11）');
  });
});
