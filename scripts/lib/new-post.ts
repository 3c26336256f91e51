/**
 * What `npm run new` does, without a terminal: works out a new post's slug, checks the flags and
 * answers against the content root, and renders a draft that passes the content check from the
 * start. scripts/new-post.ts only parses arguments, asks questions, writes and prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ID_PATTERN } from '../../src/schemas/fields.ts';
import { postSchema } from '../../src/schemas/post.ts';
import { siteConfig } from '../../src/site.config.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { fileId, listCollectionFiles } from '../../src/lib/content-files.ts';
import { isCalendarDay, todayIn } from '../../src/lib/dates.ts';
import { slugify } from '../../src/schemas/slug.ts';
import { didYouMean } from '../../src/schemas/suggest.ts';
import { existingTopics } from '../../src/lib/topics.ts';

export { existingTopics };

/** Where `npm run dev` serves the site (Astro's default port). */
export const DEV_SERVER = 'http://localhost:4321';

/**
 * The description a new post starts with: long enough to pass the schema, so the file is valid
 * from the first second, and worded so nobody mistakes it for a real one.
 */
export const DESCRIPTION_PLACEHOLDER =
  'TODO: replace with one or two sentences saying what the reader will learn (shown on cards and in search results).';

/** The frontmatter fields an editor chooses; `views: 0` and `draft: true` are always added. */
export interface NewPostFields {
  title: string;
  description: string;
  date: string;
  author: string;
  course: string;
  topics: readonly string[];
}

/** What the command was given, from flags or answers; anything left out is missing. */
export interface NewPostOptions {
  title?: string | undefined;
  slug?: string | undefined;
  author?: string | undefined;
  course?: string | undefined;
  topics?: readonly string[] | undefined;
  description?: string | undefined;
  date?: string | undefined;
}

/** A field that can be asked for in a terminal instead of given as a flag. */
export type AskableField = 'title' | 'author' | 'course' | 'topics';

/** One reason not to write the post. `missing` marks a field the CLI may ask for instead. */
export interface NewPostError {
  field: string;
  message: string;
  missing?: AskableField;
}

/** Either the post to write (absolute path and text) or every reason not to write it. */
export type NewPostPlan =
  | { ok: true; slug: string; path: string; file: string; text: string; fields: NewPostFields }
  | { ok: false; errors: NewPostError[] };

/** An author or a course an editor can pick: its id and, for the list, its name. */
export interface Choice {
  id: string;
  name: string;
}

/** The authors and courses under the content root, sorted by id, with their `name` fields. */
export function readChoices(root: string, collection: 'authors' | 'courses'): Choice[] {
  return listCollectionFiles(root, collection).map((path) => {
    let name = '';
    try {
      const data: unknown = parse(readFileSync(join(root, path), 'utf8'));
      const value = (data as Record<string, unknown> | null)?.['name'];
      if (typeof value === 'string') name = value;
    } catch {
      // An unreadable file is the content check's job to report; its id is still a valid choice.
    }
    return { id: fileId(path), name };
  });
}

/**
 * "Finance, time series" → ["finance", "time series"]: trimmed, without empties or repeats, and
 * spelt like an existing topic when one matches regardless of case, so "nlp" joins "NLP".
 */
export function parseTopics(text: string, known: readonly string[] = []): string[] {
  const topics: string[] = [];
  for (const raw of text.split(',')) {
    const trimmed = raw.trim().replace(/\s+/g, ' ');
    if (!trimmed) continue;
    const topic = known.find((k) => k.toLowerCase() === trimmed.toLowerCase()) ?? trimmed;
    if (!topics.some((t) => t.toLowerCase() === topic.toLowerCase())) topics.push(topic);
  }
  return topics;
}

/** `"a", "b"` with names, for error messages and prompts. */
export function describeChoices(choices: readonly Choice[]): string {
  if (choices.length === 0) return 'none exist yet';
  return choices.map((c) => (c.name ? `"${c.id}" (${c.name})` : `"${c.id}"`)).join(', ');
}

/**
 * An answer or flag turned into an id: the id itself, or its number in the listed choices, or an
 * empty answer when there is only one choice. Anything else is an error naming the valid ids.
 */
export function resolveChoice(
  field: 'author' | 'course',
  value: string,
  choices: readonly Choice[],
): { id: string } | { error: string } {
  const folder = `content/${field === 'author' ? 'authors' : 'courses'}/`;
  const answer = value.trim();
  const only = choices.length === 1 ? choices[0] : undefined;
  if (answer === '' && only) return { id: only.id };
  if (choices.some((c) => c.id === answer)) return { id: answer };
  const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
  if (byNumber) return { id: byNumber.id };
  if (answer === '')
    return {
      error: `${field} is missing (pass --${field} with the id of a file in ${folder}: ${describeChoices(choices)})`,
    };
  const ids = choices.map((c) => c.id);
  const suggestion = didYouMean(answer, ids);
  const list = suggestion.startsWith('did you mean') ? `${suggestion} valid ids: ${ids.join(', ')}` : suggestion;
  return { error: `${field} "${answer}" is not a file in ${folder} (${list})` };
}

/** The post already using `slug`, as a path relative to the root ("posts/2024/x.md"), if any. */
export function findExistingPost(root: string, slug: string): string | undefined {
  return listCollectionFiles(root, 'posts').find((path) => fileId(path) === slug);
}

/** The address of a post on `npm run dev`. */
export function previewUrl(slug: string): string {
  return `${DEV_SERVER}/posts/${slug}/`;
}

/** A YAML double-quoted scalar that parses back to exactly `value` (quotes, colons, # and all). */
function quote(value: string): string {
  return stringify(value, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }).trimEnd();
}

