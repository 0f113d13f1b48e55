import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../shared/contract/errors';
import type { ImportKind } from '../../shared/import/columns';
import { put } from '../../shared/ledger/events';
import { MemoryStore } from '../store/memory';
import { previewImport, readTable, runImport } from './importer';
import { defaultFileLimits, type FileLimits } from './limits';
import { buildTemplate } from './template';
import { guardXlsx, repackForStreaming, sheetTabOrder } from './zip-guard';
import { encodeGb18030, makeXlsx, makeZip, utf8, withBom } from './testing';

const user = 'tester';

async function seededStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.commit(
    [
      put('units', { id: 'U1', name: '城关镇' }),
      put('units', { id: 'U2', name: '新区街道' }),
      ...['C1', 'C2', 'C3'].map((id) =>
        put('cadres', { id, name: `干部${id}`, unitId: 'U1', peerGroup: '站所', position: '', rankLevel: '', category: 'civilServant', leader: false }),
      ),
      put('cadres', { id: 'C9', name: '另一人', unitId: 'U2', peerGroup: '站所', position: '', rankLevel: '', category: 'soe', leader: false }),
      put('sanctions', { id: 'S1', cadreId: 'C1', kind: 'admin.warning', decidedOn: '2024-01-10', reason: '', releasedOn: '2024-07-10' }),
      put('measures', { id: 'M1', subjectType: 'cadre', subjectId: 'C2', kind: 'demotion', startsOn: '2023-05-01', note: '' }),
    ],
    { user: 'seed', command: 'seed' },
  );
  return store;
}

const csv = (name: string, text: string, bom = false) => ({ fileName: name, bytes: bom ? withBom(text) : utf8(text) });
const importCsv = (store: MemoryStore, kind: ImportKind, text: string, validOnly = false) =>
  runImport(store, kind, csv(`${kind}.csv`, text), { user, validOnly });

let store: MemoryStore;
beforeEach(async () => {
  store = await seededStore();
});

