// What both ways of showing the renderer share — the browser host (HTTP) and the Electron shell
// (app:// protocol): the page's content security policy, MIME types, and resolving a URL path to a
// file that is guaranteed to lie inside the renderer folder.
import { extname, join, resolve, sep } from 'node:path';

/** Own scripts only; inline styles for Ant Design's CSS-in-JS; no plugins, frames or forms out. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.csv': 'text/csv; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path (still percent-encoded, as in `new URL(..).pathname`)
 * names, or undefined if it is malformed or would leave `root` (../, encoded slashes, NUL).
 */
export function fileInside(root: string, urlPathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const rootAbs = resolve(root);
  const file = resolve(join(rootAbs, path));
  if (file !== rootAbs && !file.startsWith(rootAbs + sep)) return undefined;
  return file;
}
