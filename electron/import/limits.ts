// Limits against hostile or broken files. An office's real files are far below these; a file above
// them is refused before any parser sees it.
import { defaultImportLimits, type ImportLimits } from '../../shared/import/plan';

export interface FileLimits extends ImportLimits {
  /** Size of the file as given. */
  maxFileBytes: number;
  /** xlsx: entries in the zip. */
  maxZipEntries: number;
  /** xlsx: uncompressed size of one zip entry. */
  maxEntryBytes: number;
  /** xlsx: uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** xlsx: uncompressed/compressed size, checked on entries larger than `ratioFloorBytes`. */
  maxInflateRatio: number;
  ratioFloorBytes: number;
  /**
   * Cells of a sheet or CSV, counted as readers allocate them: each row up to its last column.
   * 200,000 score rows are 600,000; this stops a sparse sheet that would cost gigabytes.
   */
  maxCells: number;
  /** Characters in one cell: Excel's own limit (32,767), so a one-line file cannot be one huge field. */
  maxCellChars: number;
  /** Heap of the reader worker (V8 old generation): a file that needs more is refused, not the host killed. */
  readerHeapMb: number;
}

export const defaultFileLimits: FileLimits = {
  ...defaultImportLimits,
  maxFileBytes: 50 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxEntryBytes: 150 * 1024 * 1024,
  maxTotalBytes: 300 * 1024 * 1024,
  maxInflateRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxCells: 2_000_000,
  maxCellChars: 32_767,
  readerHeapMb: 256,
};
