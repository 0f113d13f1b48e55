// sanction.no-honours — a sanction or admonishment (policy: disqualifying measures) dated in M's
// year → disqualified from honours this year. One finding per cadre and year.
import type { Bilingual } from '../../domain/primitives';
import { joinLabels, measureLabels, sanctionLabels } from '../labels';
import { kindMask } from '../ledgerIndex';
import { cadreSubject, makeFinding, type Rule } from '../rule';

export interface NoHonoursFacts {
  year: number;
  records: readonly { id: string; label: Bilingual; date: string }[];
}

export function explainNoHonours(f: NoHonoursFacts): Bilingual {
  const list = joinLabels(f.records.map((r) => ({ zh: `${r.label.zh}（${r.id}，${r.date}）`, en: `${r.label.en} (${r.id}, ${r.date})` })));
  return {
    zh: `${f.year}年度受到${list.zh}，取消本年度评优评先资格。`,
    en: `In ${f.year}: ${list.en}; disqualified from honours for the year.`,
  };
}

export const sanctionNoHonours: Rule = {
  id: 'sanction.no-honours',
  title: { zh: '当年取消评优评先资格', en: 'No honours this year' },
  run(ctx) {
    const yearStart = `${ctx.asOf.slice(0, 4)}-01-01`;
    const kinds = ctx.policy.honours.disqualifyingMeasures;
    const { index } = ctx;
    const disqualifying = kindMask(kinds);
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (!index.sanctions.count(c) && !index.cadreHas(c, disqualifying)) continue;
      const sanctions = index.sanctionsOf(c);
      const measures = index.cadreHas(c, disqualifying) ? index.measuresOf(c) : undefined;
      const records: NoHonoursFacts['records'][number][] = [];
      if (sanctions) for (const s of sanctions) if (s.decidedOn >= yearStart) records.push({ id: s.id, label: sanctionLabels[s.kind], date: s.decidedOn });
      if (measures) for (const m of measures) if (m.startsOn >= yearStart && kinds.includes(m.kind)) records.push({ id: m.id, label: measureLabels[m.kind], date: m.startsOn });
      if (!records.length) continue;
      records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : index.byRecordId(a.id, b.id)));
      ctx.emit(
        makeFinding(
          ctx,
          'sanction.no-honours',
          cadreSubject(ctx, c),
          String(ctx.year),
          { kind: 'honoursDisqualification', params: { year: ctx.year } },
          { recordIds: records.map((r) => r.id) },
          explainNoHonours,
          { year: ctx.year, records },
        ),
      );
    }
  },
};
