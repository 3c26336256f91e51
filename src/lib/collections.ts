/**
 * The only module that calls getCollection. It reads every collection once per build and hands
 * the joined result to every page: per-page getCollection calls and sorts grow as pages × posts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildSiteContent, type SiteContent } from './posts.ts';

let content: Promise<SiteContent<CollectionEntry<'posts'>>> | undefined;

/** All published content, loaded and joined once. Drafts show in `astro dev` only. */
export function getSiteContent(): Promise<SiteContent<CollectionEntry<'posts'>>> {
  content ??= (async () => {
    const [posts, authors, courses, publishers] = await Promise.all([
      getCollection('posts'),
      getCollection('authors'),
      getCollection('courses'),
      getCollection('publishers'),
    ]);
    return buildSiteContent({ posts, authors, courses, publishers }, { includeDrafts: import.meta.env.INCLUDE_DRAFTS });
  })();
  return content;
}
