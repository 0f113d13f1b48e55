// i18next with one namespace per feature folder. Each `features/<name>/i18n.ts` (and `app/i18n.ts`)
// default-exports `{ zh: {...}, en: {...} }`; they are gathered here by glob, so a feature adds its
// texts without touching this file. Use them with `useTranslation('<name>')`.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export type Lang = 'zh' | 'en';
export const languages: Lang[] = ['zh', 'en'];
export type Messages = { [key: string]: string | Messages };
export interface NamespaceMessages {
  zh: Messages;
  en: Messages;
}

const LANG_KEY = 'cadre-ledger.lang';

const modules = import.meta.glob<{ default: NamespaceMessages }>(['../app/i18n.ts', '../features/*/i18n.ts'], {
  eager: true,
});

/** Namespace name → messages, from the folder each i18n.ts sits in. */
export function collectNamespaces(): Record<string, NamespaceMessages> {
  const out: Record<string, NamespaceMessages> = {};
  for (const [path, mod] of Object.entries(modules)) {
    const ns = /\/(?:features\/)?([^/]+)\/i18n\.ts$/.exec(path)?.[1];
    if (!ns || !mod.default) continue;
    out[ns] = mod.default;
  }
  return out;
}

export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

let initialized = false;

export function initI18n(lang: Lang = storedLang()): typeof i18next {
  if (initialized) return i18next;
  initialized = true;
  const namespaces = collectNamespaces();
  const resources: Record<Lang, Record<string, Messages>> = { zh: {}, en: {} };
  for (const [ns, m] of Object.entries(namespaces)) {
    resources.zh[ns] = m.zh;
    resources.en[ns] = m.en;
  }
  applyLang(lang);
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'zh',
    ns: Object.keys(namespaces),
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this window only.
  }
  applyLang(lang);
  void i18next.changeLanguage(lang);
}

/** Picks the text of a {zh, en} pair (errors, findings) in the current language. */
export function pick(b: { zh: string; en: string }, lang: string = i18next.language): string {
  return lang?.startsWith('en') ? b.en : b.zh;
}
