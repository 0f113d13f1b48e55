// The demo township: a deterministic, seeded generator of a realistic ledger (units, peer groups,
// monthly scores with ties and gaps, annual grades, sanctions, measures, faults, rehabilitation
// plans with check-ins, clearances). The same generator fills the demo data directory (300 cadres,
// 24 months) and the benchmarks (50,000 cadres × 36 months), so it must stay fast: plain loops,
// one pass per collection, no per-record lookups over the whole ledger.
//
// Every record is valid against its schema in shared/domain/records.ts and refers only to records
// it generates. Same options → same records, in the same order.
import type { IsoDate, Month } from '../domain/primitives';
import type {
  AnnualGrade,
  AnnualGradeValue,
  Cadre,
  CadreCategory,
  CheckIn,
  Clearance,
  FaultRecord,
  Measure,
  MonthlyScore,
  RehabPlan,
  Sanction,
  SanctionKind,
  Unit,
} from '../domain/records';
import { ledgerStateOf, type CollectionName, type LedgerState, type RecordOf } from '../ledger/collections';
import { defaultPolicy } from '../policy/default';
import type { GradeLimit } from '../policy/schema';
import { addDays, addMonthsToDate, lastDayOf, monthFromIndex, monthIndex } from '../engine/calendar';
import { impactPeriods } from '../engine/periods';

export interface TownshipOptions {
  /** Number of cadres (default 300: one township). */
  cadres?: number;
  /** Last month with scores. */
  endMonth: Month;
  /** Months of scores ending at endMonth (default 24). */
  months?: number;
  seed?: number;
}

export type TownshipData = { [C in CollectionName]: RecordOf<C>[] };

// ---- deterministic randomness ------------------------------------------------------------------

