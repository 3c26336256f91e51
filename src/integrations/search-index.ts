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
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Where article pages are written, under outDir (src/pages/posts/[slug].astro). */
const ARTICLES_DIR = 'posts';

/** The variable with which `npm run build` tells Astro's process that it indexes afterwards. */
export const INDEX_AFTER_ASTRO = 'SEARCH_INDEX_AFTER_ASTRO';

/** Pagefind over the article pages in `dir`, into dir/pagefind/; resolves with the number indexed. */
export async function indexArticles(dir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Only article pages carry data-pagefind-body, so only they are read: Pagefind would
    // otherwise parse every list page to find nothing (3.6 s instead of 4.6-6 s at 1,000 posts).
    const added = await index.addDirectory({ path: dir, glob: `${ARTICLES_DIR}/**/*.html` });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind/` });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/**
 * Astro integration: Pagefind over outDir once the pages are written. It starts at
 * `astro:build:generated`, so Pagefind's own process indexes while the other integrations' last
 * steps run (the sitemap, the social cards, the cache ledger), and `astro:build:done` waits for it.
 * Under `npm run build` it does nothing: the index is written after Astro exits (see above).
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
        if (deferred) return;
        const count = await (indexing ?? indexArticles(fileURLToPath(dir)));
        indexing = undefined;
        logger.info(`indexed ${count} articles`);
      },
    },
  };
}
