// Contract fuzz (issue 11): every endpoint (endpointNames, so new ones are included), inputs from
// its own schema plus mutations, through the real core over a small demo township. Whatever the
// input, the answer is a result or a refusal, never INTERNAL. Bounded by case count; the 100,000-
// case run with counts per result code is `npm run bench -- fuzz`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointNames } from '../../shared/contract';
import { fuzzContract, fuzzCore, totals } from './fuzz-harness';

const casesPerEndpoint = 35;

describe('contract fuzz', () => {
  it(`answers ${casesPerEndpoint} generated inputs for each endpoint without INTERNAL, writing no invalid record`, async () => {
    const counts = await fuzzContract(casesPerEndpoint, 20_261_201);
    const all = totals(counts);
    const cases = [...all.values()].reduce((a, n) => a + n, 0);
    expect(cases).toBe(casesPerEndpoint * endpointNames.length);
    expect([...counts.byEndpoint.keys()]).toEqual(endpointNames);
    // Most inputs pass the schema: the handlers, not only the parsers, are exercised.
    expect(counts.schemaValid / cases).toBeGreaterThan(0.4);
    expect(all.get('ok') ?? 0).toBeGreaterThan(cases / 10);
    expect(counts.internal.map((i) => `${i.endpoint} ${JSON.stringify(i.input).slice(0, 300)}\n${i.message.slice(0, 600)}`)).toEqual([]);
    expect(counts.invalidWrites.map((i) => `${i.endpoint} ${JSON.stringify(i.input).slice(0, 300)}\n${i.message}`)).toEqual([]);
  }, 300_000);

  it('answers the months of issue 11 (0000-01, 9999-12 and the range edges) without INTERNAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadre-fuzz-months-'));
    mkdirSync(join(dir, 'ledger'));
    const core = await fuzzCore(join(dir, 'ledger'), () => {});
    try {
      const answers: string[] = [];
      for (const m of ['0000-01', '1949-12', '1950-01', '2025-06', '2100-12', '2101-01', '9999-12']) {
        const inside = m >= '1950-01' && m <= '2100-12';
        for (const [name, input] of [
          ['findings.list', { asOf: m }],
          ['findings.overview', { asOf: m }],
          ['tracker.board', { asOf: m }],
          ['casefile.get', { cadreId: 'C00001', asOf: m }],
          ['reports.meeting', { from: m, to: m }],
          ['documents.periodReport', { from: m, to: m }],
        ] as const) {
          const r = await core.call(name, input);
          const code = r.ok ? 'ok' : r.error.code;
          if (code !== (inside ? 'ok' : 'VALIDATION')) answers.push(`${name} ${m}: ${code}`);
        }
      }
      expect(answers).toEqual([]);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
