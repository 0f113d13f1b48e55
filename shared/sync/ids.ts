// Record ids across offices. Every office numbers its records from 1 (C00001, S000001…), so two
// townships' C00001 are two different people. A record that comes from another office is kept
// under its global id, the origin's code as a prefix (`XZ01.C00001`); a record of this office keeps
// its plain id. The same rule rewrites every reference inside a record (unitId, cadreId,
// subject.id, memberIds, findingKey…), so references keep pointing at the right record, and
// composite ids stay composable: monthlyScoreId('XZ01.C00001', m) = 'XZ01.' + 'C00001:' + m.
import type { OfficeCode } from './schema';

const QUALIFIED = /^([A-Z][A-Z0-9]{1,11})\.(.+)$/;

/** The office an id belongs to when written at `origin`. */
export function ownerOfId(id: string, origin: OfficeCode): OfficeCode {
  const m = QUALIFIED.exec(id);
  return m ? m[1] : origin;
}

/** The global form of an id written at `origin`. */
export function qualifyId(id: string, origin: OfficeCode): string {
  return QUALIFIED.test(id) ? id : `${origin}.${id}`;
}

/** How office `self` writes a global id: its own records without the prefix. */
export function localizeId(id: string, self: OfficeCode): string {
  return id.startsWith(`${self}.`) && id.length > self.length + 1 ? id.slice(self.length + 1) : id;
}

type IdMap = (id: string) => string;

/** `rule|type:id|discriminator` (shared/engine/rule.ts findingKey): the subject id is an id. */
function mapFindingKey(key: string, f: IdMap): string {
  const parts = key.split('|');
  if (parts.length < 3) return key;
  const colon = parts[1].indexOf(':');
  if (colon < 0) return key;
  parts[1] = parts[1].slice(0, colon + 1) + f(parts[1].slice(colon + 1));
  return parts.join('|');
}

/**
 * Rewrites the ids in a record, deeply: fields named `id`, ending in `Id` (strings) or `Ids`
 * (string arrays), `findingKey`, and `peerGroup` (a group's name is its office's: at the New Area
 * `XZ01.乡镇班子` ranks only 青山镇's cadres, as at 青山镇). Other fields are copied. Never mutates
 * its input.
 */
export function mapRecordIds(value: unknown, f: IdMap): unknown {
  if (Array.isArray(value)) return value.map((v) => mapRecordIds(v, f));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && (k === 'id' || k.endsWith('Id'))) out[k] = v ? f(v) : v;
    else if (k.endsWith('Ids') && Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? f(x) : x));
    else if (k === 'findingKey' && typeof v === 'string') out[k] = mapFindingKey(v, f);
    // A peer group is a township's own: ranked among that township's cadres wherever it is held.
    else if (k === 'peerGroup' && typeof v === 'string') out[k] = v ? f(v) : v;
    else out[k] = mapRecordIds(v, f);
  }
  return out;
}

export const qualifyRecord = (record: unknown, origin: OfficeCode) => mapRecordIds(record, (id) => qualifyId(id, origin));
export const localizeRecord = (record: unknown, self: OfficeCode) => mapRecordIds(record, (id) => localizeId(id, self));

/** The key of a record across offices: `collection/globalId`. */
export const recordKey = (collection: string, globalId: string) => `${collection}/${globalId}`;
export function splitRecordKey(key: string): { collection: string; id: string } {
  const i = key.indexOf('/');
  return { collection: key.slice(0, i), id: key.slice(i + 1) };
}
