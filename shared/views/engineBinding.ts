// Binds the views' ViewEngine to the rules engine (shared/engine).
// INTERIM: until shared/engine lands, findings are empty and periods/bars use the plain lengths of
// DOMAIN.md §4.1a without stacking. Replace with the engine's functions as soon as they exist.
import type { Sanction } from '../domain/records';
import { annulledIds } from '../domain/status';
import { addMonths } from './dates';
import { monthRanking, rankHistory, unitRanking } from './ranking';
import type { ImpactPeriod, PromotionBar, ViewEngine } from './viewEngine';

const periodMonths: Partial<Record<Sanction['kind'], number>> = {
  'admin.warning': 6,
  'admin.demerit': 12,
  'admin.majorDemerit': 18,
  'admin.gradeDemotion': 24,
  'admin.removal': 24,
  'party.warning': 12,
  'party.seriousWarning': 18,
  'party.removalFromPosts': 24,
  'party.probation1y': 12,
  'party.probation2y': 24,
};

export const engineForViews: ViewEngine = {
  evaluate: () => [],
  rankHistory,
  monthRanking,
  unitRanking,
  impactPeriods(state, cadreId) {
    const annulled = annulledIds(state.clearances.values());
    const out: ImpactPeriod[] = [];
    for (const s of state.sanctions.values()) {
      if (s.cadreId !== cadreId || annulled.has(s.id)) continue;
      const months = periodMonths[s.kind];
      if (months) out.push({ sanctionId: s.id, kind: s.kind, start: s.decidedOn, end: addMonths(s.decidedOn, months) });
    }
    return out;
  },
  promotionBars(state, cadreId, asOf) {
    const bars: PromotionBar[] = engineForViews.impactPeriods(state, cadreId).map((p) => ({
      until: p.kind.startsWith('party.probation') ? addMonths(p.end, 24) : p.end,
      sourceCollection: 'sanctions',
      sourceId: p.sanctionId,
      kind: p.kind,
    }));
    const annulled = annulledIds(state.clearances.values());
    for (const m of state.measures.values()) {
      if (m.subjectType !== 'cadre' || m.subjectId !== cadreId || annulled.has(m.id)) continue;
      const months = m.kind === 'admonishment' ? 6 : m.kind === 'demotion' || m.kind === 'removal' ? 12 : 0;
      if (months) bars.push({ until: addMonths(m.startsOn, months), sourceCollection: 'measures', sourceId: m.id, kind: m.kind });
    }
    return bars.filter((b) => b.until.slice(0, 7) >= asOf);
  },
};
