// A policy document as an officer reads it: sections in DOMAIN.md §4's order, each threshold with
// its name in Chinese and English, its unit and (for numbers) the bounds the schema allows. The
// settings page, the 发布新版本 form and `cadre-ledger policy show` all read this one table, so a
// threshold is called the same everywhere.
import { z } from 'zod';
import type { Bilingual } from '../domain/primitives';
import { sanctionKinds } from '../domain/records';
import { gradeLabels, joinLabels, measureLabels, sanctionLabels } from '../engine/labels';
import { policyLeaves } from './diff';
import { policyVersionSchema, type PolicyVersion } from './schema';

export type PolicyValueKind = 'number' | 'nullableNumber' | 'measures' | 'sanctions' | 'grade' | 'gradeLimit' | 'ladder' | 'text';

export interface PolicyField {
  /** Keys from the document's root (a sanction kind such as `party.warning` is one key). */
  keys: string[];
  /** `keys` joined with dots: the path policy.issue's errors and policyChanges use. */
  path: string;
  label: Bilingual;
  unit?: Bilingual;
  kind: PolicyValueKind;
  /** A main numeric threshold the 发布新版本 form offers as a number input. */
  editable: boolean;
}

export interface PolicySection {
  id: string;
  title: Bilingual;
  fields: PolicyField[];
}

const MONTHS: Bilingual = { zh: '个月', en: 'months' };
const DAYS: Bilingual = { zh: '天', en: 'days' };
const PERCENT: Bilingual = { zh: '%', en: '%' };
const YEARS: Bilingual = { zh: '年', en: 'years' };
const PEOPLE: Bilingual = { zh: '人', en: 'cadres' };

const f = (keys: string[], zh: string, en: string, kind: PolicyValueKind = 'number', unit?: Bilingual, editable = kind === 'number'): PolicyField => ({
  keys,
  path: keys.join('.'),
  label: { zh, en },
  ...(unit ? { unit } : {}),
  kind,
  editable,
});

const perSanction = (root: string[], kind: PolicyValueKind, unit?: Bilingual, editable = false) =>
  sanctionKinds.map((k) => f([...root, k], sanctionLabels[k].zh, sanctionLabels[k].en, kind, unit, editable));

