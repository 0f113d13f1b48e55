// The as-of month every evaluation screen works on (the header's picker). The app opens on the
// latest month that has scores (session.info's latestScoredMonth; the host's calendar month only
// when the ledger has no scores at all); a month the officer picks is kept for the session (this
// window, across reloads and ledger switches).
import { create } from 'zustand';

const KEY = 'cadre-ledger.asOf';

/** Why the header shows this month: the officer chose it, or the ledger's latest scored month, or today. */
export type AsOfSource = 'chosen' | 'latestScored' | 'today';

interface AsOfState {
  /** 'YYYY-MM', or null until session.info told us which month to open. */
  asOf: string | null;
  source: AsOfSource | null;
  /** The officer's choice: kept for the session. */
  setAsOf(month: string): void;
  /** The default for the open ledger, unless the officer chose a month in this window. */
  initFromSession(info: { today: string; latestScoredMonth?: string | null }): void;
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const useAsOf = create<AsOfState>((set, get) => {
  const kept = stored();
  return {
    asOf: kept,
    source: kept ? 'chosen' : null,
    setAsOf(month) {
      try {
        sessionStorage.setItem(KEY, month);
      } catch {
        // private mode: the choice lasts as long as this page
      }
      set({ asOf: month, source: 'chosen' });
    },
    initFromSession(info) {
      if (get().source === 'chosen') return;
      if (info.latestScoredMonth) set({ asOf: info.latestScoredMonth, source: 'latestScored' });
      else set({ asOf: info.today.slice(0, 7), source: 'today' });
    },
  };
});
