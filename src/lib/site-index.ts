/**
 * Everything that relates posts to each other, computed once for the whole site: topics, related
 * articles, most read, previous/next, and the articles of each course and author. Pages look
 * results up here instead of scanning the collection (which would cost pages × posts).
 */
import type { Article, PostEntry } from './posts.ts';
import { slugify } from './slug.ts';

/** A topic as readers see it, with its URL slug and articles (newest first). */
export interface Topic<E extends PostEntry = PostEntry> {
  slug: string;
  name: string;
  articles: Article<E>[];
}

export interface SiteIndex<E extends PostEntry = PostEntry> {
  topics: Map<string, Topic<E>>;
  byCourse: Map<string, Article<E>[]>;
  byAuthor: Map<string, Article<E>[]>;
  related: Map<string, Article<E>[]>;
  /** Most viewed first, ties broken by newest. */
  mostRead: Article<E>[];
  /** Newer and older neighbours of each article in the index order. */
  neighbours: Map<string, { newer?: Article<E> | undefined; older?: Article<E> | undefined }>;
}

function group<E extends PostEntry>(articles: readonly Article<E>[], keys: (a: Article<E>) => string[]): Map<string, Article<E>[]> {
  const groups = new Map<string, Article<E>[]>();
  for (const article of articles) {
    for (const key of keys(article)) groups.set(key, [...(groups.get(key) ?? []), article]);
  }
  return groups;
}

/**
 * Articles related to `article`: those on the same course first, then by the number of topics
 * they share, then newest. Articles with nothing in common are not "related".
 */
export function relatedArticles<E extends PostEntry>(article: Article<E>, all: readonly Article<E>[], limit = 3): Article<E>[] {
  const topics = new Set(article.data.topics.map(slugify));
  return all
    .filter((other) => other.id !== article.id)
    .map((other) => ({
      other,
      sameCourse: other.data.course === article.data.course ? 1 : 0,
      shared: other.data.topics.filter((t) => topics.has(slugify(t))).length,
    }))
    .filter(({ sameCourse, shared }) => sameCourse + shared > 0)
    .sort((a, b) => b.sameCourse - a.sameCourse || b.shared - a.shared || b.other.data.date.localeCompare(a.other.data.date))
    .slice(0, limit)
    .map(({ other }) => other);
}

/** The `limit` most viewed articles, ties broken by the newer date. */
export function mostRead<E extends PostEntry>(articles: readonly Article<E>[], limit = 5): Article<E>[] {
  return [...articles].sort((a, b) => b.data.views - a.data.views || b.data.date.localeCompare(a.data.date)).slice(0, limit);
}

/** Builds the index from articles already sorted newest first. */
export function buildSiteIndex<E extends PostEntry>(articles: readonly Article<E>[]): SiteIndex<E> {
  const topics = new Map<string, Topic<E>>();
  for (const article of articles) {
    for (const name of article.data.topics) {
      const slug = slugify(name);
      const topic = topics.get(slug) ?? { slug, name, articles: [] };
      // The same topic written twice in one post counts once.
      if (!topic.articles.includes(article)) topic.articles.push(article);
      topics.set(slug, topic);
    }
  }
  const neighbours = new Map(articles.map((article, i) => [article.id, { newer: articles[i - 1], older: articles[i + 1] }]));
  return {
    topics: new Map([...topics].sort(([a], [b]) => a.localeCompare(b))),
    byCourse: group(articles, (a) => [a.data.course]),
    byAuthor: group(articles, (a) => [a.data.author]),
    related: new Map(articles.map((article) => [article.id, relatedArticles(article, articles)])),
    mostRead: mostRead(articles),
    neighbours,
  };
}

/** Total reading time of a list of articles, in minutes. */
export function totalReadingMinutes(articles: readonly Pick<Article, 'readingMinutes'>[]): number {
  return articles.reduce((sum, article) => sum + article.readingMinutes, 0);
}
