/** One formatter per language, as in dates.ts: constructing one per card was measurable. */
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A noun in each plural category the site's languages use; `other` is the fallback. */
export interface Noun {
  one: string;
  other: string;
}

/**
 * 1 → "1 article", 8870 → "8,870 articles": the count with `lang`'s grouping and the noun in the
 * plural category Intl.PluralRules gives that count in `lang`.
 */
export function formatCount(count: number, noun: Noun, lang: string): string {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const category = rules.select(count);
  return `${format.format(count)} ${category === 'one' ? noun.one : noun.other}`;
}

/** 8870 → "8,870 views"; 1 → "1 view". */
export function formatViews(views: number, lang: string): string {
  return formatCount(views, { one: 'view', other: 'views' }, lang);
}

/** The noun of article counts on course and author pages. */
export const ARTICLES: Noun = { one: 'article', other: 'articles' };

/** 4 → "4 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
