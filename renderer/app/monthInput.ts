// What an officer types into a month field: 2026-07, 2026-7, 2026/7, 2026.07, 202607, 2026年07月,
// 2026年7月, 2026年7 and the English display form (Jul 2026, July 2026). One pure function so the
// header's picker and its tests agree; anything that is not a real month is null, never a guess.
const monthNames = 'january february march april may june july august september october november december'.split(' ');

function month(year: number, m: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(m) || year < 1900 || year > 2199 || m < 1 || m > 12) return null;
  return `${year}-${String(m).padStart(2, '0')}`;
}

/** 'YYYY-MM' for a typed month, or null when the text is not one. */
export function parseMonthInput(text: string): string | null {
  // Full-width digits and separators (typed with a Chinese input method) read as their ASCII forms.
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－／．]/g, (c) => ({ '－': '-', '／': '/', '．': '.' })[c] ?? c);
  if (!t) return null;
  let m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{4})(\d{2})$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^([a-z]{3,9})\.?\s+(\d{4})$/i.exec(t);
  if (m) {
    const name = m[1].toLowerCase();
    // The abbreviation the English picker shows (Jul), the full name (July), or Sept.
    const i = monthNames.findIndex((n) => name === n || name === n.slice(0, 3) || (name === 'sept' && n === 'september'));
    return i < 0 ? null : month(Number(m[2]), i + 1);
  }
  return null;
}