/** mulberry32: small, fast, good enough for demo data; the same seed gives the same stream. */
function createRandom(seed: number) {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | undefined;
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    /** Standard normal (Box–Muller, pairs cached). */
    normal(): number {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}
type Random = ReturnType<typeof createRandom>;

// ---- names ---------------------------------------------------------------------------------------

const surnames = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const givenChars = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅琳建国志文斌辉鹏飞宇浩然晓东海燕雪峰春生永福德成俊凯旭亮健宁鑫瑞彬雯婷倩颖欣怡佳晨阳'];
const townNames = ['中川镇', '秦川镇', '西岔镇', '上川镇', '树屏镇'];
const townFirst = [...'永安和兴平丰清宁泰福'];
const townSecond = [...'川源河山坪泉岭峪'];
const villageFirst = [...'红新王李张马杨石白清黄东西高金'];
const villageSecond = [...'庄湾坪沟川岔滩崖泉堡'];

const offices: Array<{ name: string; head: string }> = [
  { name: '党政办', head: '主任' },
  { name: '经济发展办', head: '主任' },
  { name: '社会事务办', head: '主任' },
  { name: '农业农村办', head: '主任' },
  { name: '财政所', head: '所长' },
  { name: '综合执法队', head: '队长' },
  { name: '自然资源所', head: '所长' },
  { name: '应急管理办', head: '主任' },
  { name: '党群服务中心', head: '主任' },
  { name: '退役军人服务站', head: '站长' },
];
const deputyPosts = ['党委副书记', '人大主席', '副镇长', '副镇长', '副镇长', '纪委书记', '组织委员', '宣传委员'];
const villagePosts = ['村委会副主任', '村监委会主任', '村文书', '妇联主席'];

function townName(t: number): string {
  if (t < townNames.length) return townNames[t];
  const i = t - townNames.length;
  const base = `${townFirst[i % townFirst.length]}${townSecond[Math.floor(i / townFirst.length) % townSecond.length]}镇`;
  const round = Math.floor(i / (townFirst.length * townSecond.length));
  return round ? `${base}${round + 1}` : base;
}

function villageName(v: number): string {
  return `${villageFirst[v % villageFirst.length]}${villageSecond[Math.floor(v / villageFirst.length) % villageSecond.length]}村`;
}

function personName(r: Random): string {
  const given = r.chance(0.7) ? r.pick(givenChars) + r.pick(givenChars) : r.pick(givenChars);
  return r.pick(surnames) + given;
}

// ---- the township template -----------------------------------------------------------------------

const TOWN_SIZE = 300;
const VILLAGES = 34;
const OFFICE_SIZE = 12;

interface Slot {
  unit: number; // unit index within the township: 0 team, 1..10 offices, 11.. villages
  peerGroup: string;
  position: string;
  rankLevel: string;
  category: CadreCategory;
  leader: boolean;
}

const slots: Slot[] = (() => {
  const out: Slot[] = [];
  out.push({ unit: 0, peerGroup: '乡镇班子正职', position: '党委书记', rankLevel: '乡科级正职', category: 'civilServant', leader: true });
  out.push({ unit: 0, peerGroup: '乡镇班子正职', position: '镇长', rankLevel: '乡科级正职', category: 'civilServant', leader: true });
  for (const p of deputyPosts) out.push({ unit: 0, peerGroup: '乡镇班子副职', position: p, rankLevel: '乡科级副职', category: 'civilServant', leader: true });
  offices.forEach((o, i) => {
    out.push({ unit: 1 + i, peerGroup: '站所负责人', position: o.head, rankLevel: '一级主任科员', category: 'civilServant', leader: true });
    for (let k = 1; k < OFFICE_SIZE; k++) {
      const category: CadreCategory = k % 4 === 0 ? 'publicInstitution' : k % 4 === 1 ? 'civilServantManaged' : 'civilServant';
      out.push({ unit: 1 + i, peerGroup: '一般干部', position: k % 3 === 0 ? '办事员' : '科员', rankLevel: k % 2 ? '四级主任科员' : '一级科员', category, leader: false });
    }
  });
  for (let v = 0; v < VILLAGES; v++) {
    out.push({ unit: 11 + v, peerGroup: '村党组织书记', position: '村党组织书记', rankLevel: '', category: 'other', leader: true });
    for (const p of villagePosts) out.push({ unit: 11 + v, peerGroup: '村干部', position: p, rankLevel: '', category: 'other', leader: false });
  }
  return out.slice(0, TOWN_SIZE);
})();
const UNITS_PER_TOWN = 11 + VILLAGES;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function dayIn(r: Random, month: Month): IsoDate {
  return `${month}-${pad(r.int(1, 28), 2)}`;
}

const sanctionWeights: Array<[SanctionKind, number]> = [
  ['party.warning', 28],
  ['admin.warning', 20],
  ['party.seriousWarning', 10],
  ['admin.demerit', 14],
  ['admin.majorDemerit', 7],
  ['party.removalFromPosts', 3],
  ['party.probation1y', 4],
  ['party.probation2y', 2],
  ['admin.gradeDemotion', 4],
  ['admin.removal', 4],
  ['party.expulsion', 2],
  ['admin.expulsion', 2],
];
const sanctionTotal = sanctionWeights.reduce((s, [, w]) => s + w, 0);
function pickSanction(r: Random): SanctionKind {
  let x = r.next() * sanctionTotal;
  for (const [k, w] of sanctionWeights) if ((x -= w) < 0) return k;
  return 'party.warning';
}
const reasons = ['违反中央八项规定精神', '工作失职造成不良影响', '违规发放补贴', '履职不力，群众反映强烈', '违反工作纪律', '虚报工作成绩'];
const faultDescriptions = ['项目推进中程序瑕疵', '先行先试中出现失误', '应急处置中决策偏差', '招商引资中审核不严', '政策执行中理解偏差'];

/**
 * A realistic demo ledger. Deterministic for the same options. `endMonth` is the last month with
 * scores; records are dated on or before its last day (a few end dates run past it).
 */
export function generateTownship(options: TownshipOptions): TownshipData {
  const count = options.cadres ?? 300;
  const months = options.months ?? 24;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new Error('generateTownship: cadres must be a positive whole number');
  if (!Number.isInteger(months) || months < 1) throw new Error('generateTownship: months must be a positive whole number');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.endMonth)) throw new Error('generateTownship: endMonth must be YYYY-MM');
  const r = createRandom(seed);

  const endIdx = monthIndex(options.endMonth);
  const startIdx = endIdx - months + 1;
  const monthNames: Month[] = [];
  for (let m = startIdx; m <= endIdx; m++) monthNames.push(monthFromIndex(m));
  const endDay = lastDayOf(options.endMonth);
  const randomMonth = (from = startIdx, to = endIdx) => monthFromIndex(r.int(from, to));

  // Units.
  const towns = Math.ceil(count / TOWN_SIZE);
  const units: Unit[] = [];
  for (let t = 0; t < towns; t++) {
    const town = townName(t);
    units.push({ id: `U${pad(units.length + 1, 4)}`, name: `${town}党委政府领导班子` });
    for (const o of offices) units.push({ id: `U${pad(units.length + 1, 4)}`, name: `${town}${o.name}` });
    for (let v = 0; v < VILLAGES; v++) units.push({ id: `U${pad(units.length + 1, 4)}`, name: `${town}${villageName(v)}` });
  }

  // Cadres, with an ability (drives scores and grades) and the months they are in post.
  const cadres: Cadre[] = [];
  const ability = new Float64Array(count);
  const firstMonth = new Int32Array(count);
  const lastMonth = new Int32Array(count).fill(endIdx);
  const unitOfCadre = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const t = Math.floor(i / TOWN_SIZE);
    const slot = slots[i % TOWN_SIZE];
    const u = t * UNITS_PER_TOWN + slot.unit;
    unitOfCadre[i] = u;
    ability[i] = 82 + 2 * r.normal();
    // Most have served for years; one in twelve was appointed inside the window.
    const appointedIdx = r.chance(1 / 12) ? r.int(startIdx - 4, endIdx - 1) : r.int(startIdx - 120, startIdx - 5);
    const appointedOn = dayIn(r, monthFromIndex(appointedIdx));
    firstMonth[i] = Math.max(startIdx, appointedIdx + 1);
    const cadre: Cadre = {
      id: `C${pad(i + 1, 5)}`,
      name: personName(r),
      unitId: units[u].id,
      peerGroup: slot.peerGroup,
      position: slot.position,
      rankLevel: slot.rankLevel,
      category: slot.category,
      leader: slot.leader,
      appointedOn,
    };
    // Leaders appointed in the last 26 months are (or were) on a 12-month trial.
    if (slot.leader && slot.category !== 'other' && appointedIdx > endIdx - 26) {
      cadre.trialEndsOn = addDays(addMonthsToDate(appointedOn, 12), -1);
    }
    cadres.push(cadre);
  }

  // Ability percentiles: measures follow performance the way an office's would.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => ability[a] - ability[b] || a - b);
  const percentile = new Float64Array(count);
  order.forEach((c, k) => (percentile[c] = count > 1 ? k / (count - 1) : 0.5));

  const measures: Measure[] = [];
  const sanctions: Sanction[] = [];
  const faults: FaultRecord[] = [];
  const plans: RehabPlan[] = [];
  const checkIns: CheckIn[] = [];
  const clearances: Clearance[] = [];
  const measure = (subjectId: string, kind: Measure['kind'], startsOn: IsoDate, extra: Partial<Measure> = {}, subjectType: 'cadre' | 'unit' = 'cadre') => {
    const m: Measure = { id: `M${pad(measures.length + 1, 6)}`, subjectType, subjectId, kind, startsOn, note: '', ...extra };
    measures.push(m);
    return m;
  };
  const plan = (c: number, m: Measure, startsOn: IsoDate) => {
    const completed = r.chance(0.35);
    const p: RehabPlan = {
      id: `R${pad(plans.length + 1, 6)}`,
      cadreId: cadres[c].id,
      measureId: m.id,
      assignment: r.pick(['ruralRevitalization', 'grassrootsGovernance', 'other'] as const),
      startsOn,
      status: completed ? 'completed' : 'active',
      ...(completed || r.chance(0.5) ? { lastReview: r.chance(0.75) ? ('positive' as const) : ('negative' as const) } : {}),
    };
    plans.push(p);
    // Check-ins every 30–75 days; the last one may be overdue (a rehab.checkin-due finding).
    for (let d = addDays(startsOn, r.int(20, 45)); d <= endDay; d = addDays(d, r.int(30, 75))) {
      checkIns.push({ id: `${p.id}:${d}`, planId: p.id, date: d, note: r.pick(['思想稳定，工作积极', '已完成阶段任务', '需加强业务学习', '群众评价较好']) });
    }
    return p;
  };

  // The "second half of the article": about one in three cadres placed or demoted more than 14
  // months ago recovers — the plan completed with a positive review, the last 8 months much better.
  const recovered = new Set<number>();
  const recover = (c: number, m: Measure, p: RehabPlan) => {
    if (monthIndex(m.startsOn) > endIdx - 14 || (recovered.size > 0 && !r.chance(0.35))) return;
    recovered.add(c);
    p.status = 'completed';
    p.lastReview = 'positive';
  };

  // Per-cadre measures and events.
  for (let c = 0; c < count; c++) {
    const id = cadres[c].id;
    const pct = percentile[c];
    const inPost = (from: number, to: number) => randomMonth(Math.max(from, firstMonth[c]), Math.max(Math.max(from, firstMonth[c]), to));

    // The weakest: talks, inquiries, admonishment, probation, placement, demotion.
    if (pct < 0.2 && r.chance(0.5)) measure(id, 'reminderTalk', dayIn(r, inPost(startIdx, endIdx)), { note: '月度排名靠后，进行提醒谈话' });
    if (pct < 0.06 && r.chance(0.15)) measure(id, 'inquiry', dayIn(r, inPost(startIdx, endIdx)));
    if (pct < 0.05 && r.chance(0.2)) measure(id, 'admonishment', dayIn(r, inPost(startIdx, endIdx)));
    if (pct < 0.04 && r.chance(0.4)) {
      const start = dayIn(r, inPost(startIdx + 2, endIdx - 1));
      const endsOn = addDays(addMonthsToDate(start, 3), -1);
      const ended = endsOn < addDays(endDay, -20);
      const roll = r.next();
      const outcome = ended ? (roll < 0.55 ? 'improved' : roll < 0.8 ? 'notImproved' : undefined) : undefined;
      measure(id, 'warning', start);
      measure(id, 'probation', start, { endsOn, ...(outcome ? { outcome } : {}), note: '警示并设观察期三个月' });
    }
    if (pct < 0.03 && r.chance(0.6)) {
      const start = dayIn(r, randomMonth(startIdx - 12, endIdx - 4));
      const m = measure(id, 'transitionalPlacement', start, r.chance(0.5) ? { endsOn: addDays(addMonthsToDate(start, 12), -1) } : {});
      recover(c, m, plan(c, m, addDays(start, r.int(5, 30))));
    } else if (pct < 0.06 && r.chance(0.1)) {
      const start = dayIn(r, randomMonth(startIdx - 14, endIdx - 6));
      const m = measure(id, r.chance(0.5) ? 'demotion' : 'removal', start);
      recover(c, m, plan(c, m, addDays(start, r.int(5, 30))));
    }

    // The strongest: raises, promotions.
    if (pct > 0.85 && r.chance(0.4)) measure(id, 'salaryRaise', dayIn(r, inPost(startIdx + 6, endIdx)), { note: '连续六个月位列前三分之一' });
    if (pct > 0.95 && r.chance(0.08)) measure(id, 'promotion', dayIn(r, inPost(startIdx, endIdx)));
    if (r.chance(0.002)) measure(id, 'downwardExchange', dayIn(r, inPost(startIdx, endIdx)));
    if (cadres[c].category === 'publicInstitution' && r.chance(0.004)) {
      measure(id, 'identityTransfer', dayIn(r, inPost(startIdx, endIdx)));
    }

    // Trial periods of new leaders: most confirmed on time, some extended, some still open.
    const trialEnd = cadres[c].trialEndsOn;
    const appointedOn = cadres[c].appointedOn;
    if (trialEnd && appointedOn && trialEnd < addDays(endDay, -20)) {
      const roll = r.next();
      if (roll < 0.8) measure(id, 'trialPeriod', appointedOn, { endsOn: trialEnd, outcome: 'confirmed' });
      else if (roll < 0.9) {
        measure(id, 'trialPeriod', appointedOn, { endsOn: trialEnd, outcome: 'extended' });
        measure(id, 'trialExtension', addDays(trialEnd, 1), { endsOn: addMonthsToDate(trialEnd, 6) });
      }
    }

    // Retirements near the end stop the scores.
    if (r.chance(0.004)) {
      const m = r.int(endIdx - 11, endIdx);
      if (m > firstMonth[c]) {
        measure(id, 'retirement', `${monthFromIndex(m)}-01`);
        lastMonth[c] = m - 1;
      }
    }

    // Sanctions: rarer for the able; some stacked.
    if (r.chance(pct < 0.2 ? 0.08 : 0.03)) {
      const kind = pickSanction(r);
      const decidedOn = dayIn(r, randomMonth(startIdx - 12, endIdx));
      sanctions.push({ id: `S${pad(sanctions.length + 1, 6)}`, cadreId: id, kind, decidedOn, reason: r.pick(reasons) });
      if (kind.startsWith('admin.') && kind !== 'admin.expulsion' && r.chance(0.15)) {
        const second = addDays(decidedOn, r.int(30, 150));
        if (second <= endDay) sanctions.push({ id: `S${pad(sanctions.length + 1, 6)}`, cadreId: id, kind: r.pick(['admin.warning', 'admin.demerit'] as const), decidedOn: second, reason: r.pick(reasons) });
      }
      if (kind === 'admin.expulsion' || kind === 'party.expulsion') lastMonth[c] = Math.min(lastMonth[c], monthIndex(decidedOn));
    }

    // Faults (容错纠错 cases).
    if (r.chance(0.03)) {
      const intentional = r.chance(0.15);
      faults.push({
        id: `F${pad(faults.length + 1, 6)}`,
        cadreId: id,
        date: dayIn(r, inPost(startIdx, endIdx)),
        intentional,
        personalInterest: r.chance(0.1),
        violation: r.chance(0.15),
        tolerated: !intentional && r.chance(0.6),
        description: r.pick(faultDescriptions),
      });
    }
  }

  // Releases of ended impact periods (most recorded), and clearances (name clearing).
  const sanctionsByCadre = new Map<string, Sanction[]>();
  for (const s of sanctions) {
    let list = sanctionsByCadre.get(s.cadreId);
    if (!list) sanctionsByCadre.set(s.cadreId, (list = []));
    list.push(s);
  }
  const byId = new Map(sanctions.map((s) => [s.id, s]));
  for (const list of sanctionsByCadre.values()) {
    for (const p of impactPeriods(list, () => defaultPolicy)) {
      const release = addDays(p.end, r.int(0, 12));
      if (release <= endDay && r.chance(0.75)) byId.get(p.sanctionId)!.releasedOn = release;
    }
  }
  for (const s of sanctions) {
    if (r.chance(0.04)) {
      const date = addDays(s.decidedOn, r.int(20, 200));
      if (date <= endDay) clearances.push({ id: `CL${pad(clearances.length + 1, 6)}`, cadreId: s.cadreId, recordId: s.id, date, note: '经核查，反映问题不属实，予以澄清正名', kind: 'clearance' });
    }
  }
  if (!clearances.length && sanctions.length) {
    const s = sanctions[0];
    clearances.push({ id: `CL${pad(1, 6)}`, cadreId: s.cadreId, recordId: s.id, date: s.decidedOn > endDay ? endDay : addDays(s.decidedOn, 30) > endDay ? endDay : addDays(s.decidedOn, 30), note: '经核查，反映问题不属实，予以澄清正名', kind: 'clearance' });
  }
  const cleared = new Set(clearances.map((c) => c.recordId));

  // Monthly scores: ability + a slow drift + noise, in half points (so ties happen), with gaps.
  const scores: MonthlyScore[] = [];
  // A team's month (a good harvest, a hard inspection) moves all its cadres together.
  const unitShock = new Float64Array(units.length * months);
  for (let i = 0; i < unitShock.length; i++) unitShock[i] = 1.5 * r.normal();
  for (let c = 0; c < count; c++) {
    const id = cadres[c].id;
    let drift = 0;
    for (let m = startIdx; m <= endIdx; m++) {
      drift = 0.7 * drift + 1.2 * r.normal();
      if (m < firstMonth[c] || m > lastMonth[c]) continue;
      if (r.next() < 0.015) continue; // leave, secondment, a missing sheet
      const recovery = recovered.has(c) && m > endIdx - 8 ? 7 : 0;
      const raw = ability[c] + recovery + drift + unitShock[unitOfCadre[c] * months + (m - startIdx)] + 2 * r.normal();
      const score = Math.max(0, Math.min(100, Math.round(raw * 2) / 2));
      const month = monthNames[m - startIdx];
      scores.push({ id: `${id}:${month}`, cadreId: id, month, score });
    }
  }

  // Annual grades for every completed year from two years before the window, unit by unit:
  // the best within the 20% quota excellent, the weakest basic or incompetent, and each year's
  // sanctions respected (with one deliberate conflict and one unit over quota for the demo).
  const endYear = Number(options.endMonth.slice(0, 4));
  const lastYear = options.endMonth.endsWith('-12') ? endYear : endYear - 1;
  const firstYear = Number(monthFromIndex(startIdx).slice(0, 4)) - 2;
  const limits = new Map<string, GradeLimit>(); // cadreId:year → strictest limit
  const strictness: Record<GradeLimit, number> = { notExcellent: 1, ungraded: 2, incompetent: 3 };
  const limit = (cadreId: string, year: number, l: GradeLimit | undefined) => {
    if (!l) return;
    const key = `${cadreId}:${year}`;
    const old = limits.get(key);
    if (!old || strictness[l] > strictness[old]) limits.set(key, l);
  };
  for (const s of sanctions) {
    if (cleared.has(s.id)) continue;
    const y = Number(s.decidedOn.slice(0, 4));
    const rule = defaultPolicy.gradeLimits.sanctions[s.kind];
    limit(s.cadreId, y, rule.sameYear);
    limit(s.cadreId, y + 1, rule.nextYear);
  }
  for (const m of measures) {
    const rule = defaultPolicy.gradeLimits.measures[m.kind];
    if (rule) limit(m.subjectId, Number(m.startsOn.slice(0, 4)), rule.sameYear);
  }
  const members: number[][] = units.map(() => []);
  for (let c = 0; c < count; c++) members[unitOfCadre[c]].push(c);
  const grades: AnnualGrade[] = [];
  let conflictMade = false;
  let overQuotaMade = false;
  for (let y = firstYear; y <= lastYear; y++) {
    const yearEnd = monthIndex(`${y}-12`);
    // One year's grades listed by cadre id, as a year's grade sheet is.
    const sheet = new Array<AnnualGrade | undefined>(count).fill(undefined);
    for (let u = 0; u < units.length; u++) {
      const list = members[u].filter((c) => monthIndex(cadres[c].appointedOn!) <= yearEnd - 6 && lastMonth[c] >= yearEnd - 11);
      if (!list.length) continue;
      const perf = new Map(list.map((c) => [c, ability[c] + 1.5 * r.normal()]));
      list.sort((a, b) => perf.get(b)! - perf.get(a)! || a - b);
      const quota = Math.max(1, Math.floor(list.length * 0.2));
      let excellent = Math.min(quota, Math.round(list.length * 0.18) || (r.chance(0.5) ? 1 : 0));
      if (!overQuotaMade && y === lastYear && list.length >= 10) {
        excellent = quota + 1;
        overQuotaMade = true;
      }
      list.forEach((c, k) => {
        const p = perf.get(c)!;
        let grade: AnnualGradeValue = k < excellent ? 'excellent' : p < 76 ? 'incompetent' : p < 77.5 ? 'basic' : 'competent';
        const l = limits.get(`${cadres[c].id}:${y}`);
        if (l === 'incompetent') grade = 'incompetent';
        else if (l === 'ungraded') grade = 'ungraded';
        else if (l === 'notExcellent' && grade === 'excellent') {
          if (!conflictMade && y === lastYear) conflictMade = true; // left excellent: annual.grade-conflict
          else grade = 'competent';
        }
        sheet[c] = { id: `${cadres[c].id}:${y}`, cadreId: cadres[c].id, year: y, grade };
        // Measures that follow a grade, dated in January of the next year (if that is in the ledger).
        const jan = `${y + 1}-01-${pad(r.int(10, 25), 2)}`;
        if (jan > endDay) return;
        if (grade === 'excellent' && r.chance(0.8)) measure(cadres[c].id, 'commendation', jan, { note: `${y}年度考核优秀` });
        if (grade === 'basic' && r.chance(0.7)) measure(cadres[c].id, 'admonishment', jan, { note: `${y}年度考核基本称职` });
      });
    }
    for (const g of sheet) if (g) grades.push(g);
  }

  // A low-ranking village team under probation (team.low-ranking's measure), about one per town.
  for (let t = 0; t < towns; t++) {
    let worst = -1;
    let worstMean = Infinity;
    for (let u = t * UNITS_PER_TOWN + 11; u < Math.min((t + 1) * UNITS_PER_TOWN, units.length); u++) {
      if (members[u].length < 2) continue;
      const mean = members[u].reduce((s, c) => s + ability[c], 0) / members[u].length;
      if (mean < worstMean) (worstMean = mean), (worst = u);
    }
    if (worst >= 0 && months >= 6) {
      const start = `${monthFromIndex(endIdx - 4)}-01`;
      measure(units[worst].id, 'warning', start, { note: '班子排名连续靠后，予以警示' }, 'unit');
      measure(units[worst].id, 'probation', start, { endsOn: addDays(addMonthsToDate(start, 3), -1), note: '班子观察期三个月' }, 'unit');
    }
  }

  // A revoked measure too (a reminder talk recorded against the wrong person).
  const talk = measures.find((m) => m.kind === 'reminderTalk');
  if (talk) clearances.push({ id: `CL${pad(clearances.length + 1, 6)}`, cadreId: talk.subjectId, recordId: talk.id, date: talk.startsOn, note: '误录，予以撤销', kind: 'revocation' });

  enrich({ measures, sanctions, faults, plans, checkIns, clearances, cadres }, seed, endDay);

  return {
    units,
    cadres,
    scores,
    grades,
    sanctions,
    measures,
    faults,
    rehabPlans: plans,
    checkIns,
    clearances,
    dismissals: [],
    policies: [defaultPolicy],
    revisions: [],
    meetings: [],
    users: [],
    audit: [],
    owners: [],
    syncEntries: [],
    syncHeads: [],
    syncPending: [],
    syncMeta: [],
  };
}

