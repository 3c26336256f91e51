/**
 * The editor check: reads every content file, validates it with the same schemas the build uses,
 * checks ids across collections and reports every problem with its line and column. It reads
 * files only (no Astro, no build), so it runs in a second and can gate `astro build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { authorSchema, type AuthorData } from '../schemas/author.ts';
import { courseSchema, type CourseData } from '../schemas/course.ts';
import { ID_PATTERN } from '../schemas/fields.ts';
import { postSchema, type PostData } from '../schemas/post.ts';
import { publisherSchema, type PublisherData } from '../schemas/publisher.ts';
import { siteConfig } from '../site.config.ts';
import { checkBodies, UNFINISHED } from './body/index.ts';
import { collectionFolders, fileId, listCollectionFiles, type CollectionName } from '../lib/content-files.ts';
import { todayIn } from '../lib/dates.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import type { Entry } from '../lib/posts.ts';
import { slugify } from '../lib/slug.ts';
import { didYouMean } from '../lib/suggest.ts';

/** One thing an editor has to fix. `file` is relative to the content root's parent. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

interface ParsedFile {
  collection: CollectionName;
  /** Path relative to the content root, e.g. "posts/a.mdx". */
  path: string;
  id: string;
  /** The parsed YAML, valid or not, so that ids are checked even when another field fails. */
  data: Record<string, unknown> | undefined;
  /** The schema's output when the file is valid. */
  valid?: unknown;
  /** The whole file, for a post: its body is checked once every file is read. */
  source?: string;
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
}

const schemas = {
  posts: postSchema,
  authors: authorSchema,
  courses: courseSchema,
  publishers: publisherSchema,
} satisfies Record<CollectionName, z.ZodType>;

function parseYaml(yaml: string, firstLine: number) {
  const lineCounter = new LineCounter();
  // The `timestamp` tag makes unquoted dates parse as Date, as js-yaml does inside Astro, so the
  // check and the build see the same values.
  const doc = parseDocument(yaml, { lineCounter, customTags: ['timestamp'], prettyErrors: false });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const end = at(yaml.length);
  const locate = (path: readonly PropertyKey[]) => locateInDocument(doc, path, at, end);
  return { doc, at, locate };
}

/** Position of the value at `path`; for a missing key, its parent; for the root, the end. */
function locateInDocument(
  doc: Document,
  path: readonly PropertyKey[],
  at: (offset: number) => { line: number; column: number },
  end: { line: number; column: number },
) {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
    if (node?.range) return at(node.range[0]);
  }
  return end;
}

/** Position of a key (not its value) in the top-level map, for unknown-key reports. */
function locateKey(doc: Document, key: string, at: (offset: number) => { line: number; column: number }) {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return range ? at(range[0]) : undefined;
}

