// Opens a rendered .docx for the tests: the parts the layout rules live in, and the document's
// text (the runs of each paragraph joined, paragraphs separated by new lines).
import JSZip from 'jszip';
import { expect } from 'vitest';

export interface DocxParts {
  document: string;
  styles: string;
  footers: string[];
  fontTable: string;
  custom: string;
  settings: string;
  /** The visible text: one line per paragraph. */
  text: string;
}

export async function openDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  const document = await read('word/document.xml');
  const text = document
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
  return {
    document,
    styles: await read('word/styles.xml'),
    footers: await Promise.all(footerNames.map(read)),
    fontTable: await read('word/fontTable.xml'),
    custom: await read('docProps/custom.xml'),
    settings: await read('word/settings.xml'),
    text,
  };
}

/** The GB/T 9704 layout every document must have: A4, the margins, the fonts, page numbers, unsplit rows. */
export function expectOfficialLayout(parts: DocxParts, options: { tables?: boolean } = { tables: true }): void {
  expect(parts.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  // 37 mm = 2098, 26 mm = 1474, 35 mm = 1984, 28 mm = 1587 twips.
  expect(parts.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  expect(parts.styles).toContain('w:eastAsia="仿宋_GB2312"');
  expect(parts.styles).toContain('w:eastAsia="方正小标宋简体"');
  expect(parts.styles).toContain('w:eastAsia="黑体"');
  expect(parts.styles).toContain('w:eastAsia="楷体_GB2312"');
  // 三号 body (32 half-points) and 二号 title (44).
  expect(parts.styles).toMatch(/w:styleId="GwBody"[\s\S]*?<w:sz w:val="32"\/>/);
  expect(parts.styles).toMatch(/w:styleId="GwTitle"[\s\S]*?<w:sz w:val="44"\/>/);
  expect(parts.document).toContain('w:pStyle w:val="GwTitle"');
  expect(parts.footers.length).toBeGreaterThan(0);
  for (const f of parts.footers) {
    expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(f).toContain('— ');
  }
  expect(parts.settings).toContain('w:evenAndOddHeaders');
  // Fallbacks are named in the font table and in the properties, no font is embedded.
  expect(parts.fontTable).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  expect(parts.fontTable).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="方正小标宋_GBK"\/>/);
  expect(parts.fontTable).not.toContain('w:embedRegular');
  expect(parts.custom).toContain('FontFallbacks');
  const rows = parts.document.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
  if (options.tables) expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toContain('<w:cantSplit/>');
}
