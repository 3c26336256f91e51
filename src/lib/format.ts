/** 8870 → "8,870 views"; 1 → "1 view" (grouping follows `lang`). */
export function formatViews(views: number, lang: string): string {
  return `${new Intl.NumberFormat(lang).format(views)} ${views === 1 ? 'view' : 'views'}`;
}

/** 4 → "4 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