describe('reading files', () => {
  it('reads UTF-8 with a BOM and English headers', async () => {
    const out = await runImport(store, 'units', csv('units.csv', 'id,name\r\nU3,东山乡\r\nU4,西河镇\r\n', true), { user });
    expect(out.plan.rejected).toEqual([]);
    expect(out.plan.inserted).toBe(2);
    expect(store.state().units.get('U3')).toEqual({ id: 'U3', name: '东山乡' });
  });

  it('reads Chinese headers in any order, quoted fields with commas, quotes and line breaks', async () => {
    const text = '姓名,干部编号,人员类别,单位编号,考核序列,是否领导,职务\n' +
      '"王,五",C4,参公,U1,站所,是,"站长\n（兼）"\n' +
      '"赵""六""",C5,publicInstitution,U2,站所,no,\n';
    const out = await importCsv(store, 'cadres', text);
    expect(out.plan.rejected).toEqual([]);
    expect(store.state().cadres.get('C4')).toMatchObject({ name: '王,五', category: 'civilServantManaged', leader: true, position: '站长\n（兼）' });
    expect(store.state().cadres.get('C5')).toMatchObject({ name: '赵"六"', unitId: 'U2', leader: false });
  });

  it('reads GB18030 as Excel on Chinese Windows writes it', async () => {
    const text = '干部编号,姓名,单位编号,考核序列,人员类别,是否领导,任职时间\r\nC6,钱七,U1,站所,国企,否,2023/3/5\r\n';
    const bytes = encodeGb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const out = await runImport(store, 'cadres', { fileName: 'cadres.csv', bytes }, { user });
    expect(out.plan.rejected).toEqual([]);
    expect(store.state().cadres.get('C6')).toMatchObject({ name: '钱七', category: 'soe', appointedOn: '2023-03-05' });
  });

  it('accepts both header rows of the template and counts them in row numbers', async () => {
    const text = '干部编号,月份,得分\ncadre_id,month,score\nC1,2024-01,90\nC2,2024-01,abc\n';
    const plan = await previewImport(store.state(), 'scores', csv('s.csv', text));
    expect(plan.headerRows).toEqual([1, 2]);
    expect(plan.rejected).toEqual([{ row: 4, column: '得分', reason: expect.objectContaining({ en: '"abc" is not a number' }) }]);
  });

  it('allows a title row above the header', async () => {
    const text = '城关镇2024年1月绩效得分,,\ncadre_id,month,score\nC1,2024-01,90\n';
    const plan = await previewImport(store.state(), 'scores', csv('s.csv', text));
    expect(plan.headerRows).toEqual([2]);
    expect(plan.valid).toBe(1);
  });

  it('reads tab-separated UTF-16 text (Excel "Unicode text")', async () => {
    const body = 'cadre_id\tmonth\tscore\r\nC1\t2024-02\t88.5\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(body, 'utf16le')]);
    const plan = await previewImport(store.state(), 'scores', { fileName: 's.txt', bytes });
    expect(plan.rows[0].record).toEqual({ id: 'C1:2024-02', cadreId: 'C1', month: '2024-02', score: 88.5 });
  });

  it('reads xlsx: Excel date cells, numbers, rich text, formulas, booleans', async () => {
    const bytes = await makeXlsx(
      [
        ['id', 'cadre_id', 'date', 'intentional', 'personal_interest', 'violation', 'tolerated', 'description'],
        ['F1', 'C1', new Date(Date.UTC(2024, 2, 15)), false, '否', 'no', { formula: '1=1', result: true }, { richText: [{ text: '村道' }, { text: '修缮' }] }],
      ],
      (sheet) => {
        sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
      },
    );
    const out = await runImport(store, 'faults', { fileName: 'faults.xlsx', bytes }, { user });
    expect(out.plan.rejected).toEqual([]);
    expect(store.state().faults.get('F1')).toEqual({
      id: 'F1', cadreId: 'C1', date: '2024-03-15', intentional: false, personalInterest: false, violation: false, tolerated: true, description: '村道修缮',
    });
  });

  it('reads Excel date cells in month columns and numeric ids', async () => {
    const bytes = await makeXlsx([
      ['干部编号', '月份', '得分'],
      ['C1', new Date(Date.UTC(2024, 4, 1)), 91],
    ]);
    const out = await runImport(store, 'scores', { fileName: 's.xlsx', bytes }, { user });
    expect(out.plan.rows[0].record).toEqual({ id: 'C1:2024-05', cadreId: 'C1', month: '2024-05', score: 91 });
    const units = await makeXlsx([['id', 'name'], [1001, '数字编号单位']]);
    const u = await runImport(store, 'units', { fileName: 'u.xlsx', bytes: units }, { user });
    expect(u.plan.rejected).toEqual([]);
    expect(store.state().units.get('1001')?.name).toBe('数字编号单位');
  });

  it("reads a zip in Excel's own order (sheets before styles and shared strings), first sheet first", async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('得分');
    first.addRow(['干部编号', '月份', '得分']);
    first.addRow(['C1', new Date(Date.UTC(2024, 6, 1)), 77]);
    first.getCell('B2').numFmt = 'yyyy-mm';
    workbook.addWorksheet('其他').addRow(['not', 'this', 'sheet']);
    const written = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const parts = await guardXlsx(written, defaultFileLimits);
    const excelOrder = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml'];
    const names = [...excelOrder.filter((n) => parts.has(n)), ...[...parts.keys()].filter((n) => !excelOrder.includes(n))];
    const reordered = makeZip(names.map((name) => ({ name, data: parts.get(name)! })));
    const repacked = [...(await guardXlsx(repackForStreaming(await guardXlsx(reordered, defaultFileLimits)), defaultFileLimits)).keys()];
    expect(repacked.indexOf('xl/sharedStrings.xml')).toBeLessThan(repacked.indexOf('xl/worksheets/sheet1.xml'));
    expect(repacked.indexOf('xl/styles.xml')).toBeLessThan(repacked.indexOf('xl/worksheets/sheet1.xml'));
    expect(repacked.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(repacked.indexOf('xl/worksheets/sheet2.xml'));
    const { table } = await readTable({ fileName: 'excel.xlsx', bytes: reordered });
    expect(table.rows).toEqual([['干部编号', '月份', '得分'], ['C1', { excelDate: '2024-07-01' }, 77]]);
  });

  it('reads the first visible tab, not the first sheet file', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('旧表'); // sheet1.xml
    hidden.addRow(['id', 'name']);
    hidden.addRow(['U8', '旧数据']);
    hidden.state = 'hidden';
    const shown = workbook.addWorksheet('单位'); // sheet2.xml
    shown.addRow(['id', 'name']);
    shown.addRow(['U7', '新数据']);
    const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(sheetTabOrder(await guardXlsx(bytes, defaultFileLimits))).toEqual(['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml']);
    const { table } = await readTable({ fileName: 'u.xlsx', bytes });
    expect(table.rows[1]).toEqual(['U7', '新数据']);
  });

  it('refuses old binary .xls and a fake .xlsx', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readTable({ fileName: 'a.xls', bytes: xls })).rejects.toThrow(/xlsx or \.csv/);
    await expect(readTable({ fileName: 'a.xlsx', bytes: utf8('id,name') })).rejects.toThrow(/not one/);
  });
});

