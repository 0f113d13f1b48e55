// Checks an .xlsx (a zip) before exceljs opens it: the central directory is read here, every entry
// is inflated here with a hard output cap, and the declared sizes must be the real ones. So a zip
// bomb, a lying size field or a sheet past the row, column or cell limits is refused before exceljs
// (JSZip) inflates anything.
import { constants, crc32, createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { LedgerError } from '../../shared/contract/errors';
import type { FileLimits } from './limits';
import { SheetExtentScanner } from './sheet-extent';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const refuse = (zh: string, en: string): never => {
  throw new LedgerError('VALIDATION', { zh: `不是有效或安全的 xlsx 文件：${zh}`, en: `not a valid or safe xlsx file: ${en}` });
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the central directory (no zip64: an .xlsx under the size limit never needs it). */
export function readCentralDirectory(buf: Buffer, limits: FileLimits): ZipEntryInfo[] {
  const minEocd = 22;
  if (buf.length < minEocd) refuse('文件过短', 'file too short');
  let eocd = -1;
  for (let p = buf.length - minEocd; p >= Math.max(0, buf.length - minEocd - 0xffff); p--) {
    if (buf.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) refuse('找不到 zip 目录', 'no zip central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) refuse('不支持 zip64', 'zip64 is not supported');
  if (count > limits.maxZipEntries) refuse(`条目过多（${count}）`, `too many entries (${count})`);
  if (cdOffset + cdSize > eocd) refuse('zip 目录越界', 'central directory out of bounds');

  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) refuse('zip 目录损坏', 'corrupt central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) refuse(`条目“${name}”已加密`, `entry "${name}" is encrypted`);
    if (method !== 0 && method !== 8) refuse(`条目“${name}”的压缩方式不受支持`, `entry "${name}" uses an unsupported compression`);
    if (uncompressedSize > limits.maxEntryBytes) {
      refuse(`条目“${name}”解压后过大（${uncompressedSize} 字节）`, `entry "${name}" inflates to ${uncompressedSize} bytes`);
    }
    if (
      uncompressedSize > limits.ratioFloorBytes &&
      uncompressedSize > limits.maxInflateRatio * Math.max(1, compressedSize)
    ) {
      refuse(`条目“${name}”压缩比异常`, `entry "${name}" has a suspicious inflate ratio`);
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) refuse('解压后总大小过大', 'total inflated size too large');
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return entries;
}

/** The entry's compressed bytes, after its local header. */
function compressedData(buf: Buffer, entry: ZipEntryInfo): Buffer {
  const h = entry.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL) refuse(`条目“${entry.name}”头部损坏`, `corrupt local header of "${entry.name}"`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) refuse(`条目“${entry.name}”越界`, `entry "${entry.name}" out of bounds`);
  return buf.subarray(start, end);
}

/** Inflates one entry with the declared size as a hard cap and checks that it was the real size. */
export function inflateEntry(buf: Buffer, entry: ZipEntryInfo): Buffer {
  const data = compressedData(buf, entry);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else {
    try {
      // One byte over the declared size is enough to catch a lie without inflating a bomb.
      out = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch {
      return refuse(`条目“${entry.name}”无法解压或大于声明大小`, `entry "${entry.name}" cannot be inflated or exceeds its declared size`);
    }
  }
  if (out.length !== entry.uncompressedSize) {
    refuse(`条目“${entry.name}”的实际大小与声明不符`, `entry "${entry.name}" does not match its declared size`);
  }
  return out;
}

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

/**
 * Inflates a worksheet chunk by chunk, each chunk checked by the extent scanner before the next is
 * inflated: a sheet past the row, column or cell limits is refused after reading only as far as
 * its first element past them.
 */
async function inflateWorksheet(buf: Buffer, entry: ZipEntryInfo, limits: FileLimits): Promise<Buffer> {
  const scanner = new SheetExtentScanner(limits);
  if (entry.method === 0) {
    const data = inflateEntry(buf, entry);
    for (let p = 0; p < data.length; p += 64 * 1024) scanner.push(data.subarray(p, p + 64 * 1024));
    scanner.end();
    return data;
  }
  const data = compressedData(buf, entry);
  const chunks: Buffer[] = [];
  let size = 0;
  const inflater = createInflateRaw();
  const tooLarge = () =>
    refuse(`条目“${entry.name}”无法解压或大于声明大小`, `entry "${entry.name}" cannot be inflated or exceeds its declared size`);
  try {
    await new Promise<void>((resolve, reject) => {
      inflater.on('data', (chunk: Buffer) => {
        try {
          size += chunk.length;
          if (size > entry.uncompressedSize) tooLarge();
          scanner.push(chunk);
          chunks.push(chunk);
        } catch (e) {
          inflater.destroy();
          reject(e);
        }
      });
      inflater.on('error', () => {
        try {
          tooLarge();
        } catch (e) {
          reject(e);
        }
      });
      inflater.on('end', resolve);
      inflater.end(data);
    });
  } finally {
    inflater.destroy();
  }
  if (size !== entry.uncompressedSize) {
    refuse(`条目“${entry.name}”的实际大小与声明不符`, `entry "${entry.name}" does not match its declared size`);
  }
  scanner.end();
  return Buffer.concat(chunks, size);
}

/**
 * Refuses a hostile .xlsx: too many or too large entries, a suspicious inflate ratio, sizes that
 * lie, or a worksheet past the row, column or cell limits (checked while it is inflated, before
 * exceljs builds any model). Returns the entries, inflated, in the archive's order.
 */
export async function guardXlsx(bytes: Uint8Array, limits: FileLimits): Promise<Map<string, Buffer>> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(buf, limits);
  if (!entries.some((e) => e.name === '[Content_Types].xml')) refuse('缺少 [Content_Types].xml', 'missing [Content_Types].xml');
  const out = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (out.has(entry.name)) refuse(`条目“${entry.name}”重复`, `entry "${entry.name}" appears twice`);
    out.set(entry.name, isWorksheet(entry.name) ? await inflateWorksheet(buf, entry, limits) : inflateEntry(buf, entry));
  }
  return out;
}

const emptySharedStrings = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/** Parts exceljs's streaming reader must have seen before a worksheet (else it spools it to disk). */
const partsFirst = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];

const sheetNumber = (name: string) => Number(/sheet(\d+)\.xml$/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Worksheet part names in the workbook's tab order, visible sheets first (the file numbers follow
 * creation order, not the tabs an officer sees).
 */
export function sheetTabOrder(parts: Map<string, Buffer>): string[] {
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const visible: string[] = [];
  const hidden: string[] = [];
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'r:id') ?? attr(tag, '[\\w]+:id');
    const target = id && targets.get(id);
    if (!target || !parts.has(target)) continue;
    (/state="(hidden|veryHidden)"/.test(tag) ? hidden : visible).push(target);
  }
  return [...visible, ...hidden];
}

