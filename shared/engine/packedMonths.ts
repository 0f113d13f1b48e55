// A finding's months of rank evidence, packed until first read. A December evaluation of 50,000
// cadres cites ~95,000 months in its findings, and an officer opens a page of them: as objects
// (one per month, its score boxed) they were a quarter of what an evaluation keeps, and the
// garbage collector copied them twice before they reached the old generation. Packed, they are
// five numbers in a block shared by the evaluation's findings (typed memory the collector does not
// trace), made into RankEvidence objects when a finding's evidence or explanation is first read.
import type { RankEvidence } from '../domain/findings';
import { monthFromIndex } from './calendar';

const thirdText = ['none', 'top', 'middle', 'bottom', 'none'] as const;
/** Numbers per month: month index, score, rank, group size, third code. */
const WIDTH = 5;
/**
 * Months per block: the first block is small (re-evaluating a few subjects after a write packs a
 * few dozen months), each next one twice as large up to 160 KB — a few dozen for a whole docket.
 */
const FIRST_BLOCK_MONTHS = 64;
const BLOCK_MONTHS = 4096;

/** Where one evaluation packs its months (RuleContext.months): blocks are filled in turn, never rewritten. */
export class MonthsPool {
  private block = new Float64Array(0);
  private used = 0;
  private start = 0;
  private nextMonths = FIRST_BLOCK_MONTHS;

  /** Begins a finding's run of months (at most `most`). */
  begin(most: number): void {
    if (this.used + most * WIDTH > this.block.length) {
      this.block = new Float64Array(Math.max(this.nextMonths, most) * WIDTH);
      this.nextMonths = Math.min(this.nextMonths * 2, BLOCK_MONTHS);
      this.used = 0;
    }
    this.start = this.used;
  }

  push(month: number, score: number, rank: number, n: number, third: number): void {
    const b = this.block;
    const i = this.used;
    b[i] = month;
    b[i + 1] = score;
    b[i + 2] = rank;
    b[i + 3] = n;
    b[i + 4] = third;
    this.used = i + WIDTH;
  }

  /** The months pushed since begin(). */
  end(): PackedMonths {
    return new PackedMonths(this.block, this.start, (this.used - this.start) / WIDTH);
  }
}

/** A run of months in a pool's block: read-only once made. */
export class PackedMonths {
  constructor(
    private readonly block: Float64Array,
    private readonly at: number,
    readonly length: number,
  ) {}

  /** Whether month index `month` is one of the months (without making them objects). */
  has(month: number): boolean {
    const b = this.block;
    // Runs end at the as-of month, the month most writes land in: look at the end first.
    for (let k = this.length - 1, i = this.at + k * WIDTH; k >= 0; k--, i -= WIDTH) if (b[i] === month) return true;
    return false;
  }

  /** The months as RankEvidence, oldest first. */
  unpack(): RankEvidence[] {
    const out: RankEvidence[] = [];
    const b = this.block;
    for (let k = 0, i = this.at; k < this.length; k++, i += WIDTH) {
      out.push({ month: monthFromIndex(b[i]), score: b[i + 1], rank: b[i + 2], n: b[i + 3], third: thirdText[b[i + 4]] });
    }
    return out;
  }
}

/** Months as a rule hands them to makeFinding: packed, or already objects. */
export type MonthsEvidence = readonly RankEvidence[] | PackedMonths;
