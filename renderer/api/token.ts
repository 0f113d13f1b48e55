// The browser host's launch token arrives once in the URL (`#token=…`). It is moved to
// sessionStorage at once, so the hash is free for routing and a reload keeps working.
const KEY = 'cadre-ledger.token';

/** Takes `token=…` out of the hash (if there) and stores it; returns what is left of the hash. */
export function captureToken(hash: string = location.hash): string {
  const raw = hash.replace(/^#/, '');
  const m = /(?:^|[&?])token=([^&]*)/.exec(raw);
  if (!m) return raw;
  try {
    sessionStorage.setItem(KEY, decodeURIComponent(m[1]));
  } catch {
    memoryToken = decodeURIComponent(m[1]);
  }
  return raw.replace(m[0], '').replace(/^[&?]/, '');
}

let memoryToken: string | null = null;

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}
