// The latest store revision seen in any answer. Cached reads stamped with an older revision are
// refreshed; a command that moves it makes every mounted query refetch.
import { create } from 'zustand';

interface RevisionState {
  revision: number | null;
  observe(revision: number): void;
}

export const useRevision = create<RevisionState>((set, get) => ({
  revision: null,
  observe(revision) {
    if (get().revision !== revision) set({ revision });
  },
}));
