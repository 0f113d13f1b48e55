// The contract fuzzer (issue 11: "INTERNAL is a bug"). For every endpoint of the contract it
// builds inputs from the endpoint's own zod schema — walked node by node; each string or number
// leaf drawn from values its own leaf schema accepts, chosen from the seeded ledger's real ids,
// months and names and from boundary values — and mutates one leaf now and then into something
// hostile (wrong type, control characters, Object.prototype names, out-of-range dates). Each input
// goes through the real core (openCore: dispatcher, permissions, audit, every service) over a
// MemoryStore holding a small demo township. The answer may be any result or any error but
// INTERNAL. Used by electron/core/fuzz.test.ts (a few thousand cases) and bench/fuzz.bench.ts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { contract, endpointNames, type Envelope } from '../../shared/contract';
import { generateTownship } from '../../shared/demo/township';
import { collectionSchemas } from '../../shared/ledger/collections';
import type { LedgerEvent } from '../../shared/ledger/events';
import { MemoryStore } from '../store/memory';
import type { LedgerStore, OpenOptions } from '../store/types';
import { openCore, type Core } from './app';
import { townshipToEvents } from './demo';
import type { StoreBackend } from './storeBackend';

/** The fuzzed clock: the demo township's scores end the month before. */
export const fuzzNow = () => new Date(2025, 6, 15, 10);

let townshipEvents: LedgerEvent[] | undefined;
/** A small township (30 cadres, 14 months), generated once per process. */
export function smallTownship(): LedgerEvent[] {
  townshipEvents ??= townshipToEvents(generateTownship({ cadres: 30, months: 14, endMonth: '2025-06', seed: 7 }) as never);
  return townshipEvents;
}

/** A core over memory stores: the home store seeded with the township, the demo store as small. */
export async function fuzzCore(dataDir: string, logError: (message: string) => void): Promise<Core> {
  const stores = new Map<string, MemoryStore>();
  const backend: StoreBackend = {
    isEncrypted: async () => false,
    async openStore(dir: string, _options?: OpenOptions): Promise<LedgerStore> {
      let store = stores.get(dir);
      if (!store) {
        store = new MemoryStore();
        Object.assign(store, { dataDir: dir, encrypted: false });
        await store.commit(smallTownship(), { user: 'seed', command: 'seed' });
        stores.set(dir, store);
      }
      return store;
    },
  };
  const core = await openCore({
    dataDir,
    user: 'fuzz.officer',
    appVersion: '0.0.0-fuzz',
    now: fuzzNow,
    demoEvents: () => smallTownship(),
    backend,
    checkOutput: true,
    logError,
  });
  await seedWorkInProgress(core);
  return core;
}

/**
 * What the township lacks for the deeper endpoints to get past "not found": an open rehabilitation
 * plan with a check-in, and a draft meeting with the month's proposed docket. Made through the
 * contract, as an officer would.
 */
async function seedWorkInProgress(core: Core): Promise<void> {
  const value = async (name: string, input: unknown) => {
    const r = await core.call(name, input);
    return r.ok ? (r.value as Record<string, unknown>) : undefined;
  };
  const cadre = [...core.ctx.store.state().cadres.values()][0];
  const put = cadre && (await value('records.put', { collection: 'measures', record: { subjectType: 'cadre', subjectId: cadre.id, kind: 'demotion', startsOn: '2025-07-01', note: '' } }));
  const measure = put?.record as { id: string } | undefined;
  if (measure) {
    const draft = await value('rehab.draftFromMeasure', { measureId: measure.id });
    const plan = draft && (await value('rehab.open', { ...draft, post: '驻村工作队', place: '东山村', fitReason: '熟悉农村工作', mentor: '李书记' }));
    if (plan) await value('rehab.checkIn', { planId: plan.id, date: '2025-07-10', talkedBy: '李书记', thoughts: '思想稳定', workState: '工作积极', concerns: '无', support: '定期谈心' });
  }
  const docket = await value('meetings.proposeDocket', { asOf: '2025-06' });
  const items = (docket?.items as unknown[] | undefined)?.slice(0, 3) ?? [];
  await value('meetings.create', { type: 'cadreWork', title: '干部工作会议', date: '2025-07-12', asOf: '2025-06', items });
}

/** Values a string leaf may take: the ledger's own ids and words, and the edges. */
export interface StringPool {
  all: string[];
  /** Values for fields of this name (planId → the plans' ids …): an input that names a record mostly names a real one. */
  byKey: Record<string, string[]>;
}

