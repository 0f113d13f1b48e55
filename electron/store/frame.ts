// Record framing shared by the journal, snapshots and backups:
//
//   magic (4 bytes C1 4C 44 47) | length (u32 LE) | ~length (u32 LE) | crc32 (u32 LE) | payload
//
// crc32 covers the length bytes and the payload. The magic lets a scanner find the next frame
// after a damaged one (to tell a torn tail from damage in the middle). The inverted copy of the
// length tells a damaged length (a flipped bit: corruption) from a frame that runs past the end of
// the file because its append was interrupted (a torn tail).
import { crc32 } from 'node:zlib';
import type { ByteSource } from './fsio';

export const FRAME_MAGIC = Buffer.from([0xc1, 0x4c, 0x44, 0x47]);
export const FRAME_HEADER = 16;
/** Larger than any sane commit (a 50,000-row import is ~10 MB); a bigger length is damage. */
export const MAX_FRAME = 1 << 30;

export function frameChecksum(lengthBytes: Uint8Array, payload: Uint8Array): number {
  return crc32(payload, crc32(lengthBytes));
}

export function encodeFrame(payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(FRAME_HEADER + payload.length);
  FRAME_MAGIC.copy(out, 0);
  out.writeUInt32LE(payload.length, 4);
  out.writeUInt32LE(~payload.length >>> 0, 8);
  out.writeUInt32LE(frameChecksum(out.subarray(4, 8), payload), 12);
  out.set(payload, FRAME_HEADER);
  return out;
}

export type FrameResult =
  | { ok: true; offset: number; end: number; payload: Buffer }
  | { ok: false; offset: number; reason: 'truncated' | 'magic' | 'length' | 'checksum' };

/** Reads frames one after another from `start`, through a block buffer. */
export class FrameReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;
  offset: number;

  constructor(
    private readonly source: ByteSource,
    start = 0,
    private readonly blockSize = 8 << 20,
  ) {
    this.offset = start;
  }

  private bytes(position: number, length: number): Buffer {
    const rel = position - this.blockStart;
    if (rel >= 0 && rel + length <= this.block.length) return this.block.subarray(rel, rel + length);
    this.block = this.source.read(position, Math.max(length, this.blockSize));
    this.blockStart = position;
    return this.block.subarray(0, Math.min(length, this.block.length));
  }

  /** The next frame, a description of why the bytes at `offset` are not one, or null at EOF. */
  next(): FrameResult | null {
    const offset = this.offset;
    const size = this.source.size;
    if (offset >= size) return null;
    if (size - offset < FRAME_HEADER) return { ok: false, offset, reason: 'truncated' };
    const header = this.bytes(offset, FRAME_HEADER);
    if (!header.subarray(0, 4).equals(FRAME_MAGIC)) return { ok: false, offset, reason: 'magic' };
    const length = header.readUInt32LE(4);
    const crc = header.readUInt32LE(12);
    if (length > MAX_FRAME || header.readUInt32LE(8) !== ~length >>> 0) return { ok: false, offset, reason: 'length' };
    const end = offset + FRAME_HEADER + length;
    if (end > size) return { ok: false, offset, reason: 'truncated' };
    const lengthBytes = Buffer.from(header.subarray(4, 8));
    const payload = this.bytes(offset + FRAME_HEADER, length);
    if (frameChecksum(lengthBytes, payload) !== crc) return { ok: false, offset, reason: 'checksum' };
    this.offset = end;
    return { ok: true, offset, end, payload };
  }

  /** Moves to `offset` (after a damaged frame, to the next whole one found by `findNextFrame`). */
  seek(offset: number): void {
    this.offset = offset;
  }
}

/**
 * The offset of the first whole, checksum-valid frame that starts after `from`, or -1. Used only
 * after damage: if one exists, the damage is in the middle (report it), else it is a torn tail.
 */
export function findNextFrame(source: ByteSource, from: number): number {
  const window = 4 << 20;
  let pos = from + 1;
  while (pos < source.size) {
    const chunk = source.read(pos, window + 3);
    let i = chunk.indexOf(FRAME_MAGIC);
    while (i !== -1 && i < window) {
      const candidate = pos + i;
      const reader = new FrameReader(source, candidate, 1 << 16);
      const r = reader.next();
      if (r && r.ok) return candidate;
      i = chunk.indexOf(FRAME_MAGIC, i + 1);
    }
    pos += window;
  }
  return -1;
}

/**
 * Whether damage at the last frame is an interrupted append (torn tail) rather than corruption:
 * nothing whole follows it, and either the frame is cut short (its header is incomplete, or its
 * sound header announces more bytes than the file has) or the file ends in zeros (space a
 * filesystem allocated but the crash left unwritten). A flipped bit in a whole last record is
 * corruption: it is reported, never cut silently.
 */
export function isTornTail(source: ByteSource, damage: Extract<FrameResult, { ok: false }>): boolean {
  if (findNextFrame(source, damage.offset) !== -1) return false;
  if (damage.reason === 'truncated') return true;
  const tail = source.read(Math.max(damage.offset, source.size - 16), 16);
  return tail.length > 0 && tail.every((b) => b === 0);
}
