/**
 * The card's text: cleaned up, cut to what can be set legibly, and stripped of what the fonts
 * cannot draw (emoji, Arabic or Hebrew letters, rare symbols), so no "no glyph" box appears; a
 * title that would lose most of its letters gives way to the course or site name.
 */
import { CONTENT_WIDTH, TITLE_EM_PER_CHAR, TITLE_STEPS, type Card } from './design.ts';
import type { SocialImageInput } from './input.ts';

/** Longer titles are cut (at a word) before layout: nothing longer could be set legibly anyway. */
const MAX_TITLE_CHARS = 240;
const ELLIPSIS = '…';

/** Controls and line breaks become spaces; runs of white space become one. */
function tidy(text: string): string {
  return (
    text
      // Control characters and line separators would draw as boxes or break the line: they become spaces.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * `text` in at most `max` characters (code points), ellipsis included: cut after the last whole
 * word that fits, or, when whole words would keep less than 60% of it (a title made of one long
 * URL, say), in the middle of the long word, the only case where a word is cut.
 */
export function shorten(text: string, max: number): string {
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
const ORPHANS = /\u200d|\ufe0e|\ufe0f|\u20e3|[\u{1f3fb}-\u{1f3ff}]|[\u{e0020}-\u{e007f}]/gu;

function letterCount(text: string): number {
  return text.match(LETTERS)?.length ?? 0;
}

/**
 * Remove what the fonts can't draw. `missing` holds what no registered font draws: whole
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

/** What the fonts lack: whole emoji graphemes, and single characters. */
export interface Missing {
  emoji: Set<string>;
  chars: Set<string>;
}

/** The card's text from its input, without what `missing` says cannot be drawn. */
export function cardText(input: SocialImageInput, missing?: Missing): Omit<Card, 'titleSize'> {
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

/** The largest step whose estimated line count fits, to start from (the measurement decides). */
export function firstStep(title: string): number {
  const index = TITLE_STEPS.findIndex(
    ({ size, lines }) => Math.ceil((title.length * size * TITLE_EM_PER_CHAR) / CONTENT_WIDTH) <= lines,
  );
  return index === -1 ? TITLE_STEPS.length - 1 : index;
}
