/**
 * The editor at /admin/ (src/admin/): Sveltia CMS from its npm package, bundled by Vite into
 * outDir/admin/ at the end of `astro build`, and served by `astro dev` from a Vite dev server of
 * its own, so "Work with Local Repository" (offered on localhost only) works while writing.
 *
 * Not an Astro page: Astro adds style hashes to a page's policy, and a policy with hashes ignores
 * 'unsafe-inline', which Sveltia's styles need. So the page is src/admin/index.html, with its own
 * policy (src/admin/policy.ts). It links nothing but its own files: the Vite plugin below removes
 * the CDN font rules Sveltia's stylesheet still carries (the package registers the same fonts
 * from its bundled files) and its GitHub status poll (www.githubstatus.com, every five minutes).
 *
 * The bundle depends only on src/admin/, the schemas, the component registry and the locked
 * packages, so it is kept in node_modules/.cache/admin-editor/ and copied on later builds;
 * what depends on the build (repository, stylesheet, topics) is written into the page afterwards.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, createServer, type InlineConfig, type Plugin, type ViteDevServer } from 'vite';
import { sync as writeFileAtomicSync } from 'write-file-atomic';
import { adminMetaPolicy } from '../admin/policy.ts';
import { backendFromEnv, PLACEHOLDER_OWNER, type EditorSettings } from '../admin/settings.ts';
import { checkArea, filesIn, recordArea, type LedgerArea } from '../build-cache/ledger.ts';
import { todayIn } from '../lib/dates.ts';
import { existingTopics } from '../lib/topics.ts';
import { siteConfig } from '../site.config.ts';
import { fingerprint } from './mdx-compile-cache.ts';

/** Where the bundled editor is kept between builds (the deploy workflow restores it). */
export const ADMIN_EDITOR_CACHE = 'node_modules/.cache/admin-editor';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const adminSource = join(projectRoot, 'src/admin');

