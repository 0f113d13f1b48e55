// A record named in evidence (a meeting item's basis, a finding) opens in the case file, scrolled to
// and marked: #/cadres/C001?record=M00012. The case file calls useRecordHighlight once its
// timeline is on screen; its entries carry data-id (the record id).
import { useEffect } from 'react';

/** A month ('2026-11') in evidence is not a record: it has nothing to open. */
export const isRecordId = (id: string): boolean => !/^\d{4}-\d{2}$/.test(id);

export function recordHref(cadreId: string, recordId: string): string {
  return `#/cadres/${encodeURIComponent(cadreId)}?record=${encodeURIComponent(recordId)}`;
}

/** Scrolls to the timeline entry of `recordId` and marks it; opens more of the timeline if needed. */
export function useRecordHighlight(recordId: string | undefined, ready: boolean): void {
  useEffect(() => {
    if (!recordId || !ready) return;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let marked: Element | null = null;
    const look = () => {
      const el = document.querySelector(`[data-testid="timeline-entry"][data-id="${CSS.escape(recordId)}"]`);
      if (el) {
        marked = el;
        el.classList.add('record-highlight');
        el.setAttribute('data-highlighted', 'true');
        el.scrollIntoView({ block: 'center' });
        return;
      }
      // The timeline shows its newest entries first: ask for more until the record is there.
      const more = document.querySelector<HTMLButtonElement>('[data-testid="timeline-more"]');
      if (tries++ < 40) {
        more?.click();
        timer = setTimeout(look, more ? 50 : 200);
      }
    };
    look();
    return () => {
      if (timer) clearTimeout(timer);
      marked?.classList.remove('record-highlight');
      marked?.removeAttribute('data-highlighted');
    };
  }, [recordId, ready]);
}
