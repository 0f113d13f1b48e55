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

/**
 * The New Area (XQ) holding two townships' cadres under their global ids: each township's own
 * units U1, U2 with three cadres each, scored so that the townships' units rank differently.
 */
function newAreaOfTwo() {
  const b = new LedgerBuilder()
    .add('syncMeta', { id: 'identity', data: { code: 'XQ', name: '新区' } })
    .add('syncMeta', { id: 'trust/XZ01', data: { code: 'XZ01', name: '青山镇', anchor: false } })
    .add('syncMeta', { id: 'trust/XZ02', data: { code: 'XZ02', name: '绿水镇', anchor: false } });
  const township = (office: string, scores: number[]) => {
    b.unit(`${office}.U1`).unit(`${office}.U2`);
    scores.forEach((score, i) => {
      const id = `${office}.C${i + 1}`;
      b.cadre(id, { unitId: `${office}.U${i < 3 ? 1 : 2}`, peerGroup: `${office}.乡镇干部` });
      for (const month of ['2026-01', '2026-02', '2026-03']) b.score(id, month, score);
    });
  };
  township('XZ01', [60, 61, 62, 90, 91, 92]);
  township('XZ02', [95, 96, 97, 50, 51, 52]);
  return b;
}

describe('the office-scoped engine', () => {
  it("ranks each township's units among that township's only, rows carrying the office", () => {
    const b = newAreaOfTwo();
    const engine = createViewEngine(() => 1);
    const rows = engine.unitRanking(b.state, '2026-03').map((r) => [r.office, r.unitId, r.rank, r.n]);
    expect(rows).toEqual([
      ['XZ01', 'XZ01.U2', 1, 2],
      ['XZ01', 'XZ01.U1', 2, 2],
      ['XZ02', 'XZ02.U1', 1, 2],
      ['XZ02', 'XZ02.U2', 2, 2],
    ]);
    expect(engine.unitRanking(b.state, '2026-03', 'XZ02').map((r) => r.unitId)).toEqual(['XZ02.U1', 'XZ02.U2']);
  });

  it('merges the townships’ findings in the engine’s order, or gives one office’s', () => {
    const b = newAreaOfTwo();
    const engine = createViewEngine(() => 1);
    const all = engine.evaluate(b.state, '2026-03');
    const xz01 = engine.evaluate(b.state, '2026-03', undefined, 'XZ01');
    const xz02 = engine.evaluate(b.state, '2026-03', undefined, 'XZ02');
    expect(xz01.length).toBeGreaterThan(0);
    expect(xz01.every((f) => f.subject.id.startsWith('XZ01.'))).toBe(true);
    expect(all.map((f) => f.key).sort()).toEqual([...xz01, ...xz02].map((f) => f.key).sort());
    const sorted = [...all].sort((a, c) => (a.rule < c.rule ? -1 : a.rule > c.rule ? 1 : a.subject.id < c.subject.id ? -1 : a.subject.id > c.subject.id ? 1 : 0));
    expect(all.map((f) => f.key)).toEqual(sorted.map((f) => f.key));
    // A partition handed out answers for its office only, and a subject for its owner's partition.
    const part = engine.partition(b.state, 'XZ02');
    expect([...part.cadres.keys()].every((id) => id.startsWith('XZ02.'))).toBe(true);
    expect(engine.evaluate(part, '2026-03').map((f) => f.key)).toEqual(xz02.map((f) => f.key));
    const one = { type: 'cadre' as const, id: 'XZ02.C4' };
    expect(engine.evaluate(b.state, '2026-03', one).map((f) => f.key)).toEqual(xz02.filter((f) => f.subject.id === one.id).map((f) => f.key));
    expect(engine.evaluate(b.state, '2026-03', one, 'XZ01')).toEqual([]);
  });

  it('evaluates each township as it evaluates itself: the same findings as a ledger of that township alone', () => {
    const b = newAreaOfTwo();
    const engine = createViewEngine(() => 1);
    const alone = new LedgerBuilder();
    for (const u of b.state.units.values()) if (u.id.startsWith('XZ01.')) alone.unit(u.id.slice(5), u.name);
    for (const c of b.state.cadres.values()) {
      if (c.id.startsWith('XZ01.')) alone.cadre(c.id.slice(5), { ...c, id: c.id.slice(5), unitId: c.unitId.slice(5), peerGroup: c.peerGroup.slice(5) });
    }
    for (const s of b.state.scores.values()) if (s.cadreId.startsWith('XZ01.')) alone.score(s.cadreId.slice(5), s.month, s.score);
    const strip = (key: string) => key.replaceAll('XZ01.', '');
    expect(engine.evaluate(b.state, '2026-03', undefined, 'XZ01').map((f) => strip(f.key))).toEqual(
      engineForViews.evaluate(alone.state, '2026-03').map((f) => f.key),
    );
  });

  it('a ledger of one office is one partition, the state itself', () => {
    const b = bottomThirdForThreeMonths();
    const engine = createViewEngine(() => 1);
    expect(engine.offices(b.state)).toEqual(['']);
    expect(engine.partition(b.state, '')).toBe(b.state);
    expect(engine.index(b.state, '2026-03', { cadreId: 'C1' })).toBe(engine.index(b.state, '2026-03', { office: '' }));
  });
});

describe('same-day records at different offices (DECISIONS 93)', () => {
  /**
   * One township's cadre with two warnings decided the same day: one recorded by the township, one
   * by the New Area. The second in order stacks after the first, and the findings name it.
   */
  function ledgerAt(self: 'XZ01' | 'XQ') {
    const id = (local: string) => (self === 'XZ01' ? local : `XZ01.${local}`);
    const newArea = (local: string) => (self === 'XQ' ? local : `XQ.${local}`);
    const b = new LedgerBuilder().add('syncMeta', { id: 'identity', data: { code: self, name: self } }).unit(id('U1'));
    for (const [i, c] of ['C1', 'C2', 'C3', 'C4'].entries()) {
      b.cadre(id(c), { unitId: id('U1'), peerGroup: id('乡镇干部') });
      for (const m of ['2026-01', '2026-02', '2026-03']) b.score(id(c), m, 60 + i);
    }
    b.sanction(id('S000001'), { cadreId: id('C1'), kind: 'party.warning', decidedOn: '2025-06-02' });
    b.sanction(newArea('S000001'), { cadreId: id('C1'), kind: 'party.warning', decidedOn: '2025-06-02' });
    return b.state;
  }
  const global = (self: string) => (key: string) => key.replace(/(^|[|:])(?![A-Z][A-Z0-9]+\.)([CSU][0-9]+)/g, `$1${self}.$2`);

  it('name the same sanction at the township and at the New Area', () => {
    const there = engineForViews.evaluate(ledgerAt('XZ01'), '2026-03').map((f) => global('XZ01')(f.key));
    const here = engineForViews.evaluate(ledgerAt('XQ'), '2026-03').map((f) => global('XQ')(f.key));
    expect(there.some((k) => k.includes('S000001'))).toBe(true);
    expect(here).toEqual(there);
  });
});
