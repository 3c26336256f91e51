/**
 * RSS items for @astrojs/rss. Pure: the rendered article HTML comes in as an argument, so tests
 * need no build. The body is the article alone (no CTA, disclaimer or MDX import lines, which
 * never reach the rendered HTML); links in it are made absolute so feed readers can follow them.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Article } from './posts.ts';
import { absolute } from './urls.ts';

/** Root-relative href/src values ("/posts/x/") made absolute against `site`. */
export function absolutiseUrls(html: string, site: string): string {
  return html.replace(
    /\b(href|src)="(\/[^"]*)"/g,
    (_, attribute: string, path: string) => `${attribute}="${new URL(path, site).href}"`,
  );
}

/** Page-only furniture removed: section anchors (feed readers show their screen-reader text). */
export function cleanForFeed(html: string): string {
  return html
    .replace(/<a class="heading-anchor"[^>]*>[\s\S]*?<\/a>/g, '')
    .replace(/<div class="heading-wrapper">([\s\S]*?)<\/div>/g, '$1');
}

/** One feed item: title, link, date, author, topics, summary and the full HTML body. */
export function feedItem(article: Article, html: string, site: string): RSSFeedItem {
  return {
    title: article.data.title,
    link: absolute(`/posts/${article.id}/`, site),
    pubDate: new Date(`${article.data.date}T00:00:00Z`),
    description: article.data.description,
    author: article.author.data.name,
    categories: [...article.data.topics],
    content: absolutiseUrls(cleanForFeed(html), site),
  };
}
