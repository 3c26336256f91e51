/**
 * Social images (Open Graph / Twitter cards): one 1200×630 PNG per article, drawn at build time.
 *
 * satori lays the card out and turns every glyph into an SVG path, resvg rasterises the SVG (off
 * the main thread, with no system fonts: there is no text left in the SVG), and the PNG is cached
 * on disk under a hash of everything that decides its pixels, so a rebuild only draws the cards
 * whose inputs changed. A cold card takes a few tens of milliseconds; a cached one is a file read.
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
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
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
export const SOCIAL_IMAGE_TEMPLATE_VERSION = 'social-card-1';

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
  ...['satori', '@resvg/resvg-js', '@fontsource/inter', '@fontsource/source-serif-4'].map(
    (name) => `${name}@${packageVersion(name)}`,
  ),
].join(' ');

/** Latin first (the common case), then the subsets that cover accented names and Greek letters. */
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
    // overflow: hidden is only a backstop: the title and kicker are measured to fit (see fitCard).
    { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', minHeight: 0, overflow: 'hidden' },
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
          overflowWrap: 'break-word',
        },
        card.title,
        'title',
      ),
    ].filter(Boolean),
  );

  const footer = el(
    'div',
    {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'space-between',
      borderTop: `1px solid ${HAIRLINE}`,
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
      padding: `60px ${PAD_X}px 52px`,
      backgroundColor: NAVY,
      borderLeft: `${ACCENT_BAR}px solid ${GOLD}`,
      color: WHITE,
    },
    [header, main, footer],
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

/** Cut at the last word boundary that keeps `text` within `max` characters, and add an ellipsis. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return withEllipsis(space > max / 2 ? cut.slice(0, space) : cut);
}

function withEllipsis(text: string): string {
  return text.replace(/[\s,;:.\-–—]+$/u, '') + ELLIPSIS;
}

/** The first `count` words of `text`, with an ellipsis if any were left out. */
function firstWords(text: string, count: number): string {
  const words = text.split(' ');
  return count >= words.length ? text : withEllipsis(words.slice(0, Math.max(1, count)).join(' '));
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
    title: cutAtWord(title, MAX_TITLE_CHARS),
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
  let titleWords = Number.POSITIVE_INFINITY;
  let courseWords = Number.POSITIVE_INFINITY;
  let cleaned = false;

  for (let attempt = 0; ; attempt++) {
    const { size, lines: maxLines } = TITLE_STEPS[step]!;
    const card: Card = {
      ...text,
      titleSize: size,
      title: firstWords(text.title, titleWords),
      course: firstWords(text.course, courseWords),
    };
    const pass = await layout(card);
    if (process.env['SOCIAL_DEBUG']) console.log('pass', attempt, card.titleSize, pass.titleLines, pass.courseLines);

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

    if (!courseFits) {
      const words = Math.min(courseWords, card.course.split(' ').length);
      courseWords = Math.floor((words * KICKER_MAX_LINES) / pass.courseLines) || 1;
      if (courseWords >= words) courseWords = words - 1;
    }
    if (!titleFits) {
      if (step < TITLE_STEPS.length - 1) {
        step++;
      } else {
        // Already at the smallest size: keep the words that fit, end with an ellipsis.
        const words = Math.min(titleWords, card.title.split(' ').length);
        const estimate = Math.floor((words * maxLines) / pass.titleLines);
        titleWords = Math.max(1, Math.min(estimate, words - 1));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rasterising and caching.

/** Renders the card to a 1200×630 PNG. */
export async function renderSocialImage(input: SocialImageInput): Promise<Buffer> {
  const svg = await renderSocialImageSvg(input);
  // renderAsync runs on libuv's thread pool, so the main thread can lay out the next card.
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: SOCIAL_IMAGE_WIDTH },
    font: { loadSystemFonts: false },
    background: NAVY,
    logLevel: 'off',
  });
  return image.asPng();
}

export interface GetSocialImageOptions {
  /** The renderer to use on a cache miss (tests pass a spy). */
  render?: (input: SocialImageInput) => Promise<Buffer>;
}

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
      return { png: await readFile(file), cached: true };
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