describe('headers', () => {
  it('reports unknown columns (named, or by letter when the header is blank) and still imports', async () => {
    const out = await importCsv(store, 'units', 'id,name,负责人,\nU5,南山乡,张三,多余\n');
    expect(out.plan.unknownColumns).toEqual(['负责人', 'D']);
    expect(out.plan.inserted).toBe(1);
  });

  it('refuses a file with a missing required column, naming it', async () => {
    const out = await importCsv(store, 'scores', 'cadre_id,score\nC1,90\n');
    expect(out.plan.fatal).toBe(true);
    expect(out.committed).toBe(false);
    expect(out.plan.rejected).toEqual([{ row: 1, column: 'month / 月份', reason: expect.objectContaining({ en: 'required column "month" (月份) is missing' }) }]);
  });

  it('refuses a column given twice (English and Chinese name of the same field)', async () => {
    const out = await importCsv(store, 'units', 'id,单位编号,name\nU5,U5,x\n');
    expect(out.plan.fatal).toBe(true);
    expect(out.plan.rejected[0]).toMatchObject({ row: 1, column: '单位编号' });
  });

  it('refuses a file without a header row', async () => {
    const out = await importCsv(store, 'units', 'U5,南山乡\n');
    expect(out.plan.fatal).toBe(true);
    expect(out.plan.rejected[0]).toMatchObject({ row: 1, column: '' });
  });

  it('refuses __proto__, constructor and prototype as column names', async () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const out = await importCsv(store, 'units', `id,name,${name}\nU5,x,{"polluted":1}\n`, true);
      expect(out.plan.fatal).toBe(true);
      expect(out.committed).toBe(false);
      expect(out.plan.rejected[0]).toMatchObject({ row: 1, column: name });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(store.state().units.has('U5')).toBe(false);
  });
});

