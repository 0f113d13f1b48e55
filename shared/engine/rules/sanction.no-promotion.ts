// sanction.no-promotion — M lies within a promotion bar (§4.1a: impact periods, the period after a
// party probation, admonishment, demotion and removal) → no promotion before the date given: the
// latest end among the bars in force and the bars that follow on from them without a gap (the 24
// months after a party probation's period). Keyed by the bar that ends last.
import type { Bilingual, IsoDate } from '../../domain/primitives';
import type { MeasureKind, SanctionKind } from '../../domain/records';
import { lastDayOfPeriod, periodText } from '../explain';
import { measureLabels, sanctionLabels } from '../labels';
import type { PromotionBar } from '../periods';
import { cadreSubject, makeFinding, type Rule } from '../rule';

const reasonLabels: Record<PromotionBar['reason'], Bilingual> = {
  impactPeriod: { zh: '影响期', en: 'impact period' },
  afterPartyProbation: { zh: '留党察看期满后不得提拔期', en: 'bar after party probation' },
  admonishment: { zh: '诫勉影响期', en: 'admonishment bar' },
  demotion: { zh: '降职后', en: 'after demotion' },
  removal: { zh: '免职后', en: 'after removal' },
};

function kindLabel(kind: SanctionKind | MeasureKind): Bilingual {
  return (sanctionLabels as Record<string, Bilingual>)[kind] ?? (measureLabels as Record<string, Bilingual>)[kind];
}

export function explainNoPromotion({ bars, until }: { bars: readonly PromotionBar[]; until: IsoDate }): Bilingual {
  // `until` is exclusive (the first day a promotion is possible again): shown as the last barred day.
  const zh = bars.map((b) => `${kindLabel(b.kind).zh}（${b.recordId}）${reasonLabels[b.reason].zh}${periodText(b.start, b.until).zh}`).join('；');
  const en = bars.map((b) => `${kindLabel(b.kind).en} (${b.recordId}) ${reasonLabels[b.reason].en} ${periodText(b.start, b.until).en}`).join('; ');
  const last = lastDayOfPeriod(until);
  return {
    zh: `处于不得提拔期内：${zh}。至${last}（含）不得提拔或晋升职级。`,
    en: `Within a promotion bar: ${en}. No promotion of post or rank up to and including ${last}.`,
  };
}

/**
 * The bars in force in a month (covering any of its days, [firstDay, lastDay]) and those that
 * continue them without a gap — e.g. the 24 months after a party probation's impact period — so
 * that "until" is the day the cadre can really be promoted again.
 */
export function barChainFrom(bars: readonly PromotionBar[], firstDay: IsoDate, lastDay: IsoDate): PromotionBar[] {
  const chain = bars.filter((b) => b.start <= lastDay && b.until > firstDay);
  if (!chain.length) return chain;
  let until = chain.reduce((u, b) => (b.until > u ? b.until : u), chain[0].until);
  for (let grew = true; grew; ) {
    grew = false;
    for (const b of bars) {
      if (chain.includes(b) || b.start > until || b.until <= firstDay) continue;
      chain.push(b);
      if (b.until > until) until = b.until;
      grew = true;
    }
  }
  return chain.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.until < b.until ? -1 : a.until > b.until ? 1 : 0));
}

export const sanctionNoPromotion: Rule = {
  id: 'sanction.no-promotion',
  title: { zh: '影响期内不得提拔', en: 'No promotion during a bar' },
  run(ctx) {
    const { index } = ctx;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      const all = index.promotionBarsOf(c);
      if (!all.length) continue;
      const bars = barChainFrom(all, ctx.firstDay, ctx.lastDay);
      if (!bars.length) continue;
      let last = bars[0];
      for (const b of bars) if (b.until > last.until || (b.until === last.until && ctx.index.byRecordId(b.recordId, last.recordId) < 0)) last = b;
      ctx.emit(
        makeFinding(
          ctx,
          'sanction.no-promotion',
          cadreSubject(ctx, c),
          `${last.recordId}:${last.reason}`,
          { kind: 'promotionBar', params: { until: last.until } },
          {
            recordIds: [...new Set(bars.map((b) => b.recordId))],
            bars: bars.map((b) => ({ recordId: b.recordId, reason: b.reason, kind: b.kind, start: b.start, until: b.until })),
          },
          explainNoPromotion,
          { bars, until: last.until },
        ),
      );
    }
  },
};
