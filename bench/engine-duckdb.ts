// The DuckDB peer (issue 13): the 8 ranking and sanction rules of the engine benchmark, computed in
// SQL the way a data engineer would — window RANK() per peer group and month, thirds with
// k = ceil(n / 3) (groups with n < 3 have none), gaps-and-islands for the streaks, impact periods
// from the sanctions (administrative stacking with its cap by a recursive CTE), promotion bars — from
// the same generated ledger the engine evaluates (DOMAIN.md §4.1, §4.1a, §4.2). Benchmark only.
//
// The ledger goes into DuckDB as plain tables (CSV files read by DuckDB's own reader: the load is
// timed apart from the query). What the engine's LedgerIndex leaves out is left out here too:
// records named by a clearance, records dated after the as-of month, scores of cadres not in the
// ledger. Policy values are taken from the (single) policy version in force, not repeated here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Month } from '../shared/domain/primitives';
import { sanctionKinds } from '../shared/domain/records';
import { lastDayOf, monthIndex } from '../shared/engine/calendar';
import type { LedgerState } from '../shared/ledger/collections';
import { defaultPolicy } from '../shared/policy/default';
import type { PolicyVersion } from '../shared/policy/schema';
import { median } from './timing';

export const duckDbRules = [
  'raise.top-third-streak',
  'warn.bottom-third-streak',
  'place.bottom-third-long',
  'promote.candidate',
  'sanction.salary-deduction',
  'sanction.no-promotion',
  'sanction.no-honours',
  'sanction.release-due',
] as const;

export interface DuckDbRun {
  /** Writing the CSV files (not DuckDB's time: shown for completeness). */
  prepareMs: number;
  /** DuckDB reading the tables in. */
  loadMs: number;
  /** The 8 rules, median of `runs` executions of the query. */
  queryMs: number;
  /** CPU time of the process during the query (DuckDB's worker threads included), median. */
  queryCpuMs: number;
  queryRuns: number[];
  /** `${rule}|cadre:${id}` pairs. */
  fired: Set<string>;
  threads: string;
}

const csvText = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlList = (xs: readonly string[]) => `(${xs.map(sqlText).join(', ')})`;

function policyOf(state: LedgerState): PolicyVersion {
  const versions = [...state.policies.values()];
  if (versions.length > 1) throw new Error('engine-duckdb: the SQL peer handles one policy version (the generated ledger has one)');
  return versions[0] ?? defaultPolicy;
}

