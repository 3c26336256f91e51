/**
 * The only module that calls getCollection. It reads every collection once per build and hands
 * the joined result to every page: per-page getCollection calls and sorts grow as pages × posts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { siteConfig } from '../site.config.ts';
import { todayIn } from './dates.ts';
import { buildSiteContent, type SiteContent } from './posts.ts';
import { buildSiteIndex, type SiteIndex } from './site-index.ts';

type Site = SiteContent<CollectionEntry<'posts'>> & { index: SiteIndex<CollectionEntry<'posts'>> };
let content: Promise<Site> | undefined;

/** All published content, loaded, joined and indexed once. Drafts and posts dated after today
 * (in the site's time zone) show in `astro dev` only. */
export function getSiteContent(): Promise<Site> {
  content ??= (async () => {
    const [posts, authors, courses, publishers] = await Promise.all([
      getCollection('posts'),
      getCollection('authors'),
      getCollection('courses'),
      getCollection('publishers'),
    ]);
    const today = todayIn(siteConfig.timeZone, new Date());
    const site = buildSiteContent(
      { posts, authors, courses, publishers },
      { includeDrafts: import.meta.env.INCLUDE_DRAFTS, today },
    );
    return { ...site, index: buildSiteIndex(site.articles) };
  })();
  return content;
}