/** The Sveltia module the plugin patches, and what it removes from it. */
const SVELTIA_ENTRY = '@sveltia/cms/npm/index.js';
const CDN_FONT_RULE = /@font-face \{font-family:'(?:Source Sans 3|Noto Mono|Material Symbols Outlined)'[^}]*\}/g;
const STATUS_POLL = /async\(\)=>\{try\{let\{status:\{indicator:/;

/** Sveltia's entry module without requests to other hosts; throws if a new version moved what it patches. */
export function patchSveltia(code: string): string {
  if (!code.includes('async()=>{try{let{status:{indicator:'))
    throw new Error(
      'Sveltia CMS: the GitHub status check was not found; check src/integrations/admin.ts against this version',
    );
  const patched = code
    .replace(CDN_FONT_RULE, '')
    // The status indicator then reads "unknown", which Sveltia shows as nothing.
    .replace(
      STATUS_POLL,
      (match) => `${match.slice(0, -'try{let{status:{indicator:'.length)}return\`unknown\`;try{let{status:{indicator:`,
    );
  if (patched.includes('cdn.jsdelivr.net/fontsource'))
    throw new Error('Sveltia CMS: a CDN font rule is left; check src/integrations/admin.ts against this version');
  return patched;
}

/** Vite (and dependency optimiser) plugin applying patchSveltia. */
function sveltiaOffline() {
  return {
    name: 'sveltia-offline',
    transform: (code: string, id: string) =>
      id.replaceAll('\\', '/').endsWith(SVELTIA_ENTRY) ? { code: patchSveltia(code), map: null } : null,
  };
}

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Vite plugin: the page's policy, and (when given) its settings. */
function editorPage(settings?: () => EditorSettings): Plugin {
  return {
    name: 'editor-page',
    transformIndexHtml: (html) =>
      html
        .replace('%EDITOR_POLICY%', adminMetaPolicy)
        .replace('%EDITOR_SETTINGS%', settings ? scriptJson(settings()) : '%EDITOR_SETTINGS%'),
  };
}

/** Vite's configuration for the editor, shared by the build and the dev server. */
function viteConfig(extra: InlineConfig): InlineConfig {
  return {
    configFile: false,
    root: adminSource,
    // Apart from the site's: two dev servers must not share one dependency cache.
    cacheDir: join(projectRoot, 'node_modules/.vite-admin'),
    logLevel: 'warn',
    clearScreen: false,
    // In `astro dev`, dependencies are pre-bundled without Vite's plugins: patch them there too.
    optimizeDeps: { rolldownOptions: { plugins: [sveltiaOffline()] } },
    ...extra,
    plugins: [sveltiaOffline(), ...(extra.plugins ?? [])],
  };
}

/** Builds the editor into `outDir` (relative asset addresses: it works under any base path). */
async function bundle(outDir: string): Promise<void> {
  await build(
    viteConfig({
      base: './',
      plugins: [editorPage()],
      // The entry chunk is Sveltia itself (2 MB); the grammars of its code highlighter are loaded on demand.
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 3000, reportCompressedSize: false },
    }),
  );
}

/** The built editor from the cache, built first if this version of its inputs was never built. */
async function cachedBundle(cacheRoot: string): Promise<{ dir: string; cached: boolean }> {
  const files = ['src/admin', 'src/schemas', 'src/components/mdx', 'package-lock.json'].map((path) =>
    join(projectRoot, path),
  );
  const dir = join(
    cacheRoot,
    fingerprint({ files: [...files, fileURLToPath(import.meta.url)], values: [] }).slice(0, 16),
  );
  const manifest = `${dir}.json`;
  if (intact(dir, manifest)) return { dir, cached: true };
  const temporary = `${cacheRoot}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await bundle(temporary);
  // Only whole builds enter the cache; older versions are removed, as nothing will use them again.
  rmSync(cacheRoot, { recursive: true, force: true });
  mkdirSync(cacheRoot, { recursive: true });
  renameSync(temporary, dir);
  // The manifest is written last: a bundle without one (a build killed here) is never used.
  writeFileAtomicSync(manifest, JSON.stringify(recordArea(dir, ['.'])));
  return { dir, cached: false };
}

/** Whether the cached bundle in `dir` is, file for file, what its manifest says was written. */
function intact(dir: string, manifest: string): boolean {
  let recorded: LedgerArea;
  try {
    recorded = JSON.parse(readFileSync(manifest, 'utf8')) as LedgerArea;
  } catch {
    return false;
  }
  if (typeof recorded.files !== 'object' || !existsSync(join(dir, 'index.html'))) return false;
  const onDisk = filesIn(dir, '.');
  return (
    onDisk.length === Object.keys(recorded.files).length && checkArea(dir, ['.'], recorded).unverified.length === 0
  );
}

/** The stylesheets the site's home page links, for the preview (their addresses carry the base path). */
function siteStylesheets(outDir: string): string[] {
  const home = readFileSync(join(outDir, 'index.html'), 'utf8');
  return [...home.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map((tag) => /\bhref="([^"]+)"/.exec(tag[0])?.[1])
    .filter((href): href is string => !!href);
}

/** What `astro dev` serves under <base>/admin/: the page, with its settings, and its modules through Vite. */
export async function devHandler(
  base: string,
  settings: () => EditorSettings,
  httpServer: ViteDevServer['httpServer'],
) {
  // Vite's client (which the pre-bundled Sveltia imports) talks to the dev server over a WebSocket
  // on the site's own server and address, which the editor's policy allows as 'self'.
  const vite = await createServer(
    viteConfig({
      base: `${base}/admin/`,
      appType: 'custom',
      server: { middlewareMode: true, hmr: httpServer ? { server: httpServer } : false },
    }),
  );
  const page = editorPage(settings).transformIndexHtml as (html: string) => string;
  const handle = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
    const path = (request.url ?? '').split('?')[0]!;
    if (path === `${base}/admin/` || path === `${base}/admin/index.html`) {
      response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(page(readFileSync(join(adminSource, 'index.html'), 'utf8')));
    } else if (path.startsWith(`${base}/admin/`)) {
      vite.middlewares(request, response, next);
    } else {
      next();
    }
  };
  return { handle, close: () => vite.close() };
}

/** Options: the content root, for the topics the editor suggests. */
export interface AdminEditorOptions {
  root: string;
  /** Where built bundles are kept between builds. */
  cacheDir?: string;
}

/** Astro integration: the editor at <base>/admin/, in `astro build` and `astro dev`. */
export function adminEditor({
  root,
  cacheDir = join(projectRoot, ADMIN_EDITOR_CACHE),
}: AdminEditorOptions): AstroIntegration {
  let base = '';
  let devServer: { server: ViteDevServer; handler: Awaited<ReturnType<typeof devHandler>> } | undefined;
  const backend = () => backendFromEnv(process.env, basename(projectRoot));
  return {
    name: 'admin-editor',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base.replace(/\/$/, '');
      },
      'astro:server:setup': async ({ server }) => {
        const settings = (): EditorSettings => ({
          backend: backend(),
          logo: `${base}/favicon.svg`,
          previewStyles: [`${base}/src/styles/global.css?direct`],
          topics: existingTopics(root),
        });
        const handler = await devHandler(base, settings, server.httpServer);
        devServer = { server, handler };
        // The editor's server closes with the site's. Not on its HTTP server's 'close': Vitest's
        // site server has none (middleware mode), and the editor's, left open, kept every test
        // run waiting 10 s for its servers to exit.
        const closeSite = server.close.bind(server);
        server.close = async () => {
          await handler.close();
          await closeSite();
        };
      },
      // Astro puts its request guards first in line once the server starts; the editor goes
      // before them, which would answer /admin/@vite/client and the like with a 404 page.
      'astro:server:start': ({ logger }) => {
        devServer?.server.middlewares.stack.unshift({ route: '', handle: devServer.handler.handle });
        logger.info(`the editor is at ${base}/admin/ ("Work with Local Repository" there edits this folder)`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { dir: built, cached } = await cachedBundle(cacheDir);
        const target = join(outDir, 'admin');
        cpSync(built, target, { recursive: true });
        const settings: EditorSettings = {
          backend: backend(),
          logo: `${base}/favicon.svg`,
          previewStyles: siteStylesheets(outDir),
          topics: existingTopics(root, todayIn(siteConfig.timeZone, new Date())),
        };
        const page = join(target, 'index.html');
        writeFileSync(page, readFileSync(page, 'utf8').replace('%EDITOR_SETTINGS%', scriptJson(settings)));
        if (settings.backend?.repo.startsWith(`${PLACEHOLDER_OWNER}/`))
          logger.info(
            'the editor has no repository to save to through GitHub: set CMS_REPOSITORY=owner/name (GitHub Actions sets GITHUB_REPOSITORY)',
          );
        logger.info(
          `editor at ${base}/admin/ (${cached ? 'from the cache' : 'bundled'} in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
