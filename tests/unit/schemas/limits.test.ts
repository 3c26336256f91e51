// Frontmatter and data files are untrusted input: every text a file can carry has an upper bound,
// so an absurdly long string is refused with a message instead of stretching pages and cards.
import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { authorSchema } from '../../../src/schemas/author.ts';
import { courseSchema } from '../../../src/schemas/course.ts';
import { postSchema } from '../../../src/schemas/post.ts';
import { publisherSchema } from '../../../src/schemas/publisher.ts';

const valid = {
  post: {
    schema: postSchema,
    data: {
      title: 'A title',
      description: 'A description long enough for a card.',
      date: '2025-01-01',
      updated: '2025-02-01',
      author: 'ada',
      course: 'c',
      views: 1,
      topics: ['maths'],
    },
  },
  author: {
    schema: authorSchema,
    data: {
      name: 'Ada',
      role: 'Analyst',
      bio: 'Ada writes about the analytical engine.',
      avatar: '/authors/ada.jpg',
      links: [{ label: 'Site', url: 'https://ada.example/' }],
    },
  },
  course: {
    schema: courseSchema,
    data: {
      name: 'Course',
      shortName: 'C',
      pitch: 'A pitch that is long enough to pass.',
      ctaHeading: 'Learn it',
      benefits: ['grow'],
      enrolUrl: 'https://c.example/enrol',
      publisher: 'p',
    },
  },
  publisher: {
    schema: publisherSchema,
    data: { name: 'Publisher', disclaimer: 'A disclaimer of at least forty characters, as required.' },
  },
} satisfies Record<string, { schema: z.ZodType; data: Record<string, unknown> }>;

/** Every path in `value` that holds a string, e.g. ["links", 0, "url"]. */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function withValue(data: unknown, path: ReadonlyArray<string | number>, value: string): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

describe.each(Object.entries(valid))('%s files', (_, { schema, data }) => {
  test('the valid example parses', () => {
    expect(schema.safeParse(data).success).toBe(true);
  });

  test.each(stringPaths(data).map((path) => [path.join('.'), path] as const))(
    'refuse a 100,000-character %s',
    (_name, path) => {
      const original = path.reduce<unknown>(
        (node, key) => (node as Record<string | number, unknown>)[key],
        data,
      ) as string;
      // Keep the string's shape (an https address stays one) so that only its length is wrong.
      const huge =
        original.startsWith('https://') || original.startsWith('/')
          ? original + 'a'.repeat(100_000)
          : 'a'.repeat(100_000);
      const result = schema.safeParse(withValue(data, path, huge));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(path);
    },
  );
});
