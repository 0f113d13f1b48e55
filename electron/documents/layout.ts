// The page layout every document shares (GB/T 9704-2012 党政机关公文格式), in one place:
// A4 portrait; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text area 156 × 225 mm);
// title 二号 方正小标宋简体, body 三号 仿宋_GB2312 at 22 lines a page, first-level headings 黑体,
// second-level 楷体_GB2312; page numbers "— 1 —" in 4号 宋体 below the text area, odd pages on the
// right and even pages on the left, each one character in from the edge; table rows never split
// across pages and header rows repeat.
//
// Fonts are named, never embedded (the 方正 and _GB2312 fonts are licensed). Each font the
// document uses is declared in its font table with the next font of its fallback chain as
// `w:altName` and the GB2312 character set, and the whole chain is written to the document's
// custom properties ("FontFallbacks"), so that a machine without the font picks the nearest one
// and a person can see what was meant.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';

// ---- page ------------------------------------------------------------------------------------

/** Millimetres to twips, rounded (convertMillimetersToTwip truncates: 37 mm would be 2097). */
const mm = (v: number) => Math.round((v / 25.4) * 1440);

/** A4 in twips (210 × 297 mm). */
export const pageSize = { width: 11906, height: 16838 } as const;
/** GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm; text area 156 × 225 mm leaves 35 mm and 26 mm. */
export const pageMargins = {
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  header: mm(15),
  // The page number sits 7 mm below the text area (§7.5): its line's foot about 23 mm from the edge.
  footer: mm(23),
} as const;
/** Width of the text area in twips (the full width of a table). */
export const textWidth = pageSize.width - pageMargins.left - pageMargins.right;

// ---- fonts -----------------------------------------------------------------------------------

/** Each role's font, then what to use where it is missing, best first. */
export const fontChains = {
  title: ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体', 'SimSun'],
  body: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong'],
  heading1: ['黑体', 'SimHei', 'STHeiti'],
  heading2: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti'],
  pageNumber: ['宋体', 'SimSun', 'STSong'],
} as const;
export type FontRole = keyof typeof fontChains;
/** Latin letters and digits (GB/T 9704 leaves them to the body font; Times New Roman is the usual choice). */
export const latinFont = 'Times New Roman';

const fontOf = (role: FontRole) => ({ ascii: latinFont, hAnsi: latinFont, eastAsia: fontChains[role][0], cs: latinFont });

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const sizes = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const;

/** One character of body text (三号 = 16 pt) in twips: indents are counted in characters. */
const bodyChar = 320;
/** 22 lines in the 225 mm text area: 28.95 pt exactly. */
const bodyLine = 579;

// ---- styles ----------------------------------------------------------------------------------

const styleIds = {
  title: 'GwTitle',
  body: 'GwBody',
  heading1: 'GwHeading1',
  heading2: 'GwHeading2',
  heading3: 'GwHeading3',
  table: 'GwTable',
  form: 'GwForm',
  pageNumber: 'GwPageNumber',
} as const;

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

const paragraphStyles = [
  {
    id: styleIds.body,
    name: '公文正文',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontOf('body'), size: sizes.sanhao },
    paragraph: { spacing: exact(bodyLine), indent: { firstLine: 2 * bodyChar }, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: styleIds.title,
    name: '公文标题',
    basedOn: 'Normal',
    next: styleIds.body,
    quickFormat: true,
    run: { font: fontOf('title'), size: sizes.erhao },
    paragraph: { spacing: { line: 720, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.CENTER },
  },
  {
    id: styleIds.heading1,
    name: '公文一级标题',
    basedOn: styleIds.body,
    next: styleIds.body,
    quickFormat: true,
    run: { font: fontOf('heading1'), size: sizes.sanhao },
    paragraph: { keepNext: true, outlineLevel: 0 },
  },
  {
    id: styleIds.heading2,
    name: '公文二级标题',
    basedOn: styleIds.body,
    next: styleIds.body,
    quickFormat: true,
    run: { font: fontOf('heading2'), size: sizes.sanhao },
    paragraph: { keepNext: true, outlineLevel: 1 },
  },
  {
    id: styleIds.heading3,
    name: '公文三级标题',
    basedOn: styleIds.body,
    next: styleIds.body,
    quickFormat: true,
    run: { font: fontOf('body'), size: sizes.sanhao, bold: true },
    paragraph: { keepNext: true, outlineLevel: 2 },
  },
  {
    id: styleIds.table,
    name: '表格文字',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontOf('body'), size: sizes.sihao },
    paragraph: { spacing: { line: 360, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } },
  },
  {
    id: styleIds.form,
    name: '表单文字',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontOf('body'), size: sizes.xiaosi },
    paragraph: { spacing: { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } },
  },
  {
    id: styleIds.pageNumber,
    name: '页码',
    basedOn: 'Normal',
    run: { font: fontOf('pageNumber'), size: sizes.sihao },
    paragraph: { spacing: { line: 280, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } },
  },
];

