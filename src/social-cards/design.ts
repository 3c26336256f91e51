/**
 * The card's design: colours, measures and the node tree Takumi draws (one 1200×630 card in
 * the site's navy and gold, course above the title, author and date below).
 */
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH } from './input.ts';

/** The card's two families: Source Serif 4 for the title, Inter for everything else. */
const SERIF = "'Source Serif 4'";
const SANS = 'Inter';

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

/** A Takumi node: a box with children, or a run of text. */
export type CardNode =
  { type: 'container'; style: Style; children: CardNode[] } | { type: 'text'; text: string; style: Style };
type Style = Record<string, string | number>;

function box(style: Style, children: Array<CardNode | false | ''> = []): CardNode {
  return {
    type: 'container',
    style: { display: 'flex', ...style },
    children: children.filter((child) => child !== false && child !== ''),
  };
}

function text(style: Style, content: string): CardNode {
  return { type: 'text', text: content, style: { display: 'block', ...style } };
}

/**
 * A zero-width space after each slash that a letter follows, so a URL or a path in a title breaks
 * after a slash, as a browser breaks it, instead of in the middle of a word.
 */
function breakAfterSlashes(value: string): string {
  return value.replace(/\/(?=\S)/g, '/\u200b');
}

/** The title's and the kicker's places in the tree {@link cardTree} returns, for measuring them. */
export const MAIN_INDEX = 2;

/** The node tree Takumi draws for `card`. */
export function cardTree(card: Card): CardNode {
  const header = box({ alignItems: 'center', fontFamily: SANS, fontSize: 19, lineHeight: 1.2 }, [
    card.organisation &&
      text({ fontWeight: 600, color: WHITE, letterSpacing: '0.14em', textTransform: 'uppercase' }, card.organisation),
    card.organisation &&
      card.siteName &&
      box({ width: 1, height: 22, margin: '0 18px', backgroundColor: 'rgba(255, 255, 255, 0.4)' }),
    card.siteName && text({ fontWeight: 400, color: MUTED, letterSpacing: '0.02em' }, card.siteName),
  ]);

  const main = box({ flexDirection: 'column', flexGrow: 1, justifyContent: 'center', minHeight: 0 }, [
    box({ width: 88, height: 4, backgroundColor: GOLD, marginBottom: 26, flexShrink: 0 }),
    card.course &&
      text(
        {
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
      ),
    text(
      {
        width: '100%',
        fontFamily: SERIF,
        fontWeight: 600,
        fontSize: card.titleSize,
        lineHeight: TITLE_LINE_HEIGHT,
        letterSpacing: '-0.005em',
        color: WHITE,
        textWrap: 'balance',
      },
      breakAfterSlashes(card.title),
    ),
  ]);

  const rule = box({ height: 1, flexShrink: 0, backgroundColor: HAIRLINE });
  const footer = box(
    {
      alignItems: 'center',
      justifyContent: 'space-between',
      paddingTop: 26,
      fontFamily: SANS,
      fontSize: 24,
      lineHeight: 1.2,
    },
    [
      text({ fontWeight: 600, color: WHITE, maxWidth: CONTENT_WIDTH * 0.62 }, card.author),
      text({ fontWeight: 400, color: MUTED }, card.date),
    ],
  );

  return box(
    {
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
      box({
        position: 'absolute',
        left: 0,
        top: 0,
        width: ACCENT_BAR,
        height: SOCIAL_IMAGE_HEIGHT,
        backgroundColor: GOLD,
      }),
      header,
      main,
      rule,
      footer,
    ],
  );
}
