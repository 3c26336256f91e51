/**
 * Cards kept on disk under a hash of everything that decides their pixels, so a rebuild only
 * draws the cards whose inputs changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialImageInput } from './input.ts';
import { isCompletePng } from './png.ts';
import { renderSocialImage } from './render.ts';

/** Bump whenever the design or the text handling changes: it invalidates every cached card. */
export const SOCIAL_IMAGE_TEMPLATE_VERSION = 'social-card-3';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/**
 * Everything besides the input that decides the pixels: the template and the versions of the
 * renderer and the font files (an upgrade may move a glyph or a line break).
 */
const RENDER_FINGERPRINT = [
  SOCIAL_IMAGE_TEMPLATE_VERSION,
  ...['@takumi-rs/core', 'fontkitten', '@fontsource/inter', '@fontsource/source-serif-4'].map(
    (name) => `${name}@${packageVersion(name)}`,
  ),
].join(' ');

/** sha256 over the template version (and renderer versions) and the input's fields, in a fixed order. */
export function socialImageKey(input: SocialImageInput): string {
  const fields = [input.title, input.author, input.course, input.siteName, input.organisation, input.date];
  return createHash('sha256')
    .update(JSON.stringify([RENDER_FINGERPRINT, fields]))
    .digest('hex');
}

/** How {@link getSocialImage} draws a card it does not find. */
export interface GetSocialImageOptions {
  /** The renderer to use on a cache miss (tests pass a spy). */
  render?: (input: SocialImageInput) => Promise<Buffer>;
}

const inFlight = new Map<string, Promise<{ png: Buffer; cached: boolean }>>();

/**
 * The card for `input`, from `<cacheDir>/<key>.png` if it is there (cached: true), otherwise
 * rendered and written there atomically (write-file-atomic: a temporary file, then a rename), so
 * an interrupted build or a parallel one never leaves or reads a half-written file.
 */
export function getSocialImage(
  input: SocialImageInput,
  cacheDir: string,
  options: GetSocialImageOptions = {},
): Promise<{ png: Buffer; cached: boolean }> {
  const file = join(cacheDir, `${socialImageKey(input)}.png`);
  const pending = inFlight.get(file);
  if (pending) return pending;
  const result = (async () => {
    try {
      const png = await readFile(file);
      // Anything else (empty, truncated, a flipped bit, not a PNG) is drawn again and replaced.
      if (isCompletePng(png, SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT)) return { png, cached: true };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
    const png = await (options.render ?? renderSocialImage)(input);
    await mkdir(cacheDir, { recursive: true });
    await writeFileAtomic(file, png);
    return { png, cached: false };
  })().finally(() => inFlight.delete(file));
  inFlight.set(file, result);
  return result;
}
