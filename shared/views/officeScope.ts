// The New Area's view (docs/SYNC.md "The New Area's view"): which office owns each cadre and unit,
// which offices a ledger holds, the policy timeline each office is evaluated with, and the ledger
// split into one sub-state per owning office, so that each township's findings, rankings and
// statistics are the ones the township itself computes.
//
// A township's ledger (and every ledger without an office identity) holds one office: its
// partition is the state itself, nothing is copied. Only a ledger holding several offices' cadres
// (the New Area) pays for the split, once per store revision (views/engineBinding.ts caches it).
import type { Cadre, Unit } from '../domain/records';
import { RecordMap, type LedgerState } from '../ledger/collections';
import { sortPolicyVersions } from '../policy/index';
import type { PolicyVersion } from '../policy/schema';
import { ownerOfId } from '../sync/ids';
import type { Owner } from '../sync/records';

export interface OfficeName {
  code: string;
  name: string;
}

/** This office (the ledger's `syncMeta/identity`), null without an office identity. */
export function selfOfficeOf(state: LedgerState): OfficeName | null {
  const data = state.syncMeta.get('identity')?.data as { code?: unknown; name?: unknown } | undefined;
  if (!data || typeof data.code !== 'string') return null;
  return { code: data.code, name: typeof data.name === 'string' ? data.name : data.code };
}

/** This office's code, '' without an identity (then every record is this office's). */
export const selfCodeOf = (state: LedgerState): string => selfOfficeOf(state)?.code ?? '';

interface TrustData {
  code?: unknown;
  name?: unknown;
  anchor?: unknown;
}

function trustedOffices(state: LedgerState): TrustData[] {
  const out: TrustData[] = [];
  state.syncMeta.forEach((r, id) => {
    if (id.startsWith('trust/')) out.push({ ...(r.data as TrustData), code: id.slice('trust/'.length) });
  });
  return out;
}

