// With an encrypted ledger, Chromium's own form history ("Web Data": what was typed into fields,
// offered again as suggestions) would keep cadre names on disk in plain text. Every form then says
// autocomplete="off", which Chromium honours for that history.
import { useEffect } from 'react';
import { useSession } from './store';

function markForms(root: ParentNode) {
  for (const form of root.querySelectorAll('form:not([autocomplete="off"])')) form.setAttribute('autocomplete', 'off');
}

export function NoFormHistory() {
  const sealed = useSession((s) => !!s.info?.encrypted && !s.info.demo);
  useEffect(() => {
    if (!sealed) return;
    markForms(document);
    const observer = new MutationObserver(() => markForms(document));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [sealed]);
  return null;
}
