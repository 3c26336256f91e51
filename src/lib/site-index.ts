/**
 * Everything that relates posts to each other, computed once for the whole site: topics, related
 * articles, most read, previous/next, and the articles of each course and author. Pages look
 * results up here instead of scanning the collection (which would cost pages × posts).
 */
import type { Article, PostEntry } from './posts.ts';
import { slugify } from '../schemas/slug.ts';

/** A topic as readers see it, with its URL slug and articles (newest first). */
export interface Topic<E extends PostEntry = PostEntry> {
  slug: string;
  name: string;
  articles: Array<Article<E>>;
}

export interface SiteIndex<E extends PostEntry = PostEntry> {
  topics: Map<string, Topic<E>>;
  byCourse: Map<string, Array<Article<E>>>;
  byAuthor: Map<string, Array<Article<E>>>;
  related: Map<string, Array<Article<E>>>;
  /** Most viewed first, ties broken by newest. */
  mostRead: Array<Article<E>>;
  /** Newer and older neighbours of each article in the index order. */
  neighbours: Map<string, { newer?: Article<E> | undefined; older?: Article<E> | undefined }>;
}

function group<E extends PostEntry>(
  articles: ReadonlyArray<Article<E>>,
  key: (a: Article<E>) => string,
): Map<string, Array<Article<E>>> {
  const groups = new Map<string, Array<Article<E>>>();
  for (const article of articles) {
    const members = groups.get(key(article));
    if (members) members.push(article);
    else groups.set(key(article), [article]);
  }
  return groups;
}

/**
 * Articles related to `article`: those on the same course first, then by the number of topics
 * they share, then newest. Articles with nothing in common are not "related".
 *
 * This is the definition, read against the whole list; the build uses relatedIndex, which gives
 * the same answer for every article at once without comparing every pair (a test holds the two
 * together).
 */
export function relatedArticles<E extends PostEntry>(
  article: Article<E>,
  all: ReadonlyArray<Article<E>>,
  limit = 3,
): Array<Article<E>> {
  const topics = new Set(article.data.topics.map(slugify));
  return all
    .filter((other) => other.id !== article.id)
    .map((other) => ({
      other,
      sameCourse: other.data.course === article.data.course ? 1 : 0,
      // Topics in common, each once: "NLP" and "nlp" written in one post are one topic.
      shared: [...new Set(other.data.topics.map(slugify))].filter((t) => topics.has(t)).length,
    }))
    .filter(({ sameCourse, shared }) => sameCourse + shared > 0)
    .sort(
      (a, b) =>
        b.sameCourse - a.sameCourse || b.shared - a.shared || b.other.data.date.localeCompare(a.other.data.date),
    )
    .slice(0, limit)
    .map(({ other }) => other);
}

/** Positive when ISO day `a` is later than `b`: plain string order, which ISO dates share. */
function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `limit` most viewed articles, ties broken by the newer date. */
export function mostRead<E extends PostEntry>(articles: ReadonlyArray<Article<E>>, limit = 5): Array<Article<E>> {
  return [...articles]
    .sort((a, b) => b.data.views - a.data.views || b.data.date.localeCompare(a.data.date))
    .slice(0, limit);
}

/**
 * relatedArticles for every article of `articles` (sorted newest first), keyed by id.
 *
 * Comparing every pair made this the largest site-wide cost of a build: 1.4 s at 1,000 posts,
 * growing with the square of the posts. Here each article only meets the articles that share a
 * topic with it (through each topic's members) and, when those are too few, the newest of its
 * course, so the work grows with posts × the size of their topics.
 */
export function relatedIndex<E extends PostEntry>(
  articles: ReadonlyArray<Article<E>>,
  limit = 3,
): Map<string, Array<Article<E>>> {
  const topicsOf = articles.map((article) => [...new Set(article.data.topics.map(slugify))]);
  const members = new Map<string, number[]>();
  topicsOf.forEach((slugs, i) => {
    for (const slug of slugs) {
      const list = members.get(slug);
      if (list) list.push(i);
      else members.set(slug, [i]);
    }
  });
  const byCourse = new Map<string, number[]>();
  articles.forEach((article, i) => {
    const list = byCourse.get(article.data.course);
    if (list) list.push(i);
    else byCourse.set(article.data.course, [i]);
  });

  const shared = new Int32Array(articles.length);
  const related = new Map<string, Array<Article<E>>>();
  articles.forEach((article, i) => {
    const met: number[] = [];
    for (const slug of topicsOf[i]!) {
      for (const j of members.get(slug)!) {
        if (j === i) continue;
        if (shared[j] === 0) met.push(j);
        shared[j] = shared[j]! + 1;
      }
    }
    // Same course, no shared topic: only the newest `limit` of them can make the list.
    let added = 0;
    for (const j of byCourse.get(article.data.course)!) {
      if (added === limit) break;
      if (j === i || shared[j] !== 0) continue;
      met.push(j);
      added++;
    }
    // The best `limit` of them, kept in order as they come (the topics of a big blog hold
    // thousands of posts, so sorting everything met would cost more than meeting it).
    const sameCourse = (j: number) => (articles[j]!.data.course === article.data.course ? 1 : 0);
    const before = (a: number, b: number) =>
      sameCourse(a) - sameCourse(b) ||
      shared[a]! - shared[b]! ||
      compareDates(articles[a]!.data.date, articles[b]!.data.date) ||
      b - a;
    const best: number[] = [];
    for (const j of met) {
      if (best.length === limit && before(j, best[limit - 1]!) <= 0) continue;
      let at = best.length;
      while (at > 0 && before(j, best[at - 1]!) > 0) at--;
      best.splice(at, 0, j);
      if (best.length > limit) best.pop();
    }
    related.set(
      article.id,
      best.map((j) => articles[j]!),
    );
    for (const j of met) shared[j] = 0;
  });
  return related;
}

/** Builds the index from articles already sorted newest first. */
export function buildSiteIndex<E extends PostEntry>(articles: ReadonlyArray<Article<E>>): SiteIndex<E> {
  const topics = new Map<string, Topic<E>>();
  for (const article of articles) {
    for (const name of article.data.topics) {
      const slug = slugify(name);
      let topic = topics.get(slug);
      if (!topic) topics.set(slug, (topic = { slug, name, articles: [] }));
      // The same topic written twice in one post counts once (its articles are added in order,
      // so this article would be the last).
      if (topic.articles.at(-1) !== article) topic.articles.push(article);
    }
  }
  const neighbours = new Map(
    articles.map((article, i) => [article.id, { newer: articles[i - 1], older: articles[i + 1] }]),
  );
  return {
    topics: new Map([...topics].sort(([a], [b]) => a.localeCompare(b))),
    byCourse: group(articles, (a) => a.data.course),
    byAuthor: group(articles, (a) => a.data.author),
    related: relatedIndex(articles),
    mostRead: mostRead(articles),
    neighbours,
  };
}

/** Total reading time of a list of articles, in minutes. */
export function totalReadingMinutes(articles: ReadonlyArray<Pick<Article, 'readingMinutes'>>): number {
  return articles.reduce((sum, article) => sum + article.readingMinutes, 0);
}