/** The 8 rules' SQL, as of month index M (first day `first`, last day `last`). */
function rulesSql(p: PolicyVersion, asOf: Month): string {
  const M = monthIndex(asOf);
  const first = `DATE '${asOf}-01'`;
  const last = `DATE '${lastDayOf(asOf)}'`;
  const yearStart = `DATE '${asOf.slice(0, 4)}-01-01'`;
  const year = Number(asOf.slice(0, 4));
  const bars = p.promotionBars;
  const barMeasures = (
    [
      ['admonishment', bars.admonishmentMonths],
      ['demotion', bars.demotionMonths],
      ['removal', bars.removalMonths],
    ] as const
  ).filter(([, months]) => months > 0);
  const exits = ['dismissal', 'retirement', 'immediateExit'];
  return `
WITH RECURSIVE
ranked AS (
  SELECT c, m,
         RANK() OVER (PARTITION BY g, m ORDER BY score DESC) AS r,
         COUNT(*) OVER (PARTITION BY g, m) AS n
  FROM scores
),
thirds AS (
  SELECT c, m,
         CASE WHEN n < ${p.ranking.minGroupSize} THEN 0
              WHEN r <= CEIL(n / ${p.ranking.thirdsDivisor}.0) THEN 1
              WHEN r > n - CEIL(n / ${p.ranking.thirdsDivisor}.0) THEN 3
              ELSE 2 END AS third
  FROM ranked
),
-- Gaps and islands: consecutive months of the same third share m - row_number().
islands AS (
  SELECT c, third, m, m - ROW_NUMBER() OVER (PARTITION BY c, third ORDER BY m) AS island
  FROM thirds WHERE third IN (1, 3)
),
streaks AS (
  SELECT c, third, MIN(m) AS s, ${M} - MIN(m) + 1 AS len
  FROM islands GROUP BY c, third, island HAVING MAX(m) = ${M}
),
-- A measure of the acting kinds restarts the bottom-third count from the month after it.
acted AS (
  SELECT c,
         MAX(CASE WHEN kind IN ${sqlList(p.actedMeasures.warn)} THEN m END) AS warn_m,
         MAX(CASE WHEN kind IN ${sqlList(p.actedMeasures.place)} THEN m END) AS place_m
  FROM measures GROUP BY c
),
bottom AS (
  SELECT s.c, s.len, a.warn_m, a.place_m FROM streaks s LEFT JOIN acted a USING (c) WHERE s.third = 3
),
-- Impact periods: stacking kinds chained per cadre in decision order; the others on their own.
stacking AS (
  SELECT x.c, x.id, x.kind, x.decided, x.released, k.months,
         ROW_NUMBER() OVER (PARTITION BY x.c ORDER BY x.decided, x.id) AS rn
  FROM sanctions x JOIN kinds k USING (kind) WHERE k.months IS NOT NULL AND k.stacking
),
chain(c, rn, id, kind, decided, released, first_date, chain_end, end_) AS (
  SELECT c, rn, id, kind, decided, released, decided,
         LEAST(add_months_eng(decided, months), add_months_eng(decided, ${p.stacking.capMonths})),
         LEAST(add_months_eng(decided, months), add_months_eng(decided, ${p.stacking.capMonths}))
  FROM stacking WHERE rn = 1
  UNION ALL
  SELECT s.c, s.rn, s.id, s.kind, s.decided, s.released,
         CASE WHEN s.decided < ch.chain_end THEN ch.first_date ELSE s.decided END,
         CASE WHEN s.decided < ch.chain_end
              THEN GREATEST(ch.chain_end, LEAST(add_months_eng(ch.chain_end, s.months), add_months_eng(ch.first_date, ${p.stacking.capMonths})))
              ELSE LEAST(add_months_eng(s.decided, s.months), add_months_eng(s.decided, ${p.stacking.capMonths})) END,
         CASE WHEN s.decided < ch.chain_end
              THEN LEAST(add_months_eng(ch.chain_end, s.months), add_months_eng(ch.first_date, ${p.stacking.capMonths}))
              ELSE LEAST(add_months_eng(s.decided, s.months), add_months_eng(s.decided, ${p.stacking.capMonths})) END
  FROM chain ch JOIN stacking s ON s.c = ch.c AND s.rn = ch.rn + 1
),
periods AS (
  SELECT c, kind, decided AS start_, end_, released FROM chain
  UNION ALL
  SELECT x.c, x.kind, x.decided, add_months_eng(x.decided, k.months), x.released
  FROM sanctions x JOIN kinds k USING (kind) WHERE k.months IS NOT NULL AND NOT k.stacking
),
bars AS (
  SELECT c, start_ AS b_start, end_ AS b_until FROM periods
  UNION ALL
  SELECT c, end_, add_months_eng(end_, ${bars.afterPartyProbationMonths}) FROM periods
  WHERE kind IN ('party.probation1y', 'party.probation2y')
  ${barMeasures
    .map(([kind, months]) => `UNION ALL SELECT c, starts, add_months_eng(starts, ${months}) FROM measures WHERE kind = ${sqlText(kind)}`)
    .join('\n  ')}
),
barred AS (SELECT DISTINCT c FROM bars WHERE b_start <= ${last} AND b_until > ${first}),
last_graded AS (
  SELECT c, grade FROM (
    SELECT c, grade, ROW_NUMBER() OVER (PARTITION BY c ORDER BY year DESC, id DESC) AS rn
    FROM grades WHERE year <= ${year} AND grade <> 'ungraded'
  ) WHERE rn = 1
),
fired AS (
  SELECT 'raise.top-third-streak' AS rule, s.c FROM streaks s
  WHERE s.third = 1 AND s.len >= ${p.streaks.raiseTopThirdMonths}
    AND NOT EXISTS (
      SELECT 1 FROM measures x
      WHERE x.c = s.c AND x.kind = 'salaryRaise' AND x.m >= s.s
    )
  UNION ALL
  SELECT 'warn.bottom-third-streak', c FROM bottom
  WHERE LEAST(len, COALESCE(${M} - warn_m, len)) >= ${p.streaks.warnBottomThirdMonths}
  UNION ALL
  SELECT 'place.bottom-third-long', c FROM bottom
  WHERE LEAST(len, COALESCE(${M} - place_m, len)) >= ${p.streaks.placeBottomThirdMonths}
  UNION ALL
  SELECT 'promote.candidate', t.c FROM (
    SELECT c, COUNT(*) AS tops FROM thirds
    WHERE third = 1 AND m BETWEEN ${M - p.promotion.windowMonths + 1} AND ${M} GROUP BY c
  ) t
  JOIN last_graded g ON g.c = t.c AND g.grade = ${sqlText(p.promotion.requiredGrade)}
  WHERE t.tops >= ${p.promotion.topThirdMonths}
    AND t.c NOT IN (SELECT c FROM barred)
    AND t.c NOT IN (SELECT c FROM measures WHERE kind IN ${sqlList(exits)})
  UNION ALL
  SELECT DISTINCT 'sanction.salary-deduction', p.c FROM periods p JOIN kinds k USING (kind)
  WHERE p.start_ <= ${last} AND p.end_ > ${first} AND k.percent > 0
  UNION ALL
  SELECT 'sanction.no-promotion', c FROM barred
  UNION ALL
  SELECT DISTINCT 'sanction.no-honours', c FROM (
    SELECT c FROM sanctions WHERE decided >= ${yearStart}
    UNION ALL
    SELECT c FROM measures WHERE starts >= ${yearStart} AND kind IN ${sqlList(p.honours.disqualifyingMeasures)}
  )
  UNION ALL
  SELECT DISTINCT 'sanction.release-due', c FROM periods
  WHERE end_ <= ${last} + INTERVAL 1 DAY AND NOT (released IS NOT NULL AND released <= ${last})
)
SELECT DISTINCT f.rule, d.id FROM fired f JOIN cadre_ids d ON d.c = f.c
`;
}

