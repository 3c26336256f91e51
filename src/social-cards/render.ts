/**
 * Drawing a card: Takumi (a Rust engine: flexbox layout, text shaping, rasterising and PNG
 * encoding in one native call) draws the node tree of ./design.ts. It replaced satori + resvg +
 * sharp, which took about 53 ms a card against Takumi's 6 (docs/performance.md). Text is only
 * ever passed as text nodes (Takumi never parses it as HTML), so titles with `<script>`, quotes
 * or ampersands are drawn literally.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Renderer } from '@takumi-rs/core';
import { create as openFont } from 'fontkitten';
import {
  cardTree,
  KICKER_LINE_HEIGHT,
  KICKER_MAX_LINES,
  KICKER_SIZE,
  MAIN_INDEX,
  TITLE_LINE_HEIGHT,
  TITLE_STEPS,
  type Card,
} from './design.ts';
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialImageInput } from './input.ts';
import { cardText, firstStep, shorten, type Missing } from './text.ts';

const require = createRequire(import.meta.url);

/** Latin first (the common case), then accented Latin (names), Greek (maths) and Cyrillic. */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
const FACES = [
  { pkg: '@fontsource/source-serif-4', name: 'Source Serif 4', weight: 600 },
  { pkg: '@fontsource/inter', name: 'Inter', weight: 600 },
  { pkg: '@fontsource/inter', name: 'Inter', weight: 400 },
] as const;

/** Inclusive ranges covering the sorted code points, as Takumi's `unicodeRange` takes them. */
function ranges(codePoints: readonly number[]): Array<[number, number]> {
  const sorted = [...codePoints].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const point of sorted) {
    const last = out.at(-1);
    if (last && point <= last[1] + 1) last[1] = Math.max(last[1], point);
    else out.push([point, point]);
  }
  return out;
}

interface Engine {
  renderer: Renderer;
  /** Every code point some registered font draws. */
  covered: Set<number>;
}

let engine: Promise<Engine> | undefined;

/**
 * One renderer for the process, with every subset of the card's faces registered under its
 * family's name and the code points its file really maps (read with fontkitten), so Takumi picks
 * the subset that has a glyph and the text step knows what no font can draw.
 */
function getEngine(): Promise<Engine> {
  engine ??= (async () => {
    const renderer = new Renderer();
    const covered = new Set<number>();
    for (const { pkg, name, weight } of FACES) {
      for (const subset of SUBSETS) {
        const file = require.resolve(`${pkg}/files/${pkg.split('/')[1]}-${subset}-${weight}-normal.woff2`);
        const data = readFileSync(file);
        const font = openFont(data);
        if (font.isCollection) throw new Error(`${file} is a font collection, not one face`);
        const codePoints = font.characterSet;
        for (const point of codePoints) covered.add(point);
        await renderer.registerFont({ name, weight, style: 'normal', data, unicodeRange: ranges(codePoints) });
      }
    }
    return { renderer, covered };
  })();
  return engine;
}

/** Emoji graphemes, and other characters no registered font draws. */
function missingFrom(card: Omit<Card, 'titleSize'>, covered: Set<number>): Missing {
  const missing: Missing = { emoji: new Set(), chars: new Set() };
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const texts = [card.title, card.course, card.author, card.date, card.siteName, card.organisation];
  for (const { segment } of texts.flatMap((value) => [...segmenter.segment(value)])) {
    if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment)) missing.emoji.add(segment);
    else for (const char of segment) if (char.trim() && !covered.has(char.codePointAt(0)!)) missing.chars.add(char);
  }
  return missing;
}

interface Measured {
  children: Measured[];
  height: number;
}

/** The title's and the kicker's line counts, from Takumi's layout of the whole card. */
async function lineCounts(renderer: Renderer, card: Card): Promise<{ title: number; course: number }> {
  const root: Measured = await renderer.measure(cardTree(card), {
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
  });
  const main = root.children[MAIN_INDEX]!.children;
  const lines = (node: Measured | undefined, linePx: number) => Math.round((node?.height ?? 0) / linePx);
  return {
    title: lines(main.at(-1), card.titleSize * TITLE_LINE_HEIGHT),
    course: card.course ? lines(main[1], KICKER_SIZE * KICKER_LINE_HEIGHT) : 0,
  };
}

/** The card's text and title size: cleaned up, at the largest size that fits, nothing clipped. */
export async function layoutCard(input: SocialImageInput): Promise<Card> {
  const { renderer, covered } = await getEngine();
  let text = cardText(input);
  const missing = missingFrom(text, covered);
  // Without what can't be drawn, so no blank gaps or boxes are left.
  if (missing.emoji.size > 0 || missing.chars.size > 0) text = cardText(input, missing);
  let step = firstStep(text.title);
  // Character budgets, lowered only when the text doesn't fit even at the smallest size.
  let titleMax = Number.POSITIVE_INFINITY;
  let courseMax = Number.POSITIVE_INFINITY;

  for (let attempt = 0; ; attempt++) {
    const { size, lines: maxLines } = TITLE_STEPS[step]!;
    const card: Card = {
      ...text,
      titleSize: size,
      title: shorten(text.title, titleMax),
      course: shorten(text.course, courseMax),
    };
    const counts = await lineCounts(renderer, card);
    const titleFits = counts.title <= maxLines;
    const courseFits = counts.course <= KICKER_MAX_LINES;
    if ((titleFits && courseFits) || attempt >= 40) return card;

    // The budget that the measured lines suggest, and always less than before.
    const budget = (current: string, lines: number, allowed: number) => {
      const length = Array.from(current).length;
      return Math.max(0, Math.min(Math.floor((length * allowed) / lines), length - 2));
    };
    if (!courseFits) courseMax = budget(card.course, counts.course, KICKER_MAX_LINES);
    if (!titleFits) {
      if (step < TITLE_STEPS.length - 1) step++;
      else titleMax = Math.max(2, budget(card.title, counts.title, maxLines));
    }
  }
}

/** Renders the card to a 1200×630 PNG. */
export async function renderSocialImage(input: SocialImageInput): Promise<Buffer> {
  const card = await layoutCard(input);
  const { renderer } = await getEngine();
  return renderer.render(cardTree(card), {
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
    format: 'png',
  });
}
