// annual.excellent-quota — the excellent grades in a unit for year Y exceed N% (policy: 20) of its
// graded cadres (grades other than ungraded), rounded down but at least the policy minimum (1) →
// reduce the excellent grades. A unit's cadres are those it holds now (cadre.unitId).
import type { Bilingual } from '../../domain/primitives';
import { gradeIdOf, gradeValueOf } from '../facts';
import { makeFinding, unitSubject, type Rule } from '../rule';
import { isAnnualEvaluation } from './annual.excellent-reward';

export function excellentQuota(graded: number, percent: number, minimum: number): number {
  // Integer arithmetic on hundredths avoids 0.2 × 15 = 2.9999… style surprises.
  return Math.max(minimum, Math.floor((graded * Math.round(percent * 100)) / 10000));
}

export interface QuotaFacts {
  year: number;
  excellent: number;
  graded: number;
  quota: number;
  percent: number;
}

export function explainExcellentQuota(f: QuotaFacts): Bilingual {
  return {
    zh: `${f.year}年度本单位参加考核定等次${f.graded}人，优秀${f.excellent}人，超过${f.percent}%的比例限额（${f.quota}人），请核减${f.excellent - f.quota}个优秀等次。`,
    en: `For ${f.year} the unit graded ${f.graded} cadres, ${f.excellent} excellent: above the ${f.percent}% quota (${f.quota}); reduce the excellent grades by ${f.excellent - f.quota}.`,
  };
}

export const annualExcellentQuota: Rule = {
  id: 'annual.excellent-quota',
  title: { zh: '优秀等次超出比例', en: 'Excellent quota exceeded' },
  run(ctx) {
    if (!isAnnualEvaluation(ctx)) return;
    const { excellentQuotaPercent: percent, excellentQuotaMinimum: minimum } = ctx.policy.annual;
    const { index } = ctx;
    for (let ui = 0; ui < ctx.units.length; ui++) {
      const u = ctx.units[ui];
      // Counted first: the ids are gathered only for a unit over its quota (a handful of 7,515).
      let graded = 0;
      let excellent = 0;
      const members = index.unitMembers[u];
      for (let mi = 0; mi < members.length; mi++) {
        const grade = gradeValueOf(index, members[mi], ctx.year);
        if (!grade || grade === 'ungraded') continue;
        graded++;
        if (grade === 'excellent') excellent++;
      }
      const quota = excellentQuota(graded, percent, minimum);
      if (excellent <= quota) continue;
      const excellentIds: string[] = [];
      for (let mi = 0; mi < members.length; mi++) {
        if (gradeValueOf(index, members[mi], ctx.year) === 'excellent') excellentIds.push(gradeIdOf(index, members[mi], ctx.year)!);
      }
      ctx.emit(
        makeFinding(
          ctx,
          'annual.excellent-quota',
          unitSubject(ctx, u),
          String(ctx.year),
          { kind: 'reduceExcellentGrades', params: { year: ctx.year, quota, excellent: excellentIds.length, excess: excellentIds.length - quota } },
          { recordIds: excellentIds, graded, excellent: excellentIds.length, quota },
          explainExcellentQuota,
          { year: ctx.year, excellent: excellentIds.length, graded, quota, percent },
        ),
      );
    }
  },
};
