// Hash routing (`#/cadres/C001`): works from file:// in Electron and from the browser host, keeps
// the page across reloads, and leaves the server one URL. The launch token is taken out of the
// hash before the router reads it (api/token.ts).
import { create } from 'zustand';
import { captureToken } from '../api/token';

export interface Location {
  /** '/cadres/C001' */
  path: string;
  /** Parsed `?a=b` after the path. */
  query: Record<string, string>;
}

function parse(hash: string): Location {
  const raw = hash.replace(/^#/, '');
  const [p, q = ''] = raw.split('?');
  const path = p.startsWith('/') ? p : `/${p}`;
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(q)) query[k] = v;
  return { path: path.length > 1 ? path.replace(/\/+$/, '') : path, query };
}

function initialLocation(): Location {
  if (typeof location === 'undefined') return { path: '/', query: {} };
  const rest = captureToken(location.hash);
  const loc = parse(rest);
  const want = `#${format(loc)}`;
  if (location.hash !== want) history.replaceState(history.state, '', want);
  return loc;
}

function format(loc: { path: string; query?: Record<string, string> }): string {
  const q = new URLSearchParams(loc.query ?? {}).toString();
  return q ? `${loc.path}?${q}` : loc.path;
}

export const useLocation = create<Location>(() => initialLocation());

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    const rest = captureToken(location.hash);
    const loc = parse(rest);
    if (`#${format(loc)}` !== location.hash) history.replaceState(history.state, '', `#${format(loc)}`);
    useLocation.setState(loc, true);
  });
}

/** Goes to `to` ('/cadres?unit=U1' or '/cadres/C001'); `replace` keeps the history length. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const loc = parse(to);
  const hash = `#${format(loc)}`;
  if (opts.replace) history.replaceState(history.state, '', hash);
  else if (location.hash !== hash) history.pushState(history.state, '', hash);
  useLocation.setState(loc, true);
}

if (typeof window !== 'undefined') {
  // pushState does not fire hashchange; back/forward fires popstate.
  window.addEventListener('popstate', () => useLocation.setState(parse(location.hash), true));
}

/** `/cadres/:id` against '/cadres/C001' → { id: 'C001' }; null if it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const ps = pattern.split('/').filter(Boolean);
  const xs = path.split('/').filter(Boolean);
  if (ps.length !== xs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    if (ps[i].startsWith(':')) params[ps[i].slice(1)] = decodeURIComponent(xs[i]);
    else if (ps[i] !== xs[i]) return null;
  }
  return params;
}

/** The href for a path, for real links (middle-click, copy). */
export const hrefOf = (to: string): string => `#${to.startsWith('/') ? to : `/${to}`}`;