describe('row rejections: row number, column as written, reason', () => {
  const cases: Array<[string, ImportKind, string, { row: number; column: string; en: RegExp }]> = [
    ['empty required cell', 'scores', 'cadre_id,月份,score\nC1,,90\n', { row: 2, column: '月份', en: /required value is empty/ }],
    ['not a number', 'scores', 'cadre_id,month,得分\nC1,2024-01,九十\n', { row: 2, column: '得分', en: /not a number/ }],
    ['score above 100', 'scores', 'cadre_id,month,score\nC1,2024-01,101\n', { row: 2, column: 'score', en: /100/ }],
    ['bad month', 'scores', 'cadre_id,month,score\nC1,2024-13,90\n', { row: 2, column: 'month', en: /not a valid month/ }],
    ['not a calendar date', 'sanctions', 'id,cadre_id,kind,decided_on\nS2,C1,记过,2024-02-30\n', { row: 2, column: 'decided_on', en: /not a valid date/ }],
    ['unknown enumeration term', 'grades', 'cadre_id,year,等次\nC1,2024,很好\n', { row: 2, column: '等次', en: /not one of: excellent/ }],
    ['ambiguous 警告', 'sanctions', 'id,cadre_id,处分种类,decided_on\nS2,C1,警告,2024-02-01\n', { row: 2, column: '处分种类', en: /ambiguous/ }],
    ['bad yes/no', 'faults', 'id,cadre_id,date,intentional,personal_interest,violation,tolerated\nF2,C1,2024-01-01,maybe,no,no,no\n', { row: 2, column: 'intentional', en: /yes\/no/ }],
    ['bad year', 'grades', 'cadre_id,year,grade\nC1,24,优秀\n', { row: 2, column: 'year', en: /not a year/ }],
    ['year out of range', 'grades', 'cadre_id,year,grade\nC1,1900,优秀\n', { row: 2, column: 'year', en: /1950/ }],
    ['id with forbidden characters', 'units', 'id,name\nU/5,x\n', { row: 2, column: 'id', en: /letters, digits/ }],
    ['reserved id', 'units', 'id,name\n__proto__,x\n', { row: 2, column: 'id', en: /reserved id/ }],
    ['text too long', 'units', `id,name\nU5,${'长'.repeat(101)}\n`, { row: 2, column: 'name', en: /100/ }],
    ['unknown cadre', 'scores', 'cadre_id,month,score\nC404,2024-01,90\n', { row: 2, column: 'cadre_id', en: /unknown cadre "C404"/ }],
    ['unknown unit', 'cadres', 'id,name,unit_id,peer_group,category\nC7,x,U404,站所,公务员\n', { row: 2, column: 'unit_id', en: /unknown unit "U404"/ }],
    ['unknown measure subject', 'measures', 'id,subject_type,subject_id,kind,starts_on\nM2,单位,U404,观察期,2024-01-01\n', { row: 2, column: 'subject_id', en: /unknown unit/ }],
    ['unknown plan', 'check_ins', 'plan_id,date\nP404,2024-01-01\n', { row: 2, column: 'plan_id', en: /unknown rehabilitation plan/ }],
    ['unknown cleared record', 'clearances', 'id,cadre_id,record_id,date\nK1,C1,X404,2024-03-01\n', { row: 2, column: 'record_id', en: /unknown record "X404"/ }],
    ['cleared record of another cadre', 'clearances', 'id,cadre_id,record_id,date\nK1,C2,S1,2024-03-01\n', { row: 2, column: 'record_id', en: /belongs to cadre "C1"/ }],
    ['rehabilitation plan on another cadre\'s measure', 'rehab_plans', 'id,cadre_id,measure_id,assignment,starts_on,status\nP1,C1,M1,乡村振兴,2024-01-01,进行中\n', { row: 2, column: 'measure_id', en: /not a measure of cadre "C1"/ }],
    ['duplicate key in the file', 'scores', 'cadre_id,month,score\nC1,2024-01,90\nC2,2024-01,80\nC1,2024-01,85\n', { row: 4, column: 'cadre_id', en: /duplicates row 2/ }],
  ];
  for (const [name, kind, text, expected] of cases) {
    it(name, async () => {
      const before = store.revision;
      const out = await importCsv(store, kind, text);
      expect(out.plan.fatal).toBe(false);
      expect(out.plan.rejected).toHaveLength(1);
      const [r] = out.plan.rejected;
      expect({ row: r.row, column: r.column }).toEqual({ row: expected.row, column: expected.column });
      expect(r.reason.en).toMatch(expected.en);
      expect(r.reason.zh.length).toBeGreaterThan(0);
      expect(r.reason.zh).not.toBe(r.reason.en);
      expect(out.committed).toBe(false);
      expect(store.revision).toBe(before);
    });
  }

  it('reports every problem of every row, in row order', async () => {
    const out = await importCsv(store, 'scores', 'cadre_id,month,score\nC1,2024-01,90\nC404,2024-13,x\nC2,2024-01,\n');
    expect(out.plan.rejected.map((r) => [r.row, r.column])).toEqual([
      [3, 'month'],
      [3, 'score'],
      [4, 'score'],
    ]);
    expect(out.plan.rejectedRows).toBe(2);
    expect(out.plan.valid).toBe(1);
  });
});

