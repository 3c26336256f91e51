/**
 * Reading time of an MDX/Markdown body. Prose is read at 238 words a minute, the average for
 * silent reading of English non-fiction in Brysbaert's 2019 meta-analysis. Code is counted word
 * for word (it is skimmed more than read). An inline formula reads like a word; a display formula
 * costs a fixed 8 seconds, since TeX source length says little about how long it takes to read.
 * Import/export lines, tags, URLs and Markdown punctuation are not words.
 */

const WORDS_PER_MINUTE = 238;
const SECONDS_PER_DISPLAY_FORMULA = 8;

/** What a reader reads in a body: prose words, code words, inline and display formulas. */
export function countReadingUnits(body: string): {
  words: number;
  codeWords: number;
  inlineFormulas: number;
  displayFormulas: number;
} {
  let codeWords = 0;
  let inlineFormulas = 0;
  let displayFormulas = 0;
  const text = body
    .replace(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm, (_, _fence: string, code: string) => {
      codeWords += countWords(code);
      return ' ';
    })
    .replace(/\$\$[\s\S]+?\$\$/g, () => {
      displayFormulas += 1;
      return ' ';
    })
    .replace(/(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$/g, () => {
      inlineFormulas += 1;
      return ' ';
    })
    .replace(/^(import|export)\s.*$/gm, ' ') // MDX module lines
    .replace(/<[^>]*>/g, ' ') // JSX and HTML tags (their text children stay)
    .replace(/`([^`]*)`/g, ' $1 ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: keep the text
    .replace(/[#>*_|~-]+/g, ' ');
  return { words: countWords(text), codeWords, inlineFormulas, displayFormulas };
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%-]*/gu)?.length ?? 0;
}

/** Whole minutes to read `body`, at least 1. */
export function readingMinutes(body: string): number {
  const { words, codeWords, inlineFormulas, displayFormulas } = countReadingUnits(body);
  const minutes =
    (words + codeWords + inlineFormulas) / WORDS_PER_MINUTE + (displayFormulas * SECONDS_PER_DISPLAY_FORMULA) / 60;
  return Math.max(1, Math.round(minutes));
}
