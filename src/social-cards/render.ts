/**
 * Drawing a card: satori lays it out and turns every glyph into an SVG path, resvg rasterises
 * the SVG (off the main thread, with no system fonts: there is no text left in the SVG), and
 * sharp encodes the PNG. Text is only ever passed to satori as text (it never parses HTML), so
 * titles with `<script>`, quotes or ampersands are drawn literally.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import type { Font, SatoriNode } from 'satori';
import { cardTree, KICKER_LINE_HEIGHT, KICKER_MAX_LINES, KICKER_SIZE, NAVY, SUBSETS, TITLE_LINE_HEIGHT, TITLE_STEPS, type Card } from './design.ts';
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialImageInput } from './input.ts';
import { cardText, firstStep, shorten, type Missing } from './text.ts';

const require = createRequire(import.meta.url);

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

