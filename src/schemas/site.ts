// content/site.yaml: what editors and their commands keep about the site as a whole. The site's
// name, URL, language and other settings stay in src/site.config.ts, which reads this file.
import type { z } from 'astro/zod';
import { isoDate, strictFields } from './fields.ts';

export const siteDataSchema = strictFields({
  /** The day the posts' `views` were exported from analytics, quoted; pages say "Views as of" it. Set by `npm run views:import`. */
  viewsAsOf: isoDate('viewsAsOf'),
});

export type SiteData = z.output<typeof siteDataSchema>;
