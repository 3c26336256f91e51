/**
 * The site's content as pages need it: posts joined to their author, course and publisher,
 * filtered and sorted once. Pure: collections and options come in as arguments.
 */
import type { AuthorData } from '../schemas/author.ts';
import type { CourseData } from '../schemas/course.ts';
import type { PostData } from '../schemas/post.ts';
import type { PublisherData } from '../schemas/publisher.ts';
import { readingMinutes } from './reading-time.ts';

/** A loaded content entry: its id (the file name) and validated data. */
export interface Entry<Data> {
  id: string;
  data: Data;
}

/** A post entry as the loader gives it; `body` is the raw MDX. */
export interface PostEntry extends Entry<PostData> {
  body?: string | undefined;
}

export type Author = Entry<AuthorData>;
export type Publisher = Entry<PublisherData>;
export interface Course extends Entry<CourseData> {
  publisher: Publisher;
}

/** A post with everything its page, card and feed need. */
export interface Article<E extends PostEntry = PostEntry> {
  id: string;
  entry: E;
  data: PostData;
  author: Author;
  course: Course;
  readingMinutes: number;
  /** "draft" or "scheduled for …" when shown only because this is the dev server. */
  heldBack?: string | undefined;
}

export interface SiteContent<E extends PostEntry = PostEntry> {
  /** Published posts, newest first (ties broken by id, so the order is stable). */
  articles: Array<Article<E>>;
  authors: Map<string, Author>;
  courses: Map<string, Course>;
}

/** What decides whether a post is live: the dev server shows everything; a build, only the due. */
export interface PublishOptions {
  /** True in `astro dev`: drafts and scheduled posts are shown (with a badge). */
  includeDrafts: boolean;
  /** Today in the site's time zone, "YYYY-MM-DD"; posts dated later are held back. */
  today: string;
}

/** A post is live when it is not a draft and its date has come (or in dev, always). */
export function isPublished(post: Pick<PostData, 'draft' | 'date'>, { includeDrafts, today }: PublishOptions): boolean {
  return includeDrafts || heldBack(post, today) === undefined;
}

/** Why a post is held back from a build, or undefined when it is live. */
export function heldBack(post: Pick<PostData, 'draft' | 'date'>, today: string): string | undefined {
  if (post.draft) return 'draft';
  if (post.date > today) return `scheduled for ${post.date}`;
  return undefined;
}

/** Newest first by date, then by id. */
export function compareNewestFirst(
  a: { id: string; data: Pick<PostData, 'date'> },
  b: { id: string; data: Pick<PostData, 'date'> },
): number {
  return b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id);
}

function byId<T extends { id: string }>(entries: readonly T[]): Map<string, T> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

function required<T>(map: Map<string, T>, id: string, what: string, owner: string): T {
  const found = map.get(id);
  // The content check reports this first, with a suggestion; this guards builds that skip it.
  if (!found) throw new Error(`${owner}: ${what} "${id}" does not exist`);
  return found;
}

/** Joins the collections into the site's content. Throws on an id that does not resolve. */
export function buildSiteContent<E extends PostEntry>(
  collections: {
    posts: readonly E[];
    authors: readonly Author[];
    courses: ReadonlyArray<Entry<CourseData>>;
    publishers: readonly Publisher[];
  },
  options: PublishOptions,
): SiteContent<E> {
  const publishers = byId(collections.publishers);
  const authors = byId(collections.authors);
  const courses = new Map(
    collections.courses.map((course) => [
      course.id,
      { ...course, publisher: required(publishers, course.data.publisher, 'publisher', `courses/${course.id}`) },
    ]),
  );
  const articles = collections.posts
    .filter((post) => isPublished(post.data, options))
    .map((post) => ({
      id: post.id,
      entry: post,
      data: post.data,
      author: required(authors, post.data.author, 'author', `posts/${post.id}`),
      course: required(courses, post.data.course, 'course', `posts/${post.id}`),
      readingMinutes: readingMinutes(post.body ?? ''),
      heldBack: heldBack(post.data, options.today),
    }))
    .sort(compareNewestFirst);
  return { articles, authors, courses };
}

/** The disclaimer for a publisher: its own text, or the site's with its name filled in. */
export function disclaimerFor(publisher: Publisher, template: string): string {
  return publisher.data.disclaimer ?? template.replaceAll('{publisher}', publisher.data.name);
}
