// The as-of month every evaluation screen works on (header picker). Kept per window across reloads.
import { create } from 'zustand';

const KEY = 'cadre-ledger.asOf';

interface AsOfState {
  /** 'YYYY-MM', or null until session.info told us today's date. */
  asOf: string | null;
  setAsOf(month: string): void;
  /** Sets the default from the host's today unless the user picked one in this window. */
  initFromToday(today: string): void;
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const useAsOf = create<AsOfState>((set, get) => ({
  asOf: stored(),
  setAsOf(month) {
    try {
      sessionStorage.setItem(KEY, month);
    } catch {
      // ignore
    }
    set({ asOf: month });
  },
  initFromToday(today) {
    if (!get().asOf) set({ asOf: today.slice(0, 7) });
  },
}));
