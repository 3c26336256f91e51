/**
 * A static file server for a built site, bound to 127.0.0.1 on a free port, for browser tests
 * and screenshots. Serves dist/ as a static host would: directory index.html, 404.html for
 * anything missing. Closes itself after `idleMs` without requests, so a crashed test cannot
 * leave it running.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

function fileFor(dir: string, urlPath: string): string | undefined {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  for (const candidate of [join(dir, path), join(dir, path, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not there; try the next candidate
    }
  }
  return undefined;
}

/**
 * Serves `dir` and resolves with its origin, e.g. "http://127.0.0.1:41234". With `base` ("/blog"),
 * the site is served under that path only, as on a GitHub Pages project site.
 */
export async function serve(
  dir: string,
  { idleMs = 120_000, base = '' } = {},
): Promise<{ origin: string; server: Server; close: () => Promise<void> }> {
  let timer: NodeJS.Timeout | undefined;
  const server = createServer((request, response) => {
    clearTimeout(timer);
    timer = setTimeout(() => server.close(), idleMs).unref();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const inside = !base || url.pathname.startsWith(`${base}/`);
    const file = inside ? fileFor(dir, url.pathname.slice(base.length)) : undefined;
    if (!file) {
      const notFound = fileFor(dir, '/404.html');
      response.writeHead(404, { 'Content-Type': types['.html']! });
      if (notFound) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  timer = setTimeout(() => server.close(), idleMs).unref();
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
