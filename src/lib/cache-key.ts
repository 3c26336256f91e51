/**
 * The `cacheKey` a page gives Astro's incremental build (experimental.incrementalBuild in
 * astro.config.mjs). Astro reuses the HTML of the last build for a page whose key and module code
 * are unchanged, and module code is all it tracks itself: the posts, authors, courses and the
 * lists a page shows reach it as props, so the key is a hash of every prop, walked to the end
 * (Maps and Sets included, which JSON.stringify would write as `{}`), and of the year, which the
 * footer prints.
 */
import { createHash } from 'node:crypto';

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { '<Map>': [...(value as Map<unknown, unknown>).entries()] };
  if (value instanceof Set) return { '<Set>': [...(value as Set<unknown>).values()] };
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return `<${typeof value}>`;
  return value;
}

/** sha256 of the page's props and of the year the page is built in. */
export function cacheKey(props: unknown, now: Date = new Date()): string {
  const text = JSON.stringify({ year: now.getUTCFullYear(), props }, replacer);
  return createHash('sha256').update(text).digest('hex');
}

/** The paths `getStaticPaths` returns, each with the key of its props. */
export function withCacheKeys<Path extends { props?: unknown }>(
  paths: readonly Path[],
): Array<Path & { cacheKey: string }> {
  return paths.map((path) => ({ ...path, cacheKey: cacheKey(path.props) }));
}
