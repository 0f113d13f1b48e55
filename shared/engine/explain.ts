// Small text builders shared by the rules' explanations, so that every rule words months, ranks
// and dates the same way in both languages.
import type { RankEvidence } from '../domain/findings';
import type { Bilingual, IsoDate } from '../domain/primitives';
import { addDays } from './calendar';

/** 2026-05至2026-10 / 2026-05 to 2026-10 (a single month when both ends are equal). */
export function monthRange(from: string, to: string): Bilingual {
  if (from === to) return { zh: from, en: from };
  return { zh: `${from}至${to}`, en: `${from} to ${to}` };
}

/**
 * A period shown by its first and last day: 2026-06-16 至 2026-12-15. Periods are stored
 * end-exclusive ([start, end): an impact period or bar ends on the same day-of-month N months
 * later); every explanation, view and document shows the last day they cover, inclusively, so that
 * "至 X" and "X 届满" name the same day. One way for the whole app (issue 10).
 */
export function periodText(start: IsoDate, endExclusive: IsoDate): Bilingual {
  return dayRange(start, lastDayOfPeriod(endExclusive));
}

/** The last day an end-exclusive period covers. */
export function lastDayOfPeriod(endExclusive: IsoDate): IsoDate {
  return addDays(endExclusive, -1);
}

/** A range of days given by its last day (inclusive): 2026-06-16 至 2026-12-15; "至 2026-12-15" without a start. */
export function dayRange(start: IsoDate | undefined, lastDay: IsoDate): Bilingual {
  if (!start) return { zh: `至 ${lastDay}`, en: `until ${lastDay}` };
  return { zh: `${start} 至 ${lastDay}`, en: `${start} to ${lastDay}` };
}

function scoreText(score: number): string {
  return Number.isInteger(score) ? String(score) : String(Math.round(score * 100) / 100);
}

/** 第2/18名、第1/18名 / rank 2/18, 1/18 — with the scores when `withScores`. */
export function rankList(months: readonly RankEvidence[], withScores = false): Bilingual {
  let zh = '';
  let en = '';
  for (let i = 0; i < months.length; i++) {
    const e = months[i];
    if (i) {
      zh += '、';
      en += ', ';
    }
    zh += `${e.month} 第${e.rank}/${e.n}名`;
    en += `${e.month} rank ${e.rank}/${e.n}`;
    if (withScores) {
      zh += `（${scoreText(e.score)}分）`;
      en += ` (${scoreText(e.score)})`;
    }
  }
  return { zh, en };
}

/** Formats a percent without trailing zeros: 10 → "10%". */
export function pct(n: number): string {
  return `${Math.round(n * 100) / 100}%`;
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}
