/**
 * Environment that every `astro build` of this project runs with (npm run build, the benchmark,
 * the tests' builds and Lighthouse's), on top of the caller's.
 *
 * MIMALLOC_PURGE_DELAY=0: Vite 8 bundles with rolldown, whose native module allocates with
 * mimalloc. By default mimalloc keeps the pages it frees for later, so the 700 MB rolldown used
 * while bundling 1,000 posts stayed resident for the rest of the build. Returning them at once
 * lowered the build's peak from 2.5 GB to 1.7 GB at 1,000 posts, at no measurable cost in time
 * (docs/performance.md). mimalloc reads it when that module loads, which happens before
 * astro.config.mjs runs, so it must be in the environment the process starts with.
 */
export const buildEnv: Readonly<Record<string, string>> = { MIMALLOC_PURGE_DELAY: '0' };

/** `buildEnv` under `env`: a value the caller set on purpose wins. */
export function withBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...buildEnv, ...env };
}
