// The browser host: the same core the Electron shell uses, served over plain HTTP on 127.0.0.1
// only. Static files of the built renderer for anyone on this machine; the API only for holders of
// the per-launch token (printed in the URL's #fragment, which browsers never send to servers).
// The token alone opens the login page: each browser gets a session cookie the host issued, and
// the core signs that session in (session.login) before it answers any ledger call
// (docs/ACCESS.md). A single-user ledger has no logins: the token is enough, as before.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import type { Envelope } from '../../shared/contract';
import { contentSecurityPolicy, fileInside, mimeTypeOf } from '../core/staticFiles';

export { contentSecurityPolicy };

export interface HostCore {
  call(name: string, input: unknown, caller?: { session?: string }): Promise<Envelope<unknown>>;
}

export interface HostOptions {
  core: HostCore;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Generated per launch unless given (tests and restarts may keep one). */
  token?: string;
  /** Kept for older callers: who calls is the core's business (its session table). */
  user?: string;
  /** Largest accepted request body; imports send whole files. */
  maxBodyBytes?: number;
}

export interface RunningHost {
  url: string;
  /** The URL to open: with the token in the fragment. */
  launchUrl: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export const defaultMaxBodyBytes = 80 * 1024 * 1024;

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function httpError(res: ServerResponse, status: number, code: string, zh: string, en: string) {
  sendJson(res, status, { ok: false, error: { code, message: { zh, en } }, revision: 0 });
}

/** Reads the body up to `limit` bytes; resolves undefined (and answers 413) past it. */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const tooLarge = () => {
      done = true;
      httpError(res, 413, 'VALIDATION', '请求过大', 'request too large');
      req.resume(); // drain, so the connection can answer
      resolveBody(undefined);
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      tooLarge();
      return;
    }
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) tooLarge();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolveBody(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** The host's session cookie, named by port (cookies are not separated by port on 127.0.0.1). */
export const sessionCookieName = (port: number) => `ledger_session_${port}`;

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function tokenOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = req.headers['x-ledger-token'];
  return typeof header === 'string' ? header : undefined;
}

/** Only our own names: refuses a page on another site that resolves its name to 127.0.0.1. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

const notBuiltPage = `<!doctype html><meta charset="utf-8"><title>Cadre Ledger</title>
<p>界面尚未构建：请运行 <code>npm run build:renderer</code> 或 <code>npm run serve</code>。</p>
<p>The renderer is not built: run <code>npm run build:renderer</code> or <code>npm run serve</code>.</p>`;

async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string) {
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  const rootAbs = resolve(root);
  let file = fileInside(rootAbs, pathname);
  if (!file) return httpError(res, 403, 'UNAUTHORIZED', '禁止访问', 'forbidden');
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info && !extname(file)) {
    // A client-side route: the app's page handles it.
    file = join(rootAbs, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info || !info.isFile()) {
    if (file === join(rootAbs, 'index.html')) {
      res.writeHead(503, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy });
      return res.end(notBuiltPage);
    }
    return httpError(res, 404, 'NOT_FOUND', '找不到文件', 'not found');
  }
  const isHtml = extname(file) === '.html';
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': mimeTypeOf(file),
    'Content-Length': info.size,
    'Content-Security-Policy': contentSecurityPolicy,
    // Hashed asset names may be cached; the page itself must not be, so a rebuild shows at once.
    'Cache-Control': isHtml ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken();
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  let port = 0;
  // Only session ids this host issued are honoured: a cookie planted by another local page cannot
  // fix the session a person then logs in to.
  const issued = new Set<string>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req, port)) return httpError(res, 421, 'UNAUTHORIZED', '主机名不被允许', 'host not allowed');
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api' || path.startsWith('/api/')) {
      const given = tokenOf(req);
      if (!given || !sameSecret(given, token)) {
        req.resume();
        return httpError(res, 401, 'UNAUTHORIZED', '缺少或错误的访问令牌', 'missing or wrong access token');
      }
      if (req.method !== 'POST') {
        req.resume();
        res.setHeader('Allow', 'POST');
        return httpError(res, 405, 'VALIDATION', '只接受 POST 请求', 'POST only');
      }
      const type = String(req.headers['content-type'] ?? '');
      if (!type.startsWith('application/json')) {
        req.resume();
        return httpError(res, 415, 'VALIDATION', '请求须为 JSON', 'request must be JSON');
      }
      const body = await readBody(req, res, limit);
      if (!body) return;
      let input: unknown;
      if (body.length) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          return httpError(res, 400, 'VALIDATION', '请求不是有效的 JSON', 'request is not valid JSON');
        }
      }
      let name: string;
      try {
        name = decodeURIComponent(path.slice('/api/'.length));
      } catch {
        name = '';
      }
      let sessionId = cookieOf(req, sessionCookieName(port));
      if (!sessionId || !issued.has(sessionId)) {
        sessionId = newToken();
        issued.add(sessionId);
        res.setHeader('Set-Cookie', `${sessionCookieName(port)}=${sessionId}; HttpOnly; SameSite=Strict; Path=/api`);
      }
      const envelope = await options.core.call(name, input, { session: `host:${sessionId}` });
      return sendJson(res, 200, envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return httpError(res, 405, 'VALIDATION', '不支持的请求方法', 'method not allowed');
    }
    return serveStatic(req, res, options.staticDir);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      process.stderr.write(`[cadre-ledger host] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      if (!res.headersSent) httpError(res, 500, 'INTERNAL', '内部错误', 'internal error');
      else res.destroy();
    });
  });
  // Big imports take a while to upload on slow machines; do not cut them off.
  server.requestTimeout = 10 * 60_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