describe('writing', () => {
  const scores = 'cadre_id,month,score\nC1,2024-01,90\nC2,2024-01,85\nC3,2024-01,85\n';

  it('writes nothing if any row is rejected; --valid-only writes the valid rows', async () => {
    const text = scores + 'C404,2024-01,70\n';
    const blocked = await importCsv(store, 'scores', text);
    expect(blocked.committed).toBe(false);
    expect(store.state().scores.size).toBe(0);
    const partial = await importCsv(store, 'scores', text, true);
    expect(partial.committed).toBe(true);
    expect(partial.plan.inserted).toBe(3);
    expect([...store.state().scores.keys()].sort()).toEqual(['C1:2024-01', 'C2:2024-01', 'C3:2024-01']);
  });

  it('makes one commit per import, recording user and command', async () => {
    const before = store.journal.length;
    await importCsv(store, 'scores', scores);
    const added = store.journal.slice(before);
    expect(added).toHaveLength(3);
    expect(new Set(added.map((e) => e.meta.command))).toEqual(new Set(['import.scores']));
    expect(added.every((e) => e.meta.user === user)).toBe(true);
  });

  it('is idempotent: the same file again changes nothing; a changed row is an update', async () => {
    await importCsv(store, 'scores', scores);
    const revision = store.revision;
    const again = await importCsv(store, 'scores', scores);
    expect(again.plan).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.plan.events).toEqual([]);
    expect(store.revision).toBe(revision);
    const changed = await importCsv(store, 'scores', scores.replace('C3,2024-01,85', 'C3,2024-01,86'));
    expect(changed.plan).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(store.revision).toBe(revision + 1);
    expect(store.state().scores.get('C3:2024-01')?.score).toBe(86);
  });

  it('keeps fields the file has no column for (a release date recorded in the app)', async () => {
    const out = await importCsv(store, 'sanctions', 'id,cadre_id,kind,decided_on,reason\nS1,C1,政务警告,2024-01-10,迟到\n');
    expect(out.plan.updated).toBe(1);
    expect(store.state().sanctions.get('S1')).toMatchObject({ reason: '迟到', releasedOn: '2024-07-10' });
    const cleared = await importCsv(store, 'sanctions', 'id,cadre_id,kind,decided_on,reason,released_on\nS1,C1,admin.warning,2024-01-10,迟到,\n');
    expect(cleared.plan.updated).toBe(1);
    expect(store.state().sanctions.get('S1')?.releasedOn).toBeUndefined();
  });

  it('previews without writing and says what would change', async () => {
    await importCsv(store, 'scores', scores);
    const revision = store.revision;
    const plan = await previewImport(store.state(), 'scores', csv('s.csv', scores + 'C1,2024-02,70\n'));
    expect(plan).toMatchObject({ total: 4, valid: 4, inserted: 1, unchanged: 3 });
    expect(plan.rows.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'insert']);
    expect(store.revision).toBe(revision);
  });
});

describe('templates', () => {
  it('has both header rows with notes, and imports once filled in', async () => {
    const bytes = await buildTemplate('measures');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '编号', '对象类型', '对象编号', '措施', '开始日期', '结束日期', '结果', '备注']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'id', 'subject_type', 'subject_id', 'kind', 'starts_on', 'ends_on', 'outcome', 'note']);
    expect(String(sheet.getCell('D1').note && JSON.stringify(sheet.getCell('D1').note))).toContain('提醒谈话');
    sheet.getRow(3).values = ['M7', '干部', 'C3', '提醒谈话', new Date(Date.UTC(2024, 5, 3)), null, null, '例行'];
    sheet.getCell('E3').numFmt = 'yyyy-mm-dd';
    const filled = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const out = await runImport(store, 'measures', { fileName: 'm.xlsx', bytes: filled }, { user });
    expect(out.plan.rejected).toEqual([]);
    expect(store.state().measures.get('M7')).toEqual({
      id: 'M7', subjectType: 'cadre', subjectId: 'C3', kind: 'reminderTalk', startsOn: '2024-06-03', note: '例行',
    });
  });

  it('exists for every kind and reads back with no rows', async () => {
    for (const kind of ['units', 'cadres', 'scores', 'grades', 'sanctions', 'measures', 'faults', 'rehab_plans', 'check_ins', 'clearances'] as const) {
      const plan = await previewImport(store.state(), kind, { fileName: `${kind}.xlsx`, bytes: await buildTemplate(kind) });
      expect(plan, kind).toMatchObject({ headerRows: [1, 2], total: 0, fatal: false, unknownColumns: [] });
    }
  });
});

