// The office scope every evaluation screen works on (the header's selector, beside the month). A
// ledger holding more than one office's cadres — the New Area's, after importing the townships'
// packages — shows each township alone or all of them. The header reads `sync.scopes` once and
// keeps the answer here, so a page learns the scope without asking the core again; a choice is
// kept for the session (this window, across reloads), like the month.
//
// The default is what the officer at this desk wants first: at the New Area (the office holding
// mostly other offices' cadres) every township together; at a township that also holds a few of
// the New Area's own cadres (they arrive with the New Area's packages), its own township.
import { create } from 'zustand';
import type { DefaultOptionType } from 'antd/es/select';
import type { UnitRow } from '../../shared/contract/registry';
import type { OfficeScopes } from '../../shared/contract/sync';

const KEY = 'cadre-ledger.office';
/** The choice "every office" (a value no office code can take: codes are capitals and digits). */
export const ALL_OFFICES = '*';

export type OfficeScopeEntry = OfficeScopes['offices'][number];

interface OfficeScopeState {
  /** The ledger's offices, or null until the header has read them. */
  scopes: OfficeScopes | null;
  /** True once the pages may ask the core (scopes read, or not available to this role or host). */
  ready: boolean;
  /** The officer's choice for the session: an office code or ALL_OFFICES; null = the default. */
  chosen: string | null;
  choose(value: string): void;
  /** The header's answer of `sync.scopes` (null: none to be had, e.g. an older host). */
  setScopes(scopes: OfficeScopes | null): void;
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const useOfficeScopeStore = create<OfficeScopeState>((set) => ({
  scopes: null,
  ready: false,
  chosen: stored(),
  choose(value) {
    try {
      sessionStorage.setItem(KEY, value);
    } catch {
      // private mode: the choice lasts as long as this page
    }
    set({ chosen: value });
  },
  setScopes(scopes) {
    set({ scopes, ready: true });
  },
}));

/** Whether the ledger holds more than one office (only then is there anything to choose). */
export const hasSeveralOffices = (s: OfficeScopes | null): s is OfficeScopes => !!s && s.offices.length > 1;

/**
 * The default scope: every office, unless this office owns more of the cadres held than all the
 * others together (a township, holding a few of the New Area's own cadres): then its own. A tie,
 * or a ledger without an identity, shows every office: when in doubt nothing is hidden.
 */
export function defaultScope(s: OfficeScopes): string {
  const own = s.offices.find((o) => o.self);
  if (!own) return ALL_OFFICES;
  const others = s.offices.reduce((n, o) => (o.self ? n : n + o.cadres), 0);
  return own.cadres > others ? own.code : ALL_OFFICES;
}

/** The scope in force: the officer's choice when this ledger still holds that office, else the default. */
export function scopeValue(s: OfficeScopes | null, chosen: string | null): string {
  if (!hasSeveralOffices(s)) return ALL_OFFICES;
  if (chosen === ALL_OFFICES || (chosen && s.offices.some((o) => o.code === chosen))) return chosen;
  return defaultScope(s);
}

export interface OfficeScope {
  /** False until the scope is known: pages wait, so they do not evaluate every office first. */
  ready: boolean;
  /** The `office` input of the scoped endpoints: undefined = every office (also with one office). */
  office: string | undefined;
  /** The chosen office's row (name, counts), or null for every office. */
  entry: OfficeScopeEntry | null;
  /** Whether the ledger holds several offices (the header shows the selector, lists an office column). */
  several: boolean;
  /** Every office held, this one first. */
  offices: OfficeScopeEntry[];
  /** The office's name, by code ('' for a ledger without identities: the code itself otherwise). */
  nameOf(code: string): string;
}

const noOffices: OfficeScopeEntry[] = [];

/** The office scope for a page: pass `office` to the scoped endpoints, and wait for `ready`. */
export function useOfficeScope(): OfficeScope {
  const scopes = useOfficeScopeStore((s) => s.scopes);
  const ready = useOfficeScopeStore((s) => s.ready);
  const chosen = useOfficeScopeStore((s) => s.chosen);
  return officeScopeOf(scopes, ready, chosen);
}

export function officeScopeOf(scopes: OfficeScopes | null, ready: boolean, chosen: string | null): OfficeScope {
  const value = scopeValue(scopes, chosen);
  const offices = scopes?.offices ?? noOffices;
  const entry = value === ALL_OFFICES ? null : (offices.find((o) => o.code === value) ?? null);
  return {
    ready,
    office: entry?.code,
    entry,
    several: hasSeveralOffices(scopes),
    offices,
    nameOf: (code) => offices.find((o) => o.code === code)?.name || code,
  };
}

/**
 * The unit filter's options: the scope's units; with every office shown, grouped by township (20
 * townships each have a 党政办).
 */
export function unitOptionsOf(
  units: readonly UnitRow[],
  scope: Pick<OfficeScope, 'office' | 'several' | 'offices'>,
  label: (u: UnitRow) => string = (u) => u.name,
): DefaultOptionType[] {
  const option = (u: UnitRow) => ({ value: u.id, label: label(u) });
  if (!scope.several) return units.map(option);
  if (scope.office) return units.filter((u) => u.office === scope.office).map(option);
  return scope.offices
    .map((o) => ({ label: o.name, title: o.name, options: units.filter((u) => u.office === o.code).map(option) }))
    .filter((g) => g.options.length > 0);
}
