// The site feed: every published article, newest first, with its full body.
import type { APIRoute } from 'astro';
import { articleFeed } from '~/lib/article-feed';
import { getSiteContent } from '~/lib/collections';
import { siteConfig } from '~/site.config';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await getSiteContent();
  return articleFeed({ title: siteConfig.name, description: siteConfig.tagline, site: site!, articles });
};
