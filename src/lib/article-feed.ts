/**
 * An RSS response for a list of articles, each with its full rendered body. Shared by the site
 * feed and the per-course feeds, which differ only in title, description and articles.
 */
import rss from '@astrojs/rss';
import type { CollectionEntry } from 'astro:content';
import { siteConfig } from '../site.config.ts';
import { feedItem } from './feed.ts';
import type { Article } from './posts.ts';
import { renderPostHtml } from './render-html.ts';

/** The feed of the newest `siteConfig.feedSize` of `articles` (newest first) for the site at `site`. */
export async function articleFeed(feed: {
  title: string;
  description: string;
  site: URL;
  articles: ReadonlyArray<Article<CollectionEntry<'posts'>>>;
}) {
  const origin = feed.site.href;
  return rss({
    title: feed.title,
    description: feed.description,
    site: origin,
    items: await Promise.all(
      feed.articles
        .slice(0, siteConfig.feedSize)
        .map(async (article) => feedItem(article, await renderPostHtml(article.entry), origin)),
    ),
    customData: `<language>${siteConfig.lang}</language>`,
    trailingSlash: true,
  });
}