export const policySections: PolicySection[] = [
  {
    id: 'ranking',
    title: { zh: '排名与三分位', en: 'Ranking and thirds' },
    fields: [
      f(['ranking', 'thirdsDivisor'], '三分位除数（每档人数 k = ⌈n ÷ 此数⌉）', 'Thirds divisor (k = ceil(n / this))'),
      f(['ranking', 'minGroupSize'], '最少排名人数（不足不分档）', 'Smallest group with thirds', 'number', PEOPLE),
      f(['ranking', 'unitMinScoredCadres'], '班子排名至少评分人数', 'Scored cadres for a team to be ranked', 'number', PEOPLE),
    ],
  },
  {
    id: 'streaks',
    title: { zh: '连续排名规则', en: 'Streak rules' },
    fields: [
      f(['streaks', 'raiseTopThirdMonths'], '连续位列前三分之一（提高薪酬）', 'Top third in a row (salary raise)', 'number', MONTHS),
      f(['streaks', 'warnBottomThirdMonths'], '连续位列后三分之一（提醒预警）', 'Bottom third in a row (warning)', 'number', MONTHS),
      f(['streaks', 'placeBottomThirdMonths'], '连续位列后三分之一（过渡性安置）', 'Bottom third in a row (transitional placement)', 'number', MONTHS),
      f(['streaks', 'teamBottomThirdMonths'], '班子连续位列后三分之一（观察期）', 'Team bottom third in a row (probation)', 'number', MONTHS),
      f(['actedMeasures', 'warn'], '视为已处理的措施（预警）', 'Measures that count as acted on (warning)', 'measures'),
      f(['actedMeasures', 'place'], '视为已处理的措施（过渡性安置）', 'Measures that count as acted on (placement)', 'measures'),
    ],
  },
  {
    id: 'periods',
    title: { zh: '观察期、试用期与复核', en: 'Probation, trial and reviews' },
    fields: [
      f(['probation', 'months'], '观察期时长', 'Probation length', 'number', MONTHS),
      f(['trial', 'months'], '试用期时长（未填结束日期时）', 'Trial length (when no end date)', 'number', MONTHS),
      f(['trial', 'poorBottomThirdMonths'], '试用期表现差：后三分之一月数', 'Poor trial: bottom-third months', 'number', MONTHS),
      f(['trial', 'poorWindowMonths'], '试用期表现差：统计最近月数', 'Poor trial: within the last', 'number', MONTHS),
      f(['trial', 'poorGradeAtOrBelow'], '试用期表现差：最近年度等次不高于', 'Poor trial: last grade at or below', 'grade'),
      f(['reviewWindows', 'probationDays'], '观察期到期提前提示', 'Probation review notice', 'number', DAYS),
      f(['reviewWindows', 'trialDays'], '试用期到期提前提示', 'Trial review notice', 'number', DAYS),
      f(['reviewWindows', 'checkInDays'], '帮扶谈话最长间隔', 'Longest gap between check-in talks', 'number', DAYS),
      f(['reviewWindows', 'placementReviewMonths'], '过渡性安置复核（开始后）', 'Transitional placement review (after start)', 'number', MONTHS),
    ],
  },
  {
    id: 'impact',
    title: { zh: '处分影响期', en: 'Sanction impact periods' },
    fields: [
      ...perSanction(['impactPeriodMonths'], 'nullableNumber', MONTHS),
      f(['stacking', 'kinds'], '可叠加的处分', 'Sanctions that stack', 'sanctions'),
      f(['stacking', 'capMonths'], '叠加后最长（自首个处分起）', 'Stacked period at most (from the first)', 'number', MONTHS),
    ],
  },
  {
    id: 'effects',
    title: { zh: '处分效果：绩效扣减、提拔与评优', en: 'Sanction effects: pay, promotion, honours' },
    fields: [
      ...perSanction(['salaryDeductionPercent'], 'number', PERCENT, true).map((x) => ({ ...x, label: { zh: `绩效扣减：${x.label.zh}`, en: `Pay deduction: ${x.label.en}` } })),
      f(['promotionBars', 'afterPartyProbationMonths'], '留党察看期满后另不得提拔', 'No promotion after party probation, further', 'number', MONTHS),
      f(['promotionBars', 'admonishmentMonths'], '诫勉后不得提拔', 'No promotion after admonishment', 'number', MONTHS),
      f(['promotionBars', 'demotionMonths'], '降职后不得提拔', 'No promotion after demotion', 'number', MONTHS),
      f(['promotionBars', 'removalMonths'], '免职后不得提拔', 'No promotion after removal', 'number', MONTHS),
      f(['honours', 'disqualifyingMeasures'], '当年取消评优的措施', 'Measures that disqualify from honours that year', 'measures'),
    ],
  },
  {
    id: 'faults',
    title: { zh: '容错纠错扣减', en: 'Fault deductions' },
    fields: [
      f(['faults', 'standardAmount'], '标准扣减额', 'Standard deduction'),
      f(['faults', 'amountUnit'], '金额单位', 'Unit of the amount', 'text'),
      f(['faults', 'toleratedFactor'], '系数：予以容错', 'Factor: tolerated'),
      f(['faults', 'unintentionalFactor'], '系数：非故意', 'Factor: not intentional'),
      f(['faults', 'intentionalFactor'], '系数：故意', 'Factor: intentional'),
    ],
  },
  {
    id: 'annual',
    title: { zh: '年度考核规则', en: 'Annual rules' },
    fields: [
      f(['annual', 'evaluationMonth'], '年度规则的评估月份（1–12）', 'Month the annual rules are evaluated (1–12)'),
      f(['annual', 'merit3Years'], '连续优秀记三等功', 'Excellent years in a row for a third-class merit', 'number', YEARS),
      f(['annual', 'dismissIncompetentYears'], '连续不称职辞退', 'Incompetent years in a row for dismissal', 'number', YEARS),
      f(['annual', 'excellentQuotaPercent'], '优秀比例上限', 'Excellent quota', 'number', PERCENT),
      f(['annual', 'excellentQuotaMinimum'], '优秀名额至少', 'Excellent quota at least', 'number', PEOPLE),
      ...perSanction(['gradeLimits', 'sanctions'], 'gradeLimit').map((x) => ({ ...x, label: { zh: `等次限制：${x.label.zh}`, en: `Grade limit: ${x.label.en}` } })),
      f(['gradeLimits', 'measures'], '等次限制：措施', 'Grade limits: measures', 'gradeLimit'),
    ],
  },
  {
    id: 'candidates',
    title: { zh: '提拔与重新使用', en: 'Promotion and rising again' },
    fields: [
      f(['promotion', 'requiredGrade'], '提拔人选：最近年度等次', 'Promotion candidate: last grade', 'grade'),
      f(['promotion', 'topThirdMonths'], '提拔人选：前三分之一月数', 'Promotion candidate: top-third months', 'number', MONTHS),
      f(['promotion', 'windowMonths'], '提拔人选：统计最近月数', 'Promotion candidate: within the last', 'number', MONTHS),
      f(['rehab', 'measures'], '可重新使用的措施', 'Measures one can rise again from', 'measures'),
      f(['rehab', 'minMonthsSinceStart'], '重新使用：措施开始后至少', 'Rising again: at least after the measure', 'number', MONTHS),
      f(['rehab', 'topThirdMonths'], '重新使用：前三分之一月数', 'Rising again: top-third months', 'number', MONTHS),
      f(['rehab', 'windowMonths'], '重新使用：统计最近月数', 'Rising again: within the last', 'number', MONTHS),
    ],
  },
  {
    id: 'ladder',
    title: { zh: '措施阶梯', en: 'The ladder' },
    fields: [f(['ladder', 'cadre'], '干部', 'Cadres', 'ladder'), f(['ladder', 'unit'], '班子', 'Teams', 'ladder')],
  },
];
export const policyFields: PolicyField[] = policySections.flatMap((s) => s.fields);
const byPath = new Map(policyFields.map((x) => [x.path, x]));

