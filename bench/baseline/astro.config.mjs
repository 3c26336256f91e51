// @ts-check
// The baseline for `npm run bench`: a bare Astro site with MDX and nothing else, built from the
// same generated posts as the real site, so the benchmark can say what our features cost. The
// benchmark sets CONTENT_ROOT, OUT_DIR and CACHE_DIR (all in a temporary folder).
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';

const cacheDir = process.env['CACHE_DIR'] ?? './node_modules/.astro';

export default defineConfig({
  outDir: process.env['OUT_DIR'] ?? './dist',
  cacheDir,
  markdown: {
    // The one concession: without Sätteri's math syntax, MDX reads the braces of `$\frac{a}{b}$` as
    // JavaScript expressions and the build fails. The math is parsed but not typeset (no KaTeX):
    // it stays <code class="language-math"> in the page.
    processor: satteri({ features: { math: true } }),
  },
  integrations: [mdx()],
  // Vite's own cache would otherwise go to ./node_modules/.vite in this folder.
  vite: { cacheDir: `${cacheDir}/vite` },
});
