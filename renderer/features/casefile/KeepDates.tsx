// A text with dates in it (an explanation, "最早 2027-01-01") shown in a narrow table column: the
// browser may break a line after a date's hyphen ("2026-" / "09"); each date is kept whole.
import { Fragment, type ReactNode } from 'react';

const date = /\d{4}-\d{2}(?:-\d{2})?/g;

export function KeepDates({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(date)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(
      <span key={m.index} className="cell-nowrap">
        {m[0]}
      </span>,
    );
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <Fragment>{parts}</Fragment>;
}
