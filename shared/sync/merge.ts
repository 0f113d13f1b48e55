// The merge rules, as pure functions over versions of one record (docs/SYNC.md). Every write of a
// record by any office is a version: the feed entry that wrote it, the office, the versions the
// writer had seen of that record (its bases), and the value (null: removed). The record's value at
// an office is a function of the set of versions it holds, never of the order they arrived in, so
// two offices that hold the same versions show the same record.
//
// - One head (a version no other held version descends from): its value.
// - Several heads (written concurrently: neither writer had seen the other's): a field-by-field
//   three-way merge against their latest common ancestor. A field changed by one side only, or to
//   the same value by all, merges; a field changed differently by two sides is a conflict. The
//   record then shows the owning office's value (provisionally, visibly: the conflict is listed)
//   until a person resolves it with a new version whose bases name every head.
// There is no last-writer-wins: arrival order and clocks never decide.
import type { OfficeCode } from './schema';

export interface Version {
  /** The entry id (`feed/epoch/seq`) that wrote this version. */
  id: string;
  office: OfficeCode;
  bases: string[];
  /** The record in global ids (shared/sync/ids.ts), or null when this version removes it. */
  value: Record<string, unknown> | null;
}

export interface ConflictSide {
  version: string;
  office: OfficeCode;
  value: Record<string, unknown> | null;
}

export interface MergeResult {
  /** What the record shows: null when removed. */
  value: Record<string, unknown> | null;
  heads: string[];
  /** Conflicting fields ('*' when one side removed the record the other changed); empty: none. */
  conflictFields: string[];
  /** The versions in conflict (the heads), when there is a conflict. */
  sides: ConflictSide[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** All versions `v` descends from (bases, transitively), among those held. */
function ancestorsOf(v: Version, index: Map<string, Version>): Set<string> {
  const seen = new Set<string>();
  const stack = [...v.bases];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const base = index.get(id);
    if (base) stack.push(...base.bases);
  }
  return seen;
}

/** The heads: held versions that no other held version descends from, ordered by id. */
export function headsOf(versions: readonly Version[]): Version[] {
  const index = new Map(versions.map((v) => [v.id, v]));
  const covered = new Set<string>();
  for (const v of versions) for (const a of ancestorsOf(v, index)) covered.add(a);
  return versions.filter((v) => !covered.has(v.id)).sort(byId);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges the versions of one record. `owner` is the office that owns the record (the cadre's or
 * unit's owning office, else the office that created it): its side is shown while a conflict is
 * open.
 */
export function mergeVersions(versions: readonly Version[], owner: OfficeCode): MergeResult {
  if (versions.length === 0) return { value: null, heads: [], conflictFields: [], sides: [] };
  const index = new Map(versions.map((v) => [v.id, v]));
  const heads = headsOf(versions);
  const headIds = heads.map((h) => h.id);
  if (heads.length === 1) return { value: heads[0].value, heads: headIds, conflictFields: [], sides: [] };

  // Latest common ancestor: common to every head, and not an ancestor of another common one.
  const ancestorSets = heads.map((h) => ancestorsOf(h, index));
  const common = [...ancestorSets[0]].filter((id) => index.has(id) && ancestorSets.every((s) => s.has(id)));
  const commonSet = new Set(common);
  const latest = common
    .filter((id) => ![...commonSet].some((other) => other !== id && ancestorsOf(index.get(other)!, index).has(id)))
    .sort()[0];
  const base = (latest ? index.get(latest)!.value : null) ?? {};

  // The owner's side, else the first by id: what the record shows while the conflict is open.
  const shown = [...heads].reverse().find((h) => h.office === owner) ?? heads[0];
  const sides = heads.map((h) => ({ version: h.id, office: h.office, value: h.value }));
  const puts = heads.filter((h) => h.value !== null);
  if (puts.length < heads.length) {
    // Someone removed it. A concurrent change to it is a conflict; a concurrent no-op is not.
    const changed = puts.filter((h) => !same(h.value, latest ? index.get(latest)!.value : null));
    if (changed.length === 0) return { value: null, heads: headIds, conflictFields: [], sides: [] };
    return { value: shown.value, heads: headIds, conflictFields: ['*'], sides };
  }

  const fields: string[] = [];
  const seen = new Set<string>();
  for (const r of [base, ...puts.map((h) => h.value!)]) {
    for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), fields.push(k));
  }
  const value: Record<string, unknown> = {};
  const conflictFields: string[] = [];
  for (const f of fields) {
    const changed = puts.filter((h) => !same(h.value![f], base[f]));
    let chosen: unknown;
    if (changed.length === 0) chosen = base[f];
    else if (changed.every((h) => same(h.value![f], changed[0].value![f]))) chosen = changed[0].value![f];
    else {
      conflictFields.push(f);
      chosen = shown.value![f];
    }
    if (chosen !== undefined) value[f] = chosen;
  }
  return { value, heads: headIds, conflictFields, sides: conflictFields.length ? sides : [] };
}
