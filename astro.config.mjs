// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { adminEditor } from './src/integrations/admin.ts';
import { cacheGuard } from './src/integrations/cache-guard.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { mdxCompileCache } from './src/integrations/mdx-compile-cache.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { socialCards } from './src/integrations/social-cards.ts';
import { codeClasses } from './src/markdown/code-classes.ts';
import { codeHighlight } from './src/markdown/code-theme.ts';
import { externalLinks } from './src/markdown/external-links.ts';
import { baseLinks } from './src/markdown/base-links.ts';
import { figureImages } from './src/markdown/figure-images.ts';
import { headingAnchors } from './src/markdown/heading-anchors.ts';
import { mathPlugin } from './src/markdown/math/index.ts';
import { buildPaths, envSwitch } from './src/build-env.ts';
import { siteConfig } from './src/site.config.ts';

// paths.base comes from BASE_PATH and serves the site under a sub-path, e.g. "/blog" for
// https://example.github.io/blog/ (a GitHub Pages project site); src/lib/urls.ts adds it to links.
const paths = buildPaths();
const base = paths.base;
const cards = socialCards();

export default defineConfig({
  site: siteConfig.url,
  base: base || '/',
  trailingSlash: 'always',
  // Four pages at a time, so one page's file write is done while another renders: routes of a 1,000-post rebuild took 14.8 s on average instead of 18.5 s (three runs
  // each, the same bytes out; docs/performance.md).
  build: { concurrency: 4 },
  // JSON Schemas of the collections in .astro/collections/, for frontmatter completion in VS Code
  // (wired in .vscode/settings.json). Incremental builds: a page whose cacheKey (a hash of its
  // props, src/lib/cache-key.ts) and module code are unchanged is copied from the last build's
  // cacheDir instead of rendered; src/integrations/cache-guard.ts checks those copies first.
  experimental: { contentIntellisense: true, incrementalBuild: true },
  outDir: paths.outDir,
  cacheDir: paths.cacheDir,
  // A Content-Security-Policy <meta> on every page: Astro adds the hashes of its own scripts and
  // styles; the inline theme script adds its hash (ThemeScript), the search page adds what
  // Pagefind needs (search.astro). public/_headers sends the directives a <meta> cannot carry
  // (frame-ancestors); docs/hosting.md explains how the two policies combine. Shiki's inline
  // styles become classes (codeClasses), and tests/site/security.test.ts fails on any style=""
  // left in a page.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        // GoogleChrome/lighthouse#4386: Lighthouse fetches robots.txt under the page's policy.
        "connect-src 'self'",
      ],
      // Named, not left to Astro's default, so that a page adding a source keeps 'self'.
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    // Sätteri parses $…$ and $$…$$ as math, so TeX braces never reach MDX as expressions; the math
    // plugin renders it to MathML at build time (no client JavaScript, no math fonts to download).
    // Code is highlighted by our own Shiki plugin, both themes' colours as variables turned into
    // classes by codeClasses (no style=""); Astro's is off (see src/markdown/code-theme.ts).
    syntaxHighlight: false,
    processor: satteri({
      features: { math: true },
      mdastPlugins: [figureImages()],
      hastPlugins: [
        await codeHighlight(),
        mathPlugin(),
        externalLinks(siteConfig.url),
        baseLinks(base),
        codeClasses(),
        headingAnchors(),
      ],
    }),
  },
  integrations: [
    mdx({ optimize: true }),
    // Compiled posts kept between builds, keyed to everything above that shapes them.
    mdxCompileCache({
      enabled: envSwitch('MDX_COMPILE_CACHE'),
      dir: `${paths.cacheDir}/mdx-compiled`,
      files: ['astro.config.mjs', 'package-lock.json', 'src/markdown', 'src/site.config.ts'],
      values: [siteConfig.url, base],
    }),
    sitemap({ filter: (page) => !/\/404\/?$/.test(page) }),
    cards.integration,
    // The editor at /admin/: built by Vite after the pages, so it is in no sitemap or search index.
    adminEditor({ root: paths.contentRoot }),
    // Astro's own caches checked before the build reads them, and vouched for once it is done.
    cacheGuard({
      root: fileURLToPath(new URL('.', import.meta.url)),
      contentStoreInputs: ['src/content.config.ts', 'src/schemas', 'package-lock.json'],
    }),
    // Pagefind starts once the pages are written and runs beside the steps above; the build
    // waits for it here. Under npm run build it runs after Astro's process instead (memory).
    searchIndex(),
    contentGuard({ root: paths.contentRoot, onChecked: (valid, today, logger) => cards.start(valid, today, logger) }), // last: see its header comment
  ],
  vite: {
    plugins: [tailwindcss()],
    build: {
      rolldownOptions: {
        // withastro/astro#18087: every MDX file warns that "use astro:head-inject" may not be
        // preserved; it is harmless and buries real warnings, so only that one is dropped.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