async function stringPool(core: Core): Promise<StringPool> {
  const state = core.ctx.store.state();
  const listed = await core.call('findings.list', { asOf: '2025-06' });
  const findingKeys = listed.ok ? (listed.value as { items: { key: string }[] }).items.slice(0, 6).map((f) => f.key) : [];
  const meeting = [...state.meetings.values()][0];
  const itemIds = meeting ? meeting.items.map((i) => i.id).slice(0, 3) : [];
  const ids = (c: keyof typeof state) => [...(state[c] as Map<string, unknown>).keys()].slice(0, 6);
  const months = ['1950-01', '2024-01', '2025-05', '2025-06', '2025-07', '2100-12'];
  const dates = ['1950-01-01', '2024-02-29', '2025-06-30', '2025-07-15', '2100-12-31'];
  const all = [
    ...ids('units'), ...ids('cadres'), ...ids('measures'), ...ids('sanctions'), ...ids('scores'), ...ids('rehabPlans'),
    ...ids('faults'), ...ids('clearances'), ...ids('meetings'), ...ids('dismissals'), ...ids('checkIns'), ...ids('grades'),
    ...findingKeys, ...itemIds,
    ...months, ...dates, '2025-07-15T10:00:00.000Z',
    '', 'x', 'U0001', 'C00001', 'M000001', 'S1', 'P1', 'I01', 'D000001', 'auto-2025-07-15T10-00-00-000Z.cbak', 'manual.cbak',
    '城关镇', '张三', '站所', '谈话提醒', '该月系借调，分数不可比', 'zh', 'en', 'cadre', 'unit', 'admin', 'clerk', 'reviewer', 'auditor',
    'scores', 'units', 'cadres', 'measures', 'sanctions', 'faults', 'grades', 'rehab_plans', 'check_ins', 'clearances',
    'reminderTalk', 'demotion', 'commendation', 'warn.bottom-third-streak', 'warn.bottom-third-streak|cadre:C00001|2025-06',
    'correct-horse-battery-staple', 'aGVsbG8=', 'UEsDBA==', 'MTIzCg==', '0', '1', '-1', '100',
  ];
  const records = [...ids('sanctions'), ...ids('measures'), ...ids('faults'), ...ids('scores'), ...ids('rehabPlans'), ...ids('checkIns')];
  const byKey: Record<string, string[]> = {
    cadreId: ids('cadres'), subjectId: [...ids('cadres'), ...ids('units')], unitId: ids('units'), measureId: ids('measures'),
    planId: ids('rehabPlans'), sanctionId: ids('sanctions'), faultId: ids('faults'), meetingId: ids('meetings'), itemId: itemIds,
    recordId: records, findingKey: findingKeys, id: [...records, ...ids('meetings'), ...ids('cadres'), ...ids('units'), ...ids('clearances')],
    asOf: months, month: months, from: months, to: months, date: dates, startsOn: dates, decidedOn: dates,
  };
  return { all, byKey };
}

/** Hostile values a mutated leaf takes. */
const hostile: unknown[] = [
  null, undefined, true, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, '', ' ', 'toString', '__proto__', 'constructor', 'hasOwnProperty',
  '\u0000', 'a\u001b[2Jb', '王\u200b五', '王\u202e五', '0000-01', '9999-12', '0100-01-01', '9999-12-31', '2024-02-30', '2024-13',
  'x'.repeat(5000), [], {}, [1, 2], { toString: 1 }, '../../etc/passwd', 'C1:2024-01', '=1+1', '%s%n',
];

const numberPool = [0, 1, 2, 3, 5, 10, 12, 24, 50, 59.9, 60, 75.5, 90, 100, 101, 1950, 2024, 2025, 2100, -1, 0.5, 1e6];

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
const accepts = (schema: Schema, v: unknown) => schema.safeParse(v).success;

/**
 * An arbitrary for `schema`: leaves from the pools filtered by the leaf's own schema (so checks
 * like a regex or a range hold), and one leaf in `mutationRate` hostile.
 */
export function arbitraryOf(schema: Schema, strings: StringPool, depth = 0, key = ''): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  const mutate = (valid: fc.Arbitrary<unknown>) => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...hostile) });
  const from = (pool: unknown[], fallback: fc.Arbitrary<unknown>) => {
    const ok = pool.filter((v) => accepts(schema, v));
    return mutate(ok.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ok) }, { weight: 1, arbitrary: fallback }) : fallback);
  };
  // Wrappers (optional, default, pipe …) keep the field's name; containers start afresh.
  const inner = (s: unknown, k = key) => arbitraryOf(s as Schema, strings, depth + 1, k);
  switch (def.type) {
    case 'string': {
      const hinted = (strings.byKey[key] ?? []).filter((v) => accepts(schema, v));
      const general = from(strings.all, fc.string({ maxLength: 40 }));
      return hinted.length ? fc.oneof({ weight: 3, arbitrary: mutate(fc.constantFrom(...hinted)) }, { weight: 1, arbitrary: general }) : general;
    }
    case 'number':
      return from(numberPool, fc.double({ noNaN: true, min: -1e6, max: 1e6 }));
    case 'int':
      return from(numberPool, fc.integer({ min: -10, max: 3000 }));
    case 'boolean':
      return mutate(fc.boolean());
    case 'enum':
      return mutate(fc.constantFrom(...Object.values(def.entries as Record<string, unknown>)));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'success':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return depth > 6 ? fc.constant(undefined) : inner((def.getter as () => unknown)());
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => inner(o)));
    case 'intersection':
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (a && b && typeof a === 'object' && typeof b === 'object' ? { ...a, ...b } : a));
    case 'array': {
      const element = depth > 6 ? fc.constant(undefined) : inner(def.element, '');
      return mutate(fc.array(element, { maxLength: 3 }));
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((o) => inner(o)));
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, inner(shape[k], k)])));
      // Drop undefined keys, as JSON would.
      return mutate(record.map((o) => Object.fromEntries(Object.entries(o as object).filter(([, v]) => v !== undefined))));
    }
    case 'record': {
      const keys = inner(def.keyType, '').filter((k): k is string => typeof k === 'string');
      return mutate(fc.dictionary(keys, depth > 6 ? fc.constant(null) : inner(def.valueType, ''), { maxKeys: 3 }));
    }
    case 'any':
    case 'unknown':
      return fc.oneof(fc.constantFrom(...hostile), fc.jsonValue({ maxDepth: 2 }));
    case 'transform':
      return fc.jsonValue({ maxDepth: 1 });
    default:
      return fc.constantFrom(...hostile);
  }
}

