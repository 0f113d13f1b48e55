// Contract fuzz (issue 11): every endpoint (endpointNames, so new ones are included), inputs from
// its own schema plus mutations, through the real core over a small demo township. Whatever the
// input, the answer is a result or a refusal, never INTERNAL. Bounded by case count; the 100,000-
// case run with counts per result code is `npm run bench -- fuzz`.
import { describe, expect, it } from 'vitest';
import { endpointNames } from '../../shared/contract';
import { fuzzContract, totals } from './fuzz-harness';

const casesPerEndpoint = 35;

describe('contract fuzz', () => {
  it(`answers ${casesPerEndpoint} generated inputs for each endpoint without INTERNAL`, async () => {
    const counts = await fuzzContract(casesPerEndpoint, 20_261_201);
    const all = totals(counts);
    const cases = [...all.values()].reduce((a, n) => a + n, 0);
    expect(cases).toBe(casesPerEndpoint * endpointNames.length);
    expect([...counts.byEndpoint.keys()]).toEqual(endpointNames);
    // Most inputs pass the schema: the handlers, not only the parsers, are exercised.
    expect(counts.schemaValid / cases).toBeGreaterThan(0.4);
    expect(all.get('ok') ?? 0).toBeGreaterThan(cases / 10);
    expect(counts.internal.map((i) => `${i.endpoint} ${JSON.stringify(i.input).slice(0, 300)}\n${i.message.slice(0, 600)}`)).toEqual([]);
  }, 300_000);
});
