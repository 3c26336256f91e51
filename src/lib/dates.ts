/**
 * Post dates are calendar days ("2025-07-19"), not instants: they are formatted in UTC from their
 * own year, month and day, so no build machine's time zone can move them by a day.
 */
import { z } from 'astro/zod';

function utcDate(isoDay: string): Date {
  const [year, month, day] = isoDay.split('-').map(Number);
  if (!year || !month || !day) throw new Error(`not an ISO calendar day: "${isoDay}"`);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * One formatter per language: building an Intl.DateTimeFormat costs about 0.1 ms, and list pages
 * format a date per card, which made it 2 s of a 1,000-post build (npm run bench, CPU profile).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "2025-07-19" → "19 July 2025" (for lang en-GB). */
export function formatDate(isoDay: string, lang: string): string {
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(utcDate(isoDay));
}

/**
 * True for a real calendar day written "YYYY-MM-DD" (not 2025-02-30): the rule the frontmatter
 * schema applies to `date` (z.iso.date), for command-line flags such as --date and --as-of.
 */
export function isCalendarDay(value: string): boolean {
  return z.iso.date().safeParse(value).success;
}

/** The calendar day it is at `now` in `timeZone`, as "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
