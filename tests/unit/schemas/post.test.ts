import { describe, expect, test } from 'vitest';
import { postSchema } from '../../../src/schemas/post.ts';

const valid = {
  title: 'Gradient descent for managers',
  description: 'Why the humble gradient step sits under every model you will deploy.',
  date: '2025-07-19',
  author: 'david-chen',
  course: 'mathematical-models-ml',
  views: 8870,
  topics: ['calculus'],
};

/** The messages zod gives for `valid` with `change` applied. */
function messages(change: Record<string, unknown>): string[] {
  const result = postSchema.safeParse({ ...valid, ...change });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('postSchema', () => {
  test('accepts a complete post and fills defaults', () => {
    const post = postSchema.parse({ ...valid, views: undefined });
    expect(post).toMatchObject({ views: 0, draft: false, date: '2025-07-19' });
  });

  test.each([
    ['missing title', { title: undefined }, /^title: title is missing/],
    ['empty title', { title: '   ' }, /^title: title is empty/],
    ['title far too long for a card', { title: 'x'.repeat(141) }, /^title: .*under 140 characters/],
    ['missing description', { description: undefined }, /^description: description is missing/],
    ['empty description', { description: '' }, /^description: description is empty/],
    ['description too long', { description: 'y'.repeat(201) }, /^description: .*under 200 characters/],
    [
      'impossible calendar day',
      { date: '2025-02-30' },
      /^date: date must be a real calendar day written "YYYY-MM-DD" \(got "2025-02-30"\)/,
    ],
    ['non-ISO date', { date: '19/07/2025' }, /^date: date must be a real calendar day/],
    ['unquoted date that YAML parsed into a Date', { date: new Date('2025-03-02') }, /^date: date must be in quotes/],
    ['negative views', { views: -1 }, /^views: views cannot be negative/],
    ['fractional views', { views: 12.5 }, /^views: views must be a whole number/],
    ['views written with a comma', { views: '7,260' }, /^views: views must be a whole number without quotes or commas/],
    [
      'author that is not an id',
      { author: 'David Chen' },
      /^author: author must be the id of a file in content\/authors\//,
    ],
    [
      'course that is not an id',
      { course: 'ML in Finance' },
      /^course: course must be the id of a file in content\/courses\//,
    ],
    [
      'topic with no letter a URL keeps',
      { topics: ['日本語'] },
      /^topics\.0: topic "日本語" has no letter or digit from a–z or 0–9/,
    ],
    ['empty topics', { topics: [] }, /^topics: topics is empty/],
    ['updated before date', { updated: '2025-01-01' }, /^updated: updated is earlier than date/],
    ['draft that is not a boolean', { draft: 'yes' }, /^draft: draft must be true or false/],
  ])('rejects %s', (_, change, expected) => {
    const found = messages(change);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  test('rejects an unknown key and suggests the nearest known one', () => {
    expect(messages({ auther: 'david-chen' })).toEqual([': unknown field "auther" (did you mean "author"?)']);
  });

  test('reports every problem of a post at once', () => {
    expect(messages({ title: '', views: -2, date: '2025-02-30' })).toHaveLength(3);
  });
});
