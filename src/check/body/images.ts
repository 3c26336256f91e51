/**
 * Images: every image needs alt text that describes it, and a local image must exist next to the
 * post (`/…` is served from public/ and an address is remote, so neither is looked up).
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { closest } from '../../schemas/suggest.ts';
import type { At } from '../problems.ts';
import type { NodeOf, PostCheck } from './context.ts';
import { decode } from './text.ts';

/** The names in a folder, or undefined when there is no such folder; cached for one run. */
export function folderLister(): (dir: string) => ReadonlySet<string> | undefined {
  const dirs = new Map<string, ReadonlySet<string> | undefined>();
  return (dir) => {
    if (!dirs.has(dir)) {
      let names: ReadonlySet<string> | undefined;
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = undefined;
      }
      dirs.set(dir, names);
    }
    return dirs.get(dir);
  };
}

/** Whether an image address points elsewhere than the post's folder: another site, or `//host/…`. */
export function isRemote(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
}

/** Whether alt text is only the image's file name ("loss-curve.png", "loss-curve"). */
export function isFileName(alt: string, src: string): boolean {
  const name = basename(decode(src.split(/[?#]/)[0] ?? '')).toLowerCase();
  const text = alt.trim().toLowerCase();
  return text === name || text === name.replace(/\.[^.]+$/, '') || /^[\w-]+\.(png|jpe?g|gif|webp|avif|svg)$/.test(text);
}

/** Why a local image next to the post cannot be found, with the nearest name; undefined when it exists. */
export function missingFile(src: string, post: PostCheck): string | undefined {
  const file = decode(src.split(/[?#]/)[0] ?? '');
  const full = join(dirname(post.post.path), file);
  const names = post.site.listDir(dirname(full));
  if (names?.has(basename(full))) return undefined;
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  if (!names) return `there is no folder "${folder}" next to the post`;
  const match = closest(basename(full), [...names]);
  return match ? `did you mean "${folder}${match}"?` : `no file in "${folder || './'}" has a similar name`;
}

/** Checks an image however it is written: `![alt](src)` or an `<img>` tag. */
export function checkImage(
  post: PostCheck,
  src: string | undefined,
  alt: string | null | undefined,
  where: At,
  syntax: 'markdown' | 'html',
): void {
  const fix = syntax === 'markdown' ? `![what the image shows](${src ?? '…'})` : 'alt="what the image shows"';
  if (!alt?.trim())
    post.report(
      where,
      'image',
      `image ${src ? `"${src}" ` : ''}has no alt text (describe it for readers who cannot see it: ${fix})`,
    );
  else if (src && isFileName(alt, src))
    post.report(where, 'image', `alt text "${alt}" is only the file name (describe what the image shows: ${fix})`);
  if (!src || isRemote(src) || src.startsWith('/')) return;
  const missing = missingFile(src, post);
  if (missing) post.report(where, 'image', `image "${src}" does not exist (${missing})`);
}

/** A Markdown image, `![alt](src)`. */
export function checkImageNode(node: NodeOf<'image'>, post: PostCheck): void {
  checkImage(post, node.url, node.alt, post.at(node), 'markdown');
}
