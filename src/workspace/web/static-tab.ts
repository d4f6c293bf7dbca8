import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const TAB_PREFIX = '/workspace';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Teams (web, desktop, Outlook and the Microsoft 365 app) shows the tab in a frame; nobody else may. */
const FRAME_ANCESTORS = "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";

interface Served {
  readonly type: string;
  readonly plain: Buffer;
  readonly gzipped?: Buffer;
}

/**
 * The built tab under /workspace/: hashed assets cached for a year, index.html never (so a new build is picked up),
 * gzipped once per file when the browser accepts it. Any other path under /workspace/ is the app (its own views).
 */
export function staticTab(dir: string) {
  const root = path.resolve(dir);
  const cache = new Map<string, Promise<Served | undefined>>();
  const load = (file: string): Promise<Served | undefined> => {
    let found = cache.get(file);
    if (!found) {
      found = readFile(file).then(
        (plain) => {
          const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
          return /text|javascript|json|svg/.test(type) ? { type, plain, gzipped: gzipSync(plain) } : { type, plain };
        },
        () => undefined,
      );
      cache.set(file, found);
    }
    return found;
  };

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (pathname === '/' || pathname === TAB_PREFIX) {
      res.writeHead(302, { Location: `${TAB_PREFIX}/` });
      res.end();
      return true;
    }
    if (!pathname.startsWith(`${TAB_PREFIX}/`)) return false;
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(TAB_PREFIX.length + 1));
    } catch {
      return false;
    }
    const file = path.resolve(root, relative);
    const isAsset = relative.startsWith('assets/') && file.startsWith(root + path.sep);
    const served = (isAsset ? await load(file) : undefined) ?? (isAsset ? undefined : await load(path.join(root, 'index.html')));
    if (!served) return false;
    const gzip = served.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? served.gzipped! : served.plain;
    res.writeHead(200, {
      'Content-Type': served.type,
      'Content-Length': body.length,
      'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      'Content-Security-Policy': FRAME_ANCESTORS,
      'X-Content-Type-Options': 'nosniff',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
