// The renderer's one way to reach the core: `api.group.method(input)`, typed from the contract.
// In Electron the preload's frozen `window.ledger` does the IPC; in a browser the same calls go to
// the host as POST /api/<endpoint> with the launch token. Errors arrive as `ApiError`.
import {
  endpointNames,
  type Bilingual,
  type EndpointName,
  type Envelope,
  type ErrorCode,
  type FieldError,
  type InputOf,
  type LedgerApi,
  type LedgerErrorShape,
  type OutputOf,
} from '../../shared/contract';
import { useRevision } from './revision';
import { readToken } from './token';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly fields: FieldError[] = [],
  ) {
    super(bilingual.en);
    this.name = 'ApiError';
  }
  static from(shape: LedgerErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.fields ?? []);
  }
  /** The message in the UI language. */
  text(lang: string): string {
    return lang.startsWith('en') ? this.bilingual.en : this.bilingual.zh;
  }
}

/** What the Electron preload exposes: the API grouped by domain, plus the latest revision. */
type PreloadApi = Record<string, Record<string, (input: unknown) => Promise<unknown>>> & {
  revision?: number | (() => number);
};

declare global {
  interface Window {
    ledger?: PreloadApi;
  }
}

function errorFromUnknown(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  // Errors thrown across contextBridge lose their class: the preload puts the shape on them.
  const shape = extractShape(e);
  if (shape) return ApiError.from(shape);
  const msg = e instanceof Error ? e.message : String(e);
  return new ApiError('INTERNAL', { zh: `内部错误：${msg}`, en: `Internal error: ${msg}` });
}

function extractShape(e: unknown): LedgerErrorShape | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const o = e as Record<string, unknown>;
  for (const candidate of [o, o.error, o.shape, o.cause]) {
    if (candidate && typeof candidate === 'object') {
      const c = candidate as Record<string, unknown>;
      const msg = c.message as Bilingual | undefined;
      if (typeof c.code === 'string' && msg && typeof msg === 'object' && 'zh' in msg && 'en' in msg) {
        return c as unknown as LedgerErrorShape;
      }
    }
  }
  // Electron rethrows a plain Error whose message may carry the JSON shape.
  if (typeof o.message === 'string') {
    const m = /\{.*"code".*\}/s.exec(o.message);
    if (m) {
      try {
        return extractShape(JSON.parse(m[0]));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function preloadRevision(ledger: PreloadApi): number | undefined {
  const r = ledger.revision;
  if (typeof r === 'function') return r();
  if (typeof r === 'number') return r;
  return undefined;
}

export type Transport = <N extends EndpointName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

/** In Electron: one call through the frozen preload API. */
export function electronTransport(ledger: PreloadApi): Transport {
  return async (name, input) => {
    const [group, method] = splitName(name);
    const fn = ledger[group]?.[method];
    if (typeof fn !== 'function') {
      throw new ApiError('UNKNOWN_COMMAND', { zh: `未知操作：${name}`, en: `Unknown command: ${name}` });
    }
    try {
      const value = await fn(input);
      const revision = preloadRevision(ledger);
      if (revision !== undefined) useRevision.getState().observe(revision);
      return value as OutputOf<typeof name>;
    } catch (e) {
      const revision = preloadRevision(ledger);
      if (revision !== undefined) useRevision.getState().observe(revision);
      throw errorFromUnknown(e);
    }
  };
}

/** In a browser: POST /api/<endpoint> to the host with the launch token. */
export function httpTransport(getToken: () => string | null, fetchImpl: typeof fetch = fetch): Transport {
  return async (name, input) => {
    let res: Response;
    try {
      res = await fetchImpl(new URL(`api/${name}`, apiBase()).toString(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${getToken() ?? ''}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new ApiError('INTERNAL', {
        zh: `无法连接到台账服务（${msg}），请确认程序仍在运行。`,
        en: `Cannot reach the ledger service (${msg}); is it still running?`,
      });
    }
    let envelope: Envelope<OutputOf<typeof name>> | undefined;
    try {
      envelope = (await res.json()) as Envelope<OutputOf<typeof name>>;
    } catch {
      envelope = undefined;
    }
    if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
      if (res.status === 401) throw unauthorized();
      throw new ApiError('INTERNAL', {
        zh: `服务返回了无法识别的应答（HTTP ${res.status}）`,
        en: `The service sent an unreadable answer (HTTP ${res.status})`,
      });
    }
    if (typeof envelope.revision === 'number') useRevision.getState().observe(envelope.revision);
    if (!envelope.ok) throw ApiError.from(envelope.error);
    return envelope.value;
  };
}

function unauthorized(): ApiError {
  return new ApiError('UNAUTHORIZED', {
    zh: '访问令牌无效。请使用程序启动时打印的完整链接（含 #token=…）打开。',
    en: 'Invalid access token. Open the full link printed at start-up (with #token=…).',
  });
}

/** The page's own origin and path (the host serves the renderer and the API side by side). */
function apiBase(): string {
  return `${location.origin}/`;
}

function splitName(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** Builds `api.group.method` from the endpoint names, each calling `transport`. */
export function buildApi(transport: Transport): LedgerApi {
  const groups: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of endpointNames) {
    const [group, method] = splitName(name);
    (groups[group] ??= {})[method] = (input: unknown) =>
      transport(name, (input ?? {}) as InputOf<typeof name>);
  }
  for (const g of Object.values(groups)) Object.freeze(g);
  return Object.freeze(groups) as unknown as LedgerApi;
}

let transport: Transport =
  typeof window !== 'undefined' && window.ledger ? electronTransport(window.ledger) : httpTransport(readToken);

/** Tests swap the transport (e.g. to call handlers in-process). */
export function setTransport(t: Transport): void {
  transport = t;
}

let sessionLost: (() => void) | null = null;
/**
 * Called when a call is refused because the session is no longer signed in or the ledger locked
 * (the idle timer, system suspend or another tab locked it): the app shows the login screen.
 */
export function onSessionLost(fn: (() => void) | null): void {
  sessionLost = fn;
}

const watched: Transport = async (name, input) => {
  try {
    return await transport(name, input);
  } catch (e) {
    if (e instanceof ApiError && (e.code === 'UNAUTHORIZED' || e.code === 'LOCKED') && !name.startsWith('session.')) sessionLost?.();
    throw e;
  }
};

/** Calls one endpoint by name: what `api` does, usable by generic code (the read cache). */
export function callEndpoint<N extends EndpointName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  return watched(name, input);
}

export const api: LedgerApi = buildApi((name, input) => watched(name, input));

export const isElectron = (): boolean => typeof window !== 'undefined' && !!window.ledger;
