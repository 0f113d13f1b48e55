// annual.grade-conflict — the grade of year Y contradicts a limit set by a sanction or measure
// (§3): not excellent (warnings, admonishment, position adjustment), not graded (serious warning,
// demerit; major demerit, grade demotion and removal also the next year), incompetent (removal
// from party posts, party probation). With several limits the strictest applies:
// incompetent > not graded > not excellent.
import type { Bilingual } from '../../domain/primitives';
import type { AnnualGradeValue, MeasureKind } from '../../domain/records';
import { kindMask } from '../ledgerIndex';
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
      let limit: GradeLimit | undefined;
      const sources: GradeConflictFacts['sources'][number][] = [];
      const add = (l: GradeLimit | undefined, source: GradeConflictFacts['sources'][number]) => {
        if (!l) return;
        if (!limit || strictness[l] > strictness[limit]) limit = l;
        if (violatesLimit(grade, l)) sources.push(source);
      };
      for (const s of sanctions ?? []) {
        const y = Number(s.decidedOn.slice(0, 4));
        if (y !== Y && y !== Y - 1) continue;
        const rule = index.policyAt(s.decidedOn.slice(0, 7)).gradeLimits.sanctions[s.kind];
        const nextYear = y === Y - 1;
        add(nextYear ? rule.nextYear : rule.sameYear, { id: s.id, label: sanctionLabels[s.kind], date: s.decidedOn, nextYear });
      }
      for (const m of measures ?? []) {
        const y = Number(m.startsOn.slice(0, 4));
        if (y !== Y && y !== Y - 1) continue;
        const rule = index.policyAt(m.startsOn.slice(0, 7)).gradeLimits.measures[m.kind];
        if (!rule) continue;
        const nextYear = y === Y - 1;
        add(nextYear ? rule.nextYear : rule.sameYear, { id: m.id, label: measureLabels[m.kind], date: m.startsOn, nextYear });
      }
      if (!limit || !violatesLimit(grade, limit)) continue;
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
