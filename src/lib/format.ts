/** One formatter per language, as in dates.ts: constructing one per card was measurable. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** 8870 → "8,870 views"; 1 → "1 view" (grouping follows `lang`). */
export function formatViews(views: number, lang: string): string {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  return `${format.format(views)} ${views === 1 ? 'view' : 'views'}`;
}

/** 4 → "4 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
