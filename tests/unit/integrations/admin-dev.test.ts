// `npm run dev` serves the editor at <base>/admin/ from a Vite server of its own: the page with
// its policy and settings, and its modules compiled on request (with the same patch of Sveltia).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { adminMetaPolicy } from '../../../src/admin/policy.ts';
import { adminEditor, devHandler } from '../../../src/integrations/admin.ts';
import { fixtures } from '../../helpers/build.ts';

/** The Vite servers the editor starts, and whether each was closed. */
const started = vi.hoisted(() => [] as Array<{ closed: boolean }>);
vi.mock('vite', async (importOriginal) => {
  const vite = await importOriginal<typeof import('vite')>();
  return {
    ...vite,
    createServer: async (...args: Parameters<typeof vite.createServer>) => {
      const server = await vite.createServer(...args);
      const record = { closed: false };
      started.push(record);
      const close = server.close.bind(server);
      server.close = () => {
        record.closed = true;
        return close();
      };
      return server;
    },
  };
});

let server: Server;
let origin = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const handler = await devHandler(
    '/blog',
    () => ({ topics: ['finance'], previewStyles: ['/blog/src/styles/global.css?direct'] }),
    null,
  );
  close = handler.close;
  server = createServer((request, response) =>
    handler.handle(request, response, () => response.writeHead(404).end('not the editor')),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);

afterAll(async () => {
  await close();
  await new Promise((resolve) => server.close(resolve));
});

test('the page carries the editor’s policy and the settings of this server', async () => {
  const html = await (await fetch(`${origin}/blog/admin/`)).text();
  expect(html).toContain(`content="${adminMetaPolicy}"`);
  expect(html).toContain(
    '<script type="application/json" id="editor-settings">{"topics":["finance"],"previewStyles":["/blog/src/styles/global.css?direct"]}</script>',
  );
  expect(html).not.toContain('%EDITOR_');
});

test('modules are compiled under the base path; other addresses are left to the site', async () => {
  const main = await fetch(`${origin}/blog/admin/main.ts`);
  expect(main.headers.get('content-type')).toMatch(/javascript/);
  const sveltia = /^import CMS from "(\/blog\/admin\/@fs\/[^"]+@sveltia_cms\.js[^"]*)"/m.exec(await main.text())?.[1];
  expect(sveltia).toBeDefined();
  // Pre-bundled for the dev server, Sveltia is patched too: no CDN font rules.
  const bundled = await (await fetch(`${origin}${sveltia}`)).text();
  expect(bundled).toContain('new FontFace');
  expect(bundled).not.toContain('cdn.jsdelivr.net/fontsource');
  expect(await (await fetch(`${origin}/blog/posts/`)).text()).toBe('not the editor');
}, 60_000);

test('the editor’s server closes with the site’s, also when that one has no HTTP server', async () => {
  const integration = adminEditor({ root: fixtures.site });
  const closeSite = vi.fn(() => Promise.resolve());
  // Vitest's site server runs in middleware mode: no HTTP server whose 'close' could be heard.
  const site = { httpServer: null, close: closeSite, middlewares: { stack: [] } };
  await integration.hooks['astro:config:setup']!({ config: { base: '/blog/' }, updateConfig: () => ({}) } as never);
  const before = started.length;
  await integration.hooks['astro:server:setup']!({ server: site } as never);
  expect(started).toHaveLength(before + 1);
  expect(started.at(-1)!.closed).toBe(false);
  await site.close();
  expect(started.at(-1)!.closed).toBe(true);
  expect(closeSite).toHaveBeenCalledOnce();
}, 60_000);
