// The rank history as chart data: every month from the first score to the last (gaps stay gaps, a
// missing month breaks a streak), the standing in the peer group as a percentile (100 = first,
// 0 = last), and the runs of top- or bottom-third months long enough to matter.
import type { RankEvidence } from '../../../shared/domain/findings';

export interface ChartPoint {
  month: string;
  score: number | null;
  standing: number | null;
  rank: number | null;
  n: number | null;
  third: RankEvidence['third'] | null;
}

export interface Streak {
  third: 'top' | 'bottom';
  from: string;
  to: string;
  length: number;
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** 100 for the first of the group, 0 for the last; a group of one stands at 100. */
export function standingOf(rank: number, n: number): number {
  return n <= 1 ? 100 : Math.round((1000 * (n - rank)) / (n - 1)) / 10;
}

export function chartPoints(history: RankEvidence[]): ChartPoint[] {
  if (history.length === 0) return [];
  const byMonth = new Map(history.map((r) => [r.month, r]));
  const out: ChartPoint[] = [];
  const last = history[history.length - 1].month;
  for (let m = history[0].month; m <= last; m = nextMonth(m)) {
    const r = byMonth.get(m);
    out.push(
      r
        ? { month: m, score: r.score, standing: standingOf(r.rank, r.n), rank: r.rank, n: r.n, third: r.third }
        : { month: m, score: null, standing: null, rank: null, n: null, third: null },
    );
  }
  return out;
}

/** Runs of consecutive months in the top or bottom third of at least `minLength` months. */
export function streaks(points: ChartPoint[], minLength = 3): Streak[] {
  const out: Streak[] = [];
  let run: Streak | null = null;
  const close = () => {
    if (run && run.length >= minLength) out.push(run);
    run = null;
  };
  for (const p of points) {
    const third = p.third === 'top' || p.third === 'bottom' ? p.third : null;
    if (third && run && run.third === third) {
      run.to = p.month;
      run.length++;
    } else {
      close();
      if (third) run = { third, from: p.month, to: p.month, length: 1 };
    }
  }
  close();
  return out;
}
