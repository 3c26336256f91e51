// content/posts/<slug>.mdx frontmatter. The slug is the file name; files starting with _ are ignored.
import { z } from 'astro/zod';
import { slugify } from './slug.ts';
import { idOf, isoDate, strictFields, text } from './fields.ts';

export const postSchema = strictFields({
  /** Shown as the page's <h1>, on cards and in <title>. */
  title: text('title', { max: 140 }).meta({
    title: 'Title',
    description: 'The headline: the page heading, the card title and the browser tab.',
  }),
  /** One or two sentences for cards and <meta name="description">. */
  description: text('description', { min: 20, max: 200 }).meta({
    title: 'Description',
    description: 'One or two sentences, shown on cards and by search engines under the title.',
  }),
  /** Publication day in the site's time zone, quoted: "2025-07-19". */
  // initial: a post created in the editor starts on today's date, as `npm run new` writes it.
  date: isoDate('date').meta({
    title: 'Publication date',
    description: 'The day it goes live, in UK time. A day still to come schedules the article.',
    initial: 'today',
  }),
  /** Day of the last substantial revision, quoted; not before `date`. */
  updated: isoDate('updated')
    .meta({
      title: 'Last revised',
      description: 'Optional: the day of the last substantial revision, on or after the publication date.',
    })
    .optional(),
  /** Id of a file in content/authors/. */
  author: idOf('author', 'authors').meta({
    title: 'Author',
    description: 'Who wrote it. A new person is added under Authors first.',
  }),
  /** Id of a file in content/courses/: the course this article leads to. */
  course: idOf('course', 'courses').meta({
    title: 'Course',
    description: 'The course the article leads to: its call to action and its publisher’s disclaimer end the page.',
  }),
  /** Page views from analytics, a whole number without commas (7260, not "7,260"). */
  views: z
    .number({ error: 'views must be a whole number without quotes or commas, e.g. views: 7260' })
    .int({ error: 'views must be a whole number, e.g. views: 7260' })
    .nonnegative({ error: 'views cannot be negative (write 0 for a new post)' })
    .default(0)
    .meta({
      title: 'Views',
      description: 'Page views from analytics, set by the views import. Not edited by hand.',
      readOnly: true,
    }),
  /** Subjects for grouping and related posts, e.g. ["finance", "time series"]. */
  topics: z
    .array(
      // A topic is also an address, /topics/<slug>/: it needs letters or digits a URL keeps.
      text('topic', { max: 40 }).refine((topic) => slugify(topic) !== '', {
        error: (issue) =>
          `topic ${JSON.stringify(issue.input)} has no letter or digit from a–z or 0–9, which its page address /topics/…/ needs (add an English word)`,
      }),
      {
        error: (issue) =>
          issue.input === undefined
            ? 'topics is missing (add a list such as topics: ["finance"])'
            : 'topics must be a list, e.g. topics: ["finance"]',
      },
    )
    .min(1, { error: 'topics is empty (add at least one topic)' })
    .max(8, { error: 'topics: keep to 8 topics or fewer' })
    .meta({
      title: 'Topics',
      description: '1 to 8 subjects; each has its own page. Reuse a suggested topic where one fits.',
    }),
  /** true keeps the post out of the production build (it still shows in `npm run dev`). */
  draft: z
    .boolean({ error: 'draft must be true or false' })
    .default(false)
    // initial: a post created in the editor starts as a draft, as `npm run new` writes it.
    .meta({
      title: 'Draft',
      description: 'On: kept off the published site (it still shows in npm run dev). Turn it off to publish.',
      initial: true,
    }),
}).refine((post) => post.updated === undefined || post.updated >= post.date, {
  error: 'updated is earlier than date (set it to the day of the revision, on or after date)',
  path: ['updated'],
  // Also run when other fields fail, so an editor sees every problem in one pass.
  when: ({ value }) => {
    const { date, updated } = (value ?? {}) as Record<string, unknown>;
    return typeof date === 'string' && typeof updated === 'string';
  },
});

export type PostData = z.output<typeof postSchema>;