/**
 * Loads the ledger into an in-memory DuckDB and runs the 8 rules `runs` times (after one warm-up).
 */
export async function runDuckDb(state: LedgerState, asOf: Month, options: { runs?: number } = {}): Promise<DuckDbRun> {
  const runs = options.runs ?? 5;
  const policy = policyOf(state);
  const M = monthIndex(asOf);
  const cutoff = lastDayOf(asOf);
  const year = Number(asOf.slice(0, 4));
  const cleared = new Set<string>();
  for (const c of state.clearances.values()) cleared.add(c.recordId);

  // ---- the tables, as CSV ----------------------------------------------------------------------
  let t = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'engine-duckdb-'));
  const cadrePos = new Map<string, number>();
  const groupCode = new Map<string, number>();
  const cadreGroup: number[] = [];
  const ids: string[] = ['c,id'];
  for (const c of [...state.cadres.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const pos = cadrePos.size;
    cadrePos.set(c.id, pos);
    if (!groupCode.has(c.peerGroup)) groupCode.set(c.peerGroup, groupCode.size);
    cadreGroup.push(groupCode.get(c.peerGroup)!);
    ids.push(`${pos},${csvText(c.id)}`);
  }
  const scores: string[] = ['c,g,m,score'];
  state.scores.forEach((s) => {
    const c = cadrePos.get(s.cadreId);
    if (c === undefined || cleared.has(s.id)) return;
    const m = monthIndex(s.month);
    if (m > M) return;
    scores.push(`${c},${cadreGroup[c]},${m},${s.score}`);
  });
  const sanctions: string[] = ['c,id,kind,decided,released'];
  state.sanctions.forEach((s) => {
    const c = cadrePos.get(s.cadreId);
    if (c === undefined || cleared.has(s.id) || s.decidedOn > cutoff) return;
    sanctions.push(`${c},${csvText(s.id)},${s.kind},${s.decidedOn},${s.releasedOn ?? ''}`);
  });
  const measures: string[] = ['c,kind,starts,m'];
  state.measures.forEach((x) => {
    if (x.subjectType !== 'cadre' || cleared.has(x.id) || x.startsOn > cutoff) return;
    const c = cadrePos.get(x.subjectId);
    if (c === undefined) return;
    measures.push(`${c},${x.kind},${x.startsOn},${monthIndex(x.startsOn.slice(0, 7))}`);
  });
  const grades: string[] = ['c,id,year,grade'];
  state.grades.forEach((g) => {
    const c = cadrePos.get(g.cadreId);
    if (c === undefined || cleared.has(g.id) || g.year > year) return;
    grades.push(`${c},${csvText(g.id)},${g.year},${g.grade}`);
  });
  const kinds: string[] = ['kind,months,percent,stacking'];
  for (const k of sanctionKinds) {
    kinds.push(`${k},${policy.impactPeriodMonths[k] ?? ''},${policy.salaryDeductionPercent[k] ?? 0},${policy.stacking.kinds.includes(k)}`);
  }
  const files = { cadre_ids: ids, scores, sanctions, measures, grades, kinds };
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), `${lines.join('\n')}\n`);
  const prepareMs = performance.now() - t;

  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const types: Record<keyof typeof files, string> = {
      cadre_ids: "{'c': 'INTEGER', 'id': 'VARCHAR'}",
      scores: "{'c': 'INTEGER', 'g': 'INTEGER', 'm': 'INTEGER', 'score': 'DOUBLE'}",
      sanctions: "{'c': 'INTEGER', 'id': 'VARCHAR', 'kind': 'VARCHAR', 'decided': 'DATE', 'released': 'DATE'}",
      measures: "{'c': 'INTEGER', 'kind': 'VARCHAR', 'starts': 'DATE', 'm': 'INTEGER'}",
      grades: "{'c': 'INTEGER', 'id': 'VARCHAR', 'year': 'INTEGER', 'grade': 'VARCHAR'}",
      kinds: "{'kind': 'VARCHAR', 'months': 'INTEGER', 'percent': 'INTEGER', 'stacking': 'BOOLEAN'}",
    };
    t = performance.now();
    for (const name of Object.keys(files) as Array<keyof typeof files>) {
      await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv(${sqlText(join(dir, `${name}.csv`))}, header = true, columns = ${types[name]})`);
    }
    const loadMs = performance.now() - t;
    // addMonthsToDate (shared/engine/calendar.ts): the same day-of-month N months later, or the 1st
    // of the month after when that day does not exist (31 Jan + 1 month = 1 Mar), unlike SQL's
    // INTERVAL arithmetic, which clamps to the month's last day.
    await db.run(`CREATE MACRO add_months_eng(d, n) AS (
      CASE WHEN day(d) <= day(last_day(CAST(date_trunc('month', d) + to_months(n) AS DATE)))
           THEN CAST(date_trunc('month', d) + to_months(n) + to_days(day(d) - 1) AS DATE)
           ELSE CAST(date_trunc('month', d) + to_months(n + 1) AS DATE) END)`);
    const threads = String((await db.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0]);

    const sql = rulesSql(policy, asOf);
    let fired = new Set<string>();
    const queryRuns: number[] = [];
    const cpuRuns: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const cpu = process.cpuUsage();
      t = performance.now();
      const rows = (await db.runAndReadAll(sql)).getRows();
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      if (i === 0) {
        fired = new Set(rows.map(([rule, id]) => `${rule}|cadre:${id}`));
        continue; // warm-up
      }
      queryRuns.push(ms);
      cpuRuns.push((used.user + used.system) / 1000);
    }
    return { prepareMs, loadMs, queryMs: median(queryRuns), queryCpuMs: median(cpuRuns), queryRuns, fired, threads };
  } finally {
    db.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