// ---- issue 9: what the forms record beyond the import columns -----------------------------------
// Plan details, check-in talks, the fault procedure and its evidence, clearance verification,
// document numbers and placement review dates. A stream of its own, so the records above (and
// every finding computed from them) stay exactly what they were.

const mentors = ['王建国', '李志强', '张秀英', '刘晓东', '陈红梅', '杨立新'];
const posts: Record<RehabPlan['assignment'], Array<[post: string, place: string]>> = {
  ruralRevitalization: [['驻村工作队队员', '东沟村'], ['产业发展专干', '西岭村'], ['乡村振兴工作站干事', '南坪村']],
  grassrootsGovernance: [['网格化管理员', '城关社区'], ['信访接待专干', '综治中心'], ['矛盾调解员', '北街社区']],
  other: [['项目服务专干', '园区服务中心'], ['安全生产检查员', '应急管理站']],
};
const talkThoughts = ['思想稳定，正确对待组织处理', '认识到自身不足，愿意改进', '情绪一度低落，经谈心有所好转', '主动汇报思想，态度端正'];
const talkWork = ['能按时完成驻村任务', '工作主动性增强，群众评价较好', '业务仍不熟练，需加强学习', '牵头完成一项民生实事'];
const talkConcerns = ['', '家庭照顾有困难', '希望多参加业务培训', '担心今后发展'];
const talkSupport = ['安排业务骨干结对帮带', '协调参加县级专题培训', '帮助解决子女入学问题', '定期交流工作方法'];