export interface FuzzCounts {
  /** Per endpoint: result code ('ok' or an error code) → count. */
  byEndpoint: Map<string, Map<string, number>>;
  /** Cases whose input the endpoint's schema accepted. */
  schemaValid: number;
  internal: Array<{ endpoint: string; input: unknown; message: string }>;
  /** Records written that break their collection's schema. */
  invalidWrites: Array<{ endpoint: string; input: unknown; message: string }>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Runs `casesPerEndpoint` inputs for every endpoint, each endpoint on a fresh core (a command
 * that switches to the demo, restores or turns logins on does not change what the next endpoint
 * sees). Deterministic for a seed.
 */
export async function fuzzContract(casesPerEndpoint: number, seed: number, names: readonly string[] = endpointNames): Promise<FuzzCounts> {
  const counts: FuzzCounts = { byEndpoint: new Map(), schemaValid: 0, internal: [], invalidWrites: [] };
  // Passwords hashed at the tests' scrypt cost (electron/core/auth/password.ts): at 2^17 each
  // users.add would take half a second and the fuzzer would measure scrypt.
  const savedN = process.env.LEDGER_TEST_SCRYPT_N;
  process.env.LEDGER_TEST_SCRYPT_N = '1024';
  try {
    await fuzzEach(counts, casesPerEndpoint, seed, names);
  } finally {
    if (savedN === undefined) delete process.env.LEDGER_TEST_SCRYPT_N;
    else process.env.LEDGER_TEST_SCRYPT_N = savedN;
  }
  return counts;
}

async function fuzzEach(counts: FuzzCounts, casesPerEndpoint: number, seed: number, names: readonly string[]): Promise<void> {
  for (const [i, name] of names.entries()) {
    const logged: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'cadre-fuzz-'));
    mkdirSync(join(dir, 'ledger'), { recursive: true }); // a store's directory exists (memory stores make none)
    const core = await fuzzCore(join(dir, 'ledger'), (m) => logged.push(m));
    try {
      const schema = contract[name as keyof typeof contract].input as unknown as Schema;
      const inputs = fc.sample(arbitraryOf(schema, await stringPool(core)), { numRuns: casesPerEndpoint, seed: seed + i });
      const tally = new Map<string, number>();
      counts.byEndpoint.set(name, tally);
      for (const input of inputs) {
        if (accepts(schema, input)) counts.schemaValid++;
        logged.length = 0;
        const store = core.ctx.store;
        const before = store instanceof MemoryStore ? store.journal.length : 0;
        const envelope = (await core.call(name, input)) as Envelope<unknown>;
        const code = envelope.ok ? 'ok' : envelope.error.code;
        bump(tally, code);
        if (code === 'INTERNAL') counts.internal.push({ endpoint: name, input, message: logged.join('\n') || (envelope.ok ? '' : envelope.error.message.en) });
        // Whatever was answered, nothing written may break its collection's schema (a control
        // character stored through an input schema laxer than the record's).
        if (store === core.ctx.store && store instanceof MemoryStore) {
          for (const { event } of store.journal.slice(before)) {
            if (event.type !== 'put') continue;
            const parsed = collectionSchemas[event.collection].safeParse(event.record);
            if (!parsed.success) counts.invalidWrites.push({ endpoint: name, input, message: `${event.collection}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` });
          }
        }
      }
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Counts summed over endpoints: result code → count. */
export function totals(counts: FuzzCounts): Map<string, number> {
  const out = new Map<string, number>();
  for (const tally of counts.byEndpoint.values()) for (const [code, n] of tally) out.set(code, (out.get(code) ?? 0) + n);
  return out;
}
