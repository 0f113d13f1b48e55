// Wording shared by the document models: dates as official documents write them (GB/T 9704-2012
// §7.3.5.3: Arabic numerals, 年月日 written out, no leading zeros), numbering of headings
// (一、 / （一） / 1.), and the names of people, units and records looked up from the ledger.
import type { MeetingType } from '../domain/meetings';
import type { Cadre, CadreCategory } from '../domain/records';
import type { LedgerState } from '../ledger/collections';

/** 2026-11-30 → 2026年11月30日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026-11 → 2026年11月. */
export function chineseMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 → 一百 (enough for docket numbering). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${digits[rest]}` : rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest);
    return `${digits[Math.floor(n / 100)]}百${tail}`;
  }
  return String(n);
}

/** First-level heading number: 一、 */
export const level1 = (n: number) => `${chineseNumeral(n)}、`;
/** Second-level heading number: （一） */
export const level2 = (n: number) => `（${chineseNumeral(n)}）`;

/** What a field the ledger does not hold says in a form: the officer fills it in. */
export const toFill = '（待填）';

/** The issuer line when the caller names none (the ledger holds no organisation name). */
export const defaultIssuer = '（发文机关）';

export const meetingTypeLabels: Record<MeetingType, string> = {
  partyWorkCommittee: '党工委会议',
  cadreWork: '干部工作会议',
  cadreGroup: '干部小组会',
};

export const categoryLabels: Record<CadreCategory, string> = {
  civilServant: '公务员',
  civilServantManaged: '参照公务员法管理人员',
  publicInstitution: '事业单位人员',
  soe: '国有企业人员',
  other: '其他',
};

export function unitNameOf(state: LedgerState, unitId: string | undefined): string {
  if (!unitId) return '';
  return state.units.get(unitId)?.name ?? unitId;
}

/** 张三（城关镇党政办主任）: how a document introduces a cadre. */
export function cadreIntro(state: LedgerState, cadre: Cadre): string {
  const post = `${unitNameOf(state, cadre.unitId)}${cadre.position}`;
  return post ? `${cadre.name}（${post}）` : cadre.name;
}

/** The name of an item's subject: the cadre's or unit's name in the ledger, else what the item says. */
export function subjectNameOf(state: LedgerState, subject: { type: 'cadre' | 'unit'; id: string } | null, fallback = ''): string {
  if (!subject) return fallback;
  if (subject.type === 'cadre') return state.cadres.get(subject.id)?.name ?? (fallback || subject.id);
  return state.units.get(subject.id)?.name ?? (fallback || subject.id);
}

/** Joins clauses the way Chinese prose lists them: a、b、c. */
export const listJoin = (items: readonly string[]) => items.filter(Boolean).join('、');

/** Ends a sentence with 。 unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return '';
  return /[。！？；.!?;：:]$/.test(t) ? t : `${t}。`;
}
