// Hostile import files, generated (never stored): the shapes that used to cost the host gigabytes.
// Shared by the import tests and bench/hostile.bench.ts.
import { makeZip } from './testing';

const workbookParts = [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  },
];

/** A one-sheet .xlsx whose sheetData is `rows` (row elements as XML text). */
function sheetXlsx(rows: Iterable<string>, dimension?: string): Buffer {
  const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>`;
  const body = Buffer.from([head, ...rows, '</sheetData></worksheet>'].join(''));
  return makeZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: body }]);
}

function* range(n: number, row: (r: number) => string) {
  for (let r = 1; r <= n; r++) yield row(r);
}

export interface HostileFile {
  case: string;
  fileName: string;
  bytes: Uint8Array;
  /** What the refusal must say (English half). */
  refusal: RegExp;
}

export function hostileFiles(): HostileFile[] {
  return [
    {
      case: 'xlsx: a cell at column XFD in each of 100,000 rows',
      fileName: 'xfd.xlsx',
      bytes: sheetXlsx(range(100_000, (r) => `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`)),
      refusal: /cell XFD1 is in column XFD, beyond the limit of 200 columns/,
    },
    {
      case: 'xlsx: a dimension reaching XFD1048576',
      fileName: 'dimension.xlsx',
      bytes: sheetXlsx(range(10, (r) => `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`), 'A1:XFD1048576'),
      refusal: /range A1:XFD1048576 reaches row 1048576, limit 200000 rows/,
    },
    {
      case: 'xlsx: one row numbered 10⁸',
      fileName: 'row-1e8.xlsx',
      bytes: sheetXlsx(['<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>', '<row r="100000000"><c r="A100000000"><v>1</v></c></row>']),
      refusal: /row 100000000 is beyond the limit of 200000 rows/,
    },
    {
      case: 'xlsx: 10⁶ rows',
      fileName: 'rows-1e6.xlsx',
      bytes: sheetXlsx(range(1_000_000, (r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`)),
      refusal: /row 200011 is beyond the limit of 200000 rows/,
    },
    {
      case: 'xlsx: 200 columns in 20,000 rows (cells past the cell limit)',
      fileName: 'cells.xlsx',
      bytes: sheetXlsx(range(20_000, (r) => `<row r="${r}"><c r="GR${r}"><v>1</v></c></row>`)),
      refusal: /too many cells \(past the limit of 2000000 at row 10001\)/,
    },
    {
      case: 'csv: 10⁶ rows',
      fileName: 'rows-1e6.csv',
      bytes: new TextEncoder().encode('cadre_id,month,score\n' + 'C1,2024-01,90\n'.repeat(1_000_000)),
      refusal: /too many rows \(limit 200010\)/,
    },
    {
      case: 'csv: one line of 10⁶ fields',
      fileName: 'wide.csv',
      bytes: new TextEncoder().encode('1,'.repeat(1_000_000)),
      refusal: /row 1 has more than 200 columns/,
    },
    {
      case: 'csv: one line, one field of 16 MB',
      fileName: 'long.csv',
      bytes: new Uint8Array(16 * 1024 * 1024).fill(0x41),
      refusal: /row 1, column 1 is longer than 32767 characters/,
    },
  ];
}