/**
 * Re-packs checked entries as a zip in the order exceljs's streaming reader
 * needs: workbook, styles and shared strings before the worksheets, worksheets in tab order. Without
 * this, Excel's own order (sheets first) makes exceljs write the sheets to temporary files — the
 * office's data on disk outside the ledger.
 */
export function repackForStreaming(entries: Map<string, Buffer>): Buffer {
  const parts = new Map(entries);
  if (!parts.has('xl/sharedStrings.xml')) parts.set('xl/sharedStrings.xml', emptySharedStrings);
  const isSheet = isWorksheet;
  const tabs = sheetTabOrder(parts);
  const sheets = [...parts.keys()].filter(isSheet).sort((a, b) => {
    const ta = tabs.indexOf(a);
    const tb = tabs.indexOf(b);
    if (ta !== tb) return (ta < 0 ? Infinity : ta) - (tb < 0 ? Infinity : tb);
    return sheetNumber(a) - sheetNumber(b) || (a < b ? -1 : 1);
  });
  const names = [
    ...partsFirst.filter((n) => parts.has(n)),
    ...[...parts.keys()].filter((n) => !partsFirst.includes(n) && !isSheet(n)).sort(),
    ...sheets,
  ];
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const raw = parts.get(name)!;
    // Deflated at the fastest level: unzipper reads stored entries far more slowly.
    const data = deflateRawSync(raw, { level: constants.Z_BEST_SPEED });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}
