/**
 * Keeps what compiling each MDX post produced (Sätteri's parse, Shiki, Temml and our Markdown
 * plugins, turned into a JavaScript module) between builds, so a rebuild only compiles the posts
 * that changed. Astro compiles every MDX file on every build; at 1,000 posts that is about a
 * quarter of a build whose social cards are cached (docs/performance.md).
 *
 * It wraps the transform of @astrojs/mdx's Vite plugin. An entry is keyed by a hash of the file's
 * path and text and of a fingerprint of everything else that decides the output: the files and
 * values the caller lists (the Astro config, the Markdown plugins, the lockfile, the site URL and
 * base path), and this file. Only successful compiles are stored, so an error is reported on every build until it
 * is fixed. Entries are written atomically and hold a sha256 of their module, checked on every
 * read, so an entry that is not whole is compiled again; those a build did not use are removed at its end.
 * Only `astro build` uses it: the dev server compiles on demand and keeps its own module graph.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sync as writeFileAtomicSync } from 'write-file-atomic';

const WRAPPED = Symbol('mdx-compile-cache');

/** The name @astrojs/mdx gives its compiling Vite plugin. */
export const MDX_PLUGIN_NAME = '@mdx-js/rolldown';

export interface MdxCompileCacheOptions {
  /** False compiles every post as Astro does (MDX_COMPILE_CACHE=0 in astro.config.mjs). */
  enabled?: boolean;
  /** Folder for the entries (one JSON file each). */
  dir: string;
  /** Files whose contents decide the compiled output; a folder stands for every file under it. */
  files: readonly string[];
  /** Other values that decide it (the site URL, the base path). */
  values: readonly string[];
}

/** What the MDX plugin's transform returns. */
interface Compiled {
  code: string;
  map: null;
  meta: unknown;
}

/** An entry as stored: the compiled module and a sha256 of it, checked on every read. */
interface Entry extends Compiled {
  sha256: string;
}

function digest({ code, meta }: Pick<Compiled, 'code' | 'meta'>): string {
  return createHash('sha256')
    .update(code)
    .update('\0')
    .update(JSON.stringify(meta) ?? '')
    .digest('hex');
}

/** The entry's module if the entry is whole: the right shape, and its hash matches what it holds. */
export function readEntry(text: string): Compiled | undefined {
  try {
    const entry = JSON.parse(text) as Partial<Entry> | null;
    if (!entry || typeof entry.code !== 'string' || typeof entry.sha256 !== 'string') return undefined;
    if (entry.sha256 !== digest({ code: entry.code, meta: entry.meta })) return undefined;
    return { code: entry.code, map: null, meta: entry.meta };
  } catch {
    return undefined;
  }
}

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<unknown>;

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return (readdirSync(path, { recursive: true }) as string[])
    .map((entry) => join(path, entry))
    .filter((entry) => statSync(entry).isFile())
    .sort();
}

/** A hash of the listed files' paths and contents and of the values. */
export function fingerprint({ files, values }: Pick<MdxCompileCacheOptions, 'files' | 'values'>): string {
  const hash = createHash('sha256');
  for (const file of files.flatMap(filesUnder)) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  for (const value of values) hash.update(`${value}\0`);
  return hash.digest('hex');
}

/** Wraps `handler` so that it answers from `dir` for a file it has compiled before. */
export function cachedTransform(handler: TransformHandler, dir: string, print: string) {
  const used = new Set<string>();
  const counts = { cached: 0, compiled: 0 };
  const wrapped: TransformHandler = async function (this: unknown, code, id, ...rest) {
    const name = `${createHash('sha256').update(print).update('\0').update(id).update('\0').update(code).digest('hex')}.json`;
    used.add(name);
    let cached: Compiled | undefined;
    try {
      cached = readEntry(readFileSync(join(dir, name), 'utf8'));
    } catch {
      // Not there, or unreadable: compile it.
    }
    // An entry that is not whole (empty, truncated, garbage, edited) is compiled again and replaced.
    if (cached) {
      counts.cached++;
      return cached;
    }
    const result = (await handler.call(this, code, id, ...rest)) as Compiled | null | undefined;
    counts.compiled++;
    if (result && typeof result.code === 'string' && result.map == null) {
      try {
        mkdirSync(dir, { recursive: true });
        const entry: Entry = { code: result.code, map: null, meta: result.meta, sha256: digest(result) };
        writeFileAtomicSync(join(dir, name), JSON.stringify(entry));
      } catch {
        // the cache is an optimisation: a build never fails on it
      }
    }
    return result;
  };
  /** Removes the entries this build did not use (if it used any: a build without MDX keeps all). */
  const prune = () => {
    if (used.size === 0) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) if (!used.has(name)) rmSync(join(dir, name), { force: true });
  };
  return { wrapped, prune, counts };
}

/** Astro integration: list it after mdx(). */
export function mdxCompileCache(options: MdxCompileCacheOptions): AstroIntegration {
  return {
    name: 'mdx-compile-cache',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        if (command !== 'build' || options.enabled === false) return;
        // This file too: a change to how entries are stored must not read the old ones.
        const print = fingerprint({ ...options, files: [...options.files, fileURLToPath(import.meta.url)] });
        let cache: ReturnType<typeof cachedTransform> | undefined;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'mdx-compile-cache',
                configResolved(resolved) {
                  const mdx = resolved.plugins.find((plugin) => plugin.name === MDX_PLUGIN_NAME) as
                    { transform?: { handler?: TransformHandler } } | undefined;
                  const handler = mdx?.transform?.handler;
                  // Astro resolves a config per build step; the plugin object may be shared.
                  if (handler && (handler as { [WRAPPED]?: true })[WRAPPED]) return;
                  if (!mdx?.transform || typeof handler !== 'function') {
                    logger.warn(`MDX posts are compiled on every build: no "${MDX_PLUGIN_NAME}" transform to cache`);
                    return;
                  }
                  cache = cachedTransform(handler, options.dir, print);
                  mdx.transform.handler = Object.assign(cache.wrapped, { [WRAPPED]: true as const });
                },
                buildEnd(error) {
                  if (!cache || cache.counts.cached + cache.counts.compiled === 0) return;
                  logger.info(`MDX posts: ${cache.counts.cached} from the cache, ${cache.counts.compiled} compiled`);
                  // Counted once: Astro ends each of its build steps, and only one compiles posts.
                  cache.counts.cached = cache.counts.compiled = 0;
                  if (!error) cache.prune();
                },
              },
            ],
          },
        });
      },
    },
  };
}
