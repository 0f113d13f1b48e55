// annual.grade-conflict — the grade of year Y contradicts a limit set by a sanction or measure
// (§3): not excellent (warnings, admonishment, position adjustment), not graded (serious warning,
// demerit; major demerit, grade demotion and removal also the next year), incompetent (removal
// from party posts, party probation). With several limits the strictest applies:
// incompetent > not graded > not excellent.
import type { Bilingual } from '../../domain/primitives';
import type { AnnualGradeValue, Measure, MeasureKind, Sanction } from '../../domain/records';
import { kindMask, type LedgerIndex } from '../ledgerIndex';
import type { GradeLimit } from '../../policy/schema';
import { gradeOf, gradeValueOf } from '../facts';
import { gradeLabels, measureLabels, sanctionLabels } from '../labels';
import { cadreSubject, makeFinding, type Rule } from '../rule';
import { isAnnualEvaluation } from './annual.excellent-reward';

const strictness: Record<GradeLimit, number> = { notExcellent: 1, ungraded: 2, incompetent: 3 };

export const allowedGrades: Record<GradeLimit, AnnualGradeValue[]> = {
  notExcellent: ['competent', 'basic', 'incompetent', 'ungraded'],
  ungraded: ['ungraded'],
  incompetent: ['incompetent'],
};

export function violatesLimit(grade: AnnualGradeValue, limit: GradeLimit): boolean {
  return !allowedGrades[limit].includes(grade);
}

const limitText: Record<GradeLimit, Bilingual> = {
  notExcellent: { zh: '不得确定为优秀等次', en: 'may not be graded excellent' },
  ungraded: { zh: '应不定等次', en: 'is to be left ungraded' },
  incompetent: { zh: '应确定为不称职', en: 'is to be graded incompetent' },
};

export interface GradeConflictFacts {
  year: number;
  grade: AnnualGradeValue;
  limit: GradeLimit;
  sources: readonly { id: string; label: Bilingual; date: string; nextYear: boolean }[];
}

export function explainGradeConflict(f: GradeConflictFacts): Bilingual {
  const zh = f.sources.map((s) => `${s.label.zh}（${s.id}，${s.date}${s.nextYear ? '，影响次年' : ''}）`).join('、');
  const en = f.sources.map((s) => `${s.label.en} (${s.id}, ${s.date}${s.nextYear ? ', affects the next year' : ''})`).join(', ');
  return {
    zh: `${f.year}年度考核为${gradeLabels[f.grade].zh}，但因${zh}，该年度${limitText[f.limit].zh}，请更正等次。`,
    en: `Graded ${gradeLabels[f.grade].en} for ${f.year}, but because of ${en} the cadre ${limitText[f.limit].en} that year; correct the grade.`,
  };
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The limit a sanction sets on the grade of year Y (decided in Y, or in Y − 1 for next-year limits), under the policy of its month. */
function sanctionLimit(index: LedgerIndex, s: Sanction, Y: number): GradeLimit | undefined {
  const y = yearOf(s.decidedOn);
  if (y !== Y && y !== Y - 1) return undefined;
  const rule = index.policyAt(s.decidedOn.slice(0, 7)).gradeLimits.sanctions[s.kind];
  return y === Y - 1 ? rule.nextYear : rule.sameYear;
}

/** The limit a measure sets on the grade of year Y, likewise (measures without a limit: none). */
function measureLimit(index: LedgerIndex, m: Measure, Y: number): GradeLimit | undefined {
  const y = yearOf(m.startsOn);
  if (y !== Y && y !== Y - 1) return undefined;
  const rule = index.policyAt(m.startsOn.slice(0, 7)).gradeLimits.measures[m.kind];
  if (!rule) return undefined;
  return y === Y - 1 ? rule.nextYear : rule.sameYear;
}

export const annualGradeConflict: Rule = {
  id: 'annual.grade-conflict',
  title: { zh: '年度等次与处分冲突', en: 'Grade contradicts a sanction' },
  run(ctx) {
    if (!isAnnualEvaluation(ctx)) return;
    const { index } = ctx;
    const Y = ctx.year;
    // Measures that limit a grade under any policy version in force.
    const limitingMeasures = kindMask(index.policies.flatMap((p) => Object.keys(p.gradeLimits.measures) as MeasureKind[]));
    for (let ci = 0; ci < ctx.cadres.length; ci++) {
      const c = ctx.cadres[ci];
      if (!index.sanctions.count(c) && !index.cadreHas(c, limitingMeasures)) continue;
      const sanctions = index.sanctionsOf(c);
      const measures = index.measuresOf(c);
      const grade = gradeValueOf(index, c, Y);
      if (!grade) continue;
      // First the strictest limit alone (most cadres checked have none that year, or a grade within
      // it); the sources are listed only for a conflict.
      let limit: GradeLimit | undefined;
      for (const s of sanctions ?? []) {
        const l = sanctionLimit(index, s, Y);
        if (l && (!limit || strictness[l] > strictness[limit])) limit = l;
      }
      for (const m of measures ?? []) {
        const l = measureLimit(index, m, Y);
        if (l && (!limit || strictness[l] > strictness[limit])) limit = l;
      }
      if (!limit || !violatesLimit(grade, limit)) continue;
      const sources: GradeConflictFacts['sources'][number][] = [];
      for (const s of sanctions ?? []) {
        const l = sanctionLimit(index, s, Y);
        if (l && violatesLimit(grade, l)) sources.push({ id: s.id, label: sanctionLabels[s.kind], date: s.decidedOn, nextYear: yearOf(s.decidedOn) === Y - 1 });
      }
      for (const m of measures ?? []) {
        const l = measureLimit(index, m, Y);
        if (l && violatesLimit(grade, l)) sources.push({ id: m.id, label: measureLabels[m.kind], date: m.startsOn, nextYear: yearOf(m.startsOn) === Y - 1 });
      }
      const finalLimit: GradeLimit = limit;
      const g = gradeOf(index, c, Y)!;
      ctx.emit(
        makeFinding(
          ctx,
          'annual.grade-conflict',
          cadreSubject(ctx, c),
          String(Y),
          { kind: 'correctGrade', params: { year: Y, grade: g.grade, limit, allowed: allowedGrades[limit] } },
          { recordIds: [g.id, ...sources.map((s) => s.id)], year: Y, grade: g.grade, limit },
          explainGradeConflict,
          { year: Y, grade: g.grade, limit: finalLimit, sources },
        ),
      );
    }
  },
};
