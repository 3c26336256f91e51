/**
 * The build's environment, in one place: where a build reads and writes (CONTENT_ROOT, OUT_DIR,
 * BASE_PATH, SOCIAL_IMAGE_CACHE), its on/off switches, and the process environment every
 * `astro build` of this project starts with. Read by astro.config.mjs, the integrations, the
 * scripts and the tests' builds.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The content folder: CONTENT_ROOT if set (tests, benchmarks), otherwise ./content. */
export function contentRoot(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env['CONTENT_ROOT'] || 'content');
}

/**
 * Where a build reads and writes. CONTENT_ROOT and OUT_DIR let tests and benchmarks build other
 * content side by side; each content root (and base path) gets its own Astro cache so their data
 * stores never mix.
 */
export function buildPaths(env: Record<string, string | undefined> = process.env, cwd = process.cwd()) {
  const root = contentRoot(env, cwd);
  const base = parseBasePath(env);
  const isDefault = root === resolve(cwd, 'content') && !base;
  // Rendered Markdown in the cache holds links with the base path: one cache per root and base.
  const tag = createHash('sha256')
    .update(base ? `${root}\0${base}` : root)
    .digest('hex')
    .slice(0, 12);
  return {
    contentRoot: root,
    outDir: resolve(cwd, env['OUT_DIR'] || 'dist'),
    cacheDir: resolve(cwd, isDefault ? 'node_modules/.astro' : `node_modules/.astro/content-${tag}`),
    base,
  };
}

/**
 * BASE_PATH as a path to serve the site under: "" at the root, "/blog" for BASE_PATH=blog, /blog
 * or /blog/. Anything that is not a plain URL path is refused, naming the variable.
 */
export function parseBasePath(env: Record<string, string | undefined> = process.env): string {
  const raw = env['BASE_PATH'] ?? '';
  const base = raw.trim().replace(/^\/*/, '/').replace(/\/+$/, '');
  if (base && !/^(?:\/[A-Za-z0-9._~-]+)+$/.test(base)) {
    throw new Error(
      `BASE_PATH "${raw}" is not a URL path: write it like /blog or /my-repository (letters, digits, - . _ ~ between slashes)`,
    );
  }
  return base;
}

/**
 * An on/off build setting such as SOCIAL_IMAGE_PRERENDER or MDX_COMPILE_CACHE: on when unset or
 * "1", off for "0". Anything else ("false", "off") is refused, naming the variable, rather than
 * read as on.
 */
export function envSwitch(name: string, env: Record<string, string | undefined> = process.env): boolean {
  const value = env[name];
  if (value === undefined || value === '' || value === '1') return true;
  if (value === '0') return false;
  throw new Error(
    `${name}="${value}" is not a setting: write ${name}=0 to turn it off, or ${name}=1 (or nothing) to keep it on`,
  );
}

/** Where rendered social images are cached between builds (SOCIAL_IMAGE_CACHE overrides it). */
export function socialImageCacheDir(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): string {
  return resolve(cwd, env['SOCIAL_IMAGE_CACHE'] || 'node_modules/.cache/social-images');
}

/**
 * Environment that every `astro build` of this project runs with (npm run build, the benchmark,
 * the tests' builds and Lighthouse's), on top of the caller's.
 *
 * Vite 8 bundles with rolldown, whose native module allocates with mimalloc. By default mimalloc
 * keeps the pages it frees for later, so the 700 MB rolldown used while bundling 1,000 posts
 * stayed resident for the rest of the build (the V8 heap itself held about 120 MB live).
 * MIMALLOC_PURGE_DELAY=0 returns freed pages at once, and MIMALLOC_ARENA_EAGER_COMMIT=0 commits
 * arena memory only as it is used. Measured at 1,000 posts, peak resident memory of the build:
 * 2.5 GB to 1.7 GB with the social cards cached, 2.2 GB to 1.8 GB with them drawn, build time
 * unchanged within the machine's noise (docs/performance.md).
 *
 * mimalloc reads both when that module loads, which happens before
 * astro.config.mjs runs, so it must be in the environment the process starts with.
 */
export const buildEnv: Readonly<Record<string, string>> = {
  MIMALLOC_PURGE_DELAY: '0',
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
};

/** `buildEnv` under `env`: a value the caller set on purpose wins. */
export function withBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...buildEnv, ...env };
}

/**
 * The environment of a shell, without what a test runner or a parent dev server adds: vitest
 * copies the dev server's import.meta.env (MODE, DEV, INCLUDE_DRAFTS…) into process.env, which a
 * child build would otherwise inherit as if it were a developer's setting.
 */
export function shellEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const injected = /^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|SITE|BASE_URL|ASSETS_PREFIX|INCLUDE_DRAFTS|FORCE_TTY)$/;
  return Object.fromEntries(Object.entries(env).filter(([key]) => !injected.test(key)));
}
