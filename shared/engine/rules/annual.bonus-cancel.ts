// annual.bonus-cancel — grade basic or incompetent for year Y → no annual bonus or rewards;
// for basically competent also an admonishment (诫勉).
import type { Bilingual } from '../../domain/primitives';
import { gradeLabels } from '../labels';
import { gradeOf, gradeValueOf } from '../facts';
import { cadreSubject, makeFinding, type Rule } from '../rule';
import { isAnnualEvaluation } from './annual.excellent-reward';

export function explainBonusCancel({ year, grade }: { year: number; grade: 'basic' | 'incompetent' }): Bilingual {
  const label = gradeLabels[grade];
  return grade === 'basic'
    ? {
        zh: `${year}年度考核为${label.zh}，取消年度考核奖金及评优资格，予以诫勉，本年度不计算为晋升职级的考核年限，次年不得提拔。`,
        en: `Graded ${label.en} for ${year}: cancel the annual bonus and rewards and admonish; the year does not count toward seniority and no promotion next year.`,
      }
    : {
        zh: `${year}年度考核为${label.zh}，取消年度考核奖金及评优资格。`,
        en: `Graded ${label.en} for ${year}: cancel the annual bonus and rewards.`,
      };
}

export const annualBonusCancel: Rule = {
  id: 'annual.bonus-cancel',
  title: { zh: '取消年度奖金', en: 'Annual bonus cancelled' },
  run(ctx) {
    if (!isAnnualEvaluation(ctx)) return;
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      const grade = gradeValueOf(ctx.index, c, ctx.year);
      if (grade !== 'basic' && grade !== 'incompetent') continue;
      const g = gradeOf(ctx.index, c, ctx.year)!;
      ctx.emit(
        makeFinding(
          ctx,
          'annual.bonus-cancel',
          cadreSubject(ctx, c),
          String(ctx.year),
          { kind: 'cancelAnnualBonus', params: { year: ctx.year, grade: g.grade, admonishment: g.grade === 'basic' } },
          { recordIds: [g.id], year: ctx.year, grade: g.grade },
          explainBonusCancel,
          { year: ctx.year, grade },
        ),
      );
    }
  },
};
