/**
 * The editor check: reads every content file, validates it with the same schemas the build uses,
 * checks ids across collections and the bodies of posts, and reports every problem with its line
 * and column. It reads files only (no Astro, no build), so it runs in a second and can gate
 * `astro build`.
 *
 * ./frontmatter.ts reads each file, ./references.ts ties files together, ./body/ checks what
 * posts say; this module runs them in order and gathers what the build needs from the run.
 */
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { collectionFolders, listCollectionFiles, SITE_DATA_FILE, type CollectionName } from '../lib/content-files.ts';
import { todayIn } from '../lib/dates.ts';
import type { Entry } from '../lib/posts.ts';
import { authorSchema, type AuthorData } from '../schemas/author.ts';
import { courseSchema, type CourseData } from '../schemas/course.ts';
import { postSchema, type PostData } from '../schemas/post.ts';
import { publisherSchema, type PublisherData } from '../schemas/publisher.ts';
import { siteConfig } from '../site.config.ts';
import { checkBodies, type PostSource, type SiteFacts } from './body/index.ts';
import { unfinishedFields } from './body/unfinished.ts';
import { readContentFile, readSiteDataFile, type ParsedFile } from './frontmatter.ts';
import { sortProblems, type FileProblem, type Problem } from './problems.ts';
import { danglingIds, fileNameProblems, idsOf } from './references.ts';

export { formatProblems, type Problem } from './problems.ts';

const schemas = {
  posts: postSchema,
  authors: authorSchema,
  courses: courseSchema,
  publishers: publisherSchema,
} satisfies Record<CollectionName, z.ZodType>;

/** What a run of the check found: every problem, and how many files of each kind it read. */
export interface CheckResult {
  problems: Problem[];
  counts: Record<CollectionName, number>;
  /** Every post whose frontmatter is valid, with what decides whether it is published. */
  posts: Array<{ file: string; date: string; draft: boolean }>;
  /** Code points the posts' formulas draw, in order (drafts' too): the build's math font holds them. */
  mathCharacters: number[];
  /**
   * The valid files of each collection as the build's loaders give them (id and schema output):
   * when there are no problems, the content the build is about to render (the social-image
   * pre-renderer starts from it).
   */
  valid: {
    posts: Array<Entry<PostData>>;
    authors: Array<Entry<AuthorData>>;
    courses: Array<Entry<CourseData>>;
    publishers: Array<Entry<PublisherData>>;
  };
}

/** What a run may be told instead of asking the clock. */
export interface CheckOptions {
  /** Today in the site's time zone, "YYYY-MM-DD": links to posts dated later are reported. */
  today?: string;
}

/**
 * Checks the whole content root. `display` turns a root-relative path into the path printed
 * (by default "content/posts/a.mdx" style, relative to the root's parent folder).
 */
export function checkContent(
  root: string,
  display: (path: string) => string = (p) => join('content', p),
  { today = todayIn(siteConfig.timeZone, new Date()) }: CheckOptions = {},
): CheckResult {
  const problems: Problem[] = [];
  const inFile = (path: string, found: readonly FileProblem[]) =>
    problems.push(...found.map((problem) => ({ file: display(path), ...problem })));
  const files = {} as Record<CollectionName, ParsedFile[]>;
  const counts = {} as Record<CollectionName, number>;
  for (const collection of Object.keys(collectionFolders) as CollectionName[]) {
    const paths = listCollectionFiles(root, collection);
    counts[collection] = paths.length;
    files[collection] = paths.map((path) => {
      const found: FileProblem[] = [];
      const file = readContentFile(root, collection, path, schemas[collection], found);
      inFile(path, found);
      return file;
    });
  }
  const siteData: FileProblem[] = [];
  readSiteDataFile(root, siteData);
  inFile(SITE_DATA_FILE, siteData);
  problems.push(...fileNameProblems(files, display), ...danglingIds(files, display));

  // Bodies last: their links and repeated text are checked against every other file.
  const mathCharacters = new Set<number>();
  problems.push(...checkBodies(bodies(files.posts, root, display), siteFacts(files), today, mathCharacters));
  for (const file of files.posts) {
    const post = file.valid as PostData | undefined;
    if (post) inFile(file.path, unfinishedFields(post, file.locate));
  }

  const valid = <Data>(collection: CollectionName) =>
    files[collection].flatMap((file) => (file.valid === undefined ? [] : [{ id: file.id, data: file.valid as Data }]));
  return {
    problems: sortProblems(problems),
    counts,
    posts: files.posts.flatMap((file) => {
      const post = file.valid as PostData | undefined;
      return post ? [{ file: display(file.path), date: post.date, draft: post.draft }] : [];
    }),
    mathCharacters: [...mathCharacters].sort((a, b) => a - b),
    valid: {
      posts: valid<PostData>('posts'),
      authors: valid<AuthorData>('authors'),
      courses: valid<CourseData>('courses'),
      publishers: valid<PublisherData>('publishers'),
    },
  };
}

/** What the body check needs to know about the rest of the site, from the files as they are. */
function siteFacts(files: Readonly<Record<CollectionName, readonly ParsedFile[]>>): SiteFacts {
  const text = (file: ParsedFile, key: string) => {
    const value = file.data?.[key];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    siteUrl: siteConfig.url,
    disclaimer: siteConfig.disclaimer,
    courses: files.courses.map((f) => ({
      id: f.id,
      name: text(f, 'name'),
      ctaHeading: text(f, 'ctaHeading'),
      pitch: text(f, 'pitch'),
    })),
    publishers: files.publishers.map((f) => ({ id: f.id, name: text(f, 'name'), disclaimer: text(f, 'disclaimer') })),
    authors: idsOf(files.authors),
  };
}

/** Every post with a readable file, as the body check reads it. */
function bodies(posts: readonly ParsedFile[], root: string, display: (path: string) => string): PostSource[] {
  return posts.flatMap((file) => {
    if (file.source === undefined) return [];
    const post = file.valid as PostData | undefined;
    return [
      {
        file: display(file.path),
        path: join(root, file.path),
        source: file.source,
        publish: post && { date: post.date, draft: post.draft },
      },
    ];
  });
}
