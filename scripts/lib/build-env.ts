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
export const buildEnv: Readonly<Record<string, string>> = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' };

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