/** The field of a path (as policyChanges and policy.issue's errors name it), if it is one. */
export function policyFieldOf(path: string): PolicyField | undefined {
  if (byPath.has(path)) return byPath.get(path);
  // gradeLimits.measures.admonishment … belongs to the measures' grade limits.
  for (const x of policyFields) if (path.startsWith(`${x.path}.`)) return x;
  return undefined;
}

/** Leaves of a document no field covers (a test keeps this empty: every threshold has a name). */
export function uncoveredPolicyLeaves(document: PolicyVersion): string[] {
  return [...policyLeaves(document as unknown as Record<string, unknown>).keys()].filter((p) => !policyFieldOf(p));
}

/** A label for any path: the field's, else the path itself. */
export function policyPathLabel(path: string): Bilingual {
  const x = policyFieldOf(path);
  if (!x) return { zh: path, en: path };
  if (x.path === path) return x.label;
  const rest = path.slice(x.path.length + 1).split('.');
  const part = (k: string) => yearLabels[k] ?? measureLabels[k as keyof typeof measureLabels] ?? { zh: k, en: k };
  const zh = rest.map((k) => part(k).zh).join('');
  const en = rest.map((k) => part(k).en).join(' ');
  return { zh: `${x.label.zh}（${zh}）`, en: `${x.label.en} (${en})` };
}