/**
 * The text of a new draft: frontmatter, then an outline of placeholders. No `#` heading (the title
 * is the page's <h1>), `##` sections only, and no braces, so MDX reads it as plain Markdown.
 */
export function renderPost(fields: NewPostFields): string {
  return `---
title: ${quote(fields.title)}
description: ${quote(fields.description)}
date: ${quote(fields.date)}
author: ${fields.author}
course: ${fields.course}
views: 0
topics: [${fields.topics.map(quote).join(', ')}]
draft: true
---

<Callout type="warning" title="Draft outline">
  Replace every TODO below, write a real \`description\` in the frontmatter, and delete the line
  \`draft: true\` when the post is ready: until then it shows in \`npm run dev\` only.
</Callout>

TODO: Open with the question this article answers and who it is for, in two or three sentences.

## TODO: First section heading

TODO: Introduce the first idea with a concrete example from the reader's work.

## TODO: Second section heading

TODO: Build on it. Formulas go between dollar signs, e.g. $y = wx + b$; code goes in fenced blocks.

## TODO: Third section heading

TODO: Show where the idea applies in practice, and where it breaks down.

## Conclusion

TODO: Sum up what the reader can now do, and what to learn next.

<KeyTakeaways>
- TODO: the first point a reader should remember.
- TODO: the second point.
</KeyTakeaways>
`;
}

/** The post's slug: --slug as given, or made from the title; problems go to `errors`. */
function planSlug(
  root: string,
  given: string | undefined,
  title: string,
  display: (path: string) => string,
  errors: NewPostError[],
): string | undefined {
  let slug: string | undefined;
  if (given !== undefined) {
    if (ID_PATTERN.test(given)) slug = given;
    else
      errors.push({
        field: 'slug',
        message: `--slug "${given}" must be lower-case words joined by hyphens, e.g. "${slugify(given) || 'gradient-descent'}"`,
      });
  } else if (title) {
    slug = slugify(title) || undefined;
    if (!slug)
      errors.push({
        field: 'slug',
        message: `title "${title}" has no letters or digits to make a URL from (pass --slug, e.g. --slug gradient-descent)`,
      });
  }
  if (slug) {
    const existing = findExistingPost(root, slug);
    if (existing)
      errors.push({
        field: 'slug',
        message: `a post with the slug "${slug}" already exists: ${display(existing)} (pick another title or pass --slug)`,
      });
  }
  return slug;
}

/** The author and course ids from --author and --course, matched against the files; problems go to `errors`. */
function planChoices(root: string, options: NewPostOptions, errors: NewPostError[]) {
  const ids: Partial<Record<'author' | 'course', string>> = {};
  for (const field of ['author', 'course'] as const) {
    const choices = readChoices(root, field === 'author' ? 'authors' : 'courses');
    const value = options[field];
    if (value === undefined) {
      const folder = `content/${field === 'author' ? 'authors' : 'courses'}/`;
      const list =
        choices.length > 0 ? `one of: ${describeChoices(choices)}` : `an id, once a file exists in ${folder}`;
      errors.push({ field, missing: field, message: `${field} is missing (pass --${field} with ${list})` });
      continue;
    }
    const result = resolveChoice(field, value, choices);
    if ('id' in result) ids[field] = result.id;
    else errors.push({ field, message: result.error });
  }
  return ids;
}

/**
 * Decides what `npm run new` would write under `root`, with today's date taken at `now` in the
 * site's time zone unless a date is given. Returns every problem at once; nothing is written.
 * `display` turns a root-relative path into the one named in messages, as in checkContent.
 */
export function planNewPost(
  root: string,
  options: NewPostOptions,
  now: Date,
  display: (path: string) => string = (path) => join('content', path),
): NewPostPlan {
  const errors: NewPostError[] = [];
  const title = (options.title ?? '').trim();
  if (!title) {
    errors.push({
      field: 'title',
      missing: 'title',
      message: 'title is missing (write it in quotes: npm run new -- "Gradient descent for managers")',
    });
  } else if (title.length > 140) {
    errors.push({ field: 'title', message: `title is too long (${title.length} characters; keep it to 140 or fewer)` });
  }

  const slug = planSlug(root, options.slug, title, display, errors);

  const date = options.date ?? todayIn(siteConfig.timeZone, now);
  if (!isCalendarDay(date))
    errors.push({
      field: 'date',
      message: `--date "${date}" must be a real calendar day written YYYY-MM-DD, e.g. ${todayIn(siteConfig.timeZone, now)}`,
    });

  const ids = planChoices(root, options, errors);

  const topics = [...(options.topics ?? [])];
  if (topics.length === 0) {
    const known = existingTopics(root).slice(0, 12);
    const hint = known.length > 0 ? `; existing topics include ${known.map((t) => `"${t}"`).join(', ')}` : '';
    errors.push({
      field: 'topics',
      missing: 'topics',
      message: `topics is missing (pass --topics "first topic, second topic"${hint})`,
    });
  }

  if (errors.length > 0 || !slug || !ids.author || !ids.course) return { ok: false, errors };

  const fields: NewPostFields = {
    title,
    description: options.description?.trim() ?? DESCRIPTION_PLACEHOLDER,
    date,
    author: ids.author,
    course: ids.course,
    topics,
  };
  const text = renderPost(fields);
  // The schema has the last word on lengths and counts (description, topics), with its own
  // editor-facing messages; reading the rendered text back also proves the quoting round-trips.
  const result = postSchema.safeParse(parse(splitFrontmatter(text)?.yaml ?? ''));
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || 'post',
        message: issue.message,
      })),
    };
  }
  const file = `posts/${slug}.mdx`;
  return { ok: true, slug, path: join(root, file), file, text, fields };
}