/** Every office this one trusts, by code (a transfer's receiving offices), whether or not the ledger holds its data. */
export function trustedOfficeList(state: LedgerState): Array<{ code: string; name: string }> {
  return trustedOffices(state)
    .map((t) => ({ code: t.code as string, name: officeNameOf(state, t.code as string) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The New Area's office(s): the ones whose policy versions apply to every township. An office
 * trusted as an anchor (a township trusts the New Area by its identity file), and this office when
 * it is the root (an identity without a certificate of its own: the New Area itself).
 */
export function areaOfficesOf(state: LedgerState): Set<string> {
  const out = new Set<string>();
  for (const t of trustedOffices(state)) if (t.anchor === true && typeof t.code === 'string') out.add(t.code);
  const self = selfOfficeOf(state);
  if (self && !state.syncMeta.has('certificate')) out.add(self.code);
  return out;
}

/** The name of an office: this office's identity, a trusted office's record, else its code. */
export function officeNameOf(state: LedgerState, code: string): string {
  const self = selfOfficeOf(state);
  if (self && self.code === code) return self.name;
  const t = state.syncMeta.get(`trust/${code}`)?.data as TrustData | undefined;
  return t && typeof t.name === 'string' ? t.name : code;
}

/**
 * The owning office of a cadre or unit: the office an `owners` record (a transfer) names, else the
 * office its id comes from (`XZ01.C00001` → XZ01), else this office ('' without an identity).
 */
export function ownerOf(state: LedgerState, collection: 'cadres' | 'units', id: string, selfCode = selfCodeOf(state)): string {
  const o = state.owners.get(id) as Owner | undefined;
  if (o && o.collection === collection) return o.office;
  return ownerOfId(id, selfCode);
}

/** The owning office of a subject (a cadre or a unit). */
export const ownerOfSubject = (state: LedgerState, subject: { type: 'cadre' | 'unit'; id: string }, selfCode = selfCodeOf(state)) =>
  ownerOf(state, subject.type === 'cadre' ? 'cadres' : 'units', subject.id, selfCode);

/**
 * Whether every cadre and unit belongs to this office: no transfer, no id from another office. A
 * ledger without an identity has never imported anything, so it answers without looking at ids.
 */
export function holdsOneOffice(state: LedgerState): boolean {
  const self = selfCodeOf(state);
  if (!self) return true;
  // A foreign record's id has the origin's code and a dot; a plain id has none. Only such ids and
  // transferred ones need a closer look.
  const owners = state.owners.size > 0;
  const allOwn = (collection: 'cadres' | 'units') => {
    for (const id of state[collection].keys()) {
      if ((id.indexOf('.') >= 0 || (owners && state.owners.has(id))) && ownerOf(state, collection, id, self) !== self) return false;
    }
    return true;
  };
  return allOwn('cadres') && allOwn('units');
}

export interface OfficeHolding extends OfficeName {
  self: boolean;
  cadres: number;
  units: number;
}

/** Every office whose cadres or units the ledger holds, this office first, then by code. */
export function officesOf(state: LedgerState): OfficeHolding[] {
  const selfCode = selfCodeOf(state);
  const counts = new Map<string, { cadres: number; units: number }>();
  const count = (office: string, what: 'cadres' | 'units') => {
    let c = counts.get(office);
    if (!c) counts.set(office, (c = { cadres: 0, units: 0 }));
    c[what]++;
  };
  for (const id of state.cadres.keys()) count(ownerOf(state, 'cadres', id, selfCode), 'cadres');
  for (const id of state.units.keys()) count(ownerOf(state, 'units', id, selfCode), 'units');
  return [...counts]
    .map(([code, c]) => ({ code, name: code ? officeNameOf(state, code) : '', self: code === selfCode, ...c }))
    .sort((a, b) => Number(b.self) - Number(a.self) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The policy versions an office is evaluated with, oldest first: the versions it made itself and
 * those the New Area issued (areaOfficesOf). Both go into one timeline sorted by effectiveFrom, so
 * a township's own later version replaces the New Area's from its effectiveFrom, and a New Area
 * version issued later replaces the township's from its own (on one month: the higher version
 * label, as the engine chooses everywhere). Other townships' versions never apply.
 */
export function policyTimelineOf(state: LedgerState, office: string): PolicyVersion[] {
  const selfCode = selfCodeOf(state);
  const area = areaOfficesOf(state);
  const out: PolicyVersion[] = [];
  for (const p of state.policies.values()) {
    const issuer = ownerOfId(p.id, selfCode);
    if (issuer === office || area.has(issuer)) out.push(p);
  }
  return sortPolicyVersions(out);
}

function timelineIsWhole(state: LedgerState, timeline: readonly PolicyVersion[]): boolean {
  return timeline.length === state.policies.size;
}

/**
 * The ledger with `policies` = the timeline of the office owning a subject: what a view about one
 * cadre or unit reads its policy from (at the New Area, that township's). The state itself when the
 * timeline is every version held (every township). Not for the engine: give the ViewEngine the
 * ledger itself or one of its partitions (a copy would look like another ledger to its cache).
 */
export function withPoliciesOf(state: LedgerState, subject: { type: 'cadre' | 'unit'; id: string }): LedgerState {
  return policiesBySubject(state)(subject);
}

/** withPoliciesOf for many subjects of one ledger (a list's rows): one timeline per office. */
export function policiesBySubject(state: LedgerState): (subject: { type: 'cadre' | 'unit'; id: string }) => LedgerState {
  const selfCode = selfCodeOf(state);
  if (!selfCode || state.policies.size === 0) return () => state;
  const byOffice = new Map<string, LedgerState>();
  return (subject) => {
    const office = ownerOfSubject(state, subject, selfCode);
    let s = byOffice.get(office);
    if (!s) {
      const timeline = policyTimelineOf(state, office);
      byOffice.set(office, (s = timelineIsWhole(state, timeline) ? state : { ...state, policies: new Map(timeline.map((p) => [p.id, p])) }));
    }
    return s;
  };
}

/**
 * The ledger as one office sees it: its own cadres and units (`cadres` and `units` filtered), its
 * policy timeline as `policies`, and every other collection the same Map as the whole ledger (the
 * engine's index ignores records about cadres and units it does not hold). Views given a partition
 * skip records whose subject is not in it.
 */
export function partitionFor(state: LedgerState, office: string, selfCode = selfCodeOf(state)): LedgerState {
  // RecordMaps: a partition is made again when its cadres or units change, never changed in place,
  // so what evaluations derive from it is kept for it (engine/keptStructures.ts) while it lives.
  const cadres = new RecordMap<Cadre>();
  state.cadres.forEach((c, id) => {
    if (ownerOf(state, 'cadres', id, selfCode) === office) cadres.set(id, c);
  });
  const units = new RecordMap<Unit>();
  state.units.forEach((u, id) => {
    if (ownerOf(state, 'units', id, selfCode) === office) units.set(id, u);
  });
  const timeline = policyTimelineOf(state, office);
  const policies = timelineIsWhole(state, timeline) ? state.policies : new Map(timeline.map((p) => [p.id, p]));
  return { ...state, cadres, units, policies };
}

/**
 * The ledger split by owning office: one sub-state per office holding a cadre or unit. A ledger of
 * one office is one partition, the state itself (its policies too, unless it holds versions of an
 * office that is neither itself nor the New Area's: then only its timeline is swapped in).
 */
export function partitionLedger(state: LedgerState): Map<string, LedgerState> {
  const selfCode = selfCodeOf(state);
  if (holdsOneOffice(state)) {
    const timeline = selfCode ? policyTimelineOf(state, selfCode) : null;
    const own =
      !timeline || timelineIsWhole(state, timeline) ? state : { ...state, policies: new Map(timeline.map((p) => [p.id, p])) };
    return new Map([[selfCode, own]]);
  }
  const out = new Map<string, LedgerState>();
  for (const o of officesOf(state)) out.set(o.code, partitionFor(state, o.code, selfCode));
  return out;
}
