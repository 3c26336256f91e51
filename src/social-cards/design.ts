/**
 * The card's design: colours, measures and the box tree satori lays out (one 1200×630 card in
 * the site's navy and gold, course above the title, author and date below).
 */
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH } from './input.ts';

/** Latin first (the common case), then accented Latin (names), Greek (maths) and Cyrillic. */
export const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;

/**
 * satori keeps one font per family, weight and style, so each subset file is its own family, and
 * a style names them all in order: the first that has a glyph draws it.
 */
function families(family: string): string {
  return SUBSETS.map((subset) => `'${family} ${subset}'`).join(', ');
}
const SERIF = families('Source Serif 4');
const SANS = families('Inter');

/** The card's background. */
export const NAVY = '#13294b';
const GOLD = '#d9b56a';
const WHITE = '#ffffff';
const MUTED = '#c3cde0';
const HAIRLINE = 'rgba(255, 255, 255, 0.18)';

const ACCENT_BAR = 12;
const PAD_X = 80;
export const CONTENT_WIDTH = SOCIAL_IMAGE_WIDTH - ACCENT_BAR - 2 * PAD_X;

/** Title sizes, largest first, with the most lines each may take in the space between kicker and footer. */
export const TITLE_STEPS: ReadonlyArray<{ size: number; lines: number }> = [
  { size: 76, lines: 2 },
  { size: 68, lines: 3 },
  { size: 60, lines: 3 },
  { size: 54, lines: 4 },
  { size: 48, lines: 4 },
  { size: 44, lines: 4 },
];
export const TITLE_LINE_HEIGHT = 1.14;
/** Average advance of Source Serif 4 semibold, in ems, to guess the first size to try. */
export const TITLE_EM_PER_CHAR = 0.5;

export const KICKER_SIZE = 21;
export const KICKER_LINE_HEIGHT = 1.35;
export const KICKER_MAX_LINES = 2;

/** A card's text, cleaned up, and the title size to set it at. */
export interface Card {
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

/** The box tree satori lays out for `card`. */
export function cardTree(card: Card): Element {
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

