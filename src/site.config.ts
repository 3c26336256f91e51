import { contentRoot } from './build-env.ts';
import { readSiteData } from './lib/site-data.ts';

/**
 * The one place where the site's identity lives. astro.config.mjs, layouts, feeds and scripts
 * import this object; nothing else writes the site's name, URL, language or time zone.
 */
export const siteConfig = {
  /** Shown in <title>, in feeds and wherever the site is named in full. */
  name: 'LSBR Machine Learning Blog',
  /** The blog's own name, set next to the organisation's in the header. */
  shortName: 'Machine Learning Blog',
  /** The organisation behind the site (header, footer, copyright). */
  organisation: 'LSBR Executive Education',
  /** One line under the name on the index and in meta descriptions of list pages. */
  tagline: 'Practical machine learning and the mathematics behind it, for professionals and business leaders.',
  /**
   * Canonical origin of the published site. Deployments override it with SITE_URL; the default is
   * a reserved .example domain so that nothing points at a real host by accident.
   */
  url: process.env['SITE_URL'] ?? 'https://blog.lsbr.example',
  /** BCP 47 language of every page (<html lang>, date formatting). */
  lang: 'en-GB',
  /** Time zone in which post dates are calendar days (used for "today" and scheduling). */
  timeZone: 'Europe/London',
  /**
   * The day the `views` in posts were last imported from analytics; pages say "Views as of" it.
   * Data, not code: it lives in content/site.yaml (of the content root being built), which
   * `npm run views:import` updates. Undefined before a first import.
   */
  viewsAsOf: readSiteData(contentRoot()).viewsAsOf,
  /** Posts per page on the index. */
  pageSize: 10,
  /**
   * Newest posts in each RSS feed, with full bodies. Feed readers poll for what is new; a feed of
   * every post would grow without bound (and render every post a second time in each build).
   */
  feedSize: 20,
  /** Publisher used for anything that is not tied to a course (site footer, feeds). */
  defaultPublisher: 'lsbr-london',
  /**
   * The disclaimer shown under every article. `{publisher}` is replaced with the name of the
   * publisher of the article's course; a publisher file may override the whole text.
   */
  disclaimer:
    'The views expressed in this article are those of the author and do not necessarily reflect the views of {publisher}. ' +
    'The content is provided for educational purposes only. While we aim for accuracy, we make no guarantee that it is complete or current. ' +
    'Any action you take on the basis of this article is at your own risk, and {publisher} accepts no liability for any loss arising from it.',
} as const;
