/**
 * Text turned into a URL-safe id: "Time Series" → "time-series", "A manager's guide" →
 * "a-managers-guide", "Søren" → "soren", "Straße" → "strasse", "Дмитрий" → "dmitriy".
 *
 * @sindresorhus/slugify transliterates Latin with diacritics, German, Scandinavian, Turkish,
 * Vietnamese, Greek, Cyrillic and Arabic letters into ASCII. Scripts it has no table for
 * (Chinese, Japanese, Korean, Hebrew, Thai…) give an empty slug: a topic written only in them
 * is refused by its schema with the fix (add a Latin-letter name), and a new post asks for one.
 * Compatibility forms are folded first ("ﬁ" is "fi"), capitals do not split words ("Ærø" is
 * "aero", not "a-ero"), and an apostrophe joins a word rather than splitting it.
 */
import slugifyText from '@sindresorhus/slugify';

/** The URL-safe id of `text`; empty when nothing in it can be written in ASCII. */
export function slugify(text: string): string {
  return slugifyText(text.normalize('NFKC'), {
    decamelize: false,
    customReplacements: [
      ["'", ''],
      ['\u2019', ''],
    ],
  });
}