function enrich(
  d: { measures: Measure[]; sanctions: Sanction[]; faults: FaultRecord[]; plans: RehabPlan[]; checkIns: CheckIn[]; clearances: Clearance[]; cadres: Cadre[] },
  seed: number,
  endDay: IsoDate,
): void {
  const e = createRandom((seed ^ 0x51ed270b) >>> 0);
  const cadreById = new Map(d.cadres.map((c) => [c.id, c]));
  const measureById = new Map(d.measures.map((m) => [m.id, m]));
  let doc = 0;
  const docNo = (prefix: string, date: IsoDate) => `${prefix}〔${date.slice(0, 4)}〕${++doc}号`;

  let withoutReview = false;
  for (const m of d.measures) {
    if (m.subjectType !== 'cadre') continue;
    if (['demotion', 'removal', 'positionAdjustment', 'transitionalPlacement', 'admonishment', 'dismissal'].includes(m.kind)) m.documentNo = docNo('组干字', m.startsOn);
    if (m.kind === 'transitionalPlacement') {
      // One placement saved without a review date, so the tracker shows "无复核日期".
      if (!withoutReview && !m.endsOn) withoutReview = true;
      else m.reviewOn = addMonthsToDate(m.startsOn, defaultPolicy.reviewWindows.placementReviewMonths);
    }
  }
  for (const s of d.sanctions) {
    s.documentNo = docNo(s.kind.startsWith('party.') ? '纪发' : '监处字', s.decidedOn);
    if (s.releasedOn) s.releaseDocumentNo = docNo('纪解字', s.releasedOn);
  }
  const checkInsOf = new Map<string, CheckIn[]>();
  for (const c of d.checkIns) {
    const list = checkInsOf.get(c.planId);
    if (list) list.push(c);
    else checkInsOf.set(c.planId, [c]);
  }
  for (const p of d.plans) {
    const cadre = cadreById.get(p.cadreId);
    const m = measureById.get(p.measureId);
    const [post, place] = e.pick(posts[p.assignment]);
    p.post = post;
    p.place = place;
    p.mentor = e.pick(mentors);
    p.fitReason = `${cadre?.position || '原岗位'}期间熟悉基层情况，安排到${place}${post}岗位能发挥所长、补齐短板`;
    p.goals = '转变作风、提升能力；按期回访谈话，按期评估，表现突出的按规定重新使用';
    p.training = [{ item: '基层治理能力专题培训', from: addDays(p.startsOn, 30), to: addDays(p.startsOn, 34), completed: addDays(p.startsOn, 34) <= endDay }];
    p.scheduledReviews = [addMonthsToDate(p.startsOn, 6), addMonthsToDate(p.startsOn, 12)];
    if (p.lastReview) {
      let date = addMonthsToDate(p.startsOn, 6);
      if (date > endDay) date = endDay < p.startsOn ? p.startsOn : endDay;
      p.reviews = [
        {
          date,
          result: p.lastReview,
          evidence: p.lastReview === 'positive' ? '驻点工作成效明显，群众测评满意率较高' : '工作推进缓慢，群众测评一般',
          by: p.mentor,
        },
      ];
      if (p.status === 'completed') {
        p.closedOn = date;
        const rose = d.measures.some((x) => x.subjectType === 'cadre' && x.subjectId === p.cadreId && x.kind === 'promotion' && m && x.startsOn >= m.startsOn);
        p.outcome = rose ? 'roseAgain' : 'continued';
      }
    }
    for (const c of checkInsOf.get(p.id) ?? []) {
      c.talkedBy = p.mentor;
      c.thoughts = e.pick(talkThoughts);
      c.workState = e.pick(talkWork);
      c.concerns = e.pick(talkConcerns);
      c.support = e.pick(talkSupport);
    }
  }
  const stepOrder = ['application', 'acceptance', 'verification', 'decision', 'filing'] as const;
  for (const f of d.faults) {
    f.intentionalEvidence = f.intentional ? '明知程序要求仍擅自决定' : '经调查系对政策理解偏差所致';
    f.personalInterestEvidence = f.personalInterest ? '相关企业与其亲属存在利益关联' : '未发现谋取私利情形';
    f.violationEvidence = f.violation ? '有关规定已明确禁止' : '属改革创新中先行先试，无明确禁止性规定';
    // Faults decided by the import's "tolerated" keep their full procedure; an undecided one (not
    // tolerated, dated in the last four months) waits at a step, so the tracker shows it.
    const recent = f.date > addDays(endDay, -120);
    const done = f.tolerated || !recent ? stepOrder.length : e.int(0, 3);
    const steps: NonNullable<FaultRecord['steps']> = {};
    let on = f.date;
    for (let i = 0; i < done; i++) {
      on = addDays(on, e.int(3, 15));
      if (on > endDay) on = endDay;
      steps[stepOrder[i]] = { on, by: e.pick(mentors), note: '' };
    }
    if (done > 0) f.steps = steps;
    if (done >= 4) f.decision = f.tolerated ? 'tolerated' : 'notTolerated';
  }
  for (const c of d.clearances) {
    if (c.kind !== 'clearance') continue;
    c.verifiedBy = '镇纪委';
    c.verifiedOn = c.date;
    c.scope = '在原通报范围内澄清，并向本人所在单位反馈';
    c.documentNo = docNo('纪澄字', c.date);
  }
}

/** The generated records as a LedgerState (scores as columns, the rest as Maps; for tests and benchmarks). */
export function townshipState(data: TownshipData): LedgerState {
  return ledgerStateOf(data as unknown as { [C in CollectionName]?: Iterable<RecordOf<C>> });
}
