// The latest store revision seen in any answer. Cached reads stamped with an older revision are
// refreshed; a command that moves it makes every mounted query refetch.
import { create } from 'zustand';

interface RevisionState {
  revision: number | null;
  /** Bumped when another ledger is opened (demo, restore): every query refetches. */
  epoch: number;
  observe(revision: number): void;
  newEpoch(): void;
}

export const useRevision = create<RevisionState>((set, get) => ({
  revision: null,
  epoch: 0,
  newEpoch() {
    set((s) => ({ epoch: s.epoch + 1 }));
  },
  observe(revision) {
    if (get().revision !== revision) set({ revision });
  },
}));