export function valueAt(document: unknown, keys: readonly string[]): unknown {
  let v: unknown = document;
  for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

const limitLabels: Record<string, Bilingual> = {
  notExcellent: { zh: '不得评为优秀', en: 'not excellent' },
  ungraded: { zh: '不定等次', en: 'not graded' },
  incompetent: { zh: '定为不称职', en: 'incompetent' },
};

const yearLabels: Record<string, Bilingual> = { sameYear: { zh: '当年', en: 'that year' }, nextYear: { zh: '次年', en: 'next year' } };

function limitText(rule: unknown): Bilingual {
  if (typeof rule === 'string') return limitLabels[rule] ?? { zh: rule, en: rule };
  const r = (rule ?? {}) as Record<string, string | undefined>;
  const parts: Bilingual[] = [];
  for (const [year, y] of Object.entries(yearLabels)) {
    const limit = r[year];
    if (limit) parts.push({ zh: `${y.zh}${limitLabels[limit]?.zh ?? limit}`, en: `${y.en} ${limitLabels[limit]?.en ?? limit}` });
  }
  return parts.length ? { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join(', ') } : { zh: '无', en: 'none' };
}

const measureList = (v: unknown): Bilingual =>
  Array.isArray(v) && v.length ? joinLabels(v.map((k) => measureLabels[k as keyof typeof measureLabels] ?? { zh: String(k), en: String(k) })) : { zh: '无', en: 'none' };

/** A value as an officer reads it, in both languages (with its unit). */
export function policyValueText(field: PolicyField | undefined, value: unknown): Bilingual {
  if (value === undefined) return { zh: '（无）', en: '(none)' };
  const unit = field?.unit;
  switch (field?.kind) {
    case 'number':
    case 'nullableNumber':
      if (value === null) return { zh: '无期限', en: 'no period' };
      return unit ? { zh: `${value}${unit.zh === '%' ? '%' : ` ${unit.zh}`}`, en: `${value}${unit.en === '%' ? '%' : ` ${unit.en}`}` } : { zh: String(value), en: String(value) };
    case 'measures':
      return measureList(value);
    case 'sanctions':
      return Array.isArray(value) ? joinLabels(value.map((k) => sanctionLabels[k as keyof typeof sanctionLabels] ?? { zh: String(k), en: String(k) })) : { zh: '无', en: 'none' };
    case 'grade':
      return gradeLabels[value as keyof typeof gradeLabels] ?? { zh: String(value), en: String(value) };
    case 'gradeLimit': {
      if (field.keys[1] === 'measures' && value && typeof value === 'object' && !('sameYear' in value) && !('nextYear' in value)) {
        const entries = Object.entries(value as Record<string, unknown>);
        if (!entries.length) return { zh: '无', en: 'none' };
        const items = entries.map(([k, r]) => {
          const m = measureLabels[k as keyof typeof measureLabels] ?? { zh: k, en: k };
          const t = limitText(r);
          return { zh: `${m.zh}：${t.zh}`, en: `${m.en}: ${t.en}` };
        });
        return { zh: items.map((i) => i.zh).join('；'), en: items.map((i) => i.en).join('; ') };
      }
      return limitText(value);
    }
    case 'ladder':
      return Array.isArray(value)
        ? { zh: value.map((step) => measureList(step).zh).join(' → '), en: value.map((step) => measureList(step).en).join(' → ') }
        : { zh: String(value), en: String(value) };
    case 'text':
      return value && typeof value === 'object' && 'zh' in value ? (value as Bilingual) : { zh: String(value), en: String(value) };
    default:
      return { zh: JSON.stringify(value), en: JSON.stringify(value) };
  }
}

/** The schema of a path's value (through strict objects, optional, default and nullable wrappers). */
function schemaAt(keys: readonly string[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = policyVersionSchema;
  for (const k of keys) {
    s = unwrap(s);
    if (!(s instanceof z.ZodObject)) return undefined;
    s = (s.shape as Record<string, z.ZodType>)[k];
  }
  return s ? unwrap(s) : undefined;
}
function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  while (cur && (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional || cur instanceof z.ZodNullable)) {
    cur = cur.unwrap() as z.ZodType;
  }
  return cur;
}

/** Bounds of a numeric threshold from the schema (so the form's inputs refuse what the core would). */
export function numberBounds(field: PolicyField): { min: number; max: number; integer: boolean } {
  const s = schemaAt(field.keys);
  if (s instanceof z.ZodNumber) {
    return { min: s.minValue ?? 0, max: s.maxValue ?? Number.MAX_SAFE_INTEGER, integer: s.isInt };
  }
  return { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false };
}

/** Sets a value at `keys` in a copy of the document. */
export function withValue(document: PolicyVersion, keys: readonly string[], value: unknown): PolicyVersion {
  const copy = structuredClone(document) as unknown as Record<string, unknown>;
  let o = copy;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
  return copy as unknown as PolicyVersion;
}