// ---- paragraphs ------------------------------------------------------------------------------

export type Block = Paragraph | Table;

function lines(text: string): TextRun[] {
  // A line break inside one paragraph keeps its first-line indent and spacing.
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}

/** The title: 二号小标宋, centred; a "\n" splits it into lines (GB/T 9704 §7.3.1: 梯形或菱形). */
export function title(text: string): Paragraph[] {
  return [new Paragraph({ style: styleIds.title, children: lines(text) }), blank()];
}

/** A line under the title (a meeting's date, a 文号): 三号仿宋, centred. */
export function subtitle(text: string): Paragraph {
  return new Paragraph({ style: styleIds.body, indent: { firstLine: 0 }, alignment: AlignmentType.CENTER, children: lines(text) });
}

/** Body text: 三号仿宋, first line indented two characters. */
export function body(text: string, options: { bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: styleIds.body,
    children: text.split('\n').map((line, i) => new TextRun({ text: line, bold: options.bold, break: i > 0 ? 1 : undefined })),
  });
}

/** A run of text with a bold lead ("依据：" …), in one body paragraph. */
export function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ style: styleIds.body, children: [new TextRun({ text: label, bold: true }), ...lines(text)] });
}

/** 主送机关 / the person addressed: flush left (顶格), ending with a full-width colon. */
export function addressee(text: string): Paragraph {
  return new Paragraph({ style: styleIds.body, indent: { firstLine: 0 }, children: lines(text) });
}

/** 一、 黑体. */
export const heading1 = (text: string) => new Paragraph({ style: styleIds.heading1, children: lines(text) });
/** （一） 楷体. */
export const heading2 = (text: string) => new Paragraph({ style: styleIds.heading2, children: lines(text) });
/** 1. 仿宋加粗. */
export const heading3 = (text: string) => new Paragraph({ style: styleIds.heading3, children: lines(text) });

/** 附件 label at the top of an attachment's first page (§8): 黑体, flush left. */
export const attachmentLabel = (text: string) => new Paragraph({ style: styleIds.heading1, indent: { firstLine: 0 }, children: lines(text) });

export const blank = () => new Paragraph({ style: styleIds.body, indent: { firstLine: 0 }, children: [] });

/**
 * 发文机关署名 and 成文日期 (§7.3.5.2): the date right-aligned four characters in from the edge,
 * the issuer centred over the date.
 */
export function signature(issuer: string, date: string): Paragraph[] {
  const right = 4 * bodyChar;
  // Centre the issuer over the date: pad the shorter line so both end at the same indent.
  const pad = Math.max(0, Math.round(((date.length - issuer.length) / 2) * bodyChar));
  // Kept together: a signature never leaves its date alone on the next page.
  const keep = () => new Paragraph({ style: styleIds.body, indent: { firstLine: 0 }, keepNext: true, children: [] });
  return [
    keep(),
    keep(),
    new Paragraph({ style: styleIds.body, keepNext: true, alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: right + pad }, children: lines(issuer) }),
    new Paragraph({ style: styleIds.body, alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: Math.max(0, right - Math.min(0, pad)) }, children: lines(date) }),
  ];
}

/** A line of note text (附注, 说明): 三号仿宋 in brackets, indented two characters. */
export const note = (text: string) => body(text);

/**
 * A page break in a paragraph one twip high: after a table that fills its page the break still fits
 * there, instead of landing on a page of its own and leaving it blank.
 */
export const pageBreak = () =>
  new Paragraph({
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    run: { size: 2 },
    children: [new TextRun({ size: 2, children: [new PageBreak()] })],
  });

// ---- tables ----------------------------------------------------------------------------------

export interface CellSpec {
  text: string;
  columnSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** A label cell of a form: shaded lightly so the officer sees where to write. */
  label?: boolean;
}
export type Cell = string | CellSpec;

export interface TableSpec {
  /** Relative widths of the grid columns; scaled to the text width. */
  widths: readonly number[];
  /** Header rows: repeated at the top of each page. */
  header?: readonly (readonly Cell[])[];
  rows: readonly (readonly Cell[])[];
  /** Minimum height of body rows in twips, per row index (a form's tall 简历 cell). */
  rowHeights?: Readonly<Record<number, number>>;
  /** Minimum height of every body row in twips. */
  minRowHeight?: number;
  /** A short table of facts that should not break across pages (each row kept with the next). */
  keepTogether?: boolean;
  /** 'table' (四号) for lists, 'form' (小四) for dense forms. */
  text?: 'table' | 'form';
}

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cellOf(cell: Cell, width: number, style: string, header: boolean, keepNext = false): TableCell {
  const spec: CellSpec = typeof cell === 'string' ? { text: cell } : cell;
  const align = spec.align ?? (header || spec.label ? 'center' : 'left');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.columnSpan,
    rowSpan: spec.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: spec.text.split('\n').map(
      (line) =>
        new Paragraph({
          style,
          keepNext: keepNext || undefined,
          alignment: alignments[align],
          children: [new TextRun({ text: line, bold: spec.bold ?? header })],
        }),
    ),
  });
}

