/**
 * Builds the Pagefind search index over the finished site, as the last step of `astro build`.
 * Only pages with data-pagefind-body (article pages) are indexed; their CTA, disclaimer and
 * navigation are marked data-pagefind-ignore. The index is static files in dist/pagefind/.
 *
 * `npm run build` (scripts/build.ts) sets SEARCH_INDEX_AFTER_ASTRO=1 for Astro's process and
 * indexes once that process has exited: Astro keeps the native memory of its bundler until it
 * exits, and Pagefind's own process beside it put the build's peak about 300 MB higher at 1,000
 * posts, for about 1 s of overlap (docs/performance.md).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where article pages are written, under outDir (src/pages/posts/[slug].astro). */
const ARTICLES_DIR = 'posts';

/** The variable with which `npm run build` tells Astro's process that it indexes afterwards. */
export const INDEX_AFTER_ASTRO = 'SEARCH_INDEX_AFTER_ASTRO';

/**
 * Pagefind's own program, as its npm package finds it (the platform's binary package, or
 * PAGEFIND_BINARY_PATH). The package's Node API is not used: when the program fails (it panics
 * on an output path it cannot write), the API's promise never settles, so a build either hangs
 * or exits 0 without an index; the program's exit code says it. (pagefind 1.6.0, lib/service.js:
 * the service listens for the program's 'error' but not its 'exit'; no upstream issue found.)
 */
async function pagefindBinary(): Promise<string> {
  const module = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
    resolveBinaryPath(names: string[]): string;
  };
  return module.resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** Pagefind over the article pages in `dir`, into dir/pagefind/; resolves with the number indexed. */
export async function indexArticles(dir: string): Promise<number> {
  const site = dir.replace(/\/$/, '');
  // Only article pages carry data-pagefind-body, so only they are read (--glob): Pagefind would
  // otherwise parse every list page to find nothing (3.6 s instead of 4.6-6 s at 1,000 posts).
  const args = ['--site', site, '--glob', `${ARTICLES_DIR}/**/*.html`, '--output-path', `${site}/pagefind`];
  args.push('--force-language', 'en');
  const child = spawn(await pagefindBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => done(status));
  });
  const pages = /Indexed (\d+) pages?\b/.exec(output)?.[1];
  if (code !== 0 || pages === undefined)
    throw new Error(`Pagefind exited with code ${code}:\n${output.trim().split('\n').slice(-12).join('\n')}`);
  return Number(pages);
}

/**
 * Astro integration: Pagefind over outDir once the pages are written. It starts at
 * `astro:build:generated`, so Pagefind's own process indexes while the other integrations' last
 * steps run (the sitemap, the social cards, the cache ledger), and `astro:build:done` waits for it.
 * Under `npm run build` it only says so: the index is written after Astro exits (see above).
 */
export function searchIndex(): AstroIntegration {
  const deferred = process.env[INDEX_AFTER_ASTRO] === '1';
  let indexing: Promise<number> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        if (deferred) return;
        indexing = indexArticles(fileURLToPath(dir));
        // Awaited in astro:build:done; until then a failure must not go unhandled.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (deferred) {
          logger.info('the search index is written by npm run build once Astro has exited');
          return;
        }
        const count = await (indexing ?? indexArticles(fileURLToPath(dir)));
        indexing = undefined;
        logger.info(`indexed ${count} articles`);
      },
    },
  };
}
