// What every evaluation would otherwise derive from the state again (issue 13, docs/COLUMNS.md):
// the cadre order with each cadre's unit and peer group, each cadre's score and grade column, and
// the per-subject record lists. They depend only on the collections they come from, so they are
// kept beside the state — per collection, until its change count (RecordMap / ColumnTable
// `version`) moves — and an evaluation takes them as they are. A state of plain Maps (a hand-built
// one, with no change count) gets them built afresh every time, as before.
//
// Kept structures are shared by every index built on the state: read-only to all of them. An index
// that patches itself after a write (incremental.ts) copies what it changes first (LedgerIndex).
import type { Cadre, Unit } from '../domain/records';
import { versionOf, type LedgerState } from '../ledger/collections';

/** Units and cadres in id order, each cadre's unit and peer group as positions. */
export interface CadreOrder {
  readonly units: readonly Unit[];
  readonly unitIndex: ReadonlyMap<string, number>;
  /** Cadre positions of each unit's members, ascending. */
  readonly unitMembers: readonly (readonly number[])[];
  readonly cadres: readonly Cadre[];
  /** Unit position of each cadre, −1 when its unit is unknown. */
  readonly unitOf: Int32Array;
  readonly groupOf: Int32Array;
  readonly groupNames: readonly string[];
  readonly groupMembers: readonly Int32Array[];
  /** Whether this order is kept for the state (shared) rather than built for one index. */
  readonly kept: boolean;
}

interface Held {
  cadresVersion: number;
  units: ReadonlyMap<string, Unit>;
  unitsVersion: number;
  order: CadreOrder;
  /** Structures derived from the order and one collection: the collection's validity token, the value. */
  derived: Map<string, { token: readonly unknown[]; value: unknown }>;
}

const held = new WeakMap<ReadonlyMap<string, Cadre>, Held>();
const orders = new WeakMap<CadreOrder, Held>();
/** Every value derivedOf has kept (isKept). */
const keptValues = new WeakSet<object>();

/** Whether `value` is a structure kept for a state (derivedOf), not one built for one index. */
export function isKept(value: object): boolean {
  return keptValues.has(value);
}

/** Sorts by id in place unless already in id order (the usual case: ids are issued in order). */
function sortedById<T extends { id: string }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1].id > list[i].id) return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return list;
}

/** The state's cadre order: kept while neither cadres nor units change. */
export function cadreOrderOf(state: LedgerState): CadreOrder {
  const cv = versionOf(state.cadres);
  const uv = versionOf(state.units);
  if (cv === undefined || uv === undefined) return buildOrder(state, false);
  const h = held.get(state.cadres);
  if (h && h.cadresVersion === cv && h.units === state.units && h.unitsVersion === uv) return h.order;
  const order = buildOrder(state, true);
  const fresh: Held = { cadresVersion: cv, units: state.units, unitsVersion: uv, order, derived: new Map() };
  held.set(state.cadres, fresh);
  orders.set(order, fresh);
  return order;
}

/**
 * A structure derived from `order` and what `token` names (a collection and its version, a
 * table and its slot epoch…): kept with the order while every token item stays the same (===);
 * built each time for an order that is not kept, or when a token item is undefined (a plain Map's
 * missing version).
 */
export function derivedOf<T>(order: CadreOrder, name: string, token: readonly unknown[], build: () => T): T {
  const h = order.kept ? orders.get(order) : undefined;
  if (!h || token.some((t) => t === undefined)) return build();
  const was = h.derived.get(name);
  if (was && was.token.length === token.length && was.token.every((t, i) => t === token[i])) return was.value as T;
  const value = build();
  h.derived.set(name, { token, value });
  if (typeof value === 'object' && value !== null) keptValues.add(value);
  return value;
}

function buildOrder(state: LedgerState, kept: boolean): CadreOrder {
  const units = sortedById(Array.from(state.units.values()));
  const unitIndex = new Map<string, number>();
  const unitMembers: number[][] = [];
  for (let i = 0; i < units.length; i++) {
    unitIndex.set(units[i].id, i);
    unitMembers.push([]);
  }
  const cadres = sortedById(Array.from(state.cadres.values()));
  const C = cadres.length;
  const unitOf = new Int32Array(C);
  const groupOf = new Int32Array(C);
  const groupNames: string[] = [];
  const groupLists = placeCadres(cadres, unitIndex, unitMembers, unitOf, groupOf, groupNames);
  const groupMembers = groupLists.map((list) => Int32Array.from(list));
  return { units, unitIndex, unitMembers, cadres, unitOf, groupOf, groupNames, groupMembers, kept };
}

/**
 * Each cadre's unit and peer group (positions); returns the members of each group. A function of
 * its own: a loop over 50,000 cadres inside a longer function is optimized on the stack and left
 * again at the code after it.
 */
function placeCadres(
  cadres: readonly Cadre[],
  unitIndex: ReadonlyMap<string, number>,
  unitMembers: number[][],
  unitOf: Int32Array,
  groupOf: Int32Array,
  groupNames: string[],
): number[][] {
  const groupIndex = new Map<string, number>();
  const groupLists: number[][] = [];
  // Neighbours in id order usually share a unit and a peer group: ask the maps only on a change.
  let lastUnitId: string | undefined;
  let u = -1;
  let lastGroup: string | undefined;
  let g = -1;
  for (let i = 0; i < cadres.length; i++) {
    const c = cadres[i];
    if (c.unitId !== lastUnitId) {
      lastUnitId = c.unitId;
      u = unitIndex.get(c.unitId) ?? -1;
    }
    unitOf[i] = u;
    if (u >= 0) unitMembers[u].push(i);
    if (c.peerGroup !== lastGroup) {
      lastGroup = c.peerGroup;
      const known = groupIndex.get(c.peerGroup);
      if (known === undefined) {
        g = groupNames.length;
        groupIndex.set(c.peerGroup, g);
        groupNames.push(c.peerGroup);
        groupLists.push([]);
      } else g = known;
    }
    groupOf[i] = g;
    groupLists[g].push(i);
  }
  return groupLists;
}