describe('hostile files', () => {
  const small: FileLimits = { ...defaultFileLimits, maxFileBytes: 64 * 1024, maxRows: 5, maxZipEntries: 20, maxEntryBytes: 512 * 1024, maxTotalBytes: 1024 * 1024, ratioFloorBytes: 16 * 1024, maxInflateRatio: 50 };
  const refusal = async (file: { fileName: string; bytes: Uint8Array }) => {
    try {
      await readTable(file, small);
    } catch (e) {
      expect(e).toBeInstanceOf(LedgerError);
      return (e as LedgerError).bilingual;
    }
    throw new Error('not refused');
  };
  const contentTypes = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };

  it('refuses a file over the size limit', async () => {
    expect((await refusal({ fileName: 'big.csv', bytes: new Uint8Array(65 * 1024) })).en).toMatch(/too large/);
  });

  it('refuses a CSV over the row limit while parsing', async () => {
    const text = 'cadre_id,month,score\n' + 'C1,2024-01,90\n'.repeat(20);
    expect((await refusal({ fileName: 's.csv', bytes: utf8(text) })).en).toMatch(/too many rows/);
  });

  it('refuses a zip with too many entries', async () => {
    const entries = Array.from({ length: 21 }, (_, i) => ({ name: `x${i}.xml`, data: Buffer.from('a') }));
    expect((await refusal({ fileName: 'a.xlsx', bytes: makeZip([contentTypes, ...entries]) })).en).toMatch(/too many entries/);
  });

  it('refuses an entry that inflates beyond the entry limit', async () => {
    const bomb = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(600 * 1024, 0x20) };
    expect((await refusal({ fileName: 'a.xlsx', bytes: makeZip([contentTypes, bomb]) })).en).toMatch(/inflates to/);
  });

  it('refuses a suspicious inflate ratio', async () => {
    const bomb = { name: 'xl/sharedStrings.xml', data: Buffer.alloc(100 * 1024, 0x41) };
    expect((await refusal({ fileName: 'a.xlsx', bytes: makeZip([contentTypes, bomb]) })).en).toMatch(/inflate ratio/);
  });

  it('refuses an entry whose real size exceeds its declared size, without inflating it all', async () => {
    const liar = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(400 * 1024, 0x42), declaredSize: 1000 };
    expect((await refusal({ fileName: 'a.xlsx', bytes: makeZip([contentTypes, liar]) })).en).toMatch(/declared size/);
  });

  it('refuses a worksheet with more rows than allowed before exceljs reads it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    const sheet = { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) };
    expect((await refusal({ fileName: 'a.xlsx', bytes: makeZip([contentTypes, sheet]) })).en).toMatch(/row 16 is beyond the limit of 5 rows/);
    // The same row number given again and again is still too many rows.
    const same = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(30);
    const again = { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${same}</sheetData></worksheet>`) };
    expect((await refusal({ fileName: 'a.xlsx', bytes: makeZip([contentTypes, again]) })).en).toMatch(/too many rows \(limit 5\)/);
  });

  it('refuses a truncated zip', async () => {
    const good = await makeXlsx([['id', 'name'], ['U9', 'x']]);
    expect((await refusal({ fileName: 'a.xlsx', bytes: good.subarray(0, good.length - 30) })).en).toMatch(/not a valid or safe xlsx/);
  });

  it('refuses a file whose reading runs the reader worker out of memory, and the next file is read', async () => {
    const good = await makeXlsx([['id', 'name'], ['U9', 'x']]);
    const tiny = { ...defaultFileLimits, readerHeapMb: 4 };
    const refused = await readTable({ fileName: 'a.xlsx', bytes: good }, tiny).then(
      () => undefined,
      (e: LedgerError) => e,
    );
    expect(refused).toBeInstanceOf(LedgerError);
    expect(refused!.code).toBe('VALIDATION');
    expect(refused!.bilingual.en).toMatch(/more than the 4 MB memory limit/);
    expect((await readTable({ fileName: 'a.xlsx', bytes: good })).table.rows).toEqual([['id', 'name'], ['U9', 'x']]);
  }, 30_000);

  it('reads a real xlsx within the same limits', async () => {
    const good = await makeXlsx([['id', 'name'], ['U9', 'x']]);
    const { table } = await readTable({ fileName: 'a.xlsx', bytes: good }, small);
    expect(table.rows).toEqual([['id', 'name'], ['U9', 'x']]);
  });
});