function readFile(root: string, collection: CollectionName, path: string, problems: Problem[], display: (p: string) => string): ParsedFile {
  const source = readFileSync(join(root, path), 'utf8');
  const id = fileId(path);
  const file = display(path);
  let yaml = source;
  let firstLine = 1;
  if (collection === 'posts') {
    const front = splitFrontmatter(source);
    if (!front) {
      problems.push({ file, line: 1, column: 1, field: 'frontmatter', message: 'no frontmatter (start the file with a line "---", the fields, then another "---")' });
      return { collection, path, id, data: undefined, source, locate: () => ({ line: 1, column: 1 }) };
    }
    ({ yaml, firstLine } = front);
  }
  const { doc, at, locate } = parseYaml(yaml, firstLine);
  const body = collection === 'posts' ? { source } : {};
  if (doc.errors.length > 0) {
    // The first syntax error is the one to fix; the rest are usually its echoes.
    const [error] = doc.errors;
    if (error) {
      const message = error.message.split('\n')[0] ?? 'invalid YAML';
      problems.push({ file, ...at(error.pos[0]), field: 'yaml', message: `${message} (check quotes, colons and indentation here)` });
    }
    return { collection, path, id, data: undefined, locate, ...body };
  }
  const value: unknown = doc.toJS();
  const data = value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  const result = schemas[collection].safeParse(value ?? {});
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const position = locateKey(doc, key, at) ?? locate([]);
          problems.push({ file, ...position, field: key, message: issue.message.split('; ').find((m) => m.includes(`"${key}"`)) ?? issue.message });
        }
        continue;
      }
      const field = issue.path.map(String).join('.') || '(file)';
      const key = `${field}\0${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ file, ...locate(issue.path), field, message: issue.message });
    }
  }
  return { collection, path, id, data, locate, valid: result.data, ...body };
}

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
  const files = {} as Record<CollectionName, ParsedFile[]>;
  const counts = {} as Record<CollectionName, number>;
  for (const collection of Object.keys(collectionFolders) as CollectionName[]) {
    const paths = listCollectionFiles(root, collection);
    counts[collection] = paths.length;
    files[collection] = paths.map((path) => readFile(root, collection, path, problems, display));
  }

  const ids = (collection: CollectionName) => [...new Set(files[collection].map((f) => f.id))].sort();
  for (const collection of Object.keys(files) as CollectionName[]) {
    const byId = new Map<string, ParsedFile[]>();
    for (const file of files[collection]) {
      if (!ID_PATTERN.test(file.id)) {
        problems.push({
          file: display(file.path), line: 1, column: 1, field: 'file name',
          message: `"${file.id}" cannot be used in a URL (rename the file to lower-case words joined by hyphens, e.g. "${slugify(file.id)}")`,
        });
      }
      byId.set(file.id, [...(byId.get(file.id) ?? []), file]);
    }
    for (const [id, same] of byId) {
      if (same.length < 2) continue;
      for (const file of same) {
        const others = same.filter((f) => f !== file).map((f) => display(f.path));
        problems.push({
          file: display(file.path), line: 1, column: 1, field: 'file name',
          message: `two ${collection} have the id "${id}" (also ${others.join(', ')}); rename one of them`,
        });
      }
    }
  }

  const references: Array<[CollectionName, string, CollectionName]> = [
    ['posts', 'author', 'authors'],
    ['posts', 'course', 'courses'],
    ['courses', 'publisher', 'publishers'],
  ];
  for (const [from, field, to] of references) {
    const valid = ids(to);
    for (const file of files[from]) {
      const value = file.data?.[field];
      if (typeof value !== 'string' || valid.includes(value)) continue;
      problems.push({
        file: display(file.path), ...file.locate([field]), field,
        message: `"${value}" is not a file in content/${collectionFolders[to].folder}/ (${didYouMean(value, valid)})`,
      });
    }
  }

  // Bodies last: their links and repeated text are checked against every other file.
  const text = (file: ParsedFile, key: string) => {
    const value = file.data?.[key];
    return typeof value === 'string' ? value : undefined;
  };
  const facts = {
    siteUrl: siteConfig.url,
    disclaimer: siteConfig.disclaimer,
    courses: files.courses.map((f) => ({ id: f.id, name: text(f, 'name'), ctaHeading: text(f, 'ctaHeading'), pitch: text(f, 'pitch') })),
    publishers: files.publishers.map((f) => ({ id: f.id, name: text(f, 'name'), disclaimer: text(f, 'disclaimer') })),
    authors: ids('authors'),
  };
  const bodies = files.posts.flatMap((file) => {
    if (file.source === undefined) return [];
    const post = file.valid as PostData | undefined;
    return [{ file: display(file.path), path: join(root, file.path), source: file.source, publish: post && { date: post.date, draft: post.draft } }];
  });
  const mathCharacters = new Set<number>();
  problems.push(...checkBodies(bodies, facts, today, mathCharacters));

  // `npm run new` writes TODO placeholders; a post may not go live with one left in.
  for (const file of files.posts) {
    const post = file.valid as PostData | undefined;
    if (!post || post.draft) continue;
    for (const field of ['title', 'description'] as const) {
      if (!UNFINISHED.test(post[field])) continue;
      problems.push({ file: display(file.path), ...file.locate([field]), field, message: `${field} still has a TODO placeholder (write the real ${field}, or keep draft: true until it is ready)` });
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const posts = files.posts.flatMap((file) => {
    const post = file.valid as PostData | undefined;
    return post ? [{ file: display(file.path), date: post.date, draft: post.draft }] : [];
  });
  const valid = <Data>(collection: CollectionName) =>
    files[collection].flatMap((file) => (file.valid === undefined ? [] : [{ id: file.id, data: file.valid as Data }]));
  return {
    problems,
    counts,
    posts,
    mathCharacters: [...mathCharacters].sort((a, b) => a - b),
    valid: {
      posts: valid<PostData>('posts'),
      authors: valid<AuthorData>('authors'),
      courses: valid<CourseData>('courses'),
      publishers: valid<PublisherData>('publishers'),
    },
  };
}

/** The report an editor reads: `path:line:column  field  message`, one problem a line. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}`).join('\n');
}
