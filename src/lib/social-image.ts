/**
 * Social images (Open Graph / Twitter cards): one 1200×630 PNG per article, drawn at build time.
 *
 * satori lays the card out and turns every glyph into an SVG path, resvg rasterises the SVG (off
 * the main thread, with no system fonts: there is no text left in the SVG), and the PNG is cached
 * on disk under a hash of everything that decides its pixels, so a rebuild only draws the cards
 * whose inputs changed. A cold card takes about 70 ms on a 2-core machine; a cached one is a file read.
 *
 * Text is only ever passed to satori as text (it never parses HTML), so titles with `<script>`,
 * quotes or ampersands are drawn literally. Characters that the bundled fonts don't have (emoji,
 * Arabic or Hebrew letters, rare symbols) are left out rather than drawn as "no glyph" boxes, and a
 * title that would lose most of its letters is replaced by the course or site name.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import type { Font, SatoriNode } from 'satori';

export interface SocialImageInput {
  title: string;
  author: string;
  course: string;
  siteName: string;
  organisation: string;
  /** Already formatted, e.g. "19 July 2025". */
  date: string;
}

/** Bump whenever the design or the text handling changes: it invalidates every cached card. */
export const SOCIAL_IMAGE_TEMPLATE_VERSION = 'social-card-2';

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

// ---------------------------------------------------------------------------------------------
// Fonts and versions, loaded once per process.

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
  ...['satori', '@resvg/resvg-js', 'sharp', '@fontsource/inter', '@fontsource/source-serif-4'].map(
    (name) => `${name}@${packageVersion(name)}`,
  ),
].join(' ');

/** Latin first (the common case), then accented Latin (names), Greek (maths) and Cyrillic. */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;

/**
 * satori keeps one font per family, weight and style, so each subset file is its own family, and
 * a style names them all in order: the first that has a glyph draws it.
 */
function families(family: string): string {
  return SUBSETS.map((subset) => `'${family} ${subset}'`).join(', ');
}
const SERIF = families('Source Serif 4');
const SANS = families('Inter');

function fontFiles(pkg: string, family: string, weight: 400 | 600): Font[] {
  return SUBSETS.map((subset) => ({
    name: `${family} ${subset}`,
    weight,
    style: 'normal' as const,
    data: readFileSync(require.resolve(`${pkg}/files/${pkg.split('/')[1]}-${subset}-${weight}-normal.woff`)),
  }));
}

let fontCache: Font[] | undefined;

/**
 * The same array on every call: satori keeps its parsed fonts per array, so passing a new one per
 * render would parse every font file again.
 */
function fonts(): Font[] {
  fontCache ??= [
    ...fontFiles('@fontsource/source-serif-4', 'Source Serif 4', 600),
    ...fontFiles('@fontsource/inter', 'Inter', 600),
    ...fontFiles('@fontsource/inter', 'Inter', 400),
  ];
  return fontCache;
}

// ---------------------------------------------------------------------------------------------
// Cache key.

