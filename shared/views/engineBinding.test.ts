// The views on the real engine: the scenario the case file is built around, end to end in memory.
import { describe, expect, it } from 'vitest';
import { caseFileView } from './casefile';
import { createViewEngine, engineForViews } from './engineBinding';
import { listFindings, measureFromFinding } from './findings';
import { LedgerBuilder } from './testing';

function bottomThirdForThreeMonths() {
  const b = new LedgerBuilder().unit('U1', '城关镇');
  for (const id of ['C1', 'C2', 'C3', 'C4']) b.cadre(id);
  for (const month of ['2026-01', '2026-02', '2026-03']) {
    b.score('C1', month, 60).score('C2', month, 90).score('C3', month, 85).score('C4', month, 80);
  }
  return b;
}

describe('views on the rules engine', () => {
  it('shows the reminder-talk finding on the case file, with its months as evidence', () => {
    const b = bottomThirdForThreeMonths();
    const findings = listFindings(b.state, engineForViews, { asOf: '2026-03', today: '2026-03-20', subject: { type: 'cadre', id: 'C1' } });
    const warn = findings.items.find((f) => f.rule === 'warn.bottom-third-streak');
    expect(warn).toBeDefined();
    expect(warn!.isNew).toBe(true);
    expect(warn!.suggestedMeasure?.kind).toBe('reminderTalk');
    expect(warn!.evidence.months?.map((m) => [m.month, m.rank, m.n, m.third])).toEqual([
      ['2026-01', 4, 4, 'bottom'],
      ['2026-02', 4, 4, 'bottom'],
      ['2026-03', 4, 4, 'bottom'],
    ]);
    const cf = caseFileView(b.state, engineForViews, { cadreId: 'C1', asOf: '2026-03', today: '2026-03-20', findings: findings.items });
    expect(cf.rankHistory).toHaveLength(3);
    expect(cf.timeline[0].rank).toEqual({ rank: 4, n: 4, third: 'bottom' });
  });

  it('drops the finding once the talk is recorded from it', () => {
    const b = bottomThirdForThreeMonths();
    const q = { asOf: '2026-03', today: '2026-03-20', subject: { type: 'cadre' as const, id: 'C1' } };
    const warn = listFindings(b.state, engineForViews, q).items.find((f) => f.rule === 'warn.bottom-third-streak')!;
    b.add('measures', measureFromFinding(b.state, warn, '2026-03-20', {}));
    expect(listFindings(b.state, engineForViews, q).items.map((f) => f.rule)).not.toContain('warn.bottom-third-streak');
  });

  it('reuses the ledger index while the version stays, and rebuilds when it moves', () => {
    const b = bottomThirdForThreeMonths();
    let version = 1;
    const engine = createViewEngine(() => version);
    expect(engine.rankHistory(b.state, 'C1', '2026-03')).toHaveLength(3);
    b.score('C1', '2026-04', 95);
    // Same version: the cached index does not see the new score (the store bumps the revision).
    expect(engine.rankHistory(b.state, 'C1', '2026-04')).toHaveLength(4);
    expect(engine.rankHistory(b.state, 'C1', '2026-03')).toHaveLength(3);
    b.score('C1', '2026-02', 99);
    expect(engine.rankHistory(b.state, 'C1', '2026-03')[1].score).toBe(60);
    version = 2;
    expect(engine.rankHistory(b.state, 'C1', '2026-03')[1].score).toBe(99);
  });
});
