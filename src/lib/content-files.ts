/**
 * Where content lives and how files map to ids. Shared by src/content.config.ts (the Astro
 * loaders) and src/check/ (the editor check), so both agree on every path.
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';

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
