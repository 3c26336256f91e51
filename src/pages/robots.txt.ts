// robots.txt: everything may be crawled; the sitemap index is named with the site's full URL.
import type { APIRoute } from 'astro';
import { absolute } from '~/lib/urls';

export const GET: APIRoute = ({ site }) => {
  // Under a base path this file is not at the host's root, where crawlers look: the host's own
  // robots.txt must name this sitemap (docs/hosting.md).
  const sitemap = new URL(absolute('/sitemap-index.xml', site!));
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
