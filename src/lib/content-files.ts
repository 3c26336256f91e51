/**
 * Where content lives and how files map to ids. Shared by src/content.config.ts (the Astro
 * loaders) and src/check/ (the editor check), so both agree on every path.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

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
  const base = basePath(env);
  const isDefault = root === resolve(cwd, 'content') && !base;
  // Rendered Markdown in the cache holds links with the base path: one cache per root and base.
  const tag = createHash('sha256').update(base ? `${root}\0${base}` : root).digest('hex').slice(0, 12);
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
export function basePath(env: Record<string, string | undefined> = process.env): string {
  const raw = env['BASE_PATH'] ?? '';
  const base = raw.trim().replace(/^\/*/, '/').replace(/\/+$/, '');
  if (base && !/^(?:\/[A-Za-z0-9._~-]+)+$/.test(base)) {
    throw new Error(`BASE_PATH "${raw}" is not a URL path: write it like /blog or /my-repository (letters, digits, - . _ ~ between slashes)`);
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
  throw new Error(`${name}="${value}" is not a setting: write ${name}=0 to turn it off, or ${name}=1 (or nothing) to keep it on`);
}

/** Where rendered social images are cached between builds (SOCIAL_IMAGE_CACHE overrides it). */
export function socialImageCacheDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env['SOCIAL_IMAGE_CACHE'] || 'node_modules/.cache/social-images');
}

/** The collections under the content root, each a folder and the file endings it holds. */
export const collectionFolders = {
  posts: { folder: 'posts', pattern: '**/[^_]*.{md,mdx}', extensions: ['.md', '.mdx'] },
  authors: { folder: 'authors', pattern: '[^_]*.{yaml,yml}', extensions: ['.yaml', '.yml'] },
  courses: { folder: 'courses', pattern: '[^_]*.{yaml,yml}', extensions: ['.yaml', '.yml'] },
  publishers: { folder: 'publishers', pattern: '[^_]*.{yaml,yml}', extensions: ['.yaml', '.yml'] },
} as const;

export type CollectionName = keyof typeof collectionFolders;

/** The site's own data file at the top of the content root (viewsAsOf); optional. */
export const SITE_DATA_FILE = 'site.yaml';

/** A content file's id: its name without folders or extension ("posts/2025/a-b.mdx" → "a-b"). */
export function fileId(path: string): string {
  return basename(path, extname(path));
}

/**
 * Files of one collection, as paths relative to the content root, sorted. Mirrors the loader
 * patterns above: posts may sit in sub-folders; names starting with "_" are ignored.
 */
export function listCollectionFiles(root: string, name: CollectionName): string[] {
  const { folder, extensions } = collectionFolders[name];
  const recursive = name === 'posts';
  const base = join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(base, { recursive }) as string[];
  } catch {
    return [];
  }
  return entries
    .filter((entry) => (extensions as readonly string[]).includes(extname(entry)))
    .filter((entry) => !basename(entry).startsWith('_'))
    .map((entry) => relative(root, join(base, entry)).split(sep).join('/'))
    .sort();
}
