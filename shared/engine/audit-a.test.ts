// Rule audit, session 16 — A (DECISIONS.md): boundary tests of the ranking, streak, review and
// candidate rules against DOMAIN.md §4.1–§4.3, read word by word. Each test names the clause it pins.
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default';
import { addMonthsToMonth } from './calendar';
import { about, LedgerBuilder, withPolicy } from './testkit';

/** Scores cadre `id` with `score` in `months` consecutive months from `from`. */
function flat(b: LedgerBuilder, id: string, from: string, months: number, score: number): LedgerBuilder {
  for (let m = 0; m < months; m++) b.score(id, addMonthsToMonth(from, m), score);
  return b;
}

// Fillers score 60…67 (8 of them): with A the group has n = 9, k = 3, top rank ≤ 3, bottom rank > 6.
const nine = (months = 12, from = '2026-01') => new LedgerBuilder().peers('G', from, months).cadre('A');

describe('§4.1 thirds at the boundaries (through the rules)', () => {
  const RAISE = 'raise.top-third-streak';
  const WARN = 'warn.bottom-third-streak';

  it('n = 9: a tie at rank 3 is top (rank ≤ k); one point below is rank 4, middle', () => {
    // 67, 66, 65, 65(A) → A rank 3.
    expect(about(flat(nine(), 'A', '2026-01', 6, 65).evaluate('2026-06'), RAISE, 'A')).toHaveLength(1);
    expect(about(flat(nine(), 'A', '2026-01', 6, 64.5).evaluate('2026-06'), RAISE, 'A')).toHaveLength(0);
  });

  it('n = 9: a tie at rank 6 is not bottom (rank > n − k = 6 needed); rank 7 is', () => {
    // 67…62 and A at 62 share rank 6.
    expect(about(flat(nine(), 'A', '2026-01', 3, 62).evaluate('2026-03'), WARN, 'A')).toHaveLength(0);
    // 67…62, then A at 61.5 → rank 7.
    expect(about(flat(nine(), 'A', '2026-01', 3, 61.5).evaluate('2026-03'), WARN, 'A')).toHaveLength(1);
    // A tied with the filler at 61 → both rank 7: bottom.
    const [f] = about(flat(nine(), 'A', '2026-01', 3, 61).evaluate('2026-03'), WARN, 'A');
    expect(f.evidence.months!.map((e) => [e.rank, e.n, e.third])).toEqual([[7, 9, 'bottom'], [7, 9, 'bottom'], [7, 9, 'bottom']]);
  });

  it('the same boundaries with scores that are not hundredths (the float path of the ranking)', () => {
    const b = nine();
    flat(b, 'G-F3', '2026-01', 3, 62.125); // the filler at 62 now at 62.125
    expect(about(flat(b, 'A', '2026-01', 3, 62.125).evaluate('2026-03'), WARN, 'A')).toHaveLength(0); // tie at rank 6
    const c = nine();
    flat(c, 'G-F3', '2026-01', 3, 62.125);
    const [f] = about(flat(c, 'A', '2026-01', 3, 62.124).evaluate('2026-03'), WARN, 'A');
    expect(f.evidence.months!.map((e) => [e.rank, e.third])).toEqual([[7, 'bottom'], [7, 'bottom'], [7, 'bottom']]);
  });

  it('n = 10: k = ceil(10/3) = 4, so rank 4 is top and rank 7 bottom', () => {
    const ten = () => new LedgerBuilder().peers('G', '2026-01', 12, 9).cadre('A');
    // Fillers 60…68: A at 65.5 has 68, 67, 66 above → rank 4.
    const [f] = about(flat(ten(), 'A', '2026-01', 6, 65.5).evaluate('2026-06'), RAISE, 'A');
    expect(f.evidence.months![0]).toMatchObject({ rank: 4, n: 10, third: 'top' });
    // A at 62.5 has 63…68 above → rank 7 > 10 − 4.
    expect(about(flat(ten(), 'A', '2026-01', 3, 62.5).evaluate('2026-03'), WARN, 'A')).toHaveLength(1);
    // A at 63.5 → rank 6: middle.
    expect(about(flat(ten(), 'A', '2026-01', 3, 63.5).evaluate('2026-03'), WARN, 'A')).toHaveLength(0);
  });

  it('n = 3 has thirds (k = 1: rank 3 bottom, rank 2 middle); n = 2 has none', () => {
    const three = () => new LedgerBuilder().peers('S', '2026-01', 6, 2).cadre('A', { peerGroup: 'S' });
    expect(about(flat(three(), 'A', '2026-01', 3, 0).evaluate('2026-03'), WARN, 'A')).toHaveLength(1);
    expect(about(flat(three(), 'A', '2026-01', 3, 60.5).evaluate('2026-03'), WARN, 'A')).toHaveLength(0);
    const two = new LedgerBuilder().peers('S', '2026-01', 6, 1).cadre('A', { peerGroup: 'S' });
    expect(about(flat(two, 'A', '2026-01', 3, 0).evaluate('2026-03'), WARN, 'A')).toHaveLength(0);
  });

  it('n counts only the cadres scored that month: a month where the group shrinks to 2 has no thirds and breaks the streak', () => {
    const b = nine().pattern('A', '2026-01', 'TTTTTTT');
    for (let i = 2; i <= 8; i++) b.state.scores.delete(`G-F${i}:2026-04`);
    expect(about(b.evaluate('2026-07'), RAISE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-07'), RAISE, 'A');
    expect(f).toBeUndefined();
    // 2026-05…2026-10: six full months after the gap.
    b.pattern('A', '2026-08', 'TTT');
    expect(about(b.evaluate('2026-10'), RAISE, 'A')[0].key).toBe('raise.top-third-streak|cadre:A|2026-05');
  });

  it('a policy version changing the thirds divisor mid-streak ranks each month by its own version', () => {
    // Divisor 2 from 2026-04: k = ceil(9/2) = 5, so A at rank 5 (63.5) is top from April only.
    const halves = withPolicy(defaultPolicy, (p) => (p.ranking.thirdsDivisor = 2), 'halves', '2026-04');
    const b = nine().pattern('A', '2026-01', 'MMMMMMMMM');
    const opts = { policies: [defaultPolicy, halves] };
    expect(about(b.evaluate('2026-08', opts), RAISE, 'A')).toHaveLength(0);
    const [f] = about(b.evaluate('2026-09', opts), RAISE, 'A');
    expect(f.key).toBe('raise.top-third-streak|cadre:A|2026-04');
    expect(f.evidence.months!.map((e) => e.third)).toEqual(['top', 'top', 'top', 'top', 'top', 'top']);
  });
});

describe('raise.top-third-streak', () => {
  const RULE = 'raise.top-third-streak';
  it('exactly 6 months fires, 5 do not; 7 keep the same key', () => {
    expect(about(nine().pattern('A', '2026-01', 'MTTTTT').evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
    expect(about(nine().pattern('A', '2026-01', 'TTTTTT').evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
    expect(about(nine().pattern('A', '2026-01', 'TTTTTTT').evaluate('2026-07'), RULE, 'A')[0].key).toBe('raise.top-third-streak|cadre:A|2026-01');
  });

  it('"since the streak began": a raise on the streak\'s first day suppresses, one the day before does not', () => {
    const on = nine().pattern('A', '2026-01', 'MTTTTTT').measure('R', 'A', 'salaryRaise', '2026-02-01');
    expect(about(on.evaluate('2026-07'), RULE, 'A')).toHaveLength(0);
    const before = nine().pattern('A', '2026-01', 'MTTTTTT').measure('R', 'A', 'salaryRaise', '2026-01-31');
    expect(about(before.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
  });

  it('a raise on the last day of M suppresses; one on the first day after M is invisible', () => {
    const last = nine().pattern('A', '2026-01', 'MTTTTTT').measure('R', 'A', 'salaryRaise', '2026-07-31');
    expect(about(last.evaluate('2026-07'), RULE, 'A')).toHaveLength(0);
    const after = nine().pattern('A', '2026-01', 'MTTTTTT').measure('R', 'A', 'salaryRaise', '2026-08-01');
    expect(about(after.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
  });

  it('a cleared raise never counts; a raise of another cadre does not count', () => {
    const cleared = nine().pattern('A', '2026-01', 'MTTTTTT').measure('R', 'A', 'salaryRaise', '2026-03-01').clear('X', 'R', 'A');
    expect(about(cleared.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
    const other = nine().pattern('A', '2026-01', 'MTTTTTT').measure('R', 'G-F1', 'salaryRaise', '2026-03-01');
    expect(about(other.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
  });

  it('the streak length of the version in force in M applies, also when it changes mid-streak', () => {
    const four = withPolicy(defaultPolicy, (p) => (p.streaks.raiseTopThirdMonths = 4), 'four', '2026-05');
    const b = nine().pattern('A', '2026-01', 'MTTTT');
    const opts = { policies: [defaultPolicy, four] };
    expect(about(b.evaluate('2026-04', opts), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-05', opts), RULE, 'A')[0].key).toBe('raise.top-third-streak|cadre:A|2026-02');
  });
});

describe('warn.bottom-third-streak', () => {
  const RULE = 'warn.bottom-third-streak';
  it('exactly 3 fires, 2 do not; a month without a score breaks it', () => {
    expect(about(nine().pattern('A', '2026-01', 'BBB').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    expect(about(nine().pattern('A', '2026-01', 'MBB').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    expect(about(nine().pattern('A', '2026-01', 'BB-BB').evaluate('2026-05'), RULE, 'A')).toHaveLength(0);
    expect(about(nine().pattern('A', '2026-01', 'BB-BBB').evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
  });

  it('"started in those months": a talk the day before the 3 months does not count, one on their first day does', () => {
    const before = nine().pattern('A', '2026-01', 'BBBB').measure('T', 'A', 'reminderTalk', '2026-01-31');
    expect(about(before.evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
    const first = nine().pattern('A', '2026-01', 'BBBB').measure('T', 'A', 'reminderTalk', '2026-02-01');
    expect(about(first.evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('a talk inside a longer bottom run but before the last 3 months does not suppress', () => {
    // Bottom 2026-01…05, talk in February: the 3 months ending at May are March–May.
    const b = nine().pattern('A', '2026-01', 'BBBBB').measure('T', 'A', 'reminderTalk', '2026-02-15');
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-05'), RULE, 'A')).toHaveLength(1);
  });

  it('a talk dated after M is invisible; a revoked talk never counts', () => {
    expect(about(nine().pattern('A', '2026-01', 'BBB').measure('T', 'A', 'reminderTalk', '2026-04-01').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    const revoked = nine().pattern('A', '2026-01', 'BBB').measure('T', 'A', 'inquiry', '2026-02-01').clear('X', 'T', 'A', 'revocation');
    expect(about(revoked.evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
  });

  it('a sanction is not a measure: it does not suppress the talk (DECISIONS 12)', () => {
    const b = nine().pattern('A', '2026-01', 'BBB').sanction('S', 'A', 'party.warning', '2026-02-10');
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
  });

  it('a cleared bottom score breaks the streak', () => {
    expect(about(nine().pattern('A', '2026-01', 'BBB').clear('X', 'A:2026-02', 'A').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('scores dated after M do not change the months up to M', () => {
    const b = nine(13).pattern('A', '2026-01', 'BBBT');
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
  });
});

describe('place.bottom-third-long', () => {
  const RULE = 'place.bottom-third-long';
  it('exactly 6 fires, 5 do not', () => {
    expect(about(nine().pattern('A', '2026-01', 'BBBBBB').evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
    expect(about(nine().pattern('A', '2026-01', 'BBBBB').evaluate('2026-05'), RULE, 'A')).toHaveLength(0);
  });

  it('a placement the day before the 6 months does not count; one on their first day does', () => {
    const before = nine().pattern('A', '2026-01', 'BBBBBBB').measure('P', 'A', 'transitionalPlacement', '2026-01-31');
    expect(about(before.evaluate('2026-07'), RULE, 'A')).toHaveLength(1);
    const first = nine().pattern('A', '2026-01', 'BBBBBBB').measure('P', 'A', 'transitionalPlacement', '2026-02-01');
    expect(about(first.evaluate('2026-07'), RULE, 'A')).toHaveLength(0);
  });

  it('a weaker measure (admonishment, probation) does not stop it', () => {
    for (const kind of ['admonishment', 'probation', 'warning', 'inquiry'] as const) {
      const b = nine().pattern('A', '2026-01', 'BBBBBB').measure('P', 'A', kind, '2026-03-01');
      expect(about(b.evaluate('2026-06'), RULE, 'A'), kind).toHaveLength(1);
    }
  });

  it('a placement dated after M is invisible; a revoked one never counts', () => {
    expect(about(nine().pattern('A', '2026-01', 'BBBBBB').measure('P', 'A', 'demotion', '2026-07-01').evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
    const revoked = nine().pattern('A', '2026-01', 'BBBBBB').measure('P', 'A', 'demotion', '2026-03-01').clear('X', 'P', 'A', 'revocation');
    expect(about(revoked.evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
  });
});

/** Six units of two cadres: U1–U5 at 90, 85, 80, 75, 70; unit T scores `t` each month (k = 2, bottom rank > 4). */
function units(t: number | null, months = 3, from = '2026-01'): LedgerBuilder {
  const b = new LedgerBuilder();
  [90, 85, 80, 75, 70].forEach((s, i) => {
    for (const k of [1, 2]) flat(b.cadre(`U${i + 1}-${k}`, { unitId: `U${i + 1}` }), `U${i + 1}-${k}`, from, months, s);
  });
  for (const k of [1, 2]) {
    b.cadre(`T-${k}`, { unitId: 'T' });
    if (t !== null) flat(b, `T-${k}`, from, months, t);
  }
  return b;
}

describe('team.low-ranking', () => {
  const RULE = 'team.low-ranking';
  it('the unit ranking is competition ranking: a tie at rank 4 of 6 is not bottom, rank 5 is', () => {
    expect(about(units(75).evaluate('2026-02'), RULE, 'T')).toHaveLength(0);
    expect(about(units(74).evaluate('2026-02'), RULE, 'T')).toHaveLength(1);
  });

  it('the mean of the unit\'s scored cadres: 80 and 60 average 70, tied with U5 at rank 5 — bottom', () => {
    const b = units(null);
    flat(b, 'T-1', '2026-01', 3, 80);
    flat(b, 'T-2', '2026-01', 3, 60);
    const [f] = about(b.evaluate('2026-02'), RULE, 'T');
    expect(f.evidence.months!.map((e) => [e.score, e.rank, e.n])).toEqual([[70, 5, 6], [70, 5, 6]]);
    expect(about(b.evaluate('2026-02'), RULE, 'U5')).toHaveLength(1);
  });

  it('exactly 2 months fire, 1 does not; a month the unit is not ranked breaks it', () => {
    const b = units(50, 4);
    expect(about(b.evaluate('2026-02'), RULE, 'T')).toHaveLength(1);
    b.state.scores.delete('T-2:2026-03'); // one scored cadre in March: not ranked
    expect(about(b.evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
    expect(about(b.evaluate('2026-04'), RULE, 'T')).toHaveLength(0);
  });

  it('only units with at least 2 scored cadres are ranked: a one-cadre unit counts neither in n nor as bottom', () => {
    const b = units(74);
    b.cadre('S-1', { unitId: 'S' });
    flat(b, 'S-1', '2026-01', 3, 10);
    const [f] = about(b.evaluate('2026-02'), RULE, 'T');
    expect(f.evidence.months!.map((e) => [e.rank, e.n])).toEqual([[5, 6], [5, 6]]);
    expect(about(b.evaluate('2026-02'), RULE, 'S')).toHaveLength(0);
  });

  it('a cleared score leaves the unit mean: T with one scored cadre left is not ranked that month', () => {
    const b = units(50, 3).clear('X', 'T-2:2026-03', 'T-2');
    expect(about(b.evaluate('2026-02'), RULE, 'T')).toHaveLength(1);
    expect(about(b.evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
    // A cleared high score of a two-cadre unit's third member: the mean is of the other two.
    const c = units(null);
    c.cadre('T-3', { unitId: 'T' });
    flat(flat(flat(c, 'T-1', '2026-01', 3, 65), 'T-2', '2026-01', 3, 65), 'T-3', '2026-01', 3, 100); // mean 76.67: rank 4
    expect(about(c.evaluate('2026-02'), RULE, 'T')).toHaveLength(0);
    c.clear('X1', 'T-3:2026-01', 'T-3').clear('X2', 'T-3:2026-02', 'T-3');
    expect(about(c.evaluate('2026-02'), RULE, 'T')[0].evidence.months!.map((e) => e.score)).toEqual([65, 65]);
  });

  it('fewer than 3 ranked units have no thirds', () => {
    const b = new LedgerBuilder();
    for (const [u, s] of [['A', 90], ['B', 10]] as const) {
      for (const k of [1, 2]) flat(b.cadre(`${u}-${k}`, { unitId: u }), `${u}-${k}`, '2026-01', 3, s);
    }
    expect(about(b.evaluate('2026-03'), RULE, 'B')).toHaveLength(0);
  });

  it('"not already under probation" in M: a probation ending on the first day of M stops it, one ending the day before M does not', () => {
    const onFirst = units(50).unitMeasure('P', 'T', 'probation', '2025-12-01', { endsOn: '2026-03-01' });
    expect(about(onFirst.evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
    const before = units(50).unitMeasure('P', 'T', 'probation', '2025-11-28', { endsOn: '2026-02-28' });
    expect(about(before.evaluate('2026-03'), RULE, 'T')).toHaveLength(1);
  });

  it('a probation starting on the last day of M stops it; one starting after M is invisible', () => {
    expect(about(units(50).unitMeasure('P', 'T', 'probation', '2026-03-31').evaluate('2026-03'), RULE, 'T')).toHaveLength(0);
    expect(about(units(50).unitMeasure('P', 'T', 'probation', '2026-04-01').evaluate('2026-03'), RULE, 'T')).toHaveLength(1);
  });

  it('a probation of a cadre of the unit is not the unit\'s probation', () => {
    expect(about(units(50).measure('P', 'T-1', 'probation', '2026-03-01').evaluate('2026-03'), RULE, 'T')).toHaveLength(1);
  });

  it('a revoked unit probation never counts', () => {
    const b = units(50).unitMeasure('P', 'T', 'probation', '2026-03-01').clear('X', 'P', 'T-1', 'revocation');
    expect(about(b.evaluate('2026-03'), RULE, 'T')).toHaveLength(1);
  });
});

describe('probation.review-due', () => {
  const RULE = 'probation.review-due';
  const a = () => new LedgerBuilder().cadre('A');
  it('"within 14 days of the last day of M": day 14 fires, day 15 does not (February: 28 days)', () => {
    expect(about(a().measure('P', 'A', 'probation', '2025-12-01', { endsOn: '2026-03-14' }).evaluate('2026-02'), RULE, 'A')).toHaveLength(1);
    expect(about(a().measure('P', 'A', 'probation', '2025-12-01', { endsOn: '2026-03-15' }).evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
  });

  it('a transitional placement: day 14 fires, day 15 does not', () => {
    // 2026-04-30 + 14 = 2026-05-14.
    const placed = (endsOn: string) => a().measure('T', 'A', 'transitionalPlacement', '2025-06-01', { endsOn });
    expect(about(placed('2026-05-14').evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
    expect(about(placed('2026-05-15').evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('a trial period (the cadre\'s trial end): day 14 fires, day 15 does not', () => {
    expect(about(new LedgerBuilder().cadre('A', { appointedOn: '2025-04-01', trialEndsOn: '2026-04-14' }).evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    expect(about(new LedgerBuilder().cadre('A', { appointedOn: '2025-04-01', trialEndsOn: '2026-04-15' }).evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('a unit probation: day 14 fires, day 15 does not', () => {
    expect(about(a().unitMeasure('P', 'U1', 'probation', '2026-01-01', { endsOn: '2026-04-14' }).evaluate('2026-03'), RULE, 'U1')).toHaveLength(1);
    expect(about(a().unitMeasure('P', 'U1', 'probation', '2026-01-01', { endsOn: '2026-04-15' }).evaluate('2026-03'), RULE, 'U1')).toHaveLength(0);
  });

  it('"has ended without a recorded outcome": ended long ago still fires (overdue); a revoked one never', () => {
    const [f] = about(a().measure('P', 'A', 'probation', '2025-01-01', { endsOn: '2025-03-31' }).evaluate('2026-03'), RULE, 'A');
    expect(f.suggestion.params.overdue).toBe(true);
    const revoked = a().measure('P', 'A', 'probation', '2025-01-01', { endsOn: '2025-03-31' }).clear('X', 'P', 'A', 'revocation');
    expect(about(revoked.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });
});

describe('probation.not-improved', () => {
  const RULE = 'probation.not-improved';
  const base = (endsOn = '2026-03-31', pattern = 'BBBB') =>
    nine().pattern('A', '2026-01', pattern).measure('P', 'A', 'probation', '2026-01-01', { endsOn });

  it('"ended in M or earlier": ending on the last day of M fires in M; ending on the first day of M+1 does not', () => {
    expect(about(base('2026-03-31').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    expect(about(base('2026-04-01').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    // Its last month is then April: bottom in April → fires as of April.
    expect(about(base('2026-04-01').evaluate('2026-04'), RULE, 'A')[0].evidence.months![0].month).toBe('2026-04');
  });

  it('"still bottom third in its last month": not when that month is unscored or middle', () => {
    expect(about(base('2026-03-31', 'BB-B').evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
    expect(about(base('2026-03-31', 'BBMB').evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('keeps firing after it ended while nothing is recorded', () => {
    expect(about(base().evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
  });

  it('"transitional placement or stronger, as above": every kind of place.bottom-third-long\'s list stops it', () => {
    for (const kind of ['transitionalPlacement', 'positionAdjustment', 'demotion', 'removal', 'rankReassignment', 'dismissal', 'immediateExit'] as const) {
      const b = base().measure('S', 'A', kind, '2026-04-10');
      expect(about(b.evaluate('2026-04'), RULE, 'A'), kind).toHaveLength(0);
    }
  });

  it('a weaker measure does not stop it', () => {
    for (const kind of ['reminderTalk', 'inquiry', 'admonishment', 'warning'] as const) {
      expect(about(base().measure('S', 'A', kind, '2026-04-10').evaluate('2026-04'), RULE, 'A'), kind).toHaveLength(1);
    }
  });

  it('"recorded since the probation began": a placement the day before it began does not count, one on its first day does', () => {
    expect(about(base().measure('S', 'A', 'transitionalPlacement', '2025-12-31').evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
    expect(about(base().measure('S', 'A', 'transitionalPlacement', '2026-01-01').evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('a next step dated after M is invisible; a revoked one never counts', () => {
    expect(about(base().measure('S', 'A', 'transitionalPlacement', '2026-05-01').evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
    const revoked = base().measure('S', 'A', 'transitionalPlacement', '2026-04-02').clear('X', 'S', 'A', 'revocation');
    expect(about(revoked.evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
  });
});

describe('trial.review', () => {
  const RULE = 'trial.review';
  const cadre = (trialEndsOn: string, pattern = 'MMMMMMM') =>
    nine().cadre('A', { appointedOn: '2025-07-01', trialEndsOn, leader: true }).pattern('A', '2026-01', pattern);

  it('"within 30 days": day 30 after the last day of M fires, day 31 does not', () => {
    // 2026-06-30 + 30 = 2026-07-30.
    expect(about(cadre('2026-07-30').evaluate('2026-06'), RULE, 'A')).toHaveLength(1);
    expect(about(cadre('2026-07-31').evaluate('2026-06'), RULE, 'A')).toHaveLength(0);
    // February: 2026-02-28 + 30 = 2026-03-30.
    expect(about(cadre('2026-03-30').evaluate('2026-02'), RULE, 'A')).toHaveLength(1);
    expect(about(cadre('2026-03-31').evaluate('2026-02'), RULE, 'A')).toHaveLength(0);
  });

  it('poor: 3 bottom months among the trial\'s last 6 (a bottom month before them does not count)', () => {
    // Trial ends 2026-07-20: its last 6 months are 2026-02…07; up to June here.
    const [f] = about(cadre('2026-07-20', 'BBMBMM').evaluate('2026-06'), RULE, 'A');
    expect(f.evidence.bottomMonths).toBe(2);
    expect(f.suggestion.params.poor).toBe(false);
    const [g] = about(cadre('2026-07-20', 'MBMBMB').evaluate('2026-06'), RULE, 'A');
    expect(g.suggestion.params.poor).toBe(true);
  });

  it('poor: last annual grade ≤ basic — incompetent is poor, an ungraded later year is skipped, a year after M is invisible', () => {
    expect(about(cadre('2026-07-20').grade('A', 2025, 'incompetent').evaluate('2026-06'), RULE, 'A')[0].suggestion.params.poor).toBe(true);
    const skipped = cadre('2026-07-20').grade('A', 2025, 'basic').grade('A', 2026, 'ungraded');
    expect(about(skipped.evaluate('2026-06'), RULE, 'A')[0].suggestion.params.poor).toBe(true);
    const later = cadre('2027-01-20', 'MMMMMMMMMMMM').grade('A', 2026, 'competent').grade('A', 2027, 'basic');
    expect(about(later.evaluate('2026-12'), RULE, 'A')[0].suggestion.params.poor).toBe(false);
  });

  it('a cleared grade does not count', () => {
    const b = cadre('2026-07-20').grade('A', 2025, 'basic').clear('X', 'A:2025', 'A');
    expect(about(b.evaluate('2026-06'), RULE, 'A')[0].suggestion.params.poor).toBe(false);
  });
});

describe('promote.candidate', () => {
  const RULE = 'promote.candidate';
  const base = (pattern: string) => nine(14, '2025-12').pattern('A', '2025-12', pattern).grade('A', 2025, 'excellent');

  it('"the last 12 months" are M−11…M: a top month at M−12 does not count', () => {
    // 2025-12 is M−12 for M = 2026-12: 1 + 8 top months.
    expect(about(base('TTTTMTTMTMTTM').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    expect(about(base('MTTTMTTMTMTTT').evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
  });

  it('"no bar": a bar whose last day is the day before M does not bar; one covering M\'s first day does', () => {
    // admin.warning 6 months: decided 2026-06-01 → last day 2026-11-30.
    const pattern = 'MTTTMTTMTMTTT';
    expect(about(base(pattern).sanction('S', 'A', 'admin.warning', '2026-06-01').evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
    expect(about(base(pattern).sanction('S', 'A', 'admin.warning', '2026-06-02').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    // A sanction decided on M's last day bars; one decided after M is invisible.
    expect(about(base(pattern).sanction('S', 'A', 'admin.warning', '2026-12-31').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    expect(about(base(pattern).sanction('S', 'A', 'admin.warning', '2027-01-01').evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
  });

  it('bars of §4.1a: 24 months after a party probation\'s period; a demotion 12 months', () => {
    const pattern = 'MTTTMTTMTMTTT';
    // party.probation1y 2024-06-15: period to 2025-06-15, then 24 months to 2027-06-15.
    expect(about(base(pattern).sanction('S', 'A', 'party.probation1y', '2024-06-15').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    expect(about(base(pattern).measure('D', 'A', 'demotion', '2025-12-02').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    expect(about(base(pattern).measure('D', 'A', 'demotion', '2025-12-01').evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
  });

  it('"excellent in the last graded year": a later year\'s grade after M is invisible; a cleared grade does not count', () => {
    const pattern = 'MTTTMTTMTMTTT';
    expect(about(base(pattern).grade('A', 2027, 'competent').evaluate('2026-12'), RULE, 'A')).toHaveLength(1);
    expect(about(base(pattern).clear('X', 'A:2025', 'A').evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
    const older = base(pattern).grade('A', 2024, 'excellent').grade('A', 2025, 'competent');
    expect(about(older.evaluate('2026-12'), RULE, 'A')).toHaveLength(0);
  });
});

describe('rehab.reascend', () => {
  const RULE = 'rehab.reascend';
  // Scores 2025-07…2026-06; top in 4 of the last 6 months for any M from 2026-01.
  const base = (start: string, kind: 'demotion' | 'transitionalPlacement' | 'removal' = 'transitionalPlacement') =>
    nine(12, '2025-07')
      .pattern('A', '2025-07', 'TTTTTTTTTTTT')
      .measure('D', 'A', kind, start)
      .plan('R', 'A', 'D', start, { status: 'completed' });

  it('"≥ 12 months before the end of M": started on M−12\'s last day fires; on the first day of M−11 not', () => {
    expect(about(base('2025-03-31').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    expect(about(base('2025-04-01').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    expect(about(base('2025-04-01').evaluate('2026-04'), RULE, 'A')).toHaveLength(1);
  });

  it('the latest of the measures counts: a newer placement without its own plan stops it', () => {
    const b = base('2024-06-01').measure('D2', 'A', 'transitionalPlacement', '2025-01-15');
    // Plan R is linked to D and started before D2: not a plan for D2.
    expect(about(b.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    b.plan('R2', 'A', 'D', '2025-01-15', { status: 'completed' }); // started on/after D2: counts
    expect(about(b.evaluate('2026-03'), RULE, 'A')[0].evidence.recordIds).toEqual(['D2', 'R2']);
  });

  it('a newer measure dated after M is invisible; a revoked newer one never counts', () => {
    expect(about(base('2025-01-15').measure('D2', 'A', 'demotion', '2026-04-01').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    const revoked = base('2025-01-15').measure('D2', 'A', 'demotion', '2025-06-01').clear('X', 'D2', 'A', 'revocation');
    expect(about(revoked.evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
  });

  it('a plan dated after M is invisible; a cleared plan does not count', () => {
    const later = nine(12, '2025-07').pattern('A', '2025-07', 'TTTTTTTTTTTT').measure('D', 'A', 'transitionalPlacement', '2025-01-15').plan('R', 'A', 'D', '2026-04-01', { status: 'completed' });
    expect(about(later.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    expect(about(base('2025-01-15').clear('X', 'R', 'A').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('"top third in ≥ 4 of the last 6 months": the window is M−5…M', () => {
    // Top only in 2025-09 (M−6) and 3 of the last 6 → 3: no.
    const b = nine(12, '2025-07').pattern('A', '2025-07', 'MMTMTMTMTM').measure('D', 'A', 'transitionalPlacement', '2024-06-01').plan('R', 'A', 'D', '2024-06-01', { status: 'completed' });
    expect(about(b.evaluate('2026-04'), RULE, 'A')).toHaveLength(0);
  });

  it('"no promotion recorded since that measure": one before it does not stop it; one after M is invisible', () => {
    expect(about(base('2025-01-15').measure('P', 'A', 'promotion', '2025-01-14').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    expect(about(base('2025-01-15').measure('P', 'A', 'promotion', '2025-01-15').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    expect(about(base('2025-01-15').measure('P', 'A', 'promotion', '2026-04-01').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
  });

  it('a removal\'s 12-month bar covering M\'s first day holds it back', () => {
    // Removal 2025-03-02 → bar until 2026-03-02 (exclusive): covers 2026-03-01.
    expect(about(base('2025-03-02', 'removal').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    expect(about(base('2025-03-01', 'removal').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
  });
});

describe('rehab.checkin-due', () => {
  const RULE = 'rehab.checkin-due';
  const base = () => new LedgerBuilder().cadre('A').measure('D', 'A', 'demotion', '2025-12-01').plan('R', 'A', 'D', '2025-12-01');

  it('"no check-in in the last 60 days": a check-in 60 days before M\'s last day is due, 59 days is not', () => {
    // 2026-03-31 − 60 days = 2026-01-30.
    expect(about(base().checkIn('R', '2026-01-30').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    expect(about(base().checkIn('R', '2026-01-31').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('the latest check-in counts, not the first', () => {
    expect(about(base().checkIn('R', '2025-12-10').checkIn('R', '2026-02-15').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('a check-in after M is invisible; a plan starting after M is invisible', () => {
    expect(about(base().checkIn('R', '2026-04-01').evaluate('2026-03'), RULE, 'A')).toHaveLength(1);
    const later = new LedgerBuilder().cadre('A').measure('D', 'A', 'demotion', '2025-12-01').plan('R', 'A', 'D', '2026-04-01');
    expect(about(later.evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });

  it('a check-in of another plan does not count', () => {
    const b = base().plan('R2', 'A', 'D', '2025-12-01', { status: 'completed' }).checkIn('R2', '2026-03-01');
    expect(about(b.evaluate('2026-03'), RULE, 'A').map((f) => f.key)).toEqual(['rehab.checkin-due|cadre:A|R:2025-12-01']);
  });

  it('only active plans; a cleared plan never', () => {
    expect(about(base().plan('R', 'A', 'D', '2025-12-01', { status: 'closed' }).evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
    expect(about(base().clear('X', 'R', 'A', 'revocation').evaluate('2026-03'), RULE, 'A')).toHaveLength(0);
  });
});

describe('rehabilitation plans as they stood at M (§4.1a: records dated after M are not seen)', () => {
  const top = () => nine(12, '2025-07').pattern('A', '2025-07', 'TTTTTTTTTTTT').measure('D', 'A', 'transitionalPlacement', '2025-01-15');
  const review = (date: string, result: 'positive' | 'negative') => ({ date, result, evidence: '表现良好', by: '' });

  it('rehab.reascend: a plan completed after M was not completed at M', () => {
    const b = top().plan('R', 'A', 'D', '2025-01-20', { status: 'completed', outcome: 'roseAgain', closedOn: '2026-05-10' });
    expect(about(b.evaluate('2026-04'), 'rehab.reascend', 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-05'), 'rehab.reascend', 'A')).toHaveLength(1);
  });

  it('rehab.reascend: a positive review held after M does not count at M; one held by M does', () => {
    const b = top().plan('R', 'A', 'D', '2025-01-20', { status: 'active', lastReview: 'positive', reviews: [review('2025-11-30', 'negative'), review('2026-05-02', 'positive')] });
    expect(about(b.evaluate('2026-04'), 'rehab.reascend', 'A')).toHaveLength(0);
    expect(about(b.evaluate('2026-05'), 'rehab.reascend', 'A')).toHaveLength(1);
    const earlier = top().plan('R', 'A', 'D', '2025-01-20', { status: 'active', lastReview: 'negative', reviews: [review('2026-02-01', 'positive'), review('2026-05-02', 'negative')] });
    expect(about(earlier.evaluate('2026-04'), 'rehab.reascend', 'A')).toHaveLength(1);
    expect(about(earlier.evaluate('2026-05'), 'rehab.reascend', 'A')).toHaveLength(0);
  });

  it('rehab.checkin-due: a plan closed after M was still active at M', () => {
    const b = new LedgerBuilder().cadre('A').measure('D', 'A', 'demotion', '2025-12-01').plan('R', 'A', 'D', '2025-12-01', { status: 'closed', closedOn: '2026-06-01' });
    expect(about(b.evaluate('2026-03'), 'rehab.checkin-due', 'A')).toHaveLength(1);
    expect(about(b.evaluate('2026-06'), 'rehab.checkin-due', 'A')).toHaveLength(0);
  });

  it('an imported plan (status and last review without dates) is used as recorded', () => {
    const b = top().plan('R', 'A', 'D', '2025-01-20', { status: 'active', lastReview: 'positive' });
    expect(about(b.evaluate('2026-03'), 'rehab.reascend', 'A')).toHaveLength(1);
  });
});
