// sanction.release-due — an impact period ended in or before M (its last day is on or before the
// last day of M) and no release (解除) is recorded by then → issue the release notice.
import type { Bilingual, IsoDate } from '../../domain/primitives';
import type { SanctionKind } from '../../domain/records';
import { addDays } from '../calendar';
import { sanctionLabels } from '../labels';
import { cadreSubject, makeFinding, type Rule } from '../rule';

export interface ReleaseDueFacts {
  sanctionId: string;
  kind: SanctionKind;
  start: IsoDate;
  lastDay: IsoDate;
}

export function explainReleaseDue(f: ReleaseDueFacts): Bilingual {
  const label = sanctionLabels[f.kind];
  return {
    zh: `${label.zh}（${f.sanctionId}，${f.start}作出）影响期已于${f.lastDay}届满，尚未记录解除，请办理解除手续并出具通知。`,
    en: `The impact period of the ${label.en} (${f.sanctionId}, decided ${f.start}) ended on ${f.lastDay} and no release is recorded; issue the release notice.`,
  };
}

export const sanctionReleaseDue: Rule = {
  id: 'sanction.release-due',
  title: { zh: '影响期满应予解除', en: 'Release due' },
  run(ctx) {
    const { index } = ctx;
    const endedBy = addDays(ctx.lastDay, 1); // exclusive end on or before the 1st of the next month
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (!index.sanctions.count(c)) continue;
      for (const p of index.impactPeriodsOf(c)) {
        if (p.end > endedBy) continue;
        if (p.releasedOn && p.releasedOn <= ctx.lastDay) continue;
        const lastDay = addDays(p.end, -1);
        ctx.emit(
          makeFinding(
            ctx,
            'sanction.release-due',
            cadreSubject(ctx, c),
            p.sanctionId,
            { kind: 'releaseNotice', params: { sanctionId: p.sanctionId, periodEndedOn: lastDay } },
            { recordIds: [p.sanctionId], periodStart: p.start, periodEnd: p.end },
            explainReleaseDue,
            { sanctionId: p.sanctionId, kind: p.kind, start: p.start, lastDay },
          ),
        );
      }
    }
  },
};
