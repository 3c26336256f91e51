// The site feed: every published article, newest first, with its full body.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSiteContent } from '~/lib/collections';
import { feedItem } from '~/lib/feed';
import { renderPostHtml } from '~/lib/render-html';
import { siteConfig } from '~/site.config';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await getSiteContent();
  const origin = site!.href;
  return rss({
    title: siteConfig.name,
    description: siteConfig.tagline,
    site: origin,
    items: await Promise.all(articles.map(async (article) => feedItem(article, await renderPostHtml(article.entry), origin))),
    customData: `<language>${siteConfig.lang}</language>`,
    trailingSlash: true,
  });
};
