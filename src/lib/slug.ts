/** Text turned into a URL-safe id: "Time Series" → "time-series", "A manager's guide" → "a-managers-guide". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // An apostrophe joins a word ("manager's"), it does not split it into "manager-s".
    .replace(/['\u2019]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