/** sha256 over the template version (and renderer versions) and the input's fields, in a fixed order. */
export function socialImageKey(input: SocialImageInput): string {
  const fields = [input.title, input.author, input.course, input.siteName, input.organisation, input.date];
  return createHash('sha256').update(JSON.stringify([RENDER_FINGERPRINT, fields])).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Design.

const NAVY = '#13294b';
const GOLD = '#d9b56a';
const WHITE = '#ffffff';
const MUTED = '#c3cde0';
const HAIRLINE = 'rgba(255, 255, 255, 0.18)';

const ACCENT_BAR = 12;
const PAD_X = 80;
const CONTENT_WIDTH = SOCIAL_IMAGE_WIDTH - ACCENT_BAR - 2 * PAD_X;

/** Title sizes, largest first, with the most lines each may take in the space between kicker and footer. */
const TITLE_STEPS: ReadonlyArray<{ size: number; lines: number }> = [
  { size: 76, lines: 2 },
  { size: 68, lines: 3 },
  { size: 60, lines: 3 },
  { size: 54, lines: 4 },
  { size: 48, lines: 4 },
  { size: 44, lines: 4 },
];
const TITLE_LINE_HEIGHT = 1.14;
/** Average advance of Source Serif 4 semibold, in ems, to guess the first size to try. */
const TITLE_EM_PER_CHAR = 0.5;

const KICKER_SIZE = 21;
const KICKER_LINE_HEIGHT = 1.35;
const KICKER_MAX_LINES = 2;

/** Longer titles are cut (at a word) before layout: nothing longer could be set legibly anyway. */
const MAX_TITLE_CHARS = 240;
const ELLIPSIS = '…';

interface Card {
  title: string;
  titleSize: number;
  course: string;
  author: string;
  date: string;
  siteName: string;
  organisation: string;
}

type Element = { type: string; key?: string; props: Record<string, unknown> };

function el(type: string, style: Record<string, unknown>, children?: unknown, key?: string): Element {
  return { type, ...(key ? { key } : {}), props: { style, ...(children === undefined ? {} : { children }) } };
}

function cardTree(card: Card): Element {
  const header = el(
    'div',
    { display: 'flex', alignItems: 'center', fontFamily: SANS, fontSize: 19, lineHeight: 1.2 },
    [
      card.organisation &&
        el('div', { fontWeight: 600, color: WHITE, letterSpacing: '0.14em', textTransform: 'uppercase' }, card.organisation),
      card.organisation && card.siteName && el('div', { width: 1, height: 22, margin: '0 18px', backgroundColor: 'rgba(255, 255, 255, 0.4)' }),
      card.siteName && el('div', { fontWeight: 400, color: MUTED, letterSpacing: '0.02em' }, card.siteName),
    ].filter(Boolean),
  );

  const main = el(
    'div',
    // No overflow: hidden as a backstop: the title and kicker are measured to fit (see
    // renderSocialImageSvg), and satori draws a clipped box as an SVG mask, which resvg rasterises
    // as a whole extra image.
    { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', minHeight: 0 },
    [
      el('div', { width: 88, height: 4, backgroundColor: GOLD, marginBottom: 26 }),
      card.course &&
        el(
          'div',
          {
            display: 'block',
            width: '100%',
            fontFamily: SANS,
            fontWeight: 600,
            fontSize: KICKER_SIZE,
            lineHeight: KICKER_LINE_HEIGHT,
            letterSpacing: '0.1em',
            textTransform: 'uppercase',
            textWrap: 'balance',
            color: GOLD,
            marginBottom: 22,
          },
          card.course,
          'course',
        ),
      el(
        'div',
        {
          display: 'block',
          width: '100%',
          fontFamily: SERIF,
          fontWeight: 600,
          fontSize: card.titleSize,
          lineHeight: TITLE_LINE_HEIGHT,
          letterSpacing: '-0.005em',
          color: WHITE,
          textWrap: 'balance',
        },
        card.title,
        'title',
      ),
    ].filter(Boolean),
  );

  // Rules and the accent bar are boxes with a background, not borders: satori draws a border with
  // clip paths, which made up a third of the time resvg took to rasterise a card.
  const rule = el('div', { height: 1, flexShrink: 0, backgroundColor: HAIRLINE });
  const footer = el(
    'div',
    {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'space-between',
      paddingTop: 26,
      fontFamily: SANS,
      fontSize: 24,
      lineHeight: 1.2,
    },
    [
      el('div', { fontWeight: 600, color: WHITE, maxWidth: CONTENT_WIDTH * 0.62 }, card.author),
      el('div', { fontWeight: 400, color: MUTED }, card.date),
    ],
  );

  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      boxSizing: 'border-box',
      width: SOCIAL_IMAGE_WIDTH,
      height: SOCIAL_IMAGE_HEIGHT,
      padding: `60px ${PAD_X}px 52px ${ACCENT_BAR + PAD_X}px`,
      backgroundColor: NAVY,
      color: WHITE,
      // Inherited: a word longer than its line (a URL) breaks rather than running off the card.
      overflowWrap: 'break-word',
    },
    [
      el('div', { position: 'absolute', left: 0, top: 0, width: ACCENT_BAR, height: SOCIAL_IMAGE_HEIGHT, backgroundColor: GOLD }),
      header,
      main,
      rule,
      footer,
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// Text clean-up.

/** Controls and line breaks become spaces; runs of white space become one. */
function tidy(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `text` in at most `max` characters (code points), ellipsis included: cut after the last whole
 * word that fits, or, when whole words would keep less than 60% of it (a title made of one long
 * URL, say), in the middle of the long word, the only case where a word is cut.
 */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max < 2) return '';
  const room = chars.slice(0, max - 1).join('');
  const space = chars[max - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  const words = space > 0 ? room.slice(0, space).replace(/[\s,;:.\-–—]+$/u, '') : '';
  return (words.length >= 0.6 * (max - 1) ? words : room.trimEnd()) + ELLIPSIS;
}

const LETTERS = /\p{L}/gu;
/** Joiners and modifiers left behind once the emoji they belonged to is removed. */
const ORPHANS = /[\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/gu;

function letterCount(text: string): number {
  return text.match(LETTERS)?.length ?? 0;
}

/**
 * Remove what the fonts can't draw. `missing` holds the segments satori asked for: whole
 * graphemes for emoji, and the characters of a run of text otherwise.
 */
function withoutMissing(text: string, missing: Missing): string {
  let out = text;
  for (const emoji of missing.emoji) out = out.split(emoji).join(' ');
  if (missing.chars.size > 0) out = Array.from(out, (char) => (missing.chars.has(char) ? ' ' : char)).join('');
  return tidy(out.replace(ORPHANS, '')).replace(/\s+([,.;:!?])/g, '$1');
}

/** A field keeps its text if at least half of its letters (or, without letters, something) survive. */
function survives(before: string, after: string): boolean {
  const letters = letterCount(before);
  return letters === 0 ? after.length > 0 : letterCount(after) * 2 >= letters;
}

interface Missing {
  emoji: Set<string>;
  chars: Set<string>;
}

function cardText(input: SocialImageInput, missing?: Missing): Omit<Card, 'titleSize'> {
  const clean = (value: string): string => {
    const text = tidy(value);
    if (!missing) return text;
    const kept = withoutMissing(text, missing);
    return survives(text, kept) ? kept : '';
  };
  const siteName = clean(input.siteName);
  let course = clean(input.course);
  let title = clean(input.title);
  if (!title) {
    // Nothing (or too little) of the title can be drawn: lead with the course or site instead.
    title = course || siteName || clean(input.organisation);
    if (title === course) course = '';
  }
  return {
    title: shorten(title, MAX_TITLE_CHARS),
    course,
    author: clean(input.author),
    date: clean(input.date),
    siteName,
    organisation: clean(input.organisation),
  };
}

// ---------------------------------------------------------------------------------------------
// Layout: satori, measuring the title and the kicker, until they fit.

const EMPTY_IMAGE = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
).toString('base64')}`;

interface Pass {
  svg: string;
  titleLines: number;
  courseLines: number;
  missing: Missing;
}

async function layout(card: Card): Promise<Pass> {
  const missing: Missing = { emoji: new Set(), chars: new Set() };
  const heights = new Map<string, number>();
  const svg = await satori(cardTree(card) as never, {
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
    fonts: fonts(),
    // Called for text the fonts can't draw. Never throw and never fetch: note it, draw nothing.
    loadAdditionalAsset: async (code: string, segment: string) => {
      if (code === 'emoji') {
        missing.emoji.add(segment);
        return EMPTY_IMAGE;
      }
      for (const char of segment) if (char.trim()) missing.chars.add(char);
      return [];
    },
    onNodeDetected: (node: SatoriNode) => {
      if (node.key === 'title' || node.key === 'course') heights.set(String(node.key), node.height);
    },
  });
  const lines = (key: string, linePx: number) => Math.round((heights.get(key) ?? 0) / linePx);
  return {
    svg,
    titleLines: lines('title', Math.round(card.titleSize * TITLE_LINE_HEIGHT)),
    courseLines: lines('course', Math.round(KICKER_SIZE * KICKER_LINE_HEIGHT)),
    missing,
  };
}

/** The largest step whose estimated line count fits, to start from (the measurement decides). */
function firstStep(title: string): number {
  const index = TITLE_STEPS.findIndex(
    ({ size, lines }) => Math.ceil((title.length * size * TITLE_EM_PER_CHAR) / CONTENT_WIDTH) <= lines,
  );
  return index === -1 ? TITLE_STEPS.length - 1 : index;
}

/** The card's SVG: text cleaned up, title at the largest size that fits, nothing clipped. */
export async function renderSocialImageSvg(input: SocialImageInput): Promise<string> {
  let text = cardText(input);
  let step = firstStep(text.title);
  // Character budgets, lowered only when the text doesn't fit even at the smallest size.
  let titleMax = Number.POSITIVE_INFINITY;
  let courseMax = Number.POSITIVE_INFINITY;
  let cleaned = false;

  for (let attempt = 0; ; attempt++) {
    const { size, lines: maxLines } = TITLE_STEPS[step]!;
    const card: Card = {
      ...text,
      titleSize: size,
      title: shorten(text.title, titleMax),
      course: shorten(text.course, courseMax),
    };
    const pass = await layout(card);

    if (!cleaned && (pass.missing.emoji.size > 0 || pass.missing.chars.size > 0)) {
      // Lay out again without what can't be drawn, so no blank gaps or boxes are left.
      cleaned = true;
      text = cardText(input, pass.missing);
      step = firstStep(text.title);
      continue;
    }
    const titleFits = pass.titleLines <= maxLines;
    const courseFits = pass.courseLines <= KICKER_MAX_LINES;
    if ((titleFits && courseFits) || attempt >= 40) return pass.svg;

    // The budget that the measured lines suggest, and always less than before.
    const budget = (current: string, lines: number, allowed: number) => {
      const length = Array.from(current).length;
      return Math.max(0, Math.min(Math.floor((length * allowed) / lines), length - 2));
    };
    if (!courseFits) courseMax = budget(card.course, pass.courseLines, KICKER_MAX_LINES);
    if (!titleFits) {
      if (step < TITLE_STEPS.length - 1) step++;
      else titleMax = Math.max(2, budget(card.title, pass.titleLines, maxLines));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rasterising and caching.

/**
 * resvg's pixmaps (3 MB a card) live outside V8's heap, which doesn't know about them, so it
 * rarely collects the small objects that hold them: 300 cold cards kept 800 MB resident. A full
 * collection every few cards (about 9 ms each) keeps it near 250 MB. `gc` is exposed the way Jest
 * does it; if that is not possible, V8 collects as it would have anyway.
 */
const GC_EVERY = 20;
let rendersSinceGc = 0;
let collectGarbage: (() => void) | null | undefined;

function maybeCollectGarbage(): void {
  if (++rendersSinceGc < GC_EVERY) return;
  rendersSinceGc = 0;
  if (collectGarbage === undefined) {
    try {
      const exposed = (globalThis as { gc?: unknown }).gc;
      if (typeof exposed === 'function') collectGarbage = exposed as () => void;
      else {
        setFlagsFromString('--expose-gc');
        collectGarbage = runInNewContext('gc') as () => void;
      }
    } catch {
      collectGarbage = null;
    }
  }
  collectGarbage?.();
}

/** Renders the card to a 1200×630 PNG. */
export async function renderSocialImage(input: SocialImageInput): Promise<Buffer> {
  // Before this card's buffers exist, so only earlier cards' are left to collect.
  maybeCollectGarbage();
  const svg = await renderSocialImageSvg(input);
  // renderAsync runs on libuv's thread pool, so the main thread can lay out the next card.
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: SOCIAL_IMAGE_WIDTH },
    font: { loadSystemFonts: false },
    background: NAVY,
    logLevel: 'off',
  });
  // sharp (libvips, already installed for astro:assets) encodes the pixels instead of resvg's
  // asPng: 11 ms instead of 21-35 ms a card, and a smaller file (44 KB instead of 58 KB) as the
  // card is opaque and stored as RGB (measured on one card, encoded 20 times each way).
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
}

export interface GetSocialImageOptions {
  /** The renderer to use on a cache miss (tests pass a spy). */
  render?: (input: SocialImageInput) => Promise<Buffer>;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const inFlight = new Map<string, Promise<{ png: Buffer; cached: boolean }>>();

/**
 * The card for `input`, from `<cacheDir>/<key>.png` if it is there (cached: true), otherwise
 * rendered and written there atomically: to a temporary name, then renamed, so an interrupted
 * build or a parallel one never leaves or reads a half-written file.
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
      // Anything else (a file truncated by a full disk, say) is drawn again and replaced.
      if (png.subarray(0, 8).equals(PNG_SIGNATURE)) return { png, cached: true };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
    const png = await (options.render ?? renderSocialImage)(input);
    await mkdir(cacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, png);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { png, cached: false };
  })().finally(() => inFlight.delete(file));
  inFlight.set(file, result);
  return result;
}