/** A table across the text area: rows never split across pages, header rows repeat on each page. */
export function table(spec: TableSpec): Table {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const grid = spec.widths.map((w) => Math.floor((w / total) * textWidth));
  grid[grid.length - 1] += textWidth - grid.reduce((a, b) => a + b, 0);
  const style = spec.text === 'form' ? styleIds.form : styleIds.table;
  // Columns still covered by a cell of an earlier row that spans rows down (docx writes the
  // continuation cells itself, so a later row lists only the cells it starts).
  const coveredUntil: number[] = grid.map(() => -1);
  let rowIndex = 0;
  const lastRow = (spec.header?.length ?? 0) + spec.rows.length - 1;
  const rowOf = (cells: readonly Cell[], header: boolean, height?: number) => {
    const keep = header || (!!spec.keepTogether && rowIndex < lastRow);
    let col = 0;
    const children = cells.map((c) => {
      while (col < grid.length && coveredUntil[col] >= rowIndex) col++;
      const spec: CellSpec = typeof c === 'string' ? { text: c } : c;
      const span = spec.columnSpan ?? 1;
      const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
      if (spec.rowSpan && spec.rowSpan > 1) for (let k = col; k < col + span; k++) coveredUntil[k] = rowIndex + spec.rowSpan - 1;
      col += span;
      return cellOf(spec, width, style, header, keep);
    });
    rowIndex++;
    const min = height ?? spec.minRowHeight;
    return new TableRow({
      cantSplit: true,
      tableHeader: header || undefined,
      height: min ? { value: min, rule: HeightRule.ATLEAST } : undefined,
      children,
    });
  };
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      ...(spec.header ?? []).map((r) => rowOf(r, true)),
      ...spec.rows.map((r, i) => rowOf(r, false, spec.rowHeights?.[i])),
    ],
  });
}

// ---- the document ----------------------------------------------------------------------------

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // "— 1 —": a one-character dash either side (§7.5), one character in from the outer edge.
  return new Footer({
    children: [
      new Paragraph({
        style: styleIds.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export interface DocumentSpec {
  /** docProps title (the file's title in Word's properties). */
  title: string;
  subject?: string;
  /** Each section starts on a new page (one notice, one form). */
  sections: ReadonlyArray<readonly Block[]>;
}

/** The fallback chain as it is written to the document's custom properties. */
export const fontFallbackNote = Object.entries(fontChains)
  .map(([role, chain]) => `${role}: ${chain.join(' → ')}`)
  .join('; ');

/** Packs the blocks into a .docx with the shared layout. */
export async function officialDocument(spec: DocumentSpec): Promise<Buffer> {
  const sections: ISectionOptions[] = spec.sections.map((children) => ({
    properties: {
      page: { size: pageSize, margin: pageMargins },
      grid: { linePitch: bodyLine },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children: [...children],
  }));
  const doc = new Document({
    title: spec.title,
    subject: spec.subject,
    creator: 'Cadre Ledger 干部能上能下台账',
    evenAndOddHeaderAndFooters: true,
    customProperties: [{ name: 'FontFallbacks', value: fontFallbackNote }],
    styles: {
      default: {
        document: { run: { font: fontOf('body'), size: sizes.sanhao, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } },
      },
      paragraphStyles,
    },
    sections,
  });
  return declareFonts(await Packer.toBuffer(doc));
}

const fontTableNamespaces = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The font table: every font of every chain, each naming the next one as its alternate. */
export function fontTableXml(): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  const add = (name: string, alt: string | undefined, cjk: boolean) => {
    if (seen.has(name)) return;
    seen.add(name);
    entries.push(
      `<w:font w:name="${escapeXml(name)}">` +
        (alt ? `<w:altName w:val="${escapeXml(alt)}"/>` : '') +
        (cjk ? '<w:charset w:val="86"/>' : '<w:charset w:val="00"/>') +
        `<w:family w:val="${cjk ? 'modern' : 'roman'}"/>` +
        `<w:pitch w:val="${cjk ? 'fixed' : 'variable'}"/>` +
        `</w:font>`,
    );
  };
  for (const chain of Object.values(fontChains)) chain.forEach((name, i) => add(name, chain[i + 1], true));
  add(latinFont, undefined, false);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${fontTableNamespaces}>${entries.join('')}</w:fonts>`;
}

async function declareFonts(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  zip.file('word/fontTable.xml', fontTableXml());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
