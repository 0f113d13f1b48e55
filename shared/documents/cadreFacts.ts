// What the ledger holds about a cadre, worded for a document: the header facts, the recent annual
// grades, and the rewards and penalties in force on the record (奖惩情况). Cleared and revoked
// records are left out: a false allegation never counted (DOMAIN.md §4.1a).
import { annulledIds } from '../domain/status';
import type { MeasureKind } from '../domain/records';
import { gradeLabels, measureLabels, sanctionLabels } from '../engine/labels';
import type { LedgerState } from '../ledger/collections';
import { categoryLabels, chineseDate, unitNameOf } from './text';
import { notFound } from './errors';
import { gradesOfCadre } from '../engine/columns/gradeTable';

/** Measures that belong in 奖惩情况: rewards and the penalties and organisational actions. */
const rewardKinds: MeasureKind[] = ['commendation', 'merit3', 'salaryRaise'];
const penaltyKinds: MeasureKind[] = [
  'reminderTalk',
  'inquiry',
  'admonishment',
  'warning',
  'probation',
  'transitionalPlacement',
  'positionAdjustment',
  'removal',
  'demotion',
  'rankReassignment',
  'honoursDisqualification',
  'trialExtension',
];

export interface CadreFacts {
  id: string;
  name: string;
  unit: string;
  position: string;
  rankLevel: string;
  category: string;
  appointedOn: string;
  /** 2023年度称职；2024年度优秀；2025年度称职 (the last `years` graded years). */
  grades: string;
  /** One line per reward or penalty, oldest first: "2025年3月1日 嘉奖". */
  rewardsAndPenalties: string[];
}

export function cadreFacts(state: LedgerState, cadreId: string, options: { today: string; years?: number }): CadreFacts {
  const cadre = state.cadres.get(cadreId);
  if (!cadre) throw notFound({ zh: '干部', en: 'cadre' }, cadreId, 'cadreId');
  const annulled = annulledIds(state.clearances.values());
  const todayYear = Number(options.today.slice(0, 4));
  const grades = gradesOfCadre(state.grades, cadreId)
    .filter((g) => !annulled.has(g.id) && g.year <= todayYear)
    .sort((a, b) => a.year - b.year)
    .slice(-(options.years ?? 3))
    .map((g) => `${g.year}年度${gradeLabels[g.grade].zh}`);

  const dated: Array<{ date: string; id: string; text: string }> = [];
  for (const s of state.sanctions.values()) {
    if (s.cadreId !== cadreId || annulled.has(s.id) || s.decidedOn > options.today) continue;
    const doc = s.documentNo ? `（${s.documentNo}）` : '';
    const released = s.releasedOn ? `，${chineseDate(s.releasedOn)}解除` : '';
    dated.push({ date: s.decidedOn, id: s.id, text: `${chineseDate(s.decidedOn)} 受到${sanctionLabels[s.kind].zh}处分${doc}${released}` });
  }
  for (const m of state.measures.values()) {
    if (m.subjectType !== 'cadre' || m.subjectId !== cadreId || annulled.has(m.id) || m.startsOn > options.today) continue;
    if (!rewardKinds.includes(m.kind) && !penaltyKinds.includes(m.kind)) continue;
    const doc = m.documentNo ? `（${m.documentNo}）` : '';
    dated.push({ date: m.startsOn, id: m.id, text: `${chineseDate(m.startsOn)} ${measureLabels[m.kind].zh}${doc}` });
  }
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  return {
    id: cadre.id,
    name: cadre.name,
    unit: unitNameOf(state, cadre.unitId),
    position: cadre.position,
    rankLevel: cadre.rankLevel,
    category: categoryLabels[cadre.category],
    appointedOn: cadre.appointedOn ? chineseDate(cadre.appointedOn) : '',
    grades: grades.join('；'),
    rewardsAndPenalties: dated.map((d) => d.text),
  };
}
